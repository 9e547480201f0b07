/**
 * Training memory per GPU under tensor (TP), pipeline (PP), expert (EP) and data parallelism with
 * ZeRO. Pure. Model states follow Rajbhandari et al. 2020 ("ZeRO", §5): with Ψ parameters per
 * model-parallel rank, Nd data-parallel ranks and K bytes of optimizer state per parameter,
 *   stage 0: (2 + 2 + K)·Ψ   stage 1: (2 + 2)·Ψ + K·Ψ/Nd   stage 2: 2·Ψ + (2 + K)·Ψ/Nd   stage 3: (2 + 2 + K)·Ψ/Nd.
 * Activations follow Korthikanti et al. 2022 ("Reducing Activation Recomputation in Large
 * Transformer Models", §4): per layer and micro-batch, 16-bit, without sequence parallelism,
 *   s·b·h·(10 + 24/t + 5·a·s/(h·t)) bytes; selective recomputation drops the 5·a·s/h attention term;
 *   full recomputation keeps only each layer's input, 2·s·b·h.
 */

export const OPTIMIZERS = {
  /** fp32 master weights, momentum and variance. */
  adam: { bytes: 12, says: 'fp32 master weights, Adam m and v: 4 + 4 + 4' },
  /** fp32 master weights; the factored second moment is O(rows + columns), negligible. */
  adafactor: { bytes: 4, says: 'fp32 master weights 4; the factored second moment is negligible' },
  /** fp32 master weights and momentum. */
  sgd: { bytes: 8, says: 'fp32 master weights and momentum: 4 + 4' },
} as const;
export type Optimizer = keyof typeof OPTIMIZERS;
export type Recompute = 'none' | 'selective' | 'full';

export interface Parallelism {
  /** GPUs in all; undefined means a single data-parallel rank (no sharding). */
  gpus?: number;
  tp: number;
  pp: number;
  ep: number;
  zero: 0 | 1 | 2 | 3;
  optimizer: Optimizer;
  recompute: Recompute;
  microBatch: number;
  seqLen: number;
}

export interface ActivationShape {
  layers: number;
  hidden: number;
  heads: number;
}

export interface MemorySplit {
  /** Data-parallel degree: gpus / (tp · pp). */
  dp: number;
  /** Parameters per model-parallel rank outside the experts, and per rank of the routed experts. */
  denseParamsPerRank: number;
  expertParamsPerRank: number;
  weightsBytes: number;
  gradientsBytes: number;
  optimizerBytes: number;
  /** 0 when no layer shape is known. */
  activationsBytes: number;
  activationsCounted: boolean;
  perGpuBytes: number;
  /** Bytes of optimizer state per parameter (K). */
  k: number;
}

/**
 * Routed-expert parameters of a mixture of experts: with E experts, k per token, total P and active
 * A, A = shared + routed·k/E and P = shared + routed, so routed = (P − A)/(1 − k/E). Without E and k,
 * P − A (an under-count by the k/E share).
 */
export function routedExpertParams(params: number, active: number, experts?: { experts: number; perToken: number }): number {
  if (active >= params) return 0;
  if (!experts || experts.perToken >= experts.experts) return params - active;
  return Math.min(params, (params - active) / (1 - experts.perToken / experts.experts));
}

/** Activation bytes for one layer and one micro-batch. */
export function activationBytesPerLayer(shape: ActivationShape, p: Pick<Parallelism, 'tp' | 'recompute' | 'microBatch' | 'seqLen'>): number {
  const { hidden: h, heads: a } = shape;
  const s = p.seqLen;
  const b = p.microBatch;
  const t = p.tp;
  if (p.recompute === 'full') return 2 * s * b * h;
  const attention = p.recompute === 'selective' ? 0 : (5 * a * s) / (h * t);
  return s * b * h * (10 + 24 / t + attention);
}

/** Memory per GPU: model states sharded by TP·PP (and EP for experts), then by ZeRO over the data-parallel ranks, plus activations. */
export function memoryPerGpu(params: number, routed: number, p: Parallelism, shape?: ActivationShape): MemorySplit {
  const mp = p.tp * p.pp;
  const dp = p.gpus === undefined ? 1 : p.gpus / mp;
  const k = OPTIMIZERS[p.optimizer].bytes;
  const dense = (params - routed) / mp;
  const expert = routed / (mp * p.ep);
  // Experts are replicated over dp / ep ranks, so ZeRO shards their states over that many.
  const shard = (stage: number) => (x: number, nd: number) => (p.zero >= stage ? x / nd : x);
  const both = (bytes: number, stage: number) => bytes * (shard(stage)(dense, dp) + shard(stage)(expert, dp / p.ep));
  const weightsBytes = both(2, 3);
  const gradientsBytes = both(2, 2);
  const optimizerBytes = both(k, 1);
  // 1F1B pipelining: the first stage holds pp micro-batches in flight, each through layers/pp layers.
  const activationsBytes = shape ? shape.layers * activationBytesPerLayer(shape, p) : 0;
  return {
    dp,
    denseParamsPerRank: dense,
    expertParamsPerRank: expert,
    weightsBytes,
    gradientsBytes,
    optimizerBytes,
    activationsBytes,
    activationsCounted: shape !== undefined,
    perGpuBytes: weightsBytes + gradientsBytes + optimizerBytes + activationsBytes,
    k,
  };
}
