/**
 * One parser and formatter for quantities with units, used by every calculator flag, the drills and
 * numeric quiz answers. Pure. Values are held in base units: bytes, seconds, USD, plain counts,
 * fractions (20 % = 0.2).
 *
 * Formatting rules (one style for the whole CLI): 3 significant figures; thousands separators
 * ("46,000"); k/M/B/T/P for large counts; decimal (GB) or binary (GiB) bytes; one exponent style
 * ("3.15e23", never "e+"); money with cents under $100 ("$0.80", "$1.84") and 3 significant figures
 * otherwise. Values carried from one derivation line into the next are shown with `carry` (4
 * significant figures) so each line's arithmetic checks against its own result.
 */

/** What a number measures. */
export type Kind = 'count' | 'bytes' | 'seconds' | 'usd' | 'fraction';

/** Decimal count suffixes: K, M, B or G, T, P. */
const COUNT_SUFFIX: Record<string, number> = { k: 1e3, K: 1e3, M: 1e6, B: 1e9, G: 1e9, T: 1e12, P: 1e15 };

/** Lower-case spellings people type for plain counts and money ("7b", "1.5m", "$2m"); milli makes no sense there. */
const LOWER_SUFFIX: Record<string, number> = { m: 1e6, b: 1e9, t: 1e12 };

/** Words that may follow a plain count without changing it ("3e23 FLOPs", "2T tokens", "1.2M GPU-hours"). */
const COUNT_WORDS = new Set([
  'flop',
  'flops',
  'token',
  'tokens',
  'param',
  'params',
  'parameters',
  'request',
  'requests',
  'req',
  'users',
  'qps',
  'rps',
  'gpu-hours',
  'gpu-hour',
  'gpu hours',
  'gpu-h',
  'tokens/s',
  'tok/s',
  'servers',
  'gpus',
]);

/** Byte units, decimal and binary; matched case-insensitively. */
const BYTE_UNITS: Record<string, number> = {
  b: 1,
  byte: 1,
  bytes: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  pb: 1e15,
  eb: 1e18,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
  tib: 2 ** 40,
  pib: 2 ** 50,
  eib: 2 ** 60,
};

/** Time units in seconds; a month is 30 days and a year 365 days (said in every derivation). */
const TIME_UNITS: Record<string, number> = {
  ns: 1e-9,
  us: 1e-6,
  µs: 1e-6,
  ms: 1e-3,
  s: 1,
  sec: 1,
  secs: 1,
  second: 1,
  seconds: 1,
  min: 60,
  mins: 60,
  minute: 60,
  minutes: 60,
  h: 3600,
  hr: 3600,
  hrs: 3600,
  hour: 3600,
  hours: 3600,
  d: 86_400,
  day: 86_400,
  days: 86_400,
  mo: 30 * 86_400,
  month: 30 * 86_400,
  months: 30 * 86_400,
  y: 365 * 86_400,
  yr: 365 * 86_400,
  year: 365 * 86_400,
  years: 365 * 86_400,
};

/** Examples of accepted input per kind, for error messages. */
export const ACCEPTED: Record<Kind, string> = {
  count: 'a number such as 1200, 3.2k, 1.5M, 7B, 2T or 3e9',
  bytes: 'a size such as 512 B, 320 KiB, 1.5 GB, 2 GiB or 10 TB',
  seconds: 'a duration such as 40 ms, 2 s, 5 min, 3 h, 7 d, 6 mo or 2 y',
  usd: 'an amount such as 12, $0.5, $1.2k or 3M USD',
  fraction: 'a percentage such as 20% or a fraction such as 0.2',
};

export type ParseResult = { ok: true; value: number; unitGiven: boolean } | { ok: false; error: string };

const NUMBER = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?)\s*(.*)$/i;

/**
 * Parses `text` as a quantity of `kind`. A bare number is multiplied by `defaultUnit` (in base
 * units; 1 when omitted). Never returns NaN or Infinity; negative values are refused unless
 * `allowNegative`.
 */
export function parseQuantity(text: string, kind: Kind, opts: { defaultUnit?: number; allowNegative?: boolean } = {}): ParseResult {
  let s = text.trim().replace(/[,_](?=\d{3}\b)/g, '');
  if (s === '') return fail(kind);
  if (kind === 'usd') s = s.replace(/^\$\s*/, '').replace(/\s*(usd|\$)$/i, '');
  const m = NUMBER.exec(s);
  if (!m) return fail(kind);
  let value = Number(m[1]);
  let rest = m[2]!.trim();
  // A unit of another kind ("5 GB" where a duration is wanted) is named as such, not as an unknown unit.
  const other = rest ? otherKind(kind, rest) : undefined;
  if (other) return { ok: false, error: `"${text.trim()}" is ${ACCEPTED[other].split(' such as')[0]}; expected ${ACCEPTED[kind]}` };
  let unitGiven = false;
  // A count suffix (k, M, B…) may follow the number in every kind but bytes, where "B" means bytes.
  const suffix = rest.length > 0 ? suffixScale(kind, rest) : undefined;
  if (suffix !== undefined) {
    value *= suffix;
    rest = rest.slice(1).trim();
  }
  if (rest.length > 0) {
    const scale = unitScale(kind, rest);
    if (scale === undefined) return fail(kind, rest);
    value *= scale;
    unitGiven = true;
  } else {
    value *= opts.defaultUnit ?? 1;
  }
  if (!Number.isFinite(value)) return { ok: false, error: `"${text.trim()}" is too large; expected ${ACCEPTED[kind]}` };
  if (value < 0 && !opts.allowNegative) return { ok: false, error: `"${text.trim()}" is negative; expected ${ACCEPTED[kind]}` };
  return { ok: true, value, unitGiven };
}

/** The scale of a count suffix starting `rest` (k, M, B…), or undefined when `rest` starts with a unit instead. */
function suffixScale(kind: Kind, rest: string): number | undefined {
  // In bytes "B" means bytes, and in durations "ms", "min" and "mo" are units, not millions.
  if (kind === 'bytes' || (kind === 'seconds' && TIME_UNITS[rest] !== undefined)) return undefined;
  const c = rest[0]!;
  const word = /^[a-z]/i.test(rest[1] ?? '');
  if (word && kind === 'count' && COUNT_WORDS.has(rest.toLowerCase())) return undefined;
  if (c in COUNT_SUFFIX) return COUNT_SUFFIX[c];
  if ((kind === 'count' || kind === 'usd') && c in LOWER_SUFFIX && !word) return LOWER_SUFFIX[c];
  return undefined;
}

function unitScale(kind: Kind, unit: string): number | undefined {
  switch (kind) {
    case 'bytes':
      return BYTE_UNITS[unit.toLowerCase()];
    case 'seconds':
      return TIME_UNITS[unit] ?? TIME_UNITS[unit.toLowerCase()];
    case 'fraction':
      // Rates are per month where a flag asks for one (`--growth-per-month 5%/mo`).
      return { '%': 0.01, '%/mo': 0.01, '%/month': 0.01, '/mo': 1, '/month': 1 }[unit.replace(/\s+/g, '')];
    case 'count':
      return COUNT_WORDS.has(unit.toLowerCase()) ? 1 : undefined;
    default:
      return undefined;
  }
}

/** The kind a unit belongs to when it is a size, duration or amount but not of `kind`; undefined otherwise. */
function otherKind(kind: Kind, unit: string): Kind | undefined {
  const u = unit.replace(/\s+/g, '');
  const kinds: [Kind, boolean][] = [
    // "B" alone is billions in a count, and "b" is never bytes here.
    ['bytes', u.length > 1 && BYTE_UNITS[u.toLowerCase()] !== undefined && /b$/i.test(u) && u !== 'b'],
    ['seconds', TIME_UNITS[u] !== undefined && u.length > 1 && !/^[kKMGTP]$/.test(u)],
    ['usd', /^(usd|\$)$/i.test(u)],
  ];
  const hit = kinds.find(([k, yes]) => yes && k !== kind);
  return hit ? hit[0] : undefined;
}

function fail(kind: Kind, unit?: string): ParseResult {
  return { ok: false, error: unit ? `unknown unit "${unit}"; expected ${ACCEPTED[kind]}` : `expected ${ACCEPTED[kind]}` };
}

/** The kind and scale of a unit name as written in the curriculum (`GiB`, `ms`, `USD`); counts otherwise. */
export function unitInfo(unit: string | undefined): { kind: Kind; scale: number } {
  if (!unit) return { kind: 'count', scale: 1 };
  const u = unit.trim();
  const bytes = BYTE_UNITS[u.toLowerCase()];
  if (bytes !== undefined && u !== 'b') return { kind: 'bytes', scale: bytes };
  const time = TIME_UNITS[u];
  if (time !== undefined) return { kind: 'seconds', scale: time };
  if (/^(usd|\$)$/i.test(u)) return { kind: 'usd', scale: 1 };
  if (u === '%') return { kind: 'fraction', scale: 0.01 };
  return { kind: 'count', scale: 1 };
}

/** Rounds to `sig` significant figures, drops trailing zeros, groups thousands: 1234.5 -> "1,230", 0.012345 -> "0.0123". */
export function sigFigs(n: number, sig = 3): string {
  if (!Number.isFinite(n)) return '—';
  if (n === 0) return '0';
  const r = round(n, sig);
  const a = Math.abs(r);
  if (a >= 1e21 || a < 1e-6) return expo(r, sig);
  return group(String(r));
}

/** A value carried into the next line of a derivation: 4 significant figures, so "2,315 × 2 = 4,630" checks. */
export function carry(n: number): string {
  return Math.abs(n) >= 1e6 ? formatCount(n, 4) : sigFigs(n, 4);
}

/** A whole number exactly, with separators: 4096 -> "4,096". */
export function whole(n: number): string {
  return Number.isFinite(n) ? group(String(Math.round(n))) : '—';
}

/** "1234567.5" -> "1,234,567.5" (the integer part only). */
function group(digits: string): string {
  const [int, frac] = digits.split('.');
  const g = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? g : `${g}.${frac}`;
}

/** A ratio as people say it: 1.7 -> "1.7×", 2.6e14 -> "2.6e14×" (no run of zeros). */
export function times(n: number): string {
  return `${Math.abs(n) >= 1e6 ? expo(n, 2) : sigFigs(n, 2)}×`;
}

/** `n` rounded to `sig` significant figures, as a number. */
function round(n: number, sig = 3): number {
  return Number(n.toPrecision(sig));
}

/** 3.14e23 -> "3.14e23" (no "+", no trailing zeros): the one exponent style. */
export function expo(n: number, sig = 3): string {
  return n
    .toExponential(sig - 1)
    .replace(/\.?0+e/, 'e')
    .replace('e+', 'e');
}

const COUNT_STEPS: [number, string][] = [
  [1e15, 'P'],
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'k'],
];

/** 1234567 -> "1.23M"; 42 -> "42"; 999999 -> "1M"; 3.1e23 -> "3.1e23". */
export function formatCount(n: number, sig = 3): string {
  if (!Number.isFinite(n)) return '—';
  const a = Math.abs(round(n, sig));
  if (a >= 1e18) return expo(n, sig);
  for (const [step, suffix] of COUNT_STEPS) if (a >= step) return `${sigFigs(n / step, sig)}${suffix}`;
  return sigFigs(n, sig);
}

/** FLOPs in scientific notation, as papers write them: 3.15e23 -> "3.15e23 FLOPs"; per second with SI prefixes: "989 TFLOP/s". */
export function formatFlops(n: number, perSecond = false, sig = 3): string {
  if (!perSecond) return Math.abs(n) >= 1e4 ? `${expo(n, sig)} FLOPs` : `${sigFigs(n, sig)} FLOPs`;
  const steps: [number, string][] = [
    [1e18, 'E'],
    [1e15, 'P'],
    [1e12, 'T'],
    [1e9, 'G'],
    [1e6, 'M'],
    [1e3, 'k'],
  ];
  const a = Math.abs(round(n));
  for (const [step, prefix] of steps) if (a >= step) return `${sigFigs(n / step, sig)} ${prefix}FLOP/s`;
  return `${sigFigs(n, sig)} FLOP/s`;
}

/** Bytes with decimal units (GB) by default, or binary (GiB). */
export function formatBytes(n: number, binary = false, sig = 3): string {
  if (!Number.isFinite(n)) return '—';
  const units = binary ? ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'] : ['B', 'KB', 'MB', 'GB', 'TB', 'PB', 'EB'];
  const base = binary ? 1024 : 1000;
  let v = n;
  let i = 0;
  // Compare the rounded value, so 999,999 B is "1 MB" rather than "1000 KB".
  while (Math.abs(round(v)) >= base && i < units.length - 1) {
    v /= base;
    i++;
  }
  return `${sigFigs(v, sig)} ${units[i]}`;
}

/** Seconds as the largest sensible unit: 0.04 -> "40 ms", 5400 -> "1.5 h", 3e7 -> "347 d"; `sig` 4 for a value carried into a sum. */
export function formatSeconds(s: number, sig = 3): string {
  if (!Number.isFinite(s)) return '—';
  const a = Math.abs(round(s));
  if (a === 0) return '0 s';
  if (a < 1e-3) return `${sigFigs(s * 1e6, sig)} µs`;
  if (a < 1) return `${sigFigs(s * 1000, sig)} ms`;
  if (a < 60) return `${sigFigs(s, sig)} s`;
  if (a < 3600) return `${sigFigs(s / 60, sig)} min`;
  if (a < 86_400) return `${sigFigs(s / 3600, sig)} h`;
  if (a < 365 * 86_400 * 10) return `${sigFigs(s / 86_400, sig)} d`;
  return `${sigFigs(s / (365 * 86_400), sig)} y`;
}

/**
 * $ with 3 significant figures, cents always shown under $100, k/M/B suffixes from $10,000:
 * "$0.023", "$0.80", "$1.84", "$412", "$5,580", "$1.23M".
 */
export function formatUsd(n: number): string {
  if (!Number.isFinite(n)) return '—';
  const sign = n < 0 ? '-' : '';
  const a = Math.abs(n);
  if (a === 0) return '$0.00';
  if (round(a) >= 1e4) return `${sign}$${formatCount(a)}`;
  if (round(a) >= 100) return `${sign}$${whole(round(a))}`;
  const r = round(a);
  const decimals = Math.max(2, (String(r).split('.')[1] ?? '').length);
  return `${sign}$${r < 1e-6 ? expo(r) : r.toFixed(decimals)}`;
}

/**
 * A column of $ amounts with one number of decimals, so the points line up: enough for two
 * significant figures of the smallest amount under $100 (at least cents, at most 6 places);
 * $100 and more as `formatUsd` writes them. [3.75, 0.375, 0.187] -> ["$3.75", "$0.38", "$0.19"].
 */
export function formatUsdColumn(values: number[]): string[] {
  const small = values.filter((v) => Number.isFinite(v) && v !== 0 && round(Math.abs(v)) < 100).map(Math.abs);
  const decimals = Math.min(6, Math.max(2, ...small.map((a) => Math.ceil(-Math.log10(a)) + 1)));
  return values.map((v) => {
    if (!Number.isFinite(v) || round(Math.abs(v)) >= 100 || Math.abs(v) < 1e-6) return formatUsd(v);
    return `${v < 0 ? '-' : ''}$${Math.abs(v).toFixed(decimals)}`;
  });
}

/** 0.234 -> "23.4%". */
export function formatPercent(f: number): string {
  return `${sigFigs(f * 100)}%`;
}

/** Formats a base-unit value of `kind` for people. */
export function formatQuantity(value: number, kind: Kind): string {
  switch (kind) {
    case 'bytes':
      return formatBytes(value);
    case 'seconds':
      return formatSeconds(value);
    case 'usd':
      return formatUsd(value);
    case 'fraction':
      return formatPercent(value);
    default:
      return formatCount(value);
  }
}
