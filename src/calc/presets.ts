/**
 * Presets: accelerators, model shapes, storage tiers and egress prices, each entry with the
 * source and as-of date of its numbers. Validated with zod; sizes may be written with units
 * ("80 GB", "3350 GB/s", "6.74B") and are parsed by the one unit parser. Pure: takes parsed YAML
 * documents, returns presets and positioned problems; reading the files is the shell's job.
 */
import { z } from 'zod';
import type { DataPath, Problem } from '../curriculum/yaml.js';
import { ACCEPTED, parseQuantity, type Kind } from './units.js';

/** Preset ids are lower-case and stable: scripts and `--gpu`/`--model`/`--tier` refer to them. */
const Id = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'ids are lower-case letters, digits, "." and "-"');
/** When the numbers were true: YYYY, YYYY-MM or YYYY-MM-DD. */
const AsOf = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected a date such as 2024, 2024-06 or 2024-06-30');
const sourced = { source: z.string().min(3), asOf: AsOf };

/** A positive quantity written as a number or with units; `perSecond` requires and strips "/s". */
function quantity(kind: Kind, opts: { perSecond?: boolean; positive?: boolean } = {}) {
  return z.union([z.number(), z.string()]).transform((raw, ctx) => {
    let text = String(raw).trim();
    if (opts.perSecond) {
      if (typeof raw === 'string' && !/\/\s*s$/.test(text)) {
        ctx.addIssue({ code: 'custom', message: `expected a rate such as 2039 GB/s` });
        return z.NEVER;
      }
      text = text.replace(/\/\s*s$/, '');
    }
    const r = parseQuantity(text, kind);
    if (!r.ok || (opts.positive !== false && r.value <= 0)) {
      ctx.addIssue({ code: 'custom', message: r.ok ? `must be more than 0; expected ${ACCEPTED[kind]}` : r.error });
      return z.NEVER;
    }
    return r.value;
  });
}

const positive = z.number().positive();
const wholeNumber = z.number().int().positive();

export const GpuPreset = z
  .object({
    id: Id,
    name: z.string().min(1),
    /** The name as said in a sentence ("GB200", "TPU v5e"); drill prompts use it, `name` otherwise. */
    short: z.string().min(1).max(24).optional(),
    /** Dense BF16 (or FP16 where there is no BF16) tensor throughput, TFLOP/s. */
    bf16Tflops: positive,
    /** Dense FP8 throughput, TFLOP/s, where the chip has FP8. */
    fp8Tflops: positive.optional(),
    /** Dense FP4 throughput, TFLOP/s, where the chip has FP4 (Blackwell NVFP4, CDNA 4 MXFP4). */
    fp4Tflops: positive.optional(),
    /** Dense INT8 throughput, TOP/s, where the chip has INT8 tensor units. */
    int8Tops: positive.optional(),
    /** Formats the matrix units run natively; others are stored in that format but computed in 16 bits. */
    dtypes: z.array(z.enum(['fp32', 'bf16', 'fp16', 'fp8', 'int8', 'int4', 'fp4'])).min(1).optional(),
    /** Memory in bytes (written "80 GB"). */
    memory: quantity('bytes'),
    /** Memory bandwidth in bytes per second (written "3350 GB/s"). */
    bandwidth: quantity('bytes', { perSecond: true }),
    tdpWatts: positive,
    ...sourced,
    /** A typical rental price, with its own source and date (prices move faster than specs). */
    price: z.object({ usdPerHour: z.number().nonnegative(), ...sourced }).strict().optional(),
  })
  .strict();

export const ModelPreset = z
  .object({
    id: Id,
    name: z.string().min(1),
    /** Total parameters (written "6.74B"). */
    params: quantity('count'),
    layers: wholeNumber,
    hidden: wholeNumber,
    heads: wholeNumber,
    /** Key/value heads: fewer than `heads` with grouped-query attention. */
    kvHeads: wholeNumber,
    headDim: wholeNumber,
    /** Trained context length, tokens. */
    contextLength: wholeNumber.optional(),
    /** Sliding-window (or chunked) attention span: those layers never cache more tokens than this. */
    slidingWindow: wholeNumber.optional(),
    /** How many layers use the window (default: all of them); the rest attend to the whole context. */
    slidingWindowLayers: wholeNumber.optional(),
    /**
     * `sliding` (default): a layer attends to the last `slidingWindow` tokens (Mistral, gpt-oss).
     * `chunked`: it attends within fixed `slidingWindow`-token chunks (Llama 4's attention_chunk_size).
     * Either way such a layer caches at most that many tokens; only the wording differs.
     */
    windowKind: z.enum(['sliding', 'chunked']).optional(),
    /** Parameters used per token (mixture of experts); the same as `params` for a dense model. */
    activeParams: quantity('count').optional(),
    /** Routed experts per MoE layer, and how many each token goes to. */
    experts: wholeNumber.optional(),
    expertsPerToken: wholeNumber.optional(),
    /** mha, gqa (fewer KV heads than heads) or mla (a compressed latent per token); default from kvHeads. */
    attention: z.enum(['mha', 'gqa', 'mla']).optional(),
    /** MLA: the compressed key/value latent cached per token per layer (DeepSeek's kv_lora_rank). */
    kvLoraRank: wholeNumber.optional(),
    /** MLA: the decoupled RoPE key dimension cached beside the latent (qk_rope_head_dim). */
    ropeHeadDim: wholeNumber.optional(),
    ...sourced,
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.attention === 'mla' && (m.kvLoraRank === undefined || m.ropeHeadDim === undefined)) ctx.addIssue({ code: 'custom', path: ['attention'], message: 'mla needs kvLoraRank and ropeHeadDim' });
    if (m.slidingWindowLayers !== undefined && (m.slidingWindow === undefined || m.slidingWindowLayers > m.layers)) ctx.addIssue({ code: 'custom', path: ['slidingWindowLayers'], message: 'needs slidingWindow, and at most layers' });
    if (m.windowKind !== undefined && m.slidingWindow === undefined) ctx.addIssue({ code: 'custom', path: ['windowKind'], message: 'needs slidingWindow' });
    if (m.activeParams !== undefined && m.activeParams > m.params) ctx.addIssue({ code: 'custom', path: ['activeParams'], message: 'cannot exceed params' });
    if ((m.experts === undefined) !== (m.expertsPerToken === undefined) || (m.experts !== undefined && m.expertsPerToken! > m.experts)) ctx.addIssue({ code: 'custom', path: ['experts'], message: 'give experts and expertsPerToken together (expertsPerToken ≤ experts)' });
  });

/** One price step: applies to the part of the month's total up to `upToGb` (no limit on the last). */
const PriceTier = (field: 'usdPerGbMonth' | 'usdPerGb') =>
  z
    .object({ upToGb: positive.optional(), [field]: z.number().nonnegative() })
    .strict()
    .transform((t) => ({ upToGb: t.upToGb, usdPerGb: (t as Record<string, number>)[field]! }));

const tierList = (field: 'usdPerGbMonth' | 'usdPerGb') =>
  z
    .array(PriceTier(field))
    .min(1)
    .superRefine((tiers, ctx) => {
      tiers.forEach((t, i) => {
        const last = i === tiers.length - 1;
        if (last && t.upToGb !== undefined) ctx.addIssue({ code: 'custom', path: [i, 'upToGb'], message: 'the last tier has no upToGb (it has no limit)' });
        if (!last && t.upToGb === undefined) ctx.addIssue({ code: 'custom', path: [i], message: 'every tier but the last needs upToGb' });
        const prev = tiers[i - 1]?.upToGb;
        if (prev !== undefined && t.upToGb !== undefined && t.upToGb <= prev) ctx.addIssue({ code: 'custom', path: [i, 'upToGb'], message: 'upToGb must increase from tier to tier' });
      });
    });

export const StoragePreset = z
  .object({
    id: Id,
    name: z.string().min(1),
    /** Price per GB-month, tiered by the month's stored total. */
    tiers: tierList('usdPerGbMonth'),
    /** Fee per GB read back, where the tier charges one. */
    retrievalUsdPerGb: z.number().nonnegative().optional(),
    /** Minimum billed storage duration, days. */
    minDays: wholeNumber.optional(),
    ...sourced,
  })
  .strict();

export const EgressPreset = z
  .object({ id: Id, name: z.string().min(1), tiers: tierList('usdPerGb'), ...sourced })
  .strict();

/** One presets file: any mix of the four lists. */
export const PresetFile = z
  .object({
    /** The presets file format; this build reads format 1. */
    format: z.literal(1),
    gpus: z.array(GpuPreset).optional(),
    models: z.array(ModelPreset).optional(),
    storage: z.array(StoragePreset).optional(),
    egress: z.array(EgressPreset).optional(),
  })
  .strict();

export type GpuPreset = z.output<typeof GpuPreset>;
export type ModelPreset = z.output<typeof ModelPreset>;
export type StoragePreset = z.output<typeof StoragePreset>;
export type EgressPreset = z.output<typeof EgressPreset>;
export type PriceTier = { upToGb?: number; usdPerGb: number };

export interface Presets {
  gpus: GpuPreset[];
  models: ModelPreset[];
  storage: StoragePreset[];
  egress: EgressPreset[];
}

export const PRESET_LISTS = ['gpus', 'models', 'storage', 'egress'] as const;
export type PresetList = (typeof PRESET_LISTS)[number];

/** A parsed YAML document, as `parseYaml` returns it. */
export interface PresetSource {
  file: string;
  data: unknown;
  locate: (path: DataPath) => { line: number; col: number };
  problems: Problem[];
}

export function emptyPresets(): Presets {
  return { gpus: [], models: [], storage: [], egress: [] };
}

/**
 * Validates each document and merges them in order: a later entry replaces an earlier one with
 * the same id (so `--presets FILE` overrides the bundled values), new ids are appended.
 */
export function buildPresets(sources: readonly PresetSource[]): { presets: Presets; problems: Problem[] } {
  const presets = emptyPresets();
  const problems: Problem[] = [];
  for (const src of sources) {
    if (src.problems.length) {
      problems.push(...src.problems);
      continue;
    }
    const parsed = PresetFile.safeParse(src.data);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
        const where = src.locate(path);
        problems.push({ file: src.file, ...where, message: `${path.join('.') || '(top level)'}: ${issue.message}` });
      }
      continue;
    }
    for (const list of PRESET_LISTS) for (const entry of parsed.data[list] ?? []) upsert(presets[list] as { id: string }[], entry);
  }
  return { presets, problems };
}

function upsert<T extends { id: string }>(list: T[], entry: T): void {
  const i = list.findIndex((e) => e.id === entry.id);
  if (i >= 0) list[i] = entry;
  else list.push(entry);
}

/** The preset with `id` (case-insensitive), or undefined. */
export function findPreset<T extends { id: string }>(list: readonly T[], id: string): T | undefined {
  const want = id.trim().toLowerCase();
  return list.find((e) => e.id === want);
}
