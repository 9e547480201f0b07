/**
 * Training compute, time, cost and memory: C ≈ 6·N·D (Kaplan et al. 2020) with N the parameters
 * used per token (active parameters for a mixture of experts), GPU-hours at a model FLOPs
 * utilisation, the Chinchilla compute-optimal split (D ≈ 20·N, Hoffmann et al. 2022), and memory per
 * GPU under TP/PP/EP/ZeRO (memory.ts). Pure.
 */
import { assertFinite, count, type CalcResult, type Step } from './derivation.js';
import { memoryPerGpu, OPTIMIZERS, routedExpertParams, type ActivationShape, type MemorySplit, type Parallelism } from './memory.js';
import type { GpuPreset, ModelPreset } from './presets.js';
import { carry, formatBytes, formatCount, formatFlops, formatPercent, formatUsd, sigFigs, whole } from './units.js';

/** Bytes per parameter for mixed-precision Adam: 2 (bf16 weights) + 2 (grads) + 12 (fp32 master, m, v). */
export const ADAM_BYTES_PER_PARAM = 16;
/** Chinchilla's compute-optimal ratio of tokens to parameters. */
export const CHINCHILLA_TOKENS_PER_PARAM = 20;
/** 1 PF-day = 1e15 FLOP/s for a day. */
const PF_DAY = 1e15 * 86_400;

export const DEFAULT_PARALLELISM: Parallelism = { tp: 1, pp: 1, ep: 1, zero: 0, optimizer: 'adam', recompute: 'none', microBatch: 1, seqLen: 4096 };

export type TrainInput = ({ params: number; tokens: number; activeParams?: number } | { compute: number }) & {
  /** Peak dense FLOP/s per GPU and where it came from. */
  peak: { flopsPerSecond: number; gpu?: GpuPreset; isDefault?: boolean };
  /** Model FLOPs utilisation, 0..1. */
  mfu: number;
  mfuIsDefault?: boolean;
  gpus?: number;
  /** $ per GPU-hour and where it came from. */
  price?: { usdPerHour: number; source?: string };
  model?: ModelPreset;
  /** Parallel layout (defaults: no model parallelism, ZeRO off, Adam). */
  parallel?: Omit<Parallelism, 'gpus'>;
  /** Layer shape for activations (from --model or --layers/--hidden/--heads). */
  shape?: ActivationShape;
};

export interface TrainJson {
  flops: number;
  params: number;
  /** Parameters used per token; FLOPs follow it (the same as params for a dense model). */
  activeParams: number;
  tokens: number;
  /** True when params and tokens were derived from --compute (compute-optimal). */
  computeOptimal: boolean;
  pfDays: number;
  peakFlopsPerSecond: number;
  mfu: number;
  gpu?: string;
  model?: string;
  gpuHours: number;
  gpus?: number;
  wallClockDays?: number;
  gpuHourPriceUsd?: number;
  costUsd?: number;
  chinchilla: { params: number; tokens: number };
  /** Weights, gradients and optimizer state of the whole model, unsharded: (4 + K) · params. */
  trainingMemoryBytes: number;
  bytesPerParam: number;
  tp: number;
  pp: number;
  dp: number;
  ep: number;
  zero: number;
  optimizer: string;
  recompute: string;
  microBatch: number;
  seqLen: number;
  /** Memory one GPU holds: model states after sharding plus activations. */
  memoryPerGpuBytes: number;
  memoryPerGpu: { weightsBytes: number; gradientsBytes: number; optimizerBytes: number; activationsBytes: number };
  activationsCounted: boolean;
  /** Whether memoryPerGpuBytes fits the GPU's memory (when a GPU preset is known). */
  fitsInGpuMemory?: boolean;
}

/** The Chinchilla split of `flops`: N = √(C / 120), D = 20·N. */
export function chinchilla(flops: number): { params: number; tokens: number } {
  const params = Math.sqrt(flops / (6 * CHINCHILLA_TOKENS_PER_PARAM));
  return { params, tokens: CHINCHILLA_TOKENS_PER_PARAM * params };
}

export function train(input: TrainInput): CalcResult<TrainJson> {
  const optimal = 'compute' in input;
  const split = chinchilla(optimal ? input.compute : 6 * (input.activeParams ?? input.params) * input.tokens);
  const params = optimal ? split.params : input.params;
  const active = optimal ? split.params : (input.activeParams ?? input.params);
  const tokens = optimal ? split.tokens : input.tokens;
  const flops = optimal ? input.compute : 6 * active * tokens;
  const perGpu = input.peak.flopsPerSecond * input.mfu;
  const gpuHours = flops / (perGpu * 3600);
  const par: Parallelism = { ...(input.parallel ?? DEFAULT_PARALLELISM), ...(input.gpus !== undefined ? { gpus: input.gpus } : {}) };
  const m = input.model;
  const routed = par.ep > 1 ? routedExpertParams(params, active, m?.experts ? { experts: m.experts, perToken: m.expertsPerToken! } : undefined) : 0;
  const mem = memoryPerGpu(params, routed, par, input.shape);
  const k = OPTIMIZERS[par.optimizer].bytes;
  const gpu = input.peak.gpu;
  const json: TrainJson = {
    flops,
    params,
    activeParams: active,
    tokens,
    computeOptimal: optimal,
    pfDays: flops / PF_DAY,
    peakFlopsPerSecond: input.peak.flopsPerSecond,
    mfu: input.mfu,
    ...(gpu ? { gpu: gpu.id } : {}),
    ...(m ? { model: m.id } : {}),
    gpuHours,
    ...(input.gpus !== undefined ? { gpus: input.gpus, wallClockDays: gpuHours / (input.gpus * 24) } : {}),
    ...(input.price ? { gpuHourPriceUsd: input.price.usdPerHour, costUsd: gpuHours * input.price.usdPerHour } : {}),
    chinchilla: split,
    trainingMemoryBytes: (4 + k) * params,
    bytesPerParam: 4 + k,
    tp: par.tp,
    pp: par.pp,
    dp: mem.dp,
    ep: par.ep,
    zero: par.zero,
    optimizer: par.optimizer,
    recompute: par.recompute,
    microBatch: par.microBatch,
    seqLen: par.seqLen,
    memoryPerGpuBytes: mem.perGpuBytes,
    memoryPerGpu: { weightsBytes: mem.weightsBytes, gradientsBytes: mem.gradientsBytes, optimizerBytes: mem.optimizerBytes, activationsBytes: mem.activationsBytes },
    activationsCounted: mem.activationsCounted,
    ...(gpu ? { fitsInGpuMemory: mem.perGpuBytes <= gpu.memory } : {}),
  };
  assertFinite(json, 'train');
  const steps = [...computeSteps(input, json, split, perGpu), ...memorySteps(json, mem, par, input)];
  const moe = active < params;
  const assumptions = [
    `MFU ${formatPercent(input.mfu)}${input.mfuIsDefault ? ' (default; large runs reach 35-55 %)' : ''}; 6·N·D leaves out attention FLOPs and activation recomputation (8·N·D with full recomputation)`,
    gpu
      ? `${gpu.name}: ${sigFigs(gpu.bf16Tflops)} TFLOP/s dense BF16 (the sparsity figure is twice this), ${formatBytes(gpu.memory)}${input.peak.isDefault ? ' (default GPU)' : ''} — ${gpu.source}, as of ${gpu.asOf}`
      : `peak ${formatFlops(input.peak.flopsPerSecond, true)} per GPU as given`,
    `${par.optimizer}: bf16 weights 2 + bf16 gradients 2 + ${OPTIMIZERS[par.optimizer].says} bytes per parameter (K = ${k})`,
  ];
  if (moe) assumptions.push(`mixture of experts: FLOPs use the ${formatCount(active)} active parameters, memory all ${formatCount(params)}${par.ep > 1 ? `; routed experts ≈ ${formatCount(routed)} parameters, split over ${par.ep} expert-parallel ranks` : ''}`);
  if (m) assumptions.push(`${m.name}: ${m.layers} layers, hidden ${whole(m.hidden)}, ${m.heads} heads — ${m.source}, as of ${m.asOf}`);
  if (input.price) assumptions.push(`${formatUsd(input.price.usdPerHour)} per GPU-hour${input.price.source ? ` — ${input.price.source}` : ' as given'}`);
  const hints: string[] = [];
  if (!input.price) hints.push('--gpu-hour-price USD for a cost (this GPU has no preset price)');
  if (input.gpus === undefined) hints.push('--gpus N for the wall-clock time and the data-parallel memory split');
  if (!mem.activationsCounted) hints.push('--model NAME, or --layers with --hidden and --heads, to count activations');
  const given = optimal
    ? [`compute C = ${formatFlops(flops)}`]
    : [`parameters N = ${formatCount(params)}${moe ? ` (${formatCount(active)} active)` : ''}`, `tokens D = ${formatCount(tokens)}`];
  return { json, derivation: { title: optimal ? 'Compute-optimal training budget' : 'Training compute, time, cost and memory', given, steps, assumptions, hints } };
}

function computeSteps(input: TrainInput, j: TrainJson, split: { params: number; tokens: number }, perGpu: number): Step[] {
  const steps: Step[] = [];
  const moe = j.activeParams < j.params;
  if (j.computeOptimal) {
    steps.push({
      id: 'chinchilla',
      label: 'Compute-optimal split (Chinchilla: D ≈ 20·N, and C = 6·N·D = 120·N²)',
      formula: 'N = √(C / 120)',
      substitution: `√(${formatFlops(j.flops)} / 120)`,
      result: `${formatCount(j.params)} parameters, and D = 20 · N ≈ ${formatCount(j.tokens)} tokens`,
    });
  } else {
    steps.push({
      id: 'flops',
      label: 'Training compute',
      formula: moe ? 'C = 6 · N_active · D' : 'C = 6 · N · D',
      substitution: `6 × ${formatCount(j.activeParams)} × ${formatCount(j.tokens)}`,
      result: `${formatFlops(j.flops)} (${sigFigs(j.pfDays)} PF-days)`,
      note: moe
        ? `a mixture of experts runs only its active parameters per token: ${formatCount(j.activeParams)} of ${formatCount(j.params)} (${formatPercent(j.activeParams / j.params)})`
        : '6 = 2 FLOPs per parameter per token forward + 4 backward',
    });
  }
  steps.push({ id: 'throughput', label: 'Sustained throughput per GPU', formula: 'peak × MFU', substitution: `${formatFlops(input.peak.flopsPerSecond, true)} × ${formatPercent(input.mfu)}`, result: formatFlops(perGpu, true) });
  steps.push({ id: 'gpu-hours', label: 'GPU-hours', formula: 'C / (throughput × 3,600 s/h)', substitution: `${formatFlops(j.flops, false, 4)} / (${formatFlops(perGpu, true, 4)} × 3,600)`, result: `${formatCount(j.gpuHours)} GPU-hours` });
  if (j.wallClockDays !== undefined) {
    steps.push({
      id: 'wall-clock',
      label: 'Wall clock',
      formula: 'GPU-hours / (GPUs × 24 h)',
      substitution: `${carry(j.gpuHours)} / (${count(j.gpus!, 'GPU')} × 24)`,
      result: `${sigFigs(j.wallClockDays)} days`,
      note: j.wallClockDays > 120 ? 'longer than a typical pre-training run (weeks to ~3 months): add GPUs' : undefined,
    });
  }
  if (j.costUsd !== undefined) {
    steps.push({ id: 'cost', label: 'Cost', formula: 'GPU-hours × $ per GPU-hour', substitution: `${carry(j.gpuHours)} × ${formatUsd(input.price!.usdPerHour)}`, result: formatUsd(j.costUsd) });
  }
  if (!j.computeOptimal) {
    const ratio = j.tokens / j.activeParams;
    steps.push({
      id: 'chinchilla',
      label: 'Compute-optimal split for the same compute (Chinchilla)',
      formula: 'N = √(C / 120)',
      substitution: `√(${formatFlops(j.flops, false, 4)} / 120)`,
      result: `${formatCount(split.params)} parameters, and D = 20 · N ≈ ${formatCount(split.tokens)} tokens`,
      note: `you have ${sigFigs(ratio)} tokens per ${moe ? 'active ' : ''}parameter: ${ratio > 25 ? 'over-trained for the compute, which buys a smaller model that is cheaper to serve' : ratio < 15 ? 'under-trained: a smaller model on more tokens would score better' : 'close to compute-optimal'}`,
    });
  }
  return steps;
}

function memorySteps(j: TrainJson, mem: MemorySplit, par: Parallelism, input: TrainInput): Step[] {
  const psi = (n: number) => `${carry(n)} parameters`;
  const expert = mem.expertParamsPerRank > 0;
  const nd = (stage: number) => (par.zero >= stage ? ` / ${whole(mem.dp)}` : '');
  const per = (bytes: number, stage: number) => (expert ? `${bytes} × (${psi(mem.denseParamsPerRank)}${nd(stage)} + ${psi(mem.expertParamsPerRank)}${par.zero >= stage ? ` / ${whole(mem.dp / par.ep)}` : ''})` : `${bytes} × ${psi(mem.denseParamsPerRank)}${nd(stage)}`);
  const mp = par.tp * par.pp;
  const steps: Step[] = [
    {
      id: 'state',
      label: 'Model states, whole model (weights, gradients, optimizer)',
      formula: '(2 + 2 + K) bytes × N',
      substitution: `(2 + 2 + ${mem.k}) × ${formatCount(j.params)}`,
      result: formatBytes(j.trainingMemoryBytes),
    },
    {
      id: 'parallel',
      label: 'Parameters per GPU before ZeRO, and data-parallel ranks',
      formula: expert ? 'Ψ = dense / (TP · PP) + experts / (TP · PP · EP);  Nd = GPUs / (TP · PP)' : 'Ψ = N / (TP · PP);  Nd = GPUs / (TP · PP)',
      substitution: `${expert ? `${formatCount(j.params - mem.expertParamsPerRank * mp * par.ep)} / ${mp} + ${formatCount(mem.expertParamsPerRank * mp * par.ep)} / ${mp * par.ep}` : `${formatCount(j.params)} / (${par.tp} × ${par.pp})`};  Nd = ${j.gpus !== undefined ? `${whole(j.gpus)} / ${mp}` : '1 (no --gpus)'}`,
      result: `Ψ = ${formatCount(mem.denseParamsPerRank + mem.expertParamsPerRank)}, Nd = ${whole(mem.dp)}`,
    },
    { id: 'weights', label: `Weights per GPU (bf16${par.zero >= 3 ? ', sharded by ZeRO-3' : ''})`, formula: par.zero >= 3 ? '2 · Ψ / Nd' : '2 · Ψ', substitution: per(2, 3), result: formatBytes(mem.weightsBytes) },
    { id: 'grads', label: `Gradients per GPU (bf16${par.zero >= 2 ? ', sharded by ZeRO-2' : ''})`, formula: par.zero >= 2 ? '2 · Ψ / Nd' : '2 · Ψ', substitution: per(2, 2), result: formatBytes(mem.gradientsBytes) },
    { id: 'optimizer', label: `Optimizer states per GPU (${par.optimizer}, K = ${mem.k}${par.zero >= 1 ? ', sharded by ZeRO-1' : ''})`, formula: par.zero >= 1 ? 'K · Ψ / Nd' : 'K · Ψ', substitution: per(mem.k, 1), result: formatBytes(mem.optimizerBytes) },
  ];
  if (mem.activationsCounted) {
    const s = input.shape!;
    const formula =
      par.recompute === 'full'
        ? 'layers × 2 · s · b · h (full recomputation keeps each layer’s input)'
        : par.recompute === 'selective'
          ? 'layers × s · b · h · (10 + 24/t) (selective recomputation)'
          : 'layers × s · b · h · (10 + 24/t + 5 · a · s / (h · t))';
    const sub =
      par.recompute === 'full'
        ? `${s.layers} × 2 × ${whole(par.seqLen)} × ${par.microBatch} × ${whole(s.hidden)}`
        : `${s.layers} × ${whole(par.seqLen)} × ${par.microBatch} × ${whole(s.hidden)} × (10 + 24/${par.tp}${par.recompute === 'none' ? ` + 5 × ${s.heads} × ${whole(par.seqLen)} / (${whole(s.hidden)} × ${par.tp})` : ''})`;
    steps.push({
      id: 'activations',
      label: 'Activations per GPU, one micro-batch (Korthikanti et al. 2022)',
      formula,
      substitution: sub,
      result: formatBytes(mem.activationsBytes),
      note: par.pp > 1 ? `1F1B pipelining: the first stage keeps ${par.pp} micro-batches in flight through ${sigFigs(s.layers / par.pp)} layers each, the same as all ${s.layers} layers once` : undefined,
    });
  }
  const gpu = input.peak.gpu;
  steps.push({
    id: 'per-gpu',
    label: mem.activationsCounted ? 'Memory per GPU' : 'Memory per GPU (model states; activations not counted)',
    formula: mem.activationsCounted ? 'weights + gradients + optimizer + activations' : 'weights + gradients + optimizer',
    substitution: [mem.weightsBytes, mem.gradientsBytes, mem.optimizerBytes, ...(mem.activationsCounted ? [mem.activationsBytes] : [])].map((b) => formatBytes(b, false, 4)).join(' + '),
    result: formatBytes(mem.perGpuBytes),
    note: gpu ? (mem.perGpuBytes <= gpu.memory ? `fits one ${gpu.id} (${formatBytes(gpu.memory)})` : `does not fit one ${gpu.id} (${formatBytes(gpu.memory)}): ${remedies(par, mem.activationsCounted)} would bring it down`) : undefined,
  });
  return steps;
}

/**
 * What would bring the memory per GPU down, in words. Recomputation only shrinks activations, so it
 * is offered only when they are part of the sum (and not already fully recomputed); a higher ZeRO
 * stage only below ZeRO-3.
 */
function remedies(par: Parallelism, activationsCounted: boolean): string {
  const ways = [
    ...(par.zero < 3 ? ['a higher ZeRO stage'] : []),
    'more tensor or pipeline parallelism',
    ...(activationsCounted && par.recompute !== 'full' ? [par.recompute === 'selective' ? 'full activation recomputation' : 'recomputing activations'] : []),
  ];
  if (ways.length < 3) return ways.join(' or ');
  return `${ways.slice(0, -1).join(', ')}, or ${ways.at(-1)}`;
}
