/**
 * Serving a model on one replica: memory for weights and KV cache (from the model's shape, or a
 * stated heuristic), whether it fits the GPUs given, prefill time (time to first token), time per
 * output token (the larger of the memory and compute bounds), each phase's bound from arithmetic
 * intensity against the ridge point, throughput by batch up to the batch the KV cache allows, and
 * the cost per million tokens. Pure.
 */
import { assertFinite, count, type CalcResult, type Step, type Table } from './derivation.js';
import { type Dtype } from './dtype.js';
import { batchLadder, replica, USABLE_MEMORY, type Replica, type ServingInput } from './engine.js';
import { bothBytes, describeShape, kvFormula, kvSubstitution, tokensSubstitution } from './kv.js';
import { carry, formatBytes, formatCount, formatFlops, formatPercent, formatSeconds, formatUsd, sigFigs, whole } from './units.js';

export { USABLE_MEMORY } from './engine.js';

export interface InferInput extends ServingInput {
  /** GPUs asked for; respected even when the model does not fit them (then `fits` is false). */
  gpus?: number;
  batch: number;
  /** Tokens cached per sequence (the decode step's context). */
  context: number;
}

export interface BatchRow {
  batch: number;
  timePerOutputTokenSeconds: number;
  tokensPerSecond: number;
  bound: 'memory' | 'compute';
}

export interface InferJson {
  params: number;
  activeParams: number;
  model?: string;
  dtype: Dtype;
  bytesPerParam: number;
  weightBytes: number;
  kvBytes: number;
  kvBytesPerSequence: number;
  /** True when there was no model shape and the cache follows the stated heuristic. */
  kvEstimated: boolean;
  totalBytes: number;
  gpu: string;
  gpusNeeded: number;
  /** GPUs the speeds and cost assume: --gpus as given, else gpusNeeded rounded up to a power of two (tensor parallelism). */
  gpus: number;
  /** Whether weights and KV cache fit the GPUs' usable memory. */
  fits: boolean;
  flopsPerToken: number;
  decodeTokensPerSecond: number;
  /** Tokens per second for the whole batch: each decode step is bound by memory or compute, whichever is slower. */
  aggregateTokensPerSecond: number;
  batch: number;
  context: number;
  promptTokens: number;
  outputTokens: number;
  mfu: number;
  bandwidthEfficiency: number;
  peakFlopsPerSecond: number;
  /** FLOPs per byte where compute time equals memory time. */
  ridgeFlopsPerByte: number;
  prefillSeconds: number;
  prefillBound: 'memory' | 'compute';
  prefillFlopsPerByte: number;
  timePerOutputTokenSeconds: number;
  decodeBound: 'memory' | 'compute';
  decodeFlopsPerByte: number;
  /** Prefill plus every output token at this batch. */
  requestSeconds: number;
  /** Largest batch whose KV caches fit beside the weights at this context. */
  maxBatch: number;
  throughputByBatch: BatchRow[];
  gpuHourPriceUsd?: number;
  costPerMillionTokensUsd?: number;
}

export function infer(input: InferInput): CalcResult<InferJson> {
  const { params, model, dtype, gpu, batch, context } = input;
  const probe = replica({ ...input, gpus: 1 });
  const perSeq = probe.kvPerSequence(context);
  const kvBytes = batch * perSeq;
  const totalBytes = probe.weightBytes + kvBytes;
  const gpusNeeded = Math.max(1, Math.ceil(totalBytes / probe.usableBytes));
  // Tensor parallelism splits the attention heads evenly, so a replica uses a power of two GPUs.
  const gpus = input.gpus ?? 2 ** Math.ceil(Math.log2(gpusNeeded));
  const r = replica({ ...input, gpus });
  const fits = totalBytes <= r.usableBytes;
  const one = r.step(1, context);
  const at = r.step(batch, context);
  const pre = r.prefill(input.promptTokens);
  const maxBatch = r.maxBatch(context);
  const rows: BatchRow[] = batchLadder(maxBatch).map((b) => {
    const s = r.step(b, context);
    return { batch: b, timePerOutputTokenSeconds: s.seconds, tokensPerSecond: b / s.seconds, bound: s.bound };
  });
  const aggregate = batch / at.seconds;
  const json: InferJson = {
    params,
    activeParams: r.active,
    ...(model ? { model: model.id } : {}),
    dtype,
    bytesPerParam: r.bytesPerParam,
    weightBytes: r.weightBytes,
    kvBytes,
    kvBytesPerSequence: perSeq,
    kvEstimated: !model,
    totalBytes,
    gpu: gpu.id,
    gpusNeeded,
    gpus,
    fits,
    flopsPerToken: 2 * r.active,
    decodeTokensPerSecond: 1 / one.memory,
    aggregateTokensPerSecond: aggregate,
    batch,
    context,
    promptTokens: input.promptTokens,
    outputTokens: input.outputTokens,
    mfu: input.mfu,
    bandwidthEfficiency: input.bandwidthEfficiency,
    peakFlopsPerSecond: r.peakFlops,
    ridgeFlopsPerByte: r.ridge,
    prefillSeconds: pre.seconds,
    prefillBound: pre.bound,
    prefillFlopsPerByte: pre.flops / r.weightsRead(input.promptTokens),
    timePerOutputTokenSeconds: at.seconds,
    decodeBound: at.bound,
    decodeFlopsPerByte: (batch * 2 * r.active) / (r.weightsRead(batch) + kvBytes),
    requestSeconds: pre.seconds + input.outputTokens * at.seconds,
    maxBatch,
    throughputByBatch: rows,
    ...(input.price ? { gpuHourPriceUsd: input.price.usdPerHour, costPerMillionTokensUsd: ((input.price.usdPerHour * gpus) / 3600 / aggregate) * 1e6 } : {}),
  };
  assertFinite(json, 'infer');
  const steps = [...memorySteps(input, json, r), ...speedSteps(input, json, r)];
  const tables: Table[] = rows.length
    ? [
        {
          title: `Throughput by batch (context ${whole(context)} tokens; the KV cache fills memory at batch ${whole(maxBatch)})`,
          head: ['batch', 'time per token', 'tokens/s', 'bound'],
          rows: rows.map((x) => [whole(x.batch), formatSeconds(x.timePerOutputTokenSeconds), sigFigs(x.tokensPerSecond), x.bound]),
          right: [0, 1, 2],
        },
      ]
    : [];
  const assumptions = [
    `${dtype} weights, ${r.bytesPerParam} B per parameter; KV cache ${r.kvBytesPerElement} B per element${r.kvBytesPerElement !== r.bytesPerParam ? ' (weight-only int8/int4 keeps a 16-bit cache; fp4 serving an fp8 one)' : ''}`,
    `${gpu.name}: ${formatBytes(gpu.memory)}, ${formatBytes(gpu.bandwidth)}/s, ${whole(r.peakFlops / 1e12 / gpus)} TFLOP/s dense ${r.computedAs}${r.nativeDtype ? '' : ` (${dtype} is not native on this GPU: stored in ${dtype}, computed in 16 bits)`}${input.gpuIsDefault ? ' (default GPU)' : ''} — ${gpu.source}, as of ${gpu.asOf}`,
    `${formatPercent(USABLE_MEMORY)} of GPU memory usable; the rest goes to activations, the CUDA context and fragmentation`,
    `MFU ${formatPercent(input.mfu)}${input.mfuIsDefault ? ' (default)' : ''}; bandwidth efficiency ${formatPercent(input.bandwidthEfficiency)}${input.bandwidthEfficiency === 1 ? ' (the bound: real kernels reach 60-80 %)' : ''}`,
    model
      ? `${model.name}: ${describeShape(model)} — ${model.source}, as of ${model.asOf}`
      : `no model shape: a dense model with multi-head attention (no GQA), hidden d = ∛(128·N/12) ≈ ${whole(r.heuristic!.hidden)}, layers = d/128 ≈ ${sigFigs(r.heuristic!.layers)}`,
  ];
  if (r.active < params) {
    assumptions.push(
      model?.experts
        ? `mixture of experts: FLOPs follow the ${formatCount(r.active)} active parameters; with uniform routing a batch of B tokens touches 1 − (1 − ${model.expertsPerToken}/${model.experts})^B of the routed experts, so small batches read only part of the weights`
        : `mixture of experts without expert counts: a batch of B tokens is taken to read at most B × ${formatCount(r.active)} parameters' weights`,
    );
  }
  if (input.price) assumptions.push(`${formatUsd(input.price.usdPerHour)} per GPU-hour${input.price.source ? ` — ${input.price.source}` : ' as given'}`);
  const hints = [...(model ? [] : ['--model NAME for the exact KV cache (GQA and MLA caches are far smaller)']), ...(input.price ? [] : ['--gpu-hour-price USD for a cost (this GPU has no preset price)'])];
  const given = [
    model ? `model ${model.name} (${formatCount(params)} parameters${r.active < params ? `, ${formatCount(r.active)} active` : ''})` : `parameters N = ${formatCount(params)}${r.active < params ? ` (${formatCount(r.active)} active)` : ''}`,
    `batch ${whole(batch)}, context ${whole(context)} tokens, prompt ${whole(input.promptTokens)} and output ${whole(input.outputTokens)} tokens per request`,
  ];
  return { json, derivation: { title: 'Inference memory, speed and cost', given, steps, assumptions, hints, tables } };
}

function memorySteps(input: InferInput, j: InferJson, r: Replica): Step[] {
  const m = input.model;
  const perToken = j.kvBytesPerSequence / (m ? 1 : input.context);
  const kvStep: Step = m
    ? {
        id: 'kv',
        label: 'KV cache',
        formula: `batch · tokens · ${kvFormula(m).replace(' · bytes', '')} · bytes`,
        substitution: `${whole(input.batch)} × ${tokensSubstitution(m, input.context)} × ${kvSubstitution(m, r.kvBytesPerElement)}`,
        result: bothBytes(j.kvBytes),
      }
    : {
        id: 'kv',
        label: 'KV cache (no model shape: dense MHA heuristic)',
        formula: 'batch · tokens · 2 · L · d · bytes, with d = ∛(128·N/12) and L = d/128',
        substitution: `${whole(input.batch)} × ${whole(input.context)} × 2 × ${carry(r.heuristic!.layers)} × ${whole(r.heuristic!.hidden)} × ${r.kvBytesPerElement} B`,
        result: bothBytes(j.kvBytes),
        note: `${formatBytes(perToken)} per token; a GQA model caches several times less`,
      };
  const steps: Step[] = [
    { id: 'weights', label: 'Weights', formula: 'N × bytes per parameter', substitution: `${formatCount(input.params)} × ${r.bytesPerParam} B (${input.dtype})`, result: bothBytes(j.weightBytes) },
    kvStep,
    { id: 'total', label: 'Total memory', formula: 'weights + KV cache', substitution: `${formatBytes(j.weightBytes, false, 4)} + ${formatBytes(j.kvBytes, false, 4)}`, result: bothBytes(j.totalBytes) },
  ];
  const g = input.gpu;
  const notFit = !j.fits ? `does not fit: ${count(j.gpus, 'GPU')} ${j.gpus === 1 ? 'holds' : 'hold'} ${formatBytes(r.usableBytes)} usable; it needs ${j.gpusNeeded} (the speeds below assume the ${j.gpus} asked for)` : undefined;
  steps.push({
    id: 'gpus',
    label: 'GPUs to hold it',
    formula: `⌈total / (${formatPercent(USABLE_MEMORY)} × GPU memory)⌉`,
    substitution: `⌈${formatBytes(j.totalBytes, false, 4)} / (${USABLE_MEMORY} × ${formatBytes(g.memory)})⌉`,
    result: `${j.gpusNeeded} × ${g.name}`,
    note:
      notFit ??
      (input.gpus !== undefined
        ? j.gpus > j.gpusNeeded
          ? `the rest assumes the ${j.gpus} GPUs asked for`
          : undefined
        : j.gpus > j.gpusNeeded
          ? `tensor parallelism splits heads evenly, so the rest assumes ${j.gpus} (the next power of two)`
          : undefined),
  });
  return steps;
}

function speedSteps(input: InferInput, j: InferJson, r: Replica): Step[] {
  const moe = r.active < input.params;
  const gpusText = j.gpus === 1 ? '' : `${j.gpus} × `;
  const peakOne = r.peakFlops / j.gpus;
  const bwOne = r.bandwidth / j.gpus;
  const steps: Step[] = [
    { id: 'flops-per-token', label: 'Compute per token', formula: moe ? '2 · N_active' : '2 · N', substitution: `2 × ${formatCount(r.active)}`, result: `${formatFlops(j.flopsPerToken)} per token` },
    {
      id: 'ridge',
      label: 'Ridge point (where a phase turns compute-bound)',
      formula: 'peak FLOP/s / memory bandwidth',
      substitution: `${formatFlops(peakOne, true)} / ${formatBytes(input.gpu.bandwidth)}/s`,
      result: `${sigFigs(j.ridgeFlopsPerByte)} FLOPs per byte`,
    },
    {
      id: 'prefill',
      label: `Prefill, time to first token (${whole(input.promptTokens)}-token prompt)`,
      formula: '2 · N · prompt / (GPUs · peak · MFU)',
      substitution: `2 × ${formatCount(r.active)} × ${whole(input.promptTokens)} / (${gpusText}${formatFlops(peakOne, true)} × ${formatPercent(input.mfu)})`,
      result: formatSeconds(j.prefillSeconds),
      note: `${j.prefillBound}-bound: ${sigFigs(j.prefillFlopsPerByte)} FLOPs per byte of weights read ${j.prefillBound === 'compute' ? 'is above' : 'is below'} the ridge of ${sigFigs(j.ridgeFlopsPerByte)}; queueing and the network come on top`,
    },
    {
      id: 'decode',
      label: 'Decode speed, one sequence (memory-bandwidth bound)',
      formula: 'bandwidth / bytes read per token',
      substitution: `${gpusText}${formatBytes(bwOne)}/s / (${formatBytes(r.weightsRead(1), false, 4)} + ${formatBytes(j.kvBytesPerSequence, false, 4)})`,
      result: `${sigFigs(j.decodeTokensPerSecond)} tokens/s (${formatSeconds(1 / j.decodeTokensPerSecond)} per token)`,
      note: `every weight${moe ? ' of the experts it uses' : ''} and the sequence’s cache are read once per token`,
    },
  ];
  const step = r.step(input.batch, input.context);
  steps.push({
    id: 'tpot',
    label: `Time per output token at batch ${whole(input.batch)}`,
    formula: 'max(bytes read / bandwidth, batch · 2N / (peak · MFU))',
    substitution: `max(${formatSeconds(step.memory)}, ${formatSeconds(step.compute)})`,
    result: `${formatSeconds(j.timePerOutputTokenSeconds)} per token, ${sigFigs(j.aggregateTokensPerSecond)} tokens/s in all`,
    note: `${j.decodeBound}-bound: ${sigFigs(j.decodeFlopsPerByte)} FLOPs per byte against a ridge of ${sigFigs(j.ridgeFlopsPerByte)}${j.decodeBound === 'memory' ? ' — a bigger batch raises throughput almost for free' : ' — a bigger batch no longer helps'}`,
  });
  steps.push({
    id: 'request',
    label: 'One request, end to end',
    formula: 'TTFT + output tokens × time per token',
    substitution: `${formatSeconds(j.prefillSeconds, 4)} + ${whole(input.outputTokens)} × ${formatSeconds(j.timePerOutputTokenSeconds, 4)}`,
    result: formatSeconds(j.requestSeconds),
  });
  if (j.costPerMillionTokensUsd !== undefined) {
    steps.push({
      id: 'cost',
      label: 'Cost per million generated tokens',
      formula: '$ per GPU-hour × GPUs / (tokens/s × 3,600) × 10⁶',
      substitution: `${formatUsd(input.price!.usdPerHour)} × ${j.gpus} / (${carry(j.aggregateTokensPerSecond)} × 3,600) × 10⁶`,
      result: formatUsd(j.costPerMillionTokensUsd),
      note: input.batch === 1 ? 'at batch 1; batching divides this almost linearly while decode stays memory-bound (see study calc serve for cost at a load)' : undefined,
    });
  }
  return steps;
}
