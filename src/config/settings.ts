/**
 * The settings kept beside the progress file (`config.json`): their shape, defaults, and the
 * table of keys `study config` reads and writes, each with a pure parser that says what it
 * accepts. Pure: no I/O.
 */
import { z } from 'zod';
import type { Scheduling } from '../review/fsrs.js';

/** The config format this build writes. Newer files are refused; there is nothing older yet. */
export const CONFIG_VERSION = 1;

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Metrics of one parameter set on one review history (FSRS's own definitions). */
const Metrics = z.object({ logLoss: z.number().nonnegative(), rmse: z.number().nonnegative() }).strict();

export const Config = z
  .object({
    version: z.number().int().positive(),
    /** FSRS desired retention, 0.70-0.99 (also `study review --retention`). */
    desiredRetention: z.number().min(0.7).max(0.99).optional(),
    /** Default mock-interview length in minutes. */
    interviewMinutes: z.union([z.literal(45), z.literal(60)]).optional(),
    /** Most new topics a study plan schedules on one day. */
    dailyNewTopics: z.number().int().min(1).max(10).optional(),
    /** Page long output (lessons) in a terminal: `auto`, or `off` to print it whole. */
    pager: z.enum(['auto', 'off']).optional(),
    /** Colour: `auto` (when a terminal and NO_COLOR unset), `always`, `never`. */
    color: z.enum(['auto', 'always', 'never']).optional(),
    /** The saved study plan (`study plan --interview`). */
    plan: z.object({ interview: isoDay, minutesPerDay: z.number().int().min(10).max(600) }).strict().optional(),
    /** Personal FSRS parameters fitted by `study review --optimize` (absent: the defaults). */
    fsrs: z
      .object({
        parameters: z.array(z.number().finite()).length(21),
        fittedAt: z.iso.datetime({ offset: true }),
        reviews: z.number().int().nonnegative(),
        before: Metrics,
        after: Metrics,
      })
      .strict()
      .optional(),
  })
  .strict();

export type Config = z.infer<typeof Config>;

export const emptyConfig = (): Config => ({ version: CONFIG_VERSION });

export const DEFAULTS = { desiredRetention: 0.9, interviewMinutes: 45 as 45 | 60, dailyNewTopics: 3, pager: 'auto' as const, color: 'auto' as const, minutesPerDay: 60 };

export type DecodeConfig = { ok: true; config: Config } | { ok: false; message: string };

/** Parses config.json's text: JSON, version, schema. */
export function decodeConfig(text: string): DecodeConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `not valid JSON (${(e as Error).message})` };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, message: 'not a JSON object' };
  const v = (raw as { version?: unknown }).version;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) return { ok: false, message: 'missing or invalid "version" field' };
  if (v > CONFIG_VERSION) return { ok: false, message: `written by a newer study (config version ${v}; this one reads up to ${CONFIG_VERSION}); update study` };
  const parsed = Config.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, message: `${issue.path.join('.') || '(top level)'}: ${issue.message}` };
  }
  return { ok: true, config: parsed.data };
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
  return d.toISOString().slice(0, 10) === s && Number(m[1]) >= 2000 ? { ok: true, value: s } : { ok: false, accepted };
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
