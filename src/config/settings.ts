/**
 * The settings kept beside the progress file (`config.json`): their shape, defaults, and the
 * table of keys `study config` reads and writes, each with a pure parser that says what it
 * accepts. Pure: no I/O.
 */
import type { Scheduling } from '../review/fsrs.js';
import { parseJson } from '../json.js';

/** The config format this build writes. Newer files are refused; there is nothing older yet. */
export const CONFIG_VERSION = 1;

/** Metrics of one parameter set on one review history (FSRS's own definitions). */
export interface Metrics {
  logLoss: number;
  rmse: number;
}

/**
 * The settings file. Validated by hand, not with zod: it is read on the way to the home screen,
 * `study progress` and `study plan`, which otherwise load no schema library.
 */
export interface Config {
  version: number;
  /** FSRS desired retention, 0.70-0.99 (also `study review --retention`). */
  desiredRetention?: number;
  /** Default mock-interview length in minutes. */
  interviewMinutes?: 45 | 60;
  /** Most new topics a study plan schedules on one day, 1-10. */
  dailyNewTopics?: number;
  /** Page long output (lessons) in a terminal: `auto`, or `off` to print it whole. */
  pager?: 'auto' | 'off';
  /** Colour: `auto` (when a terminal and NO_COLOR unset), `always`, `never`. */
  color?: 'auto' | 'always' | 'never';
  /** The saved study plan (`study plan --interview`): interview day YYYY-MM-DD, minutes per day 10-600. */
  plan?: { interview: string; minutesPerDay: number };
  /** Personal FSRS parameters fitted by `study review --optimize` (absent: the defaults). */
  fsrs?: { parameters: number[]; fittedAt: string; reviews: number; before: Metrics; after: Metrics };
}

const KEYS = ['version', 'desiredRetention', 'interviewMinutes', 'dailyNewTopics', 'pager', 'color', 'plan', 'fsrs'];
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown, min = -Infinity, max = Infinity): v is number => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;
const isInt = (v: unknown, min: number, max: number) => isNum(v, min, max) && Number.isInteger(v);
const isMetrics = (v: unknown) => isObj(v) && isNum(v.logLoss, 0) && isNum(v.rmse, 0) && Object.keys(v).length === 2;

/** The first problem with a decoded settings object, as `field: what is wrong` (undefined: valid). */
function problem(o: Record<string, unknown>): string | undefined {
  const extra = Object.keys(o).find((k) => !KEYS.includes(k));
  if (extra) return `${extra}: not a known setting`;
  if (o.desiredRetention !== undefined && !isNum(o.desiredRetention, 0.7, 0.99)) return 'desiredRetention: expected a number from 0.7 to 0.99';
  if (o.interviewMinutes !== undefined && o.interviewMinutes !== 45 && o.interviewMinutes !== 60) return 'interviewMinutes: expected 45 or 60';
  if (o.dailyNewTopics !== undefined && !isInt(o.dailyNewTopics, 1, 10)) return 'dailyNewTopics: expected a whole number from 1 to 10';
  if (o.pager !== undefined && o.pager !== 'auto' && o.pager !== 'off') return 'pager: expected "auto" or "off"';
  if (o.color !== undefined && !['auto', 'always', 'never'].includes(o.color as string)) return 'color: expected "auto", "always" or "never"';
  if (o.plan !== undefined) {
    const p = o.plan;
    if (!isObj(p) || typeof p.interview !== 'string' || !parseDay(p.interview).ok || !isInt(p.minutesPerDay, 10, 600) || Object.keys(p).length !== 2) return 'plan: expected {interview: YYYY-MM-DD, minutesPerDay: 10-600}';
  }
  if (o.fsrs !== undefined) {
    const f = o.fsrs;
    const ok = isObj(f) && Array.isArray(f.parameters) && f.parameters.length === 21 && f.parameters.every((x) => isNum(x)) && typeof f.fittedAt === 'string' && !Number.isNaN(Date.parse(f.fittedAt)) && isInt(f.reviews, 0, Number.MAX_SAFE_INTEGER) && isMetrics(f.before) && isMetrics(f.after) && Object.keys(f).length === 5;
    if (!ok) return 'fsrs: expected {parameters: 21 numbers, fittedAt, reviews, before, after}';
  }
  return undefined;
}

export const emptyConfig = (): Config => ({ version: CONFIG_VERSION });

export const DEFAULTS = { desiredRetention: 0.9, interviewMinutes: 45 as 45 | 60, dailyNewTopics: 3, pager: 'auto' as const, color: 'auto' as const, minutesPerDay: 60 };

export type DecodeConfig = { ok: true; config: Config } | { ok: false; message: string };

/** Parses config.json's text: JSON, version, schema. */
export function decodeConfig(text: string): DecodeConfig {
  const parsed = parseJson(text);
  if (!parsed.ok) return parsed;
  const raw = parsed.value;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, message: 'not a JSON object' };
  const v = (raw as { version?: unknown }).version;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) return { ok: false, message: 'missing or invalid "version" field' };
  if (v > CONFIG_VERSION) return { ok: false, message: `written by a newer study (config version ${v}; this one reads up to ${CONFIG_VERSION}); update study` };
  const why = problem(raw as Record<string, unknown>);
  return why ? { ok: false, message: why } : { ok: true, config: raw as Config };
}

export function encodeConfig(c: Config): string {
  return `${JSON.stringify(c, null, 2)}\n`;
}

/** A parse result: the value, or what is accepted. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; accepted: string };

/** Desired retention: a fraction or a percentage, 0.70-0.99. Shared by `config set` and `review --retention`. */
export function parseRetention(raw: string): Parsed<number> {
  const text = raw.trim();
  const n = text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text);
  const ok = /^\d*\.?\d+%?$/.test(text) && Number.isFinite(n) && n >= 0.7 && n <= 0.99;
  return ok ? { ok: true, value: Math.round(n * 10_000) / 10_000 } : { ok: false, accepted: 'a fraction from 0.70 to 0.99 (or 70% to 99%)' };
}

function parseInt(raw: string, min: number, max: number): Parsed<number> {
  const s = raw.trim();
  const n = Number(s);
  return /^\d+$/.test(s) && Number.isSafeInteger(n) && n >= min && n <= max ? { ok: true, value: n } : { ok: false, accepted: `a whole number from ${min} to ${max}` };
}

function parseChoice<T extends string>(raw: string, choices: readonly T[]): Parsed<T> {
  const s = raw.trim().toLowerCase();
  return (choices as readonly string[]).includes(s) ? { ok: true, value: s as T } : { ok: false, accepted: `one of ${choices.join(', ')}` };
}

/** A calendar date YYYY-MM-DD that exists (no 2026-02-30). */
export function parseDay(raw: string): Parsed<string> {
  const s = raw.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const accepted = 'a date as YYYY-MM-DD (e.g. 2027-01-15)';
  if (!m) return { ok: false, accepted };
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number(m[1]) < 2000) return { ok: false, accepted };
  // The right shape but no such day (2027-02-30): say so, with the month's last day.
  if (d.toISOString().slice(0, 10) !== s) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return { ok: false, accepted: `a month from 01 to 12, as YYYY-MM-DD (e.g. 2027-01-15)` };
    const last = new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
    return { ok: false, accepted: `a day that exists: ${m[1]}-${m[2]} has ${last} days` };
  }
  return { ok: true, value: s };
}

/** One `study config` key: where it lives, its default, how to parse it. */
export interface SettingKey {
  key: string;
  description: string;
  get: (c: Config) => string | number | undefined;
  default: string | number;
  parse: (raw: string) => Parsed<string | number>;
  /** Why this key cannot be set in this config yet (undefined: it can). */
  needs?: (c: Config) => string | undefined;
  /** Returns the config with the value set (or removed, for undefined). */
  set: (c: Config, v: string | number | undefined) => Config;
}

const without = <K extends keyof Config>(c: Config, k: K): Config => {
  const out = { ...c };
  delete out[k];
  return out;
};

const plain = <K extends 'desiredRetention' | 'interviewMinutes' | 'dailyNewTopics' | 'pager' | 'color'>(k: K) => ({
  get: (c: Config) => c[k] as string | number | undefined,
  set: (c: Config, v: string | number | undefined) => (v === undefined ? without(c, k) : ({ ...c, [k]: v } as Config)),
});

/** The plan's two fields are set together (a plan needs both); setting one keeps or defaults the other. */
const planField = (field: 'interview' | 'minutesPerDay') => ({
  get: (c: Config) => c.plan?.[field],
  set: (c: Config, v: string | number | undefined): Config => {
    if (v === undefined) return field === 'interview' ? without(c, 'plan') : c.plan ? { ...c, plan: { ...c.plan, minutesPerDay: DEFAULTS.minutesPerDay } } : c;
    if (field === 'minutesPerDay' && !c.plan) return c; // refused earlier by `needs`
    const plan = { interview: c.plan?.interview ?? '', minutesPerDay: c.plan?.minutesPerDay ?? DEFAULTS.minutesPerDay, [field]: v };
    return { ...c, plan: plan as NonNullable<Config['plan']> };
  },
});

/** Every key `study config` knows, in the order `config list` shows them. */
export const SETTINGS: readonly SettingKey[] = [
  { key: 'retention', description: 'FSRS desired retention: intervals are scheduled so you recall this share', default: DEFAULTS.desiredRetention, parse: parseRetention, ...plain('desiredRetention') },
  { key: 'interview-minutes', description: 'default mock-interview length', default: DEFAULTS.interviewMinutes, parse: (r) => { const p = parseChoice(r, ['45', '60'] as const); return p.ok ? { ok: true, value: Number(p.value) } : p; }, ...plain('interviewMinutes') },
  { key: 'new-topics-per-day', description: 'most new topics a study plan puts on one day', default: DEFAULTS.dailyNewTopics, parse: (r) => parseInt(r, 1, 10), ...plain('dailyNewTopics') },
  { key: 'pager', description: 'page long lessons in a terminal (auto) or print them whole (off)', default: DEFAULTS.pager, parse: (r) => parseChoice(r, ['auto', 'off'] as const), ...plain('pager') },
  { key: 'color', description: 'colour output: auto, always or never (NO_COLOR and --no-color still win)', default: DEFAULTS.color, parse: (r) => parseChoice(r, ['auto', 'always', 'never'] as const), ...plain('color') },
  { key: 'plan.interview', description: 'the saved study plan: interview date', default: 'none', parse: parseDay, ...planField('interview') },
  { key: 'plan.minutes-per-day', description: 'the saved study plan: minutes of study per day', default: DEFAULTS.minutesPerDay, parse: (r) => parseInt(r, 10, 600), needs: (c) => (c.plan ? undefined : 'set plan.interview first (or run study plan --interview YYYY-MM-DD)'), ...planField('minutesPerDay') },
];

export function findSetting(key: string): SettingKey | undefined {
  return SETTINGS.find((s) => s.key === key.trim().toLowerCase());
}

/**
 * The desired retention in force: the config's, else the value older builds kept inside the
 * progress file (`settings.desiredRetention`), else 0.9. The config wins once written.
 */
export function effectiveRetention(c: Config, legacy: number | undefined): number {
  return c.desiredRetention ?? legacy ?? DEFAULTS.desiredRetention;
}

/** The scheduling in force: effective retention and, once fitted and saved, the personal parameters. */
export function schedulingOf(c: Config, legacyRetention: number | undefined): Scheduling {
  return { retention: effectiveRetention(c, legacyRetention), ...(c.fsrs ? { parameters: c.fsrs.parameters } : {}) };
}
