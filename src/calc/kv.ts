/**
 * KV-cache size by attention type, per token and per sequence. Pure.
 * - MHA and GQA cache a key and a value per KV head per layer: 2 · H_kv · d_head elements, so with
 *   grouped-query attention the KV-head count, not the query-head count, sizes the cache.
 * - MLA (DeepSeek-V2/V3) caches one compressed latent of rank d_c plus a decoupled RoPE key of
 *   d_R per layer, shared by every head: d_c + d_R elements (DeepSeek-V2 report, §2.1).
 * - Sliding-window layers keep at most the last W tokens, chunked-attention layers (Llama 4) at most
 *   their current W-token chunk; the others keep them all.
 */
import { assertFinite, type CalcResult, type Step } from './derivation.js';
import { DTYPES, type Dtype } from './dtype.js';
import type { ModelPreset } from './presets.js';
import { formatBytes, formatCount, whole } from './units.js';

export type Attention = 'mha' | 'gqa' | 'mla';

export interface KvShape {
  layers: number;
  kvHeads: number;
  headDim: number;
  /** Query heads, when known (to point out grouped-query attention). */
  heads?: number;
  attention?: Attention;
  kvLoraRank?: number;
  ropeHeadDim?: number;
  slidingWindow?: number;
  /** Layers using the window; all of them when absent. */
  slidingWindowLayers?: number;
  /** A sliding window (the default) or fixed chunks (Llama 4): the same cache bound, other words. */
  windowKind?: 'sliding' | 'chunked';
}

export interface KvInput {
  shape: KvShape;
  model?: ModelPreset;
  dtype: Dtype;
  context: number;
  batch: number;
}

export interface KvJson {
  /** Bytes cached per token across every layer (before any sliding window). */
  bytesPerToken: number;
  totalBytes: number;
  /** Tokens cached per sequence, averaged over layers: the context, less what sliding windows drop. */
  cachedTokens: number;
  /** Bytes cached for one sequence at this context. */
  bytesPerSequence: number;
  attention: Attention;
  context: number;
  batch: number;
  dtype: Dtype;
  model?: string;
}

/** The attention type: as given, else GQA when there are fewer KV heads than heads. */
export function attentionOf(shape: KvShape): Attention {
  if (shape.attention) return shape.attention;
  return shape.heads !== undefined && shape.heads > shape.kvHeads ? 'gqa' : 'mha';
}

/** Elements cached per token per layer. */
export function elementsPerLayer(shape: KvShape): number {
  return attentionOf(shape) === 'mla' ? shape.kvLoraRank! + shape.ropeHeadDim! : 2 * shape.kvHeads * shape.headDim;
}

/** Bytes of KV cached per token over all layers. */
export function kvBytesPerToken(shape: KvShape, bytesPerElement: number): number {
  return shape.layers * elementsPerLayer(shape) * bytesPerElement;
}

/** Layers that use the sliding window. */
function windowLayers(shape: KvShape): number {
  return shape.slidingWindow === undefined ? 0 : (shape.slidingWindowLayers ?? shape.layers);
}

/** Tokens held per sequence, averaged over layers: full layers keep the context, window layers at most the window. */
export function cachedTokens(shape: KvShape, context: number): number {
  const w = windowLayers(shape);
  if (w === 0) return context;
  return ((shape.layers - w) * context + w * Math.min(context, shape.slidingWindow!)) / shape.layers;
}

/** Bytes cached for one sequence of `context` tokens. */
export function kvBytesPerSequence(shape: KvShape, bytesPerElement: number, context: number): number {
  return cachedTokens(shape, context) * kvBytesPerToken(shape, bytesPerElement);
}

/** "2 × 32 layers × 8 KV heads × 128 × 2 B", or for MLA "32 layers × (512 + 64) × 2 B". */
export function kvSubstitution(shape: KvShape, bytesPerElement: number): string {
  if (attentionOf(shape) === 'mla') return `${shape.layers} layers × (${shape.kvLoraRank} + ${shape.ropeHeadDim}) × ${bytesPerElement} B`;
  return `2 × ${shape.layers} layers × ${shape.kvHeads} KV heads × ${shape.headDim} × ${bytesPerElement} B`;
}

/** The per-token formula in symbols for this attention type. */
export function kvFormula(shape: KvShape): string {
  return attentionOf(shape) === 'mla' ? 'layers · (latent rank d_c + RoPE key d_R) · bytes' : '2 (K and V) · layers · KV heads · head dim · bytes';
}

/** How the sequence length enters, in symbols and numbers ("4,096 tokens" or the sliding-window mix). */
export function tokensSubstitution(shape: KvShape, context: number): string {
  const w = windowLayers(shape);
  if (w === 0 || context <= shape.slidingWindow!) return `${whole(context)} tokens`;
  if (w === shape.layers) return `${whole(shape.slidingWindow!)} tokens (${shape.windowKind === 'chunked' ? 'one chunk' : 'the window'})`;
  return `(${shape.layers - w} × ${whole(context)} + ${w} × ${whole(shape.slidingWindow!)}) / ${shape.layers} tokens`;
}

/** "2.15 GB (2 GiB)": decimal and binary, since people quote both. */
export function bothBytes(n: number): string {
  const dec = formatBytes(n);
  const bin = formatBytes(n, true);
  return dec.replace(/ /g, '') === bin.replace(/ /g, '') || n < 1000 ? dec : `${dec} (${bin})`;
}

/** One line on why this attention type caches what it does. */
export function attentionNote(shape: KvShape): string | undefined {
  const a = attentionOf(shape);
  if (a === 'mla') {
    const mha = 2 * (shape.heads ?? shape.kvHeads) * shape.headDim;
    return `multi-head latent attention: one ${shape.kvLoraRank}-wide latent plus a ${shape.ropeHeadDim}-wide RoPE key per layer instead of ${whole(mha)} K and V values, ${formatCount(mha / elementsPerLayer(shape))}× smaller than MHA`;
  }
  if (a === 'gqa') return `grouped-query attention: ${shape.kvHeads} KV heads serve ${shape.heads} query heads, so the cache is ${formatCount(shape.heads! / shape.kvHeads)}× smaller than with MHA`;
  return undefined;
}

export function kv(input: KvInput): CalcResult<KvJson> {
  const { shape, dtype, context, batch } = input;
  const b = DTYPES[dtype];
  const perToken = kvBytesPerToken(shape, b);
  const tokens = cachedTokens(shape, context);
  const perSequence = tokens * perToken;
  const total = batch * perSequence;
  const json: KvJson = {
    bytesPerToken: perToken,
    totalBytes: total,
    cachedTokens: tokens,
    bytesPerSequence: perSequence,
    attention: attentionOf(shape),
    context,
    batch,
    dtype,
    ...(input.model ? { model: input.model.id } : {}),
  };
  assertFinite(json, 'kv');
  const w = windowLayers(shape);
  const steps: Step[] = [
    { id: 'per-token', label: 'KV cache per token', formula: kvFormula(shape), substitution: kvSubstitution(shape, b), result: `${bothBytes(perToken)} per token`, note: attentionNote(shape) },
    {
      id: 'total',
      label: 'Whole cache',
      formula: 'batch · tokens cached · bytes per token',
      substitution: `${batch} × ${tokensSubstitution(shape, context)} × ${bothBytes(perToken)}`,
      result: bothBytes(total),
      note:
        tokens < context
          ? shape.windowKind === 'chunked'
            ? w === shape.layers
              ? `chunked attention: every layer attends only within its current ${whole(shape.slidingWindow!)}-token chunk, so at most ${whole(shape.slidingWindow!)} of ${whole(context)} tokens are cached`
              : `${w} of ${shape.layers} layers attend only within their current ${whole(shape.slidingWindow!)}-token chunk, so each caches at most ${whole(shape.slidingWindow!)} of the ${whole(context)} tokens`
            : w === shape.layers
              ? `sliding window: only the last ${whole(shape.slidingWindow!)} of ${whole(context)} tokens are cached`
              : `${w} of ${shape.layers} layers attend only to the last ${whole(shape.slidingWindow!)} tokens`
          : undefined,
    },
  ];
  const m = input.model;
  const assumptions = [
    `${dtype} cache: ${b} byte${b === 1 ? '' : 's'} per element; every sequence at the full context (a worst case for serving)`,
    m ? `${m.name}: ${describeShape(m)} — ${m.source}, as of ${m.asOf}` : 'shape as given',
  ];
  const given = [m ? `model ${m.name} (${formatCount(m.params)} parameters)` : describeShape(shape), `context ${whole(context)} tokens, batch ${batch}`];
  return { json, derivation: { title: 'KV-cache size', given, steps, assumptions } };
}

/** "32 layers, 8 KV heads, head dim 128" or the MLA dimensions, plus any window. */
export function describeShape(s: KvShape): string {
  const core =
    attentionOf(s) === 'mla'
      ? `${s.layers} layers, MLA latent ${s.kvLoraRank} + RoPE key ${s.ropeHeadDim}`
      : `${s.layers} layers, ${s.heads !== undefined ? `${s.heads} heads, ` : ''}${s.kvHeads} KV heads, head dim ${s.headDim}`;
  const w = windowLayers(s);
  return w ? `${core}, ${describeWindow(s, w === s.layers ? 'every layer' : `${w} of ${s.layers} layers`)}` : core;
}

/**
 * The window layers in words, after `who` ("36 of 48 layers"): "windowed to 4,096 tokens" for a
 * sliding window, "with 8,192-token chunked attention" for Llama 4's chunks.
 */
export function describeWindow(s: Pick<KvShape, 'slidingWindow' | 'windowKind'>, who: string): string {
  return s.windowKind === 'chunked' ? `${who} with ${whole(s.slidingWindow!)}-token chunked attention` : `${who} windowed to ${whole(s.slidingWindow!)} tokens`;
}
