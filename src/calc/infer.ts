/**
 * Serving a model: memory for weights and KV cache, how many GPUs that takes, FLOPs per token
 * (≈ 2·N), decode speed bounded by memory bandwidth, and the cost per million tokens. Pure.
 */
import { assertFinite, count, type CalcResult, type Step } from './derivation.js';
import { DTYPES, kvBytesPerElement, type Dtype } from './dtype.js';
import { bothBytes, cachedTokens, kvBytesPerToken, kvSubstitution } from './kv.js';
import type { GpuPreset, ModelPreset } from './presets.js';
import { formatBytes, formatCount, formatFlops, formatPercent, formatUsd, sigFigs } from './units.js';

/** Share of GPU memory usable for weights and cache; the rest is activations, CUDA context, fragmentation. */
export const USABLE_MEMORY = 0.9;
/** Without a model shape, the KV cache and activations are taken as this share of the weights (total ≈ 1.2 × weights). */
export const KV_RULE_OF_THUMB = 0.2;

export interface InferInput {
  params: number;
  model?: ModelPreset;
  dtype: Dtype;
  gpu: GpuPreset;
  gpuIsDefault?: boolean;
  /** GPUs asked for; fewer than needed is raised to what is needed (and said). */
  gpus?: number;
  batch: number;
  context: number;
  price?: { usdPerHour: number; source?: string };
}

export interface InferJson {
  params: number;
  model?: string;
  dtype: Dtype;
  bytesPerParam: number;
  weightBytes: number;
  kvBytes: number;
  /** True when there was no model shape and the cache is the 20 % rule of thumb. */
  kvEstimated: boolean;
  totalBytes: number;
  gpu: string;
  gpusNeeded: number;
  /** GPUs the speeds and cost assume: the larger of --gpus and gpusNeeded. */
  gpus: number;
  flopsPerToken: number;
  decodeTokensPerSecond: number;
  /** Tokens per second for the whole batch: each decode step is bound by memory or compute, whichever is slower. */
  aggregateTokensPerSecond: number;
  batch: number;
  context: number;
  gpuHourPriceUsd?: number;
  costPerMillionTokensUsd?: number;
}

export function infer(input: InferInput): CalcResult<InferJson> {
  const { params, model, dtype, gpu, batch, context } = input;
  const bpp = DTYPES[dtype];
  const weightBytes = params * bpp;
  const kvElem = kvBytesPerElement(dtype);
  const perToken = model ? kvBytesPerToken(model, kvElem) : 0;
  const tokens = model ? cachedTokens(model, context) : context;
  const kvBytes = model ? batch * tokens * perToken : KV_RULE_OF_THUMB * weightBytes;
  const totalBytes = weightBytes + kvBytes;
  const gpusNeeded = Math.max(1, Math.ceil(totalBytes / (USABLE_MEMORY * gpu.memory)));
  const gpus = Math.max(input.gpus ?? 0, gpusNeeded);
  const bandwidth = gpu.bandwidth * gpus;
  const peak = (dtype === 'fp8' || dtype === 'int8' || dtype === 'int4') && gpu.fp8Tflops ? gpu.fp8Tflops : gpu.bf16Tflops;
  const flopsPerToken = 2 * params;
  const decode = bandwidth / (weightBytes + kvBytes / batch);
  const memoryStep = totalBytes / bandwidth;
  const computeStep = (batch * flopsPerToken) / (peak * 1e12 * gpus);
  const aggregate = batch / Math.max(memoryStep, computeStep);
  const json: InferJson = {
    params,
    ...(model ? { model: model.id } : {}),
    dtype,
    bytesPerParam: bpp,
    weightBytes,
    kvBytes,
    kvEstimated: !model,
    totalBytes,
    gpu: gpu.id,
    gpusNeeded,
    gpus,
    flopsPerToken,
    decodeTokensPerSecond: decode,
    aggregateTokensPerSecond: aggregate,
    batch,
    context,
    ...(input.price ? { gpuHourPriceUsd: input.price.usdPerHour, costPerMillionTokensUsd: ((input.price.usdPerHour * gpus) / 3600 / aggregate) * 1e6 } : {}),
  };
  assertFinite(json, 'infer');

  const steps: Step[] = [
    { label: 'Weights', formula: 'N × bytes per parameter', substitution: `${formatCount(params)} × ${bpp} B (${dtype})`, result: bothBytes(weightBytes) },
    model
      ? {
          label: 'KV cache',
          formula: 'batch · tokens · 2 · layers · KV heads · head dim · bytes',
          substitution: `${batch} × ${tokens.toLocaleString('en-US')} × ${kvSubstitution(model, kvElem)}`,
          result: bothBytes(kvBytes),
        }
      : { label: 'KV cache and activations (no model shape: rule of thumb)', formula: '0.2 × weights', substitution: `0.2 × ${formatBytes(weightBytes)}`, result: bothBytes(kvBytes), note: 'pass --model NAME for the exact cache' },
    { label: 'Total memory', formula: 'weights + KV cache', substitution: `${formatBytes(weightBytes)} + ${formatBytes(kvBytes)}`, result: bothBytes(totalBytes) },
    {
      label: 'GPUs to hold it',
      formula: `⌈total / (${formatPercent(USABLE_MEMORY)} × GPU memory)⌉`,
      substitution: `⌈${formatBytes(totalBytes)} / (${USABLE_MEMORY} × ${formatBytes(gpu.memory)})⌉`,
      result: `${gpusNeeded} × ${gpu.name}`,
      note:
        input.gpus !== undefined && input.gpus < gpusNeeded
          ? `--gpus ${input.gpus} is not enough memory; the rest assumes ${gpusNeeded}`
          : gpus > gpusNeeded
            ? `the rest assumes the ${gpus} GPUs asked for`
            : (gpusNeeded & (gpusNeeded - 1)) !== 0
              ? `tensor parallelism splits heads evenly, so in practice ${2 ** Math.ceil(Math.log2(gpusNeeded))}`
              : undefined,
    },
    { label: 'Compute per generated token', formula: '2 · N', substitution: `2 × ${formatCount(params)}`, result: `${formatFlops(flopsPerToken)} per token` },
    {
      label: 'Decode speed, one sequence (memory-bandwidth bound)',
      formula: 'total bandwidth / bytes read per token',
      substitution: `${formatBytes(bandwidth)}/s / (${formatBytes(weightBytes)} + ${formatBytes(kvBytes / batch)})`,
      result: `${sigFigs(decode)} tokens/s (${sigFigs(1000 / decode)} ms per token)`,
      note: 'every weight and the sequence’s cache are read once per token; real kernels reach ~60-80 % of this bound',
    },
  ];
  if (batch > 1) {
    steps.push({
      label: `Throughput at batch ${batch}`,
      formula: 'batch / max(bytes per step / bandwidth, batch · 2N / peak FLOP/s)',
      substitution: `${batch} / max(${sigFigs(memoryStep * 1000)} ms, ${sigFigs(computeStep * 1000)} ms)`,
      result: `${sigFigs(aggregate)} tokens/s`,
      note: computeStep > memoryStep ? 'compute bound: a bigger batch no longer helps' : 'still memory bound: a bigger batch raises throughput almost for free',
    });
  }
  if (json.costPerMillionTokensUsd !== undefined) {
    steps.push({
      label: 'Cost per million generated tokens',
      formula: '$ per GPU-hour × GPUs / (tokens/s × 3,600) × 10⁶',
      substitution: `${formatUsd(input.price!.usdPerHour)} × ${gpus} / (${sigFigs(aggregate)} × 3,600) × 10⁶`,
      result: formatUsd(json.costPerMillionTokensUsd),
      note: batch === 1 ? 'at batch 1; batching divides this almost linearly while decode stays memory bound' : undefined,
    });
  }
  const assumptions = [
    `${dtype} weights, ${bpp} B per parameter; KV cache ${kvElem} B per element${kvElem !== bpp ? ' (weight-only quantisation keeps a 16-bit cache)' : ''}`,
    `${formatPercent(USABLE_MEMORY)} of GPU memory usable; the rest goes to activations, the CUDA context and fragmentation`,
    `${gpu.name}: ${formatBytes(gpu.memory)}, ${formatBytes(gpu.bandwidth)}/s, ${sigFigs(peak)} TFLOP/s dense${input.gpuIsDefault ? ' (default GPU; pass --gpu)' : ''} — ${gpu.source}, as of ${gpu.asOf}`,
    model ? `${model.name}: ${model.layers} layers, ${model.kvHeads} KV heads, head dim ${model.headDim} — ${model.source}, as of ${model.asOf}` : `every sequence at ${context.toLocaleString('en-US')} tokens`,
    input.price ? `${formatUsd(input.price.usdPerHour)} per GPU-hour${input.price.source ? ` — ${input.price.source}` : ' as given'}` : 'no price known for this GPU: pass --gpu-hour-price USD for a cost',
  ];
  const given = [model ? `model ${model.name} (${formatCount(params)} parameters)` : `parameters N = ${formatCount(params)}`, `batch ${batch}, context ${context.toLocaleString('en-US')} tokens`];
  return { json, derivation: { title: 'Inference memory, speed and cost', given, steps, assumptions } };
}
