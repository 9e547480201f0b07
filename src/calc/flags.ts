/**
 * The calculators' flags as one table: commander options and `study calc [KIND] --help` are
 * generated from it, and inputs are parsed and bounded by it. Data only (imported by the command
 * table, so it stays tiny).
 */

export const CALC_KINDS = ['train', 'infer', 'kv', 'serve', 'storage', 'egress', 'capacity'] as const;
export type CalcKind = (typeof CALC_KINDS)[number];

/** How a flag's text is read: a unit kind of the parser, a whole number, or a preset/choice name. */
export type FieldType = 'count' | 'bytes' | 'usd' | 'fraction' | 'seconds' | 'int' | 'gpu' | 'model' | 'tier' | 'dtype' | 'choice';

export interface Field {
  flag: string;
  /** Placeholder in help: `--params <N>`. */
  arg: string;
  type: FieldType;
  help: string;
  /** Zero allowed (otherwise values must be more than 0, since most are divisors or sizes). */
  zeroOk?: boolean;
  /** Largest accepted value, in base units: every number is bounded, so no result overflows. */
  max?: number;
  /** Smallest accepted value, when it is more than 0 (a peak factor below 1 would put the peak under the average). */
  min?: number;
  /** For `choice` fields: the accepted words. */
  choices?: readonly string[];
  /** The value may be left out (`--recompute` alone means `full`). */
  optionalArg?: boolean;
}

const TB = 1e12;

export const FIELDS = {
  params: { flag: '--params', arg: 'N', type: 'count', help: 'parameters (total, for a mixture of experts), e.g. 7B or 1.5e9', max: 1e15 },
  activeParams: { flag: '--active-params', arg: 'N', type: 'count', help: 'parameters used per token (mixture of experts), e.g. 37B; FLOPs follow it, memory follows --params', max: 1e15 },
  tokens: { flag: '--tokens', arg: 'D', type: 'count', help: 'training tokens, e.g. 2T', max: 1e17 },
  compute: { flag: '--compute', arg: 'FLOPS', type: 'count', help: 'compute budget alone, e.g. 3e23: gives the compute-optimal split', max: 1e32 },
  gpu: { flag: '--gpu', arg: 'NAME', type: 'gpu', help: 'GPU preset (default h100); see study calc presets' },
  peakTflops: { flag: '--peak-tflops', arg: 'X', type: 'count', help: 'peak dense TFLOP/s per GPU, instead of --gpu', max: 1e6 },
  mfu: { flag: '--mfu', arg: 'F', type: 'fraction', help: 'model FLOPs utilisation, 0.4 or 40% (default 40%)', max: 1 },
  bandwidthEfficiency: { flag: '--bandwidth-efficiency', arg: 'F', type: 'fraction', help: 'share of peak memory bandwidth reached (default 100%: the bound; real kernels 60-80%)', max: 1 },
  gpus: { flag: '--gpus', arg: 'N', type: 'int', help: 'number of GPUs (serve: per replica)', max: 10_000_000 },
  tp: { flag: '--tp', arg: 'N', type: 'int', help: 'tensor-parallel degree (default 1)', max: 1024 },
  pp: { flag: '--pp', arg: 'N', type: 'int', help: 'pipeline-parallel stages (default 1)', max: 1024 },
  ep: { flag: '--ep', arg: 'N', type: 'int', help: 'expert-parallel degree, carved out of data parallelism (default 1)', max: 1024 },
  zero: { flag: '--zero', arg: 'STAGE', type: 'int', help: 'ZeRO stage 0-3: shard optimizer states (1), + gradients (2), + weights (3) (default 0)', zeroOk: true, max: 3 },
  optimizer: { flag: '--optimizer', arg: 'NAME', type: 'choice', help: 'adam, adafactor or sgd (default adam)', choices: ['adam', 'adafactor', 'sgd'] },
  recompute: { flag: '--recompute', arg: 'MODE', type: 'choice', help: 'activation recomputation: none, selective or full (alone: full; default none)', choices: ['none', 'selective', 'full'], optionalArg: true },
  microBatch: { flag: '--micro-batch', arg: 'B', type: 'int', help: 'sequences per micro-batch per GPU (default 1)', max: 100_000 },
  seqLen: { flag: '--seq-len', arg: 'S', type: 'int', help: 'training sequence length in tokens (default 4096)', max: 100_000_000 },
  hidden: { flag: '--hidden', arg: 'H', type: 'int', help: 'hidden size (for activations without --model)', max: 1_000_000 },
  heads: { flag: '--heads', arg: 'A', type: 'int', help: 'attention heads (for activations without --model)', max: 100_000 },
  gpuHourPrice: { flag: '--gpu-hour-price', arg: 'USD', type: 'usd', help: '$ per GPU-hour (default: the GPU preset’s price)', zeroOk: true, max: 1000 },
  model: { flag: '--model', arg: 'NAME', type: 'model', help: 'model preset, e.g. llama-3.1-8b or deepseek-v3' },
  dtype: { flag: '--dtype', arg: 'T', type: 'dtype', help: 'fp32, bf16, fp16, fp8, int8, int4 or fp4 (default fp16)' },
  batch: { flag: '--batch', arg: 'B', type: 'int', help: 'concurrent sequences (default 1)', max: 1_000_000 },
  context: { flag: '--context', arg: 'T', type: 'int', help: 'tokens cached per sequence (default 4096; infer: prompt + output when those are given)', max: 100_000_000 },
  promptTokens: { flag: '--prompt-tokens', arg: 'T', type: 'int', help: 'prompt tokens per request (default 1000)', max: 100_000_000 },
  outputTokens: { flag: '--output-tokens', arg: 'T', type: 'int', help: 'generated tokens per request (default 250)', max: 10_000_000 },
  qps: { flag: '--qps', arg: 'Q', type: 'count', help: 'requests per second to serve, e.g. 20', max: 1e9 },
  sloTtft: { flag: '--slo-ttft', arg: 'T', type: 'seconds', help: 'time-to-first-token target, e.g. 500ms (default: none)', max: 3600 },
  sloTpot: { flag: '--slo-tpot', arg: 'T', type: 'seconds', help: 'time-per-output-token target, e.g. 50ms (default: none)', max: 60 },
  layers: { flag: '--layers', arg: 'L', type: 'int', help: 'transformer layers', max: 10_000 },
  kvHeads: { flag: '--kv-heads', arg: 'H', type: 'int', help: 'key/value heads (the KV-head count with GQA)', max: 100_000 },
  headDim: { flag: '--head-dim', arg: 'D', type: 'int', help: 'dimension per head', max: 100_000 },
  size: { flag: '--size', arg: 'S', type: 'bytes', help: 'data size, e.g. 50TB or 2 GiB (egress: per month)', max: 1e12 * TB },
  tier: { flag: '--tier', arg: 'NAME', type: 'tier', help: 'storage tier preset, e.g. s3-standard' },
  pricePerGbMonth: { flag: '--price-per-gb-month', arg: 'USD', type: 'usd', help: '$ per GB-month, instead of --tier', zeroOk: true, max: 1000 },
  months: { flag: '--months', arg: 'M', type: 'int', help: 'months to cost (default 12)', max: 1200 },
  growthPerMonth: { flag: '--growth-per-month', arg: 'P', type: 'fraction', help: 'growth per month, e.g. 5%/mo (default 0)', zeroOk: true, max: 10 },
  replicas: { flag: '--replicas', arg: 'R', type: 'int', help: 'copies stored (default 1; capacity: 3)', max: 1000 },
  dau: { flag: '--dau', arg: 'N', type: 'count', help: 'daily active users, e.g. 10M', max: 1e11 },
  requestsPerUser: { flag: '--requests-per-user', arg: 'R', type: 'count', help: 'requests per user per day', max: 1e7 },
  peakFactor: { flag: '--peak-factor', arg: 'F', type: 'count', help: 'peak / average traffic, at least 1 (default 2)', min: 1, max: 1000 },
  writesPerUser: { flag: '--writes-per-user', arg: 'W', type: 'count', help: 'writes per user per day (default 0)', zeroOk: true, max: 1e7 },
  bytesPerWrite: { flag: '--bytes-per-write', arg: 'B', type: 'bytes', help: 'bytes stored per write (default 1 KB)', max: TB },
  responseBytes: { flag: '--response-bytes', arg: 'B', type: 'bytes', help: 'bytes per response (default 0: no egress)', zeroOk: true, max: TB },
  retentionYears: { flag: '--retention-years', arg: 'Y', type: 'count', help: 'years kept (default 5)', max: 1000 },
  qpsPerServer: { flag: '--qps-per-server', arg: 'Q', type: 'count', help: 'QPS one server sustains (default 1000)', max: 1e9 },
} as const satisfies Record<string, Field>;

export type FieldKey = keyof typeof FIELDS;

/** Which flags each calculator takes. */
export const KIND_FIELDS: Record<CalcKind, readonly FieldKey[]> = {
  train: ['params', 'activeParams', 'model', 'tokens', 'compute', 'gpu', 'peakTflops', 'mfu', 'gpus', 'tp', 'pp', 'ep', 'zero', 'optimizer', 'recompute', 'microBatch', 'seqLen', 'layers', 'hidden', 'heads', 'gpuHourPrice'],
  infer: ['params', 'activeParams', 'model', 'dtype', 'gpu', 'gpus', 'batch', 'context', 'promptTokens', 'outputTokens', 'mfu', 'bandwidthEfficiency', 'gpuHourPrice'],
  serve: ['params', 'activeParams', 'model', 'dtype', 'gpu', 'gpus', 'qps', 'promptTokens', 'outputTokens', 'sloTtft', 'sloTpot', 'mfu', 'bandwidthEfficiency', 'gpuHourPrice'],
  kv: ['model', 'layers', 'kvHeads', 'headDim', 'dtype', 'context', 'batch'],
  storage: ['size', 'tier', 'pricePerGbMonth', 'months', 'growthPerMonth', 'replicas'],
  egress: ['size'],
  capacity: ['dau', 'requestsPerUser', 'peakFactor', 'writesPerUser', 'bytesPerWrite', 'responseBytes', 'retentionYears', 'replicas', 'qpsPerServer'],
};

/** One line per calculator, as `study calc --help` shows it. */
export const KIND_USAGE: Record<CalcKind, string> = {
  train:
    '--params N [--active-params N] | --model NAME, --tokens D [--gpu NAME | --peak-tflops X] [--mfu F] [--gpus N] [--tp N] [--pp N] [--ep N] [--zero 0-3] [--optimizer adam|adafactor|sgd] [--recompute [none|selective|full]] [--micro-batch B] [--seq-len S] [--gpu-hour-price USD], or --compute FLOPS',
  infer: '--params N [--active-params N] | --model NAME [--dtype T] [--gpu NAME] [--gpus N] [--batch B] [--context T] [--prompt-tokens T] [--output-tokens T] [--mfu F] [--bandwidth-efficiency F] [--gpu-hour-price USD]',
  serve: '--params N | --model NAME --qps Q [--prompt-tokens T] [--output-tokens T] [--slo-ttft T] [--slo-tpot T] [--gpu NAME] [--gpus N per replica] [--dtype T] [--mfu F] [--gpu-hour-price USD]',
  kv: '--model NAME | --layers L --kv-heads H --head-dim D [--dtype T] [--context T] [--batch B]',
  storage: '--size S [--tier NAME | --price-per-gb-month USD] [--months M] [--growth-per-month P] [--replicas R]',
  egress: '--size S (per month)',
  capacity: '--dau N --requests-per-user R [--peak-factor F] [--writes-per-user W] [--bytes-per-write B] [--response-bytes B] [--retention-years Y] [--replicas R] [--qps-per-server Q]',
};

export const KIND_SUMMARY: Record<CalcKind, string> = {
  train: 'training compute (6·N·D), GPU-hours, days, cost, Chinchilla split, memory per GPU with TP/PP/ZeRO',
  infer: 'serving memory, fit, prefill time (TTFT), time per output token, throughput by batch, $ per million tokens',
  serve: 'serving under load: replicas for a QPS, batch, latency, concurrency, utilisation, $ per million tokens',
  kv: 'KV-cache bytes per token and in total (MHA, GQA, MLA, sliding windows)',
  storage: 'storage cost month by month, or every tier compared',
  egress: 'internet egress cost on tiered prices',
  capacity: 'QPS, writes, storage, bandwidth and servers from daily users',
};

const EXAMPLES: Record<CalcKind, string[]> = {
  train: ['study calc train --params 7B --tokens 2T --gpu h100 --gpus 256', 'study calc train --params 7.5B --tokens 300B --gpus 64 --zero 2', 'study calc train --model deepseek-v3 --tokens 14.8T --gpu h800 --gpus 2048 --tp 1 --pp 16 --ep 64 --zero 1'],
  infer: ['study calc infer --model llama-3.1-70b --gpu h100 --prompt-tokens 2000 --output-tokens 500', 'study calc infer --params 13B --batch 1 --context 1'],
  serve: ['study calc serve --model llama-3.1-8b --qps 20 --slo-tpot 50ms', 'study calc serve --model deepseek-v3 --gpu b200 --dtype fp8 --qps 100 --slo-ttft 1s'],
  kv: ['study calc kv --model llama-3-8b --context 8192 --batch 16', 'study calc kv --model deepseek-v3 --context 128k'],
  storage: ['study calc storage --size 50TB --growth-per-month 5% --months 24 --json'],
  egress: ['study calc egress --size 20TB'],
  capacity: ['study calc capacity --dau 10M --requests-per-user 20 --writes-per-user 2 --bytes-per-write 1KB'],
};

/** The options every calculator shares. */
const COMMON_OPTIONS = [
  { flags: '--presets <file>', description: 'a YAML presets file that adds to or overrides the bundled presets' },
  { flags: '--json', description: 'print the numbers as JSON (exact, base units) instead of the derivation' },
];

/** Commander's flag syntax for a field: `--params <n>`, `--recompute [mode]`. */
export function optionFlags(key: FieldKey): string {
  const f: Field = FIELDS[key];
  return f.optionalArg ? `${f.flag} [${f.arg.toLowerCase()}]` : `${f.flag} <${f.arg.toLowerCase()}>`;
}

/** Commander options for `study calc`: the union of every calculator's flags. */
export function calcOptions(): { flags: string; description: string }[] {
  const fields = (Object.keys(FIELDS) as FieldKey[]).map((k) => ({ flags: optionFlags(k), description: FIELDS[k].help }));
  return [...fields, ...COMMON_OPTIONS];
}

/** The long flags shown under `study calc KIND --help`: that calculator's own, then the shared ones. */
export function kindFlags(kind: CalcKind): Set<string> {
  return new Set([...KIND_FIELDS[kind].map((k) => FIELDS[k].flag), '--presets', '--json', '--help']);
}

/** The text under `study calc --help`: the kinds with their flags. */
export function calcHelp(width = 78): string {
  const lines = fold('Kinds (study calc KIND …; study calc KIND --help shows one calculator; study calc alone shows a menu in a terminal):', '', '  ', width);
  // Each kind's summary and usage hang under the text column, folded to the width.
  for (const k of CALC_KINDS) lines.push(...fold(KIND_SUMMARY[k], `  ${k.padEnd(9)}`, '           ', width), ...fold(KIND_USAGE[k], '           ', '             ', width));
  lines.push(...fold('list GPUs, models, storage tiers and egress prices with sources and dates [--json]', '  presets  ', '           ', width));
  lines.push('', ...fold('Numbers take units: 7B 2T 3e9 · 512 B 1.5 GB 2 GiB 10 TB · $0.5 $1.2k · 40% 5%/mo · 50ms 2s.', '', '  ', width));
  lines.push('Examples:', ...['study calc train --params 7B --tokens 2T --gpu h100 --gpus 256', 'study calc kv --model llama-3-8b --context 8192 --batch 16', 'study calc storage --size 50TB --growth-per-month 5% --months 24 --json'].flatMap((e) => fold(e, '  ', '      ', width)));
  return lines.join('\n');
}

/** The text under `study calc KIND --help`: what it computes, its usage line and examples. */
export function kindHelp(kind: CalcKind, width = 78): string {
  const lines = [...fold(`study calc ${kind}: ${KIND_SUMMARY[kind]}`, '', '  ', width), ...fold(KIND_USAGE[kind], '  ', '    ', width), '', ...fold('Numbers take units: 7B 2T 3e9 · 512 B 1.5 GB 2 GiB 10 TB · $0.5 $1.2k · 40% 5%/mo · 50ms 2s.', '', '  ', width), 'Examples:'];
  for (const e of EXAMPLES[kind]) lines.push(...fold(e, '  ', '      ', width));
  return lines.join('\n');
}

/** The width help text is folded to: the terminal's, at most 78 columns. */
export function helpWidth(columns: number | undefined): number {
  return Math.max(40, Math.min(78, (columns && columns > 0 ? columns : 80) - 1));
}

/** Words at spaces, an optional group ("[--gpus N]", "[--recompute [none|full]]") kept whole. */
function bracketed(text: string): string[] {
  const out: string[] = [];
  let word = '';
  let depth = 0;
  for (const ch of text) {
    if (ch === '[') depth++;
    if (ch === ']') depth = Math.max(0, depth - 1);
    if (ch === ' ' && depth === 0) {
      if (word) out.push(word);
      word = '';
    } else word += ch;
  }
  if (word) out.push(word);
  return out;
}

/** Folds text at spaces into lines of at most `width` columns (help text is printed before any terminal width is known). */
function fold(text: string, first: string, rest: string, width = 78): string[] {
  const out: string[] = [];
  let line = first;
  for (const word of bracketed(text)) {
    const lead = out.length === 0 ? first : rest;
    if (line.length > lead.length && line.length + 1 + word.length > width) {
      out.push(line);
      line = rest + word;
    } else line = line.length > lead.length ? `${line} ${word}` : line + word;
  }
  out.push(line);
  return out;
}

/** The calculator named on a command line (`study calc train --help` → train), if any. */
export function kindInArgv(argv: readonly string[]): CalcKind | undefined {
  const at = argv.indexOf('calc');
  if (at < 0) return undefined;
  const takesValue = new Set([...Object.values(FIELDS).filter((f: Field) => !f.optionalArg).map((f) => f.flag), '--presets', '--progress', '--curriculum']);
  for (let i = at + 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (takesValue.has(a)) i++;
    else if (!a.startsWith('-')) {
      const k = a.toLowerCase();
      return (CALC_KINDS as readonly string[]).includes(k) ? (k as CalcKind) : undefined;
    }
  }
  return undefined;
}
