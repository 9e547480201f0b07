/**
 * The calculators' flags as one table: commander options and `study calc --help` are generated
 * from it, and inputs are parsed by it. Data only (imported by the command table, so it stays tiny).
 */

export const CALC_KINDS = ['train', 'infer', 'kv', 'storage', 'egress', 'capacity'] as const;
export type CalcKind = (typeof CALC_KINDS)[number];

/** How a flag's text is read: a unit kind of the parser, a whole number, or a preset/choice name. */
export type FieldType = 'count' | 'bytes' | 'usd' | 'fraction' | 'int' | 'gpu' | 'model' | 'tier' | 'dtype';

export interface Field {
  flag: string;
  /** Placeholder in help: `--params <N>`. */
  arg: string;
  type: FieldType;
  help: string;
  /** Zero allowed (otherwise values must be more than 0, since most are divisors or sizes). */
  zeroOk?: boolean;
  /** Largest accepted value, in base units. */
  max?: number;
}

export const FIELDS = {
  params: { flag: '--params', arg: 'N', type: 'count', help: 'parameters, e.g. 7B or 1.5e9' },
  tokens: { flag: '--tokens', arg: 'D', type: 'count', help: 'training tokens, e.g. 2T' },
  compute: { flag: '--compute', arg: 'FLOPS', type: 'count', help: 'compute budget alone, e.g. 3e23: gives the compute-optimal split' },
  gpu: { flag: '--gpu', arg: 'NAME', type: 'gpu', help: 'GPU preset (default h100); see study calc presets' },
  peakTflops: { flag: '--peak-tflops', arg: 'X', type: 'count', help: 'peak dense TFLOP/s per GPU, instead of --gpu' },
  mfu: { flag: '--mfu', arg: 'F', type: 'fraction', help: 'model FLOPs utilisation, 0.4 or 40% (default 0.4)', max: 1 },
  gpus: { flag: '--gpus', arg: 'N', type: 'int', help: 'number of GPUs' },
  gpuHourPrice: { flag: '--gpu-hour-price', arg: 'USD', type: 'usd', help: '$ per GPU-hour (default: the GPU preset’s price)', zeroOk: true },
  model: { flag: '--model', arg: 'NAME', type: 'model', help: 'model preset, e.g. llama-3-8b' },
  dtype: { flag: '--dtype', arg: 'T', type: 'dtype', help: 'fp32, fp16, bf16, fp8, int8 or int4 (default fp16)' },
  batch: { flag: '--batch', arg: 'B', type: 'int', help: 'concurrent sequences (default 1)' },
  context: { flag: '--context', arg: 'T', type: 'int', help: 'tokens per sequence (default 4096)' },
  layers: { flag: '--layers', arg: 'L', type: 'int', help: 'transformer layers' },
  kvHeads: { flag: '--kv-heads', arg: 'H', type: 'int', help: 'key/value heads (the KV-head count with GQA)' },
  headDim: { flag: '--head-dim', arg: 'D', type: 'int', help: 'dimension per head' },
  size: { flag: '--size', arg: 'S', type: 'bytes', help: 'data size, e.g. 50TB or 2 GiB (egress: per month)' },
  tier: { flag: '--tier', arg: 'NAME', type: 'tier', help: 'storage tier preset, e.g. s3-standard' },
  pricePerGbMonth: { flag: '--price-per-gb-month', arg: 'USD', type: 'usd', help: '$ per GB-month, instead of --tier', zeroOk: true },
  months: { flag: '--months', arg: 'M', type: 'int', help: 'months to cost (default 12)', max: 1200 },
  growthPerMonth: { flag: '--growth-per-month', arg: 'P', type: 'fraction', help: 'growth per month, e.g. 5%/mo (default 0)', zeroOk: true, max: 10 },
  replicas: { flag: '--replicas', arg: 'R', type: 'int', help: 'copies stored (default 1; capacity: 3)' },
  dau: { flag: '--dau', arg: 'N', type: 'count', help: 'daily active users, e.g. 10M' },
  requestsPerUser: { flag: '--requests-per-user', arg: 'R', type: 'count', help: 'requests per user per day' },
  peakFactor: { flag: '--peak-factor', arg: 'F', type: 'count', help: 'peak / average traffic (default 2)' },
  writesPerUser: { flag: '--writes-per-user', arg: 'W', type: 'count', help: 'writes per user per day (default 0)', zeroOk: true },
  bytesPerWrite: { flag: '--bytes-per-write', arg: 'B', type: 'bytes', help: 'bytes stored per write (default 1 KB)' },
  responseBytes: { flag: '--response-bytes', arg: 'B', type: 'bytes', help: 'bytes per response (default 0: no egress)', zeroOk: true },
  retentionYears: { flag: '--retention-years', arg: 'Y', type: 'count', help: 'years kept (default 5)' },
  qpsPerServer: { flag: '--qps-per-server', arg: 'Q', type: 'count', help: 'QPS one server sustains (default 1000)' },
} as const satisfies Record<string, Field>;

export type FieldKey = keyof typeof FIELDS;

/** Which flags each calculator takes. */
export const KIND_FIELDS: Record<CalcKind, readonly FieldKey[]> = {
  train: ['params', 'tokens', 'compute', 'gpu', 'peakTflops', 'mfu', 'gpus', 'gpuHourPrice'],
  infer: ['params', 'model', 'dtype', 'gpu', 'gpus', 'batch', 'context', 'gpuHourPrice'],
  kv: ['model', 'layers', 'kvHeads', 'headDim', 'dtype', 'context', 'batch'],
  storage: ['size', 'tier', 'pricePerGbMonth', 'months', 'growthPerMonth', 'replicas'],
  egress: ['size'],
  capacity: ['dau', 'requestsPerUser', 'peakFactor', 'writesPerUser', 'bytesPerWrite', 'responseBytes', 'retentionYears', 'replicas', 'qpsPerServer'],
};

/** One line per calculator, as `study calc --help` shows it. */
export const KIND_USAGE: Record<CalcKind, string> = {
  train: '--params N --tokens D [--gpu NAME | --peak-tflops X] [--mfu F] [--gpus N] [--gpu-hour-price USD], or --compute FLOPS',
  infer: '--params N | --model NAME [--dtype T] [--gpu NAME] [--gpus N] [--batch B] [--context T] [--gpu-hour-price USD]',
  kv: '--model NAME | --layers L --kv-heads H --head-dim D [--dtype T] [--context T] [--batch B]',
  storage: '--size S [--tier NAME | --price-per-gb-month USD] [--months M] [--growth-per-month P] [--replicas R]',
  egress: '--size S (per month)',
  capacity: '--dau N --requests-per-user R [--peak-factor F] [--writes-per-user W] [--bytes-per-write B] [--response-bytes B] [--retention-years Y] [--replicas R] [--qps-per-server Q]',
};

export const KIND_SUMMARY: Record<CalcKind, string> = {
  train: 'training compute (6·N·D), GPU-hours, days, cost, Chinchilla split, memory',
  infer: 'serving memory, GPUs, decode tokens/s, $ per million tokens',
  kv: 'KV-cache bytes per token and in total',
  storage: 'storage cost month by month, or every tier compared',
  egress: 'internet egress cost on tiered prices',
  capacity: 'QPS, writes, storage, bandwidth and servers from daily users',
};

/** Commander options for `study calc`: the union of every calculator's flags. */
export function calcOptions(): { flags: string; description: string }[] {
  const fields = Object.values(FIELDS).map((f) => ({ flags: `${f.flag} <${f.arg.toLowerCase()}>`, description: f.help }));
  return [...fields, { flags: '--presets <file>', description: 'a YAML presets file that adds to or overrides the bundled presets' }, { flags: '--json', description: 'print the numbers as JSON (exact, base units) instead of the derivation' }];
}

/** The text under `study calc --help`: the kinds with their flags. */
export function calcHelp(): string {
  const lines = ['Kinds (study calc KIND …; study calc alone shows a menu in a terminal):'];
  for (const k of CALC_KINDS) lines.push(`  ${k.padEnd(9)}${KIND_SUMMARY[k]}`, `           ${KIND_USAGE[k]}`);
  lines.push('  presets  list GPUs, models, storage tiers and egress prices with sources and dates [--json]');
  lines.push('', 'Numbers take units: 7B 2T 3e9 · 512 B 1.5 GB 2 GiB 10 TB · $0.5 $1.2k · 40% 5%/mo.');
  lines.push('Examples:', '  study calc train --params 7B --tokens 2T --gpu h100 --gpus 256', '  study calc kv --model llama-3-8b --context 8192 --batch 16', '  study calc storage --size 50TB --growth-per-month 5% --months 24 --json');
  return lines.join('\n');
}
