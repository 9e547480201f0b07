/**
 * Asks for what a calculator is missing, in a terminal: a menu of presets where one fits, else a
 * typed value checked by the same parser as the flags; then offers the optional inputs with their
 * defaults. Everything goes through the Prompter.
 */
import { DEFAULT_MFU, DEFAULT_OUTPUT_TOKENS, DEFAULT_PROMPT_TOKENS } from '../../calc/builders.js';
import { DTYPE_NAMES } from '../../calc/dtype.js';
import { FIELDS, type CalcKind, type FieldKey } from '../../calc/flags.js';
import { parseNumber, type MissingInput, type Raw } from '../../calc/inputs.js';
import { findPreset, type Presets } from '../../calc/presets.js';
import type { Prompter } from '../../ui/prompter.js';

const OTHER = '\u0000other';

/** Fills in `missing` (and returns the updated flag values). */
export async function askMissing(missing: MissingInput, raw: Raw, presets: Presets, p: Prompter): Promise<Raw> {
  if (missing.alternative === 'model' && presets.models.length) {
    const other = missing.key === 'params' ? 'Other: enter a parameter count' : 'Other: enter the shape (layers, KV heads, head dim)';
    const choice = await p.select({
      message: 'Which model?',
      choices: [...presets.models.map((m) => ({ name: `${m.id.padEnd(16)} ${m.name}`, short: m.id, value: m.id })), { name: other, value: OTHER }],
    });
    if (choice !== OTHER) return { ...raw, model: choice };
  }
  if (missing.key === 'gpu' && presets.gpus.length) {
    const gpu = await p.select({ message: 'Which GPU?', choices: presets.gpus.map((g) => ({ name: `${g.id.padEnd(10)} ${g.name}`, short: g.id, value: g.id })) });
    return { ...raw, gpu };
  }
  return { ...raw, [missing.key]: await askValue(missing.key, presets, p) };
}

/** Asks for one flag's value, validated as the flag would be. */
export async function askValue(key: FieldKey, presets: Presets, p: Prompter): Promise<string> {
  const f = FIELDS[key];
  const text = await p.input({
    message: `${capitalise(f.help)} (${f.flag})`,
    validate: (v) => {
      try {
        parseNumber(key, v, presets);
        return true;
      } catch (e) {
        return (e as Error).message;
      }
    },
  });
  return text.trim();
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The optional inputs offered in a terminal, per calculator, in the order asked. */
const OPTIONAL: Record<CalcKind, FieldKey[]> = {
  train: ['gpu', 'gpus', 'mfu', 'zero', 'gpuHourPrice'],
  infer: ['dtype', 'gpu', 'gpus', 'batch', 'promptTokens', 'outputTokens', 'mfu', 'gpuHourPrice'],
  serve: ['dtype', 'gpu', 'gpus', 'promptTokens', 'outputTokens', 'sloTtft', 'sloTpot', 'gpuHourPrice'],
  kv: ['dtype', 'context', 'batch'],
  storage: ['months', 'growthPerMonth', 'replicas'],
  egress: [],
  capacity: ['peakFactor', 'writesPerUser', 'bytesPerWrite', 'responseBytes', 'qpsPerServer'],
};

/** The default a field takes when left alone, in words, for the prompt ("" when it depends on others). */
function defaultText(key: FieldKey, raw: Raw, presets: Presets): string {
  const gpu = findPreset(presets.gpus, raw.gpu ?? 'h100') ?? presets.gpus[0];
  const table: Partial<Record<FieldKey, string>> = {
    gpu: gpu?.id ?? '',
    dtype: 'fp16',
    mfu: `${DEFAULT_MFU * 100}%`,
    zero: '0',
    batch: '1',
    context: '4096',
    promptTokens: String(DEFAULT_PROMPT_TOKENS),
    outputTokens: String(DEFAULT_OUTPUT_TOKENS),
    gpuHourPrice: gpu?.price ? String(gpu.price.usdPerHour) : '',
    months: '12',
    growthPerMonth: '0%',
    replicas: '1',
    peakFactor: '2',
    writesPerUser: '0',
    bytesPerWrite: '1 KB',
    responseBytes: '0',
    qpsPerServer: '1000',
  };
  return table[key] ?? '';
}

/**
 * Offers the calculator's optional inputs (GPU, GPU count, MFU, dtype, price…) with their defaults,
 * after one yes/no; what is left empty keeps the default. Flags already given are not asked again.
 */
export async function askOptional(kind: CalcKind, raw: Raw, presets: Presets, p: Prompter): Promise<Raw> {
  const keys = OPTIONAL[kind].filter((k) => raw[k] === undefined);
  if (keys.length === 0) return raw;
  const names = keys.map((k) => FIELDS[k].flag.replace(/^--/, '')).join(', ');
  if (!(await p.confirm({ message: `Change the optional inputs (${names})?`, default: false }))) return raw;
  let out = { ...raw };
  for (const key of keys) {
    const f = FIELDS[key];
    const fallback = defaultText(key, out, presets);
    if (f.type === 'gpu' && presets.gpus.length) {
      const gpu = await p.select({ message: 'Which GPU?', default: fallback, choices: presets.gpus.map((g) => ({ name: `${g.id.padEnd(10)} ${g.name}`, short: g.id, value: g.id })) });
      out = { ...out, gpu };
      continue;
    }
    if (f.type === 'dtype') {
      const dtype = await p.select({ message: 'Number format (--dtype)?', default: fallback, choices: DTYPE_NAMES.map((d) => ({ name: d, value: d })) });
      out = { ...out, dtype };
      continue;
    }
    const text = await p.input({
      // The prompt shows the default itself, so the help's own "(default …)" is left out.
      message: `${capitalise(fallback ? f.help.replace(/\s*\(default [^)]*\)/, '') : f.help)} (${f.flag}${fallback ? '' : '; empty keeps the default'})`,
      ...(fallback ? { default: fallback } : {}),
      validate: (v) => {
        if (v.trim() === '') return true;
        try {
          parseNumber(key, v, presets);
          return true;
        } catch (e) {
          return (e as Error).message;
        }
      },
    });
    if (text.trim() !== '' && text.trim() !== fallback) out = { ...out, [key]: text.trim() };
  }
  return out;
}
