/**
 * The per-calculator input builders: a Reader's flag values to each calculator's typed input, with
 * defaults, exclusive flags and cross-flag checks (the parallel layout divides the GPUs). Pure.
 */
import { UsageError } from '../errors.js';
import type { CapacityInput } from './capacity.js';
import type { EgressInput } from './egress.js';
import { FIELDS, type FieldKey } from './flags.js';
import type { InferInput } from './infer.js';
import { accepted, MissingInput, type Reader } from './inputs.js';
import type { KvInput } from './kv.js';
import type { Optimizer, Recompute } from './memory.js';
import { findPreset, type GpuPreset, type ModelPreset } from './presets.js';
import type { ServeInput } from './serve.js';
import type { StorageInput } from './storage.js';
import type { TrainInput } from './train.js';

/** Default compute efficiency (model FLOPs utilisation) for training and prefill. */
export const DEFAULT_MFU = 0.4;
/** Default share of peak memory bandwidth: 1, the roofline bound (stated in every derivation). */
export const DEFAULT_BANDWIDTH_EFFICIENCY = 1;
export const DEFAULT_PROMPT_TOKENS = 1000;
export const DEFAULT_OUTPUT_TOKENS = 250;

function presetPrice(gpu: GpuPreset): { usdPerHour: number; source: string } | undefined {
  return gpu.price ? { usdPerHour: gpu.price.usdPerHour, source: `${gpu.price.source}, as of ${gpu.price.asOf}` } : undefined;
}

/** --model or --params (with --active-params): the model's size and, when a preset, its shape. */
function modelOrParams(r: Reader): { params: number; activeParams?: number; model?: ModelPreset } {
  r.exclusive('model', 'params');
  r.exclusive('model', 'activeParams');
  const model = r.model();
  if (model) return { params: model.params, ...(model.activeParams !== undefined ? { activeParams: model.activeParams } : {}), model };
  const params = r.need('params', `--model or --params is required; expected ${accepted('model', r.presets)}, or --params ${accepted('params', r.presets)}`, 'model');
  const active = r.num('activeParams');
  if (active !== undefined && active > params) throw new UsageError(`--active-params (${r.raw.activeParams!.trim()}) cannot exceed --params (${r.raw.params!.trim()}): active parameters are a subset of all of them`);
  return { params, ...(active !== undefined ? { activeParams: active } : {}) };
}

export function trainInput(r: Reader): TrainInput {
  r.exclusive('gpu', 'peakTflops');
  r.exclusive('model', 'params');
  r.exclusive('model', 'activeParams');
  const gpus = r.num('gpus');
  const mfu = r.num('mfu');
  let peak: TrainInput['peak'];
  let price: TrainInput['price'];
  const tflops = r.num('peakTflops');
  if (tflops !== undefined) {
    peak = { flopsPerSecond: tflops * 1e12 };
  } else {
    const { gpu, isDefault } = r.gpuOrDefault();
    peak = { flopsPerSecond: gpu.bf16Tflops * 1e12, gpu, isDefault };
    price = presetPrice(gpu);
  }
  const given = r.num('gpuHourPrice');
  if (given !== undefined) price = { usdPerHour: given };
  const model = r.model();
  const parallel = {
    tp: r.num('tp') ?? 1,
    pp: r.num('pp') ?? 1,
    ep: r.num('ep') ?? 1,
    zero: (r.num('zero') ?? 0) as 0 | 1 | 2 | 3,
    optimizer: r.choice<Optimizer>('optimizer', 'adam'),
    recompute: r.choice<Recompute>('recompute', 'none'),
    microBatch: r.num('microBatch') ?? 1,
    seqLen: r.num('seqLen') ?? 4096,
  };
  checkLayout(r, gpus, parallel);
  const shape = activationShape(r, model);
  const common = {
    peak,
    mfu: mfu ?? DEFAULT_MFU,
    mfuIsDefault: mfu === undefined,
    ...(gpus !== undefined ? { gpus } : {}),
    ...(price ? { price } : {}),
    ...(model ? { model } : {}),
    parallel,
    ...(shape ? { shape } : {}),
  };
  if (r.has('compute')) {
    if (r.has('params') || r.has('tokens') || model) throw new UsageError('--compute goes alone (it gives the compute-optimal --params and --tokens); give --compute, or --params with --tokens');
    return { compute: r.need('compute'), ...common };
  }
  const both = '--params and --tokens are required (or --compute alone)';
  const params = model ? model.params : r.need('params', `${both}; --params expects ${accepted('params', r.presets)}`, 'compute');
  const active = model ? model.activeParams : r.num('activeParams');
  if (active !== undefined && active > params) throw new UsageError(`--active-params cannot exceed --params: active parameters are a subset of all of them`);
  const tokens = r.need('tokens', `${both}; --tokens expects ${accepted('tokens', r.presets)}`);
  return { params, tokens, ...(active !== undefined ? { activeParams: active } : {}), ...common };
}

/** The parallel layout must tile the GPUs: TP · PP divides them, and EP divides the data-parallel ranks. */
function checkLayout(r: Reader, gpus: number | undefined, p: { tp: number; pp: number; ep: number; zero: number }): void {
  const mp = p.tp * p.pp;
  if (gpus === undefined) {
    if (mp > 1 || p.ep > 1 || p.zero > 0) throw new MissingInput('gpus', `--gpus is required with --tp, --pp, --ep or --zero (data parallelism is GPUs / (TP · PP)); expected ${accepted('gpus', r.presets)}`);
    return;
  }
  if (gpus % mp !== 0) throw new UsageError(`--gpus ${gpus} is not a multiple of --tp × --pp = ${mp}; the data-parallel degree GPUs / (TP · PP) must be whole`);
  if ((gpus / mp) % p.ep !== 0) throw new UsageError(`--ep ${p.ep} must divide the data-parallel degree ${gpus / mp} (= GPUs / (TP · PP)): expert parallelism is carved out of data parallelism`);
}

/** Layer shape for activations: the model's, or --layers with --hidden and --heads, or none. */
function activationShape(r: Reader, model: ModelPreset | undefined): TrainInput['shape'] {
  const given = (['layers', 'hidden', 'heads'] as const).filter((k) => r.has(k));
  if (model) {
    if (given.length) throw new UsageError(`--model and ${given.map((k) => FIELDS[k].flag).join(', ')} do the same job; give --model, or --layers with --hidden and --heads`);
    return { layers: model.layers, hidden: model.hidden, heads: model.heads };
  }
  if (given.length === 0) return undefined;
  if (given.length < 3) throw new UsageError('--layers, --hidden and --heads go together (they size the activations); give all three, or --model');
  return { layers: r.need('layers'), hidden: r.need('hidden'), heads: r.need('heads') };
}

/** What infer and serve share: model, GPU, format, efficiencies, price. */
function servingCommon(r: Reader) {
  const m = modelOrParams(r);
  const { gpu, isDefault } = r.gpuOrDefault();
  const given = r.num('gpuHourPrice');
  const price = given !== undefined ? { usdPerHour: given } : presetPrice(gpu);
  const mfu = r.num('mfu');
  const bw = r.num('bandwidthEfficiency');
  return {
    ...m,
    dtype: r.dtype(),
    gpu,
    gpuIsDefault: isDefault,
    mfu: mfu ?? DEFAULT_MFU,
    mfuIsDefault: mfu === undefined,
    bandwidthEfficiency: bw ?? DEFAULT_BANDWIDTH_EFFICIENCY,
    promptTokens: r.num('promptTokens') ?? DEFAULT_PROMPT_TOKENS,
    outputTokens: r.num('outputTokens') ?? DEFAULT_OUTPUT_TOKENS,
    ...(price ? { price } : {}),
  };
}

export function inferInput(r: Reader): InferInput {
  const c = servingCommon(r);
  const gpus = r.num('gpus');
  const phases = r.has('promptTokens') || r.has('outputTokens');
  const context = r.num('context') ?? (phases ? c.promptTokens + c.outputTokens : 4096);
  return { ...c, ...(gpus !== undefined ? { gpus } : {}), batch: r.num('batch') ?? 1, context };
}

export function serveInput(r: Reader): ServeInput {
  const c = servingCommon(r);
  const qps = r.need('qps', `--qps is required (requests per second to serve); expected ${accepted('qps', r.presets)}`);
  const gpus = r.num('gpus');
  const ttft = r.num('sloTtft');
  const tpot = r.num('sloTpot');
  return { ...c, qps, ...(gpus !== undefined ? { gpusPerReplica: gpus } : {}), ...(ttft !== undefined ? { sloTtft: ttft } : {}), ...(tpot !== undefined ? { sloTpot: tpot } : {}) };
}

export function kvInput(r: Reader): KvInput {
  const model = r.model();
  const shapeFlags = (['layers', 'kvHeads', 'headDim'] as const).filter((k) => r.has(k));
  if (model && shapeFlags.length) throw new UsageError(`--model and ${shapeFlags.map((k) => FIELDS[k].flag).join(', ')} do the same job; give --model, or --layers with --kv-heads and --head-dim`);
  const common = { dtype: r.dtype(), context: r.num('context') ?? 4096, batch: r.num('batch') ?? 1 };
  if (model) return { shape: model, model, ...common };
  const why = '--model, or --layers with --kv-heads and --head-dim, is required';
  const layers = r.need('layers', `${why}; --model expects ${accepted('model', r.presets)}`, 'model');
  const kvHeads = r.need('kvHeads', `${why}; --kv-heads expects ${accepted('kvHeads', r.presets)}`);
  const headDim = r.need('headDim', `${why}; --head-dim expects ${accepted('headDim', r.presets)}`);
  return { shape: { layers, kvHeads, headDim }, ...common };
}

export function storageInput(r: Reader): StorageInput {
  r.exclusive('tier', 'pricePerGbMonth');
  const sizeBytes = r.need('size');
  const tier = r.tier();
  const flat = r.num('pricePerGbMonth');
  const common = { sizeBytes, months: r.num('months') ?? 12, growthPerMonth: r.num('growthPerMonth') ?? 0, replicas: r.num('replicas') ?? 1 };
  if (tier) return { price: { tier }, ...common };
  if (flat !== undefined) return { price: { flatUsdPerGbMonth: flat }, ...common };
  const first = findPreset(r.presets.storage, 's3-standard') ?? r.presets.storage[0];
  if (!first) throw new MissingInput('pricePerGbMonth', `--tier or --price-per-gb-month is required (the presets have no storage tiers); expected ${accepted('pricePerGbMonth', r.presets)}`);
  return { price: { tier: first }, compare: r.presets.storage, ...common };
}

export function egressInput(r: Reader): EgressInput {
  const prices = findPreset(r.presets.egress, 'internet') ?? r.presets.egress[0];
  const sizeBytes = r.need('size', `--size is required (bytes sent a month); expected ${accepted('size', r.presets)}`);
  if (!prices) throw new UsageError('calc egress: the presets have no egress prices; add an egress list with --presets FILE');
  return { sizeBytes, prices };
}

export function capacityInput(r: Reader): CapacityInput {
  const dau = r.need('dau');
  const requestsPerUser = r.need('requestsPerUser');
  const defaulted: string[] = [];
  const opt = (key: FieldKey, fallback: number, said: string) => {
    const v = r.num(key);
    if (v !== undefined) return v;
    defaulted.push(said);
    return fallback;
  };
  const peakFactor = opt('peakFactor', 2, 'peak factor 2');
  const writesPerUser = r.num('writesPerUser') ?? 0;
  const bytesPerWrite = writesPerUser > 0 ? opt('bytesPerWrite', 1000, '1 KB per write') : (r.num('bytesPerWrite') ?? 1000);
  const retentionYears = writesPerUser > 0 ? opt('retentionYears', 5, 'kept 5 years') : (r.num('retentionYears') ?? 5);
  const replicas = writesPerUser > 0 ? opt('replicas', 3, '3 replicas') : (r.num('replicas') ?? 3);
  const qpsPerServer = opt('qpsPerServer', 1000, '1,000 QPS per server');
  return { dau, requestsPerUser, peakFactor, writesPerUser, bytesPerWrite, responseBytes: r.num('responseBytes') ?? 0, retentionYears, replicas, qpsPerServer, defaulted };
}
