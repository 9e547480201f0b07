/**
 * Training compute, time, cost and memory: C ≈ 6·N·D (Kaplan et al. 2020), GPU-hours at a model
 * FLOPs utilisation, the Chinchilla compute-optimal split (D ≈ 20·N, Hoffmann et al. 2022), and
 * the memory of mixed-precision Adam. Pure.
 */
import { assertFinite, count, type CalcResult, type Step } from './derivation.js';
import type { GpuPreset } from './presets.js';
import { formatBytes, formatCount, formatFlops, formatPercent, formatUsd, sigFigs } from './units.js';

/** Bytes per parameter for mixed-precision Adam: 2 (bf16 weights) + 2 (grads) + 12 (fp32 master, m, v). */
export const ADAM_BYTES_PER_PARAM = 16;
/** Chinchilla's compute-optimal ratio of tokens to parameters. */
export const CHINCHILLA_TOKENS_PER_PARAM = 20;
/** 1 PF-day = 1e15 FLOP/s for a day. */
const PF_DAY = 1e15 * 86_400;

export type TrainInput = ({ params: number; tokens: number } | { compute: number }) & {
  /** Peak dense FLOP/s per GPU and where it came from. */
  peak: { flopsPerSecond: number; gpu?: GpuPreset; isDefault?: boolean };
  /** Model FLOPs utilisation, 0..1. */
  mfu: number;
  mfuIsDefault?: boolean;
  gpus?: number;
  /** $ per GPU-hour and where it came from. */
  price?: { usdPerHour: number; source?: string };
};

export interface TrainJson {
  flops: number;
  params: number;
  tokens: number;
  /** True when params and tokens were derived from --compute (compute-optimal). */
  computeOptimal: boolean;
  pfDays: number;
  peakFlopsPerSecond: number;
  mfu: number;
  gpu?: string;
  gpuHours: number;
  gpus?: number;
  wallClockDays?: number;
  gpuHourPriceUsd?: number;
  costUsd?: number;
  chinchilla: { params: number; tokens: number };
  trainingMemoryBytes: number;
  bytesPerParam: number;
}

/** The Chinchilla split of `flops`: N = √(C / 120), D = 20·N. */
export function chinchilla(flops: number): { params: number; tokens: number } {
  const params = Math.sqrt(flops / (6 * CHINCHILLA_TOKENS_PER_PARAM));
  return { params, tokens: CHINCHILLA_TOKENS_PER_PARAM * params };
}

export function train(input: TrainInput): CalcResult<TrainJson> {
  const optimal = 'compute' in input;
  const flops = optimal ? input.compute : 6 * input.params * input.tokens;
  const split = chinchilla(flops);
  const params = optimal ? split.params : input.params;
  const tokens = optimal ? split.tokens : input.tokens;
  const perGpu = input.peak.flopsPerSecond * input.mfu;
  const gpuHours = flops / (perGpu * 3600);
  const memory = ADAM_BYTES_PER_PARAM * params;
  const gpu = input.peak.gpu;
  const json: TrainJson = {
    flops,
    params,
    tokens,
    computeOptimal: optimal,
    pfDays: flops / PF_DAY,
    peakFlopsPerSecond: input.peak.flopsPerSecond,
    mfu: input.mfu,
    ...(gpu ? { gpu: gpu.id } : {}),
    gpuHours,
    ...(input.gpus !== undefined ? { gpus: input.gpus, wallClockDays: gpuHours / (input.gpus * 24) } : {}),
    ...(input.price ? { gpuHourPriceUsd: input.price.usdPerHour, costUsd: gpuHours * input.price.usdPerHour } : {}),
    chinchilla: split,
    trainingMemoryBytes: memory,
    bytesPerParam: ADAM_BYTES_PER_PARAM,
  };
  assertFinite(json, 'train');

  const steps: Step[] = [];
  if (optimal) {
    steps.push({
      label: 'Compute-optimal split (Chinchilla: D ≈ 20·N, and C = 6·N·D = 120·N²)',
      formula: 'N = √(C / 120)',
      substitution: `√(${formatFlops(flops)} / 120)`,
      result: `${formatCount(params)} parameters, and D = 20 · N ≈ ${formatCount(tokens)} tokens`,
    });
  } else {
    steps.push({
      label: 'Training compute',
      formula: 'C = 6 · N · D',
      substitution: `6 × ${formatCount(params)} × ${formatCount(tokens)}`,
      result: `${formatFlops(flops)} (${sigFigs(json.pfDays)} PF-days)`,
      note: '6 = 2 FLOPs per parameter per token forward + 4 backward',
    });
  }
  steps.push({
    label: 'Sustained throughput per GPU',
    formula: 'peak × MFU',
    substitution: `${formatFlops(input.peak.flopsPerSecond, true)} × ${formatPercent(input.mfu)}`,
    result: formatFlops(perGpu, true),
  });
  steps.push({
    label: 'GPU-hours',
    formula: 'C / (throughput × 3,600 s/h)',
    substitution: `${formatFlops(flops)} / (${formatFlops(perGpu, true)} × 3,600)`,
    result: `${formatCount(gpuHours)} GPU-hours`,
  });
  if (json.wallClockDays !== undefined) {
    steps.push({
      label: 'Wall clock',
      formula: 'GPU-hours / (GPUs × 24 h)',
      substitution: `${formatCount(gpuHours)} / (${count(input.gpus!, 'GPU')} × 24)`,
      result: `${sigFigs(json.wallClockDays)} days`,
      note: json.wallClockDays > 120 ? 'longer than a typical pre-training run (weeks to ~3 months): add GPUs' : undefined,
    });
  }
  if (json.costUsd !== undefined) {
    steps.push({
      label: 'Cost',
      formula: 'GPU-hours × $ per GPU-hour',
      substitution: `${formatCount(gpuHours)} × ${formatUsd(input.price!.usdPerHour)}`,
      result: formatUsd(json.costUsd),
    });
  }
  if (!optimal) {
    const ratio = tokens / params;
    steps.push({
      label: 'Compute-optimal split for the same compute (Chinchilla)',
      formula: 'N = √(C / 120)',
      substitution: `√(${formatFlops(flops)} / 120)`,
      result: `${formatCount(split.params)} parameters, and D = 20 · N ≈ ${formatCount(split.tokens)} tokens`,
      note: `you have ${sigFigs(ratio)} tokens per parameter: ${ratio > 25 ? 'over-trained for the compute, which buys a smaller model that is cheaper to serve' : ratio < 15 ? 'under-trained: a smaller model on more tokens would score better' : 'close to compute-optimal'}`,
    });
  }
  const fits = gpu ? Math.ceil(memory / gpu.memory) : undefined;
  steps.push({
    label: 'Training memory (weights, gradients and Adam state)',
    formula: `${ADAM_BYTES_PER_PARAM} bytes × N`,
    substitution: `${ADAM_BYTES_PER_PARAM} × ${formatCount(params)}`,
    result: formatBytes(memory),
    note: fits !== undefined ? `at least ${count(fits, 'GPU')} (${gpu!.id}, ${formatBytes(gpu!.memory)} each) just for this state (sharded with ZeRO-3/FSDP); activations come on top` : 'activations come on top',
  });

  const assumptions = [
    `${ADAM_BYTES_PER_PARAM} bytes per parameter: bf16 weights 2 + bf16 gradients 2 + fp32 master weights, Adam m and v 4 + 4 + 4`,
    `MFU ${formatPercent(input.mfu)}${input.mfuIsDefault ? ' (default; large runs reach 35-55 %)' : ''}; 6·N·D leaves out attention FLOPs and activation recomputation (8·N·D with full recomputation)`,
    gpu
      ? `${gpu.name}: ${sigFigs(gpu.bf16Tflops)} TFLOP/s dense BF16${input.peak.isDefault ? ' (default GPU; pass --gpu or --peak-tflops)' : ''} — ${gpu.source}, as of ${gpu.asOf}`
      : `peak ${formatFlops(input.peak.flopsPerSecond, true)} per GPU as given`,
  ];
  if (input.price) assumptions.push(`${formatUsd(input.price.usdPerHour)} per GPU-hour${input.price.source ? ` — ${input.price.source}` : ' as given'}`);
  else assumptions.push('no price known for this GPU: pass --gpu-hour-price USD for a cost');
  if (input.gpus === undefined) assumptions.push('pass --gpus N for the wall-clock time');
  const given = optimal
    ? [`compute C = ${formatFlops(flops)}`]
    : [`parameters N = ${formatCount(params)}`, `tokens D = ${formatCount(tokens)}`];
  return { json, derivation: { title: optimal ? 'Compute-optimal training budget' : 'Training compute, time and cost', given, steps, assumptions } };
}
