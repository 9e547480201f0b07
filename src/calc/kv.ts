/**
 * KV-cache size: 2 (K and V) × layers × KV heads × head dim × bytes per element, per token; times
 * context and batch. With grouped-query attention the KV-head count, not the query-head count,
 * sizes the cache. Pure.
 */
import { assertFinite, type CalcResult } from './derivation.js';
import { DTYPES, type Dtype } from './dtype.js';
import type { ModelPreset } from './presets.js';
import { formatBytes, formatCount } from './units.js';

export interface KvShape {
  layers: number;
  kvHeads: number;
  headDim: number;
  /** Query heads, when known (to point out grouped-query attention). */
  heads?: number;
  slidingWindow?: number;
}

export interface KvInput {
  shape: KvShape;
  model?: ModelPreset;
  dtype: Dtype;
  context: number;
  batch: number;
}

export interface KvJson {
  bytesPerToken: number;
  totalBytes: number;
  /** Tokens actually cached per sequence: the context, capped by a sliding window. */
  cachedTokens: number;
  context: number;
  batch: number;
  dtype: Dtype;
  model?: string;
}

/** Bytes of K and V cached per token: 2 · L · H_kv · d_head · bytes. */
export function kvBytesPerToken(shape: KvShape, bytesPerElement: number): number {
  return 2 * shape.layers * shape.kvHeads * shape.headDim * bytesPerElement;
}

/** Tokens held per sequence: the context, or the sliding window when it is shorter. */
export function cachedTokens(shape: KvShape, context: number): number {
  return shape.slidingWindow !== undefined ? Math.min(context, shape.slidingWindow) : context;
}

/** "2 × 32 layers × 8 KV heads × 128 × 2 B". */
export function kvSubstitution(shape: KvShape, bytesPerElement: number): string {
  return `2 × ${shape.layers} layers × ${shape.kvHeads} KV heads × ${shape.headDim} × ${bytesPerElement} B`;
}

/** "2.15 GB (2 GiB)": decimal and binary, since people quote both. */
export function bothBytes(n: number): string {
  const dec = formatBytes(n);
  const bin = formatBytes(n, true);
  return dec.replace(/ /g, '') === bin.replace(/ /g, '') || n < 1000 ? dec : `${dec} (${bin})`;
}

export function kv(input: KvInput): CalcResult<KvJson> {
  const { shape, dtype, context, batch } = input;
  const b = DTYPES[dtype];
  const perToken = kvBytesPerToken(shape, b);
  const tokens = cachedTokens(shape, context);
  const total = batch * tokens * perToken;
  const json: KvJson = { bytesPerToken: perToken, totalBytes: total, cachedTokens: tokens, context, batch, dtype, ...(input.model ? { model: input.model.id } : {}) };
  assertFinite(json, 'kv');
  const gqa = shape.heads !== undefined && shape.heads > shape.kvHeads;
  const steps = [
    {
      label: 'KV cache per token',
      formula: '2 (K and V) · layers · KV heads · head dim · bytes',
      substitution: kvSubstitution(shape, b),
      result: `${bothBytes(perToken)} per token`,
      note: gqa ? `grouped-query attention: ${shape.kvHeads} KV heads serve ${shape.heads} query heads, a ${shape.heads! / shape.kvHeads}x smaller cache` : undefined,
    },
    {
      label: 'Whole cache',
      formula: 'batch · tokens cached · bytes per token',
      substitution: `${batch} × ${tokens.toLocaleString('en-US')} × ${bothBytes(perToken)}`,
      result: bothBytes(total),
      note: tokens < context ? `sliding window: only the last ${tokens.toLocaleString('en-US')} of ${context.toLocaleString('en-US')} tokens are cached` : undefined,
    },
  ];
  const assumptions = [
    `${dtype} cache: ${b} byte${b === 1 ? '' : 's'} per element; every sequence at the full context (a worst case for serving)`,
    input.model ? `${input.model.name}: ${input.model.layers} layers, ${input.model.kvHeads} KV heads, head dim ${input.model.headDim} — ${input.model.source}, as of ${input.model.asOf}` : 'shape as given',
  ];
  const given = [input.model ? `model ${input.model.name} (${formatCount(input.model.params)} parameters)` : `${shape.layers} layers, ${shape.kvHeads} KV heads, head dim ${shape.headDim}`, `context ${context.toLocaleString('en-US')} tokens, batch ${batch}`];
  return { json, derivation: { title: 'KV-cache size', given, steps, assumptions } };
}
