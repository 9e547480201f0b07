/**
 * From flag text to calculator inputs: each flag parsed by the one unit parser (one-line errors
 * naming the flag, the input and the accepted forms and range), presets looked up, defaults
 * applied. A missing required input is a `MissingInput`, which the shell turns into a prompt in a
 * terminal or leaves as a usage error. Pure. The per-calculator builders are in builders.ts.
 */
import { UsageError } from '../errors.js';
import { DTYPE_NAMES, type Dtype } from './dtype.js';
import { CALC_KINDS, FIELDS, KIND_FIELDS, type CalcKind, type Field, type FieldKey } from './flags.js';
import { findPreset, type GpuPreset, type ModelPreset, type Presets, type StoragePreset } from './presets.js';
import { ACCEPTED, formatQuantity, parseQuantity, whole, type Kind } from './units.js';

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
      // The field's own range where it has one ("a whole number from 1 to 1,200"), so the example fits the flag.
      return (f as Field).max !== undefined || (f as Field).min !== undefined ? range(f as Field) : 'a whole number of 1 or more, such as 8, 4096 or 32k';
    case 'gpu':
      return `one of ${presets.gpus.map((g) => g.id).join(', ')}`;
    case 'model':
      return `one of ${presets.models.map((m) => m.id).join(', ')}`;
    case 'tier':
      return `one of ${presets.storage.map((s) => s.id).join(', ')}`;
    case 'dtype':
      return `one of ${DTYPE_NAMES.join(', ')}`;
    case 'choice':
      return `one of ${(f as Field).choices!.join(', ')}`;
    default:
      return ACCEPTED[f.type];
  }
}

/** Parses one flag's text; throws a one-line UsageError naming the flag on bad input. */
export function parseNumber(key: FieldKey, text: string, presets: Presets): number {
  const f: Field = FIELDS[key];
  const bad = (why: string) => new UsageError(`${f.flag}: "${text.trim()}" ${why}; expected ${accepted(key, presets)}`);
  const kind = f.type === 'int' ? 'count' : f.type;
  if (kind === 'gpu' || kind === 'model' || kind === 'tier' || kind === 'dtype' || kind === 'choice') throw new Error(`${key} is not a number field`);
  const r = parseQuantity(text, kind);
  if (!r.ok) {
    const why = r.error.replace(/; expected.*$/, '');
    throw bad(why.startsWith('"') ? why.replace(/^"[^"]*" /, '') : why.startsWith('unknown unit') ? `has an ${why}` : 'is not valid');
  }
  const zeroOk = f.zeroOk === true;
  if (r.value === 0 && !zeroOk) throw bad('must be more than 0');
  if (f.max !== undefined && r.value > f.max) {
    throw new UsageError(`${f.flag}: "${text.trim()}" is out of range (more than ${show(f, f.max)}); accepted: ${range(f)}`);
  }
  if (f.min !== undefined && r.value < f.min) {
    throw new UsageError(`${f.flag}: "${text.trim()}" is out of range (less than ${show(f, f.min)}); accepted: ${range(f)}`);
  }
  if (f.type === 'int' && !Number.isSafeInteger(r.value)) throw bad('is not a whole number');
  return r.value;
}

/** A bound in the field's own terms: "1,000", "100%", "1P". */
function show(f: Field, v: number): string {
  return f.type === 'int' ? whole(v) : formatQuantity(v, f.type as Kind);
}

/** The accepted range of a numeric field, in words: "a whole number from 1 to 1,000". */
export function range(f: Field): string {
  const lo = f.min !== undefined ? show(f, f.min) : f.zeroOk ? '0' : f.type === 'int' ? '1' : 'more than 0';
  const what = f.type === 'int' ? 'a whole number' : f.type === 'fraction' ? 'a percentage' : f.type === 'bytes' ? 'a size' : f.type === 'seconds' ? 'a duration' : f.type === 'usd' ? 'an amount' : 'a number';
  return `${what} from ${lo} to ${f.max !== undefined ? show(f, f.max) : 'any size'}`;
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
  /** A word from a `choice` field's list, or `fallback`; a bare `--recompute` means its last choice (full). */
  choice<T extends string>(key: FieldKey, fallback: T): T {
    const f: Field = FIELDS[key];
    const t = this.raw[key];
    if (t === undefined) return fallback;
    const w = t.trim().toLowerCase();
    if (f.optionalArg && (w === 'true' || w === '')) return f.choices![f.choices!.length - 1] as T;
    if (!f.choices!.includes(w)) throw new UsageError(`${f.flag}: "${t.trim()}" is not valid; expected ${accepted(key, this.presets)}`);
    return w as T;
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

