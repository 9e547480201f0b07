/**
 * Estimation problems generated from the calculators: realistic inputs drawn from the presets
 * with a seeded rng, the answer and the worked derivation computed by the same formulas as
 * `study calc`. Each problem shows only the derivation steps its question needs, with its own
 * inputs as the given lines. Pure.
 */
import { capacity } from '../calc/capacity.js';
import { focus } from '../calc/derivation.js';
import { infer } from '../calc/infer.js';
import { describeWindow, kv } from '../calc/kv.js';
import type { Presets } from '../calc/presets.js';
import { storage } from '../calc/storage.js';
import { train } from '../calc/train.js';
import { formatBytes, formatCount, formatPercent, formatUsd, whole } from '../calc/units.js';
import type { Rng } from '../quiz/rng.js';
import { accelerators, LLM_GENERATORS, LLM_NEEDS, pick, priceOf, servingDefaults } from './llm.js';
import type { Problem, ProblemKind } from './types.js';

export type { Problem, ProblemKind } from './types.js';

export const DRILL_KINDS = ['train', 'infer', 'kv', 'storage', 'capacity', 'zero', 'moe', 'ttft', 'serve', 'mixed'] as const;
export type DrillKind = (typeof DRILL_KINDS)[number];

const BASIC: Record<'train' | 'infer' | 'kv' | 'storage' | 'capacity', (rng: Rng, p: Presets) => Problem> = {
  train(rng, p): Problem {
    const params = pick([1e9, 3e9, 7e9, 13e9, 34e9, 70e9, 175e9, 405e9], rng);
    const tokens = pick([300e9, 1e12, 2e12, 15e12], rng);
    const gpu = pick(
      p.gpus.filter((g) => g.bf16Tflops >= 300),
      rng,
    );
    const gpus = pick([256, 512, 1024, 2048, 4096], rng);
    const price = priceOf(gpu);
    const r = train({ params, tokens, peak: { flopsPerSecond: gpu.bf16Tflops * 1e12, gpu }, mfu: 0.4, gpus, ...(price ? { price } : {}) });
    const given = [`parameters N = ${formatCount(params)}`, `tokens D = ${formatCount(tokens)}`];
    if (rng() < 0.5) {
      return { kind: 'train', prompt: `Training a ${formatCount(params)}-parameter model on ${formatCount(tokens)} tokens: how many FLOPs?`, inputs: { params, tokens }, answer: r.json.flops, unit: 'FLOPs', derivation: focus(r.derivation, ['flops'], given, () => false) };
    }
    return {
      kind: 'train',
      prompt: `Training a ${formatCount(params)}-parameter model on ${formatCount(tokens)} tokens with ${accelerators(gpus, gpu)} (${whole(gpu.bf16Tflops)} TFLOP/s dense BF16 each) at 40% MFU: how many days?`,
      inputs: { params, tokens, gpu: gpu.id, gpus, mfu: 0.4 },
      answer: r.json.wallClockDays!,
      unit: 'days',
      derivation: focus(r.derivation, ['flops', 'throughput', 'gpu-hours', 'wall-clock'], [...given, `${whole(gpus)} × ${gpu.id} at 40% MFU`], (a) => a.startsWith(gpu.name)),
    };
  },
  infer(rng, p): Problem {
    const model = pick(p.models, rng);
    const dtype = pick(['fp16', 'int8', 'int4'] as const, rng);
    const gpu = pick(p.gpus, rng);
    const r = infer({ params: model.params, model, dtype, gpu, batch: 1, context: 4096, ...servingDefaults });
    if (rng() < 0.5) {
      return {
        kind: 'infer',
        prompt: `${model.name} (${formatCount(model.params)} parameters) in ${dtype}: how much memory do the weights alone take?`,
        inputs: { model: model.id, params: model.params, dtype },
        answer: r.json.weightBytes / 1e9,
        unit: 'GB',
        derivation: focus(r.derivation, ['weights'], [`${model.name}: ${formatCount(model.params)} parameters in ${dtype}`], () => false),
      };
    }
    return {
      kind: 'infer',
      prompt: `${model.name} in ${dtype} on ${accelerators(r.json.gpus, gpu)} (${formatBytes(gpu.bandwidth)}/s${r.json.gpus === 1 ? '' : ' each'}), one sequence of 4,096 tokens: decode tokens per second, memory-bandwidth bound?`,
      inputs: { model: model.id, params: model.params, dtype, gpu: gpu.id, batch: 1, context: 4096, gpus: r.json.gpus },
      answer: r.json.decodeTokensPerSecond,
      unit: 'tokens/s',
      derivation: focus(r.derivation, ['weights', 'kv', 'decode'], [`${model.name} in ${dtype}`, `${r.json.gpus} × ${gpu.id}, one sequence of 4,096 tokens`], (a) => !/^MFU|usable/.test(a)),
    };
  },
  kv(rng, p): Problem {
    const model = pick(p.models, rng);
    const context = pick(
      [2048, 4096, 8192, 32768].filter((c) => c <= (model.contextLength ?? Infinity)),
      rng,
    );
    const batch = pick([1, 8, 32, 64], rng);
    const r = kv({ shape: model, model, dtype: 'fp16', context, batch });
    const shape = model.attention === 'mla' ? `MLA latent ${model.kvLoraRank} + RoPE key ${model.ropeHeadDim}` : `${model.kvHeads} KV heads, head dim ${model.headDim}`;
    const window = model.slidingWindow ? `, ${describeWindow(model, `${model.slidingWindowLayers ?? model.layers} layers`)}` : '';
    return {
      kind: 'kv',
      prompt: `KV cache for ${model.name} (${model.layers} layers, ${shape}${window}) in fp16, batch ${batch} at ${whole(context)} tokens: how big?`,
      inputs: { model: model.id, dtype: 'fp16', context, batch },
      answer: r.json.totalBytes / 1e9,
      unit: 'GB',
      derivation: { ...r.derivation, given: [`${model.name}, fp16`, `batch ${batch}, ${whole(context)} tokens`] },
    };
  },
  storage(rng, p): Problem {
    const tier = pick(p.storage, rng);
    const sizeBytes = pick([10e12, 50e12, 200e12, 1e15], rng);
    const months = pick([12, 24, 36], rng);
    const growthPerMonth = pick([0, 0.02, 0.05], rng);
    const r = storage({ sizeBytes, price: { tier }, months, growthPerMonth, replicas: 1 });
    const growth = growthPerMonth ? `, growing ${formatPercent(growthPerMonth)} a month` : '';
    return {
      kind: 'storage',
      // The tier's name without its description ("EBS gp3", not "EBS gp3 (block SSD, …)"): the price follows in brackets.
      prompt: `${formatBytes(sizeBytes)} in ${tier.name.replace(/\s*\([^()]*\)$/, '')} (${formatUsd(tier.tiers[0]!.usdPerGb)}/GB-month${tier.tiers.length > 1 ? ' at first' : ''})${growth}: total cost over ${months} months?`,
      inputs: { sizeBytes, tier: tier.id, months, growthPerMonth },
      answer: r.json.totalCostUsd,
      unit: 'USD',
      derivation: focus(r.derivation, ['month-1', 'month-n', 'cost-1', 'total'], [`${formatBytes(sizeBytes)} in ${tier.id}`, `${months} months${growth}`]),
    };
  },
  capacity(rng): Problem {
    const dau = pick([1e6, 10e6, 50e6, 100e6, 500e6], rng);
    const requestsPerUser = pick([5, 10, 20, 50, 100], rng);
    const peakFactor = pick([2, 3], rng);
    const writesPerUser = pick([1, 2, 5, 10], rng);
    const bytesPerWrite = pick([200, 1000, 5000], rng);
    const base = { dau, requestsPerUser, peakFactor, writesPerUser, bytesPerWrite, responseBytes: 0, retentionYears: 5, replicas: 3, qpsPerServer: 1000, defaulted: [] };
    const r = capacity(base);
    if (rng() < 0.5) {
      return {
        kind: 'capacity',
        prompt: `${formatCount(dau)} daily users, ${requestsPerUser} requests each a day, peak ${peakFactor}× average: peak QPS?`,
        inputs: { dau, requestsPerUser, peakFactor },
        answer: r.json.peakQps,
        unit: 'QPS',
        derivation: focus(r.derivation, ['avg-qps', 'peak-qps'], [`${formatCount(dau)} daily users × ${requestsPerUser} requests a day`, `peak ${peakFactor}× average`], (a) => a.startsWith('a day')),
      };
    }
    return {
      kind: 'capacity',
      prompt: `${formatCount(dau)} daily users each write ${writesPerUser} record${writesPerUser === 1 ? '' : 's'} of ${formatBytes(bytesPerWrite)} a day, kept 5 years with 3 replicas: total storage?`,
      inputs: { dau, writesPerUser, bytesPerWrite, retentionYears: 5, replicas: 3 },
      answer: r.json.storageBytes / 1e12,
      unit: 'TB',
      derivation: { ...focus(r.derivation, ['per-day', 'storage'], [`${formatCount(dau)} daily users × ${writesPerUser} writes of ${formatBytes(bytesPerWrite)}`, 'kept 5 years, 3 replicas'], () => false), assumptions: ['a year is 365 days'] },
    };
  },
};

const GENERATORS: Record<ProblemKind, (rng: Rng, p: Presets) => Problem> = { ...BASIC, ...LLM_GENERATORS };
const MIXABLE = Object.keys(GENERATORS) as ProblemKind[];

/** `count` problems of `kind` (mixed draws a kind for each). */
export function generateProblems(kind: DrillKind, count: number, rng: Rng, presets: Presets): Problem[] {
  return Array.from({ length: count }, () => GENERATORS[kind === 'mixed' ? pick(MIXABLE, rng) : kind](rng, presets));
}

/** What a drill needs from the presets, checked up front so a trimmed presets file fails clearly. */
export function missingPresets(kind: DrillKind, p: Presets): string | undefined {
  const needs: Record<ProblemKind, [keyof Presets, boolean][]> = {
    train: [['gpus', p.gpus.some((g) => g.bf16Tflops >= 300)]],
    infer: [
      ['models', p.models.length > 0],
      ['gpus', p.gpus.length > 0],
    ],
    kv: [['models', p.models.length > 0]],
    storage: [['storage', p.storage.length > 0]],
    capacity: [],
    ...LLM_NEEDS(p),
  };
  const kinds = kind === 'mixed' ? MIXABLE : [kind];
  const gap = kinds.flatMap((k) => needs[k]).find(([, ok]) => !ok);
  return gap ? gap[0] : undefined;
}
