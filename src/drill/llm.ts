/**
 * Drill problems on LLM training and serving: ZeRO memory per GPU, mixture-of-experts FLOPs,
 * time to first token, and replicas for a request rate. Each answer and derivation comes from the
 * calculators. Pure.
 */
import { focus, type Step } from '../calc/derivation.js';
import { infer } from '../calc/infer.js';
import type { GpuPreset, Presets } from '../calc/presets.js';
import { train } from '../calc/train.js';
import { formatCount, formatSeconds, whole } from '../calc/units.js';
import type { Rng } from '../quiz/rng.js';
import type { Problem } from './types.js';

export function pick<T>(items: readonly T[], rng: Rng): T {
  return items[Math.floor(rng() * items.length)]!;
}

/** The preset price of a GPU, with its source, as the calculators take it. */
export function priceOf(gpu: GpuPreset): { usdPerHour: number; source: string } | undefined {
  return gpu.price ? { usdPerHour: gpu.price.usdPerHour, source: `${gpu.price.source}, as of ${gpu.price.asOf}` } : undefined;
}

/**
 * A number of accelerators as said in a sentence: "2 GB200 GPUs", "1 L4 GPU", "4 TPU v5e chips".
 * A preset without a short name keeps its full one ("2 × My Accelerator 96GB").
 */
export function accelerators(n: number, gpu: GpuPreset): string {
  if (!gpu.short) return `${whole(n)} × ${gpu.name}`;
  const noun = /\bTPU\b/i.test(gpu.short) ? 'chip' : 'GPU';
  return `${whole(n)} ${gpu.short} ${noun}${n === 1 ? '' : 's'}`;
}

/** The serving inputs a drill fixes (the calculators' defaults). */
export const servingDefaults = { promptTokens: 1000, outputTokens: 250, mfu: 0.4, bandwidthEfficiency: 1 };

const bigGpus = (p: Presets) => p.gpus.filter((g) => g.bf16Tflops >= 300);

export const LLM_GENERATORS: Record<'zero' | 'moe' | 'ttft' | 'serve', (rng: Rng, p: Presets) => Problem> = {
  zero(rng, p) {
    const params = pick([1.5e9, 7.5e9, 13e9, 70e9, 175e9], rng);
    const gpus = pick([8, 16, 64, 256, 1024], rng);
    const zero = pick([0, 1, 2, 3] as const, rng);
    const r = train({ params, tokens: 1e12, peak: { flopsPerSecond: 989e12 }, mfu: 0.4, gpus, parallel: { tp: 1, pp: 1, ep: 1, zero, optimizer: 'adam', recompute: 'none', microBatch: 1, seqLen: 4096 } });
    return {
      kind: 'zero',
      prompt: `Mixed-precision Adam (bf16 weights and gradients, K = 12 bytes of fp32 state per parameter) on a ${formatCount(params)}-parameter model, data-parallel over ${whole(gpus)} GPUs with ZeRO stage ${zero}: memory per GPU for weights, gradients and optimizer states (no activations)?`,
      inputs: { params, gpus, zero },
      answer: r.json.memoryPerGpuBytes / 1e9,
      unit: 'GB',
      derivation: focus(r.derivation, ['parallel', 'weights', 'grads', 'optimizer', 'per-gpu'], [`Ψ = ${formatCount(params)} parameters, Nd = ${whole(gpus)}, ZeRO-${zero}, K = 12`], (a) => a.startsWith('adam')),
    };
  },
  moe(rng, p) {
    const model = pick(
      p.models.filter((m) => m.activeParams !== undefined),
      rng,
    );
    const tokens = pick([1e12, 2e12, 14.8e12, 15e12, 36e12], rng);
    const gpu = pick(bigGpus(p), rng);
    const r = train({ params: model.params, activeParams: model.activeParams!, tokens, peak: { flopsPerSecond: gpu.bf16Tflops * 1e12, gpu }, mfu: 0.4, model });
    return {
      kind: 'moe',
      prompt: `Training ${model.name} (a mixture of experts: ${formatCount(model.params)} parameters in all, ${formatCount(model.activeParams!)} active per token) on ${formatCount(tokens)} tokens: how many FLOPs?`,
      inputs: { model: model.id, params: model.params, activeParams: model.activeParams!, tokens },
      answer: r.json.flops,
      unit: 'FLOPs',
      derivation: focus(r.derivation, ['flops'], [`N_active = ${formatCount(model.activeParams!)} of ${formatCount(model.params)}`, `D = ${formatCount(tokens)} tokens`], (a) => a.startsWith('mixture of experts') || a.startsWith(model.name)),
    };
  },
  ttft(rng, p) {
    // Dense models only: a short prompt on a mixture of experts is memory-bound, not the compute formula asked for.
    const model = pick(
      p.models.filter((m) => m.activeParams === undefined),
      rng,
    );
    const gpu = pick(bigGpus(p), rng);
    const promptTokens = pick([2000, 4000, 8000, 32000].filter((t) => t <= (model.contextLength ?? Infinity)), rng);
    const base = infer({ params: model.params, model, dtype: 'bf16', gpu, batch: 1, context: promptTokens, ...servingDefaults, promptTokens });
    const gpus = base.json.gpusNeeded;
    const r = infer({ params: model.params, model, dtype: 'bf16', gpu, gpus, batch: 1, context: promptTokens, ...servingDefaults, promptTokens });
    return {
      kind: 'ttft',
      prompt: `Prefill ${/^(?:8|1[18](?:,|$))/.test(whole(promptTokens)) ? 'an' : 'a'} ${whole(promptTokens)}-token prompt on ${model.name} (${formatCount(model.params)} parameters, bf16) ${gpus === 1 ? 'on' : 'across'} ${accelerators(gpus, gpu)} (${whole(gpu.bf16Tflops)} TFLOP/s dense BF16${gpus === 1 ? '' : ' each'}) at 40% MFU: time to first token, compute-bound?`,
      inputs: { model: model.id, params: model.params, gpu: gpu.id, gpus, promptTokens, mfu: 0.4 },
      answer: r.json.prefillSeconds * 1000,
      unit: 'ms',
      derivation: focus(r.derivation, ['flops-per-token', 'prefill'], [`N = ${formatCount(model.params)}, prompt ${whole(promptTokens)} tokens`, `${gpus} × ${gpu.id}, 40% MFU`], (a) => a.startsWith(gpu.name)),
    };
  },
  serve(rng, p) {
    const model = pick(
      p.models.filter((m) => m.activeParams === undefined && m.params <= 80e9),
      rng,
    );
    const gpu = pick(bigGpus(p), rng);
    const batch = pick([16, 32, 64, 128], rng);
    const outputTokens = pick([200, 500, 1000], rng);
    const qps = pick([10, 50, 200, 1000], rng);
    const context = 2000;
    const r = infer({ params: model.params, model, dtype: 'bf16', gpu, batch, context, ...servingDefaults, outputTokens });
    // The prompt states the time per token to 3 significant figures, and the rest follows from that
    // shown value (64 / 11.2 ms = 5,714 tokens/s), so a learner's arithmetic from the prompt matches.
    const tpot = Number(r.json.timePerOutputTokenSeconds.toPrecision(3));
    const perReplica = Math.round(batch / tpot);
    const need = qps * outputTokens;
    const replicas = Math.ceil(need / perReplica);
    const steps: Step[] = [
      ...focus(r.derivation, ['tpot'], []).steps.map((st) => ({ ...st, result: `${formatSeconds(tpot)} per token` })),
      { id: 'per-replica', label: 'Output tokens per second per replica', formula: 'batch / time per token', substitution: `${whole(batch)} / ${formatSeconds(tpot)}`, result: `${whole(perReplica)} tokens/s` },
      { id: 'need', label: 'Output tokens per second needed', formula: 'QPS × output tokens per request', substitution: `${whole(qps)} × ${whole(outputTokens)}`, result: `${whole(need)} tokens/s` },
      { id: 'replicas', label: 'Replicas', formula: '⌈tokens/s needed / tokens/s per replica⌉', substitution: `⌈${whole(need)} / ${whole(perReplica)}⌉`, result: `${whole(replicas)} replica${replicas === 1 ? '' : 's'}` },
    ];
    return {
      kind: 'serve',
      prompt: `${model.name} (bf16) on ${accelerators(r.json.gpus, gpu)} per replica decodes a batch of ${batch} at ${formatSeconds(tpot)} per token (${batch} / ${formatSeconds(tpot)} = ${whole(perReplica)} tokens/s per replica). Serving ${whole(qps)} requests/s of ${whole(outputTokens)} output tokens each: how many replicas?`,
      inputs: { model: model.id, gpu: gpu.id, gpus: r.json.gpus, batch, outputTokens, qps },
      answer: replicas,
      unit: 'replicas',
      derivation: { title: 'Replicas for a request rate', given: [`${whole(qps)} requests/s × ${whole(outputTokens)} output tokens`, `batch ${batch} per replica on ${r.json.gpus} × ${gpu.id}`], steps, assumptions: [`decode only: prefill and queueing headroom come on top (often 20-30 % more replicas)`] },
    };
  },
};

/** What the LLM drills need from the presets. */
export function LLM_NEEDS(p: Presets): Record<'zero' | 'moe' | 'ttft' | 'serve', [keyof Presets, boolean][]> {
  const big = bigGpus(p).length > 0;
  return {
    zero: [['gpus', big]],
    moe: [
      ['models', p.models.some((m) => m.activeParams !== undefined)],
      ['gpus', big],
    ],
    ttft: [
      ['models', p.models.some((m) => m.activeParams === undefined)],
      ['gpus', big],
    ],
    serve: [
      ['models', p.models.some((m) => m.activeParams === undefined && m.params <= 80e9)],
      ['gpus', big],
    ],
  };
}
