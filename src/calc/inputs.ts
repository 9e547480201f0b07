/**
 * From flag text to calculator inputs: each flag parsed by the one unit parser (one-line errors
 * naming the flag, the input and the accepted forms), presets looked up, defaults applied. A
 * missing required input is a `MissingInput`, which the shell turns into a prompt in a terminal
 * or leaves as a usage error. Pure.
 */
import { UsageError } from '../errors.js';
import type { CapacityInput } from './capacity.js';
import { DTYPE_NAMES, type Dtype } from './dtype.js';
import type { EgressInput } from './egress.js';
import { CALC_KINDS, FIELDS, KIND_FIELDS, type CalcKind, type FieldKey } from './flags.js';
import type { InferInput } from './infer.js';
import type { KvInput } from './kv.js';
import { findPreset, type GpuPreset, type ModelPreset, type Presets, type StoragePreset } from './presets.js';
import type { StorageInput } from './storage.js';
import type { TrainInput } from './train.js';
import { ACCEPTED, parseQuantity } from './units.js';

/** Flag values as text, keyed like commander's camel-cased option names. */
export type Raw = Partial<Record<FieldKey, string>>;

/** A required input is absent. `alternative` names the flag that can stand in for it. */
export class MissingInput extends UsageError {
  constructor(
    readonly key: FieldKey,
    message: string,
    readonly alternative?: FieldKey,
  ) {
    super(message);
    this.name = 'MissingInput';
  }
}

/** What a field accepts, in words (for errors and prompts). */
export function accepted(key: FieldKey, presets: Presets): string {
  const f = FIELDS[key];
  switch (f.type) {
    case 'int':
      return 'a whole number such as 8, 4096 or 32k';
    case 'gpu':
      return `one of ${presets.gpus.map((g) => g.id).join(', ')}`;
    case 'model':
      return `one of ${presets.models.map((m) => m.id).join(', ')}`;
    case 'tier':
      return `one of ${presets.storage.map((s) => s.id).join(', ')}`;
    case 'dtype':
      return `one of ${DTYPE_NAMES.join(', ')}`;
    default:
      return ACCEPTED[f.type];
  }
}

/** Parses one flag's text; throws a one-line UsageError naming the flag on bad input. */
export function parseNumber(key: FieldKey, text: string, presets: Presets): number {
  const f = FIELDS[key];
  const bad = (why: string) => new UsageError(`${f.flag}: "${text.trim()}" ${why}; expected ${accepted(key, presets)}`);
  const kind = f.type === 'int' ? 'count' : f.type;
  if (kind === 'gpu' || kind === 'model' || kind === 'tier' || kind === 'dtype') throw new Error(`${key} is not a number field`);
  const r = parseQuantity(text, kind);
  if (!r.ok) {
    const why = r.error.replace(/; expected.*$/, '');
    throw bad(why.startsWith('"') ? why.replace(/^"[^"]*" /, '') : why.startsWith('unknown unit') ? `has an ${why}` : 'is not valid');
  }
  const zeroOk = 'zeroOk' in f && f.zeroOk;
  if (r.value === 0 && !zeroOk) throw bad('must be more than 0');
  if (f.type === 'int' && !Number.isSafeInteger(r.value)) throw bad('is not a whole number');
  if ('max' in f && r.value > f.max) throw bad(`is more than ${f.type === 'fraction' ? `${f.max * 100}%` : f.max}`);
  return r.value;
}

function lookup<T extends { id: string }>(key: FieldKey, text: string, list: readonly T[], presets: Presets): T {
  const found = findPreset(list, text);
  if (!found) throw new UsageError(`${FIELDS[key].flag}: no preset "${text.trim()}"; expected ${accepted(key, presets)} (or add one with --presets FILE)`);
  return found;
}

/** Reads flag values for a calculator, with the presets to look names up in. */
export class Reader {
  constructor(
    readonly raw: Raw,
    readonly presets: Presets,
  ) {}
  has(key: FieldKey): boolean {
    return this.raw[key] !== undefined;
  }
  num(key: FieldKey): number | undefined {
    const t = this.raw[key];
    return t === undefined ? undefined : parseNumber(key, t, this.presets);
  }
  need(key: FieldKey, message?: string, alternative?: FieldKey): number {
    const v = this.num(key);
    if (v === undefined) throw new MissingInput(key, message ?? `${FIELDS[key].flag} is required; expected ${accepted(key, this.presets)}`, alternative);
    return v;
  }
  gpu(): GpuPreset | undefined {
    const t = this.raw.gpu;
    return t === undefined ? undefined : lookup('gpu', t, this.presets.gpus, this.presets);
  }
  model(): ModelPreset | undefined {
    const t = this.raw.model;
    return t === undefined ? undefined : lookup('model', t, this.presets.models, this.presets);
  }
  tier(): StoragePreset | undefined {
    const t = this.raw.tier;
    return t === undefined ? undefined : lookup('tier', t, this.presets.storage, this.presets);
  }
  dtype(): Dtype {
    const t = this.raw.dtype;
    if (t === undefined) return 'fp16';
    const d = t.trim().toLowerCase();
    if (!(DTYPE_NAMES as string[]).includes(d)) throw new UsageError(`--dtype: "${t.trim()}" is not valid; expected ${accepted('dtype', this.presets)}`);
    return d as Dtype;
  }
  /** The GPU asked for, else the default (h100) when the presets have it. */
  gpuOrDefault(): { gpu: GpuPreset; isDefault: boolean } {
    const g = this.gpu();
    if (g) return { gpu: g, isDefault: false };
    const h = findPreset(this.presets.gpus, 'h100') ?? this.presets.gpus[0];
    if (!h) throw new MissingInput('gpu', `--gpu is required (the presets have no GPUs); expected a GPU preset added with --presets FILE`);
    return { gpu: h, isDefault: true };
  }
  exclusive(a: FieldKey, b: FieldKey): void {
    if (this.has(a) && this.has(b)) throw new UsageError(`${FIELDS[a].flag} and ${FIELDS[b].flag} do the same job; give one of them`);
  }
}

/** Refuses flags the calculator does not take (`study calc kv --tokens 2T`). */
export function checkFlagsFor(kind: CalcKind, raw: Raw): void {
  const allowed = new Set<string>(KIND_FIELDS[kind]);
  for (const key of Object.keys(raw) as FieldKey[]) {
    if (raw[key] !== undefined && !allowed.has(key)) {
      throw new UsageError(`${FIELDS[key].flag} does not apply to study calc ${kind}; it takes ${KIND_FIELDS[kind].map((k) => FIELDS[k].flag).join(', ')}`);
    }
  }
}

export function isCalcKind(s: string): s is CalcKind {
  return (CALC_KINDS as readonly string[]).includes(s);
}

export function trainInput(r: Reader): TrainInput {
  r.exclusive('gpu', 'peakTflops');
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
    if (gpu.price) price = { usdPerHour: gpu.price.usdPerHour, source: `${gpu.price.source}, as of ${gpu.price.asOf}` };
  }
  const given = r.num('gpuHourPrice');
  if (given !== undefined) price = { usdPerHour: given };
  const common = { peak, mfu: mfu ?? 0.4, mfuIsDefault: mfu === undefined, ...(gpus !== undefined ? { gpus } : {}), ...(price ? { price } : {}) };
  if (r.has('compute')) {
    if (r.has('params') || r.has('tokens')) throw new UsageError('--compute goes alone (it gives the compute-optimal --params and --tokens); give --compute, or --params with --tokens');
    return { compute: r.need('compute'), ...common };
  }
  const both = '--params and --tokens are required (or --compute alone)';
  const params = r.need('params', `${both}; --params expects ${accepted('params', r.presets)}`, 'compute');
  const tokens = r.need('tokens', `${both}; --tokens expects ${accepted('tokens', r.presets)}`);
  return { params, tokens, ...common };
}

export function inferInput(r: Reader): InferInput {
  r.exclusive('model', 'params');
  const model = r.model();
  const params = model ? model.params : r.need('params', `--model or --params is required; expected ${accepted('model', r.presets)}, or --params ${accepted('params', r.presets)}`, 'model');
  const { gpu, isDefault } = r.gpuOrDefault();
  const given = r.num('gpuHourPrice');
  const price = given !== undefined ? { usdPerHour: given } : gpu.price ? { usdPerHour: gpu.price.usdPerHour, source: `${gpu.price.source}, as of ${gpu.price.asOf}` } : undefined;
  const gpus = r.num('gpus');
  return {
    params,
    ...(model ? { model } : {}),
    dtype: r.dtype(),
    gpu,
    gpuIsDefault: isDefault,
    ...(gpus !== undefined ? { gpus } : {}),
    batch: r.num('batch') ?? 1,
    context: r.num('context') ?? 4096,
    ...(price ? { price } : {}),
  };
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
