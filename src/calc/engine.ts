/**
 * The roofline model of one serving replica, shared by `calc infer` and `calc serve`. Pure.
 * - Prefill runs the prompt through the model at once: 2·N_active·prompt FLOPs, compute-bound
 *   (arithmetic intensity ≈ 2·prompt / bytes per parameter, far above the ridge point).
 * - Each decode step reads the weights it touches plus every sequence's KV cache and does
 *   batch·2·N_active FLOPs: its time is the larger of bytes / bandwidth and FLOPs / compute.
 * - A mixture of experts touches only some experts per token: a batch of B tokens reaches
 *   1 − (1 − k/E)^B of the routed experts on average (uniform routing).
 * - Without a model shape, the KV cache follows a stated heuristic: a dense MHA model with
 *   N ≈ 12·L·d² and d = 128·L (Llama 2's aspect ratio), so d = ∛(128·N/12) and per token 2·L·d values.
 */
import { DTYPES, kvBytesPerElement, peakTflops, type Dtype } from './dtype.js';
import { kvBytesPerSequence } from './kv.js';
import { routedExpertParams } from './memory.js';
import type { GpuPreset, ModelPreset } from './presets.js';

/** Share of GPU memory usable for weights and cache; the rest is activations, the CUDA context, fragmentation. */
export const USABLE_MEMORY = 0.9;

/** A model on a GPU at given efficiencies: what every serving estimate starts from. */
export interface ModelOnGpu {
  params: number;
  /** Parameters used per token; defaults to the model's, else params. */
  activeParams?: number;
  model?: ModelPreset;
  dtype: Dtype;
  gpu: GpuPreset;
  mfu: number;
  bandwidthEfficiency: number;
}

export interface ReplicaInput extends ModelOnGpu {
  gpus: number;
}

/** The inputs `calc infer` and `calc serve` share beyond the model on its GPU. */
export interface ServingInput extends ModelOnGpu {
  gpuIsDefault?: boolean;
  promptTokens: number;
  outputTokens: number;
  mfuIsDefault?: boolean;
  price?: { usdPerHour: number; source?: string };
}

export interface Replica {
  params: number;
  active: number;
  bytesPerParam: number;
  kvBytesPerElement: number;
  weightBytes: number;
  /** Dense peak FLOP/s of the replica's GPUs in the compute format, and that format. */
  peakFlops: number;
  computedAs: string;
  nativeDtype: boolean;
  /** Bytes per second the replica reaches (peak × efficiency). */
  bandwidth: number;
  /** Usable memory of the replica's GPUs. */
  usableBytes: number;
  /** Roofline ridge point: FLOPs per byte where compute and bandwidth take the same time (at peak). */
  ridge: number;
  /** The heuristic model shape when there is no preset: hidden size and layers. */
  heuristic?: { hidden: number; layers: number };
  /** KV bytes for one sequence of `context` tokens. */
  kvPerSequence(context: number): number;
  /** Weight bytes a decode step of `batch` sequences reads. */
  weightsRead(batch: number): number;
  /** Seconds of one decode step: memory-bound and compute-bound times. */
  step(batch: number, context: number): { memory: number; compute: number; seconds: number; bound: 'memory' | 'compute' };
  /** Seconds to prefill `prompt` tokens of one request, and which bound sets it. */
  prefill(prompt: number): { memory: number; compute: number; seconds: number; bound: 'memory' | 'compute'; flops: number };
  /** Largest batch whose caches fit beside the weights at `context` tokens each (0 when the weights alone do not fit). */
  maxBatch(context: number): number;
}

/** Hidden size and layers of a dense model of `params` parameters, by the heuristic above. */
export function heuristicShape(params: number): { hidden: number; layers: number } {
  const hidden = Math.cbrt((128 * params) / 12);
  return { hidden, layers: hidden / 128 };
}

export function replica(i: ReplicaInput): Replica {
  const m = i.model;
  const active = i.activeParams ?? m?.activeParams ?? i.params;
  const bpp = DTYPES[i.dtype];
  const kvElem = kvBytesPerElement(i.dtype);
  const weightBytes = i.params * bpp;
  const peak = peakTflops(i.gpu, i.dtype);
  const peakFlops = peak.tflops * 1e12 * i.gpus;
  const rawBandwidth = i.gpu.bandwidth * i.gpus;
  const bandwidth = rawBandwidth * i.bandwidthEfficiency;
  const usableBytes = USABLE_MEMORY * i.gpu.memory * i.gpus;
  const heuristic = m ? undefined : heuristicShape(i.params);
  const kvPerToken = heuristic ? 2 * heuristic.layers * heuristic.hidden * kvElem : 0;
  const kvPerSequence = (context: number) => (m ? kvBytesPerSequence(m, kvElem, context) : context * kvPerToken);
  const moe = active < i.params;
  const experts = m?.experts ? { experts: m.experts, perToken: m.expertsPerToken! } : undefined;
  const routed = moe ? routedExpertParams(i.params, active, experts) : 0;
  const weightsRead = (batch: number) => {
    if (!moe) return weightBytes;
    if (!experts) return bpp * Math.min(i.params, batch * active);
    const touched = 1 - (1 - experts.perToken / experts.experts) ** batch;
    return bpp * (i.params - routed + routed * touched);
  };
  const step = (batch: number, context: number) => {
    const memory = (weightsRead(batch) + batch * kvPerSequence(context)) / bandwidth;
    const compute = (batch * 2 * active) / (peakFlops * i.mfu);
    return { memory, compute, seconds: Math.max(memory, compute), bound: compute > memory ? ('compute' as const) : ('memory' as const) };
  };
  const prefill = (prompt: number) => {
    const flops = 2 * active * prompt;
    const memory = weightsRead(prompt) / bandwidth;
    const compute = flops / (peakFlops * i.mfu);
    return { memory, compute, seconds: Math.max(memory, compute), bound: compute >= memory ? ('compute' as const) : ('memory' as const), flops };
  };
  const maxBatch = (context: number) => Math.max(0, Math.floor((usableBytes - weightBytes) / kvPerSequence(context)));
  return {
    params: i.params,
    active,
    bytesPerParam: bpp,
    kvBytesPerElement: kvElem,
    weightBytes,
    peakFlops,
    computedAs: peak.computedAs,
    nativeDtype: peak.native,
    bandwidth,
    usableBytes,
    ridge: peakFlops / rawBandwidth,
    ...(heuristic ? { heuristic } : {}),
    kvPerSequence,
    weightsRead,
    step,
    prefill,
    maxBatch,
  };
}

/** Batch sizes for a throughput table: 1, 2, 4, … up to `max` (and `max` itself), at most `rows` rows. */
export function batchLadder(max: number, rows = 10): number[] {
  if (max < 1) return [];
  let factor = 2;
  while (Math.log(max) / Math.log(factor) + 1 > rows) factor *= 2;
  const out: number[] = [];
  for (let b = 1; b < max; b *= factor) out.push(b);
  out.push(max);
  return out;
}
