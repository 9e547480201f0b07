/**
 * The progress file's shape and its pure operations. One JSON object, versioned; everything the
 * user did is an event with a unique id, keyed by stable curriculum ids (never array positions),
 * so files from two machines merge without duplicates. Pure: no I/O.
 */
import { z } from 'zod';
import { sortByInstant } from './instant.js';
import { parseJson } from '../json.js';

export { instant, sortByInstant } from './instant.js';

/** The progress format this build writes. Older files are migrated; newer ones refused. */
export const PROGRESS_VERSION = 2;

const isoDate = z.iso.datetime({ offset: true });

/**
 * Ids follow the curriculum's patterns, so a key can never be `__proto__`, `constructor` or text
 * meant for the terminal. A topic, phase, rubric or checklist id is a lower-case slug.
 */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A question id: `<topic-id>.<slug>`. */
export const QUESTION_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A card id: a question id, or an interview gap card `interview:<problem>:<point>` (src/interview/cards.ts). */
export const CARD_ID = /^(?:[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z0-9]+(?:-[a-z0-9]+)*|interview:[a-z0-9]+(?:-[a-z0-9]+)*:[a-z0-9]+(?:-[a-z0-9]+)*)$/;
/** An event id: a random UUID in practice; letters, digits and `._:-`. */
export const EVENT_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,63}$/;
const slug = z.string().regex(SLUG, 'must be a lower-case slug like "load-balancing"');
const cardId = z.string().regex(CARD_ID, 'must be a question id like "load-balancing.l4-vs-l7" or an interview card like "interview:eta-pricing:residual-target"');
/** Finite numbers with a sane bound (JSON cannot carry Infinity; nothing real is near 1e300). */
const finite = z.number().min(-1e300).max(1e300);

/** An FSRS card as stored (ts-fsrs 5.4 field names, dates as ISO strings). */
export const StoredCard = z
  .object({
    due: isoDate,
    stability: z.number().nonnegative(),
    difficulty: z.number().nonnegative(),
    elapsed_days: z.number().nonnegative(),
    scheduled_days: z.number().nonnegative(),
    learning_steps: z.number().int().nonnegative(),
    reps: z.number().int().nonnegative(),
    lapses: z.number().int().nonnegative(),
    /** 0 New, 1 Learning, 2 Review, 3 Relearning. */
    state: z.number().int().min(0).max(3),
    last_review: isoDate.optional(),
  })
  .strict();

/** 1 Again, 2 Hard, 3 Good, 4 Easy (FSRS ratings). */
export const Rating = z.number().int().min(1).max(4);

const eventBase = {
  /** Unique per event (random UUID); imports merge on it. */
  id: z.string().regex(EVENT_ID, 'must be 8-64 letters, digits or ._:- (a UUID)'),
  /** When it happened (ISO 8601). */
  at: isoDate,
};

/** One answer to one question, written the moment it is given. */
export const AnswerEvent = z
  .object({
    ...eventBase,
    type: z.literal('answer'),
    /** The question answered, or the interview gap card reviewed (`interview:<problem>:<point>`). */
    questionId: cardId,
    topicId: slug,
    correct: z.boolean(),
    /** The FSRS rating this answer produced. */
    rating: Rating,
    /** Where it was answered. */
    source: z.enum(['quiz', 'review', 'learn']),
    /** Cram answers are recorded but leave the schedule alone. */
    cram: z.boolean().default(false),
    /** Milliseconds from showing the question to the answer. */
    ms: z.number().int().nonnegative().optional(),
    /** What the user answered, as text (for review of mistakes). */
    given: z.string().max(2000).optional(),
  })
  .strict();

/** One generated estimation problem, answered. */
export const DrillEvent = z
  .object({
    ...eventBase,
    type: z.literal('drill'),
    kind: slug,
    prompt: z.string().max(2000),
    answer: finite,
    given: finite,
    unit: z.string().max(100),
    /** given / answer. */
    ratio: z.number().positive().max(1e300),
    grade: z.enum(['excellent', 'pass', 'miss']),
  })
  .strict();

/** One finished mock interview (`study interview`); `at` is when its debrief was saved. */
export const InterviewEvent = z
  .object({
    ...eventBase,
    type: z.literal('interview'),
    /** When the interview began. */
    startedAt: isoDate,
    /** The capstone's topic id (`capstone-eta-pricing`). */
    capstone: slug,
    /** The format: 45 or 60 minutes. */
    minutes: z.union([z.literal(45), z.literal(60)]),
    /** Run without a clock (`--practice`). */
    practice: z.boolean(),
    /** Per phase, in interview order. */
    phases: z.array(
      z
        .object({
          /** The capstone phase id. */
          id: slug,
          /** Planned length in the chosen format. */
          plannedSeconds: z.number().nonnegative().max(1e9),
          /** Time actually spent, pauses excluded. */
          usedSeconds: z.number().nonnegative().max(1e9),
          /** The grader's score of this phase's checklist points, 0..1. */
          coverage: z.number().min(0).max(1),
          /** Hints revealed in this phase. */
          hintsUsed: z.number().int().nonnegative(),
        })
        .strict(),
    ),
    /** The grader's score, 0..1: explained = 1, mentioned = 0.5, missed = 0, over all points. */
    coverage: z.number().min(0).max(1),
    /** Ids of the checklist points credited, explained or mentioned (stable ids, so trends survive content reordering). */
    covered: z.array(slug),
    /** How many checklist points there were. */
    checklistTotal: z.number().int().nonnegative(),
    /** Hints revealed in all phases. */
    hintsUsed: z.number().int().nonnegative(),
    /** Clarifying questions asked. */
    clarifyingAsked: z.number().int().nonnegative(),
    /** Self-scores per rubric dimension id, 1-4. */
    rubric: z.record(slug, z.number().int().min(1).max(4)),
    /** Ids of the follow-up questions answered. */
    followUps: z.array(slug),
    /** Absolute path of the Markdown transcript. */
    transcript: z.string().max(4096).optional(),
    /** The grader's state per checklist point id (entries from before the grader lack it). */
    points: z.record(slug, z.enum(['explained', 'mentioned', 'missed'])).optional(),
    /** Points the user flipped in the debrief: id → the state they believe is right. */
    flips: z.record(slug, z.enum(['explained', 'mentioned', 'missed'])).optional(),
    /** The score with the user's flips applied, 0..1 (`coverage` is the grader's). */
    userCoverage: z.number().min(0).max(1).optional(),
    /** `notes`: graded from a file with `study interview grade --save` (no clock ran). */
    source: z.enum(['live', 'notes']).optional(),
    /** Progress version 2: the level the grade shows (see src/interview/level.ts). */
    level: z.enum(['below-senior', 'senior', 'staff']).optional(),
    /** Progress version 2: review cards this debrief created for missed or mention-only points (`interview:<problem>:<point>`). */
    reviewCards: z.array(z.string().regex(/^interview:[a-z0-9-]+:[a-z0-9-]+$/)).optional(),
    /** Progress version 2: checklist points first given away by a tier-3 hint (capped at mentioned). */
    revealed: z.array(z.string()).optional(),
  })
  .strict();

export const ProgressEvent = z.discriminatedUnion('type', [AnswerEvent, DrillEvent, InterviewEvent]);

export const Settings = z
  .object({
    /** FSRS desired retention, 0.7-0.99. */
    desiredRetention: z.number().min(0.7).max(0.99).default(0.9),
  })
  .strict();

export const Progress = z
  .object({
    /** The format version; decodeProgress guarantees it equals PROGRESS_VERSION after migrations. */
    version: z.number().int().positive(),
    createdAt: isoDate,
    settings: Settings.default({ desiredRetention: 0.9 }),
    events: z.array(ProgressEvent),
    /** FSRS card per question id (and per interview gap card): a cache of what replaying the answer events gives. */
    cards: z.record(cardId, StoredCard),
  })
  .strict();

export type StoredCard = z.infer<typeof StoredCard>;
export type AnswerEvent = z.infer<typeof AnswerEvent>;
export type DrillEvent = z.infer<typeof DrillEvent>;
export type InterviewEvent = z.infer<typeof InterviewEvent>;
export type ProgressEvent = z.infer<typeof ProgressEvent>;
export type Progress = z.infer<typeof Progress>;

/** A new, empty progress record. */
export function emptyProgress(now: Date): Progress {
  return { version: PROGRESS_VERSION, createdAt: now.toISOString(), settings: { desiredRetention: 0.9 }, events: [], cards: {} };
}

/** A migration turns a file of version N into version N + 1. Indexed by N. */
export type Migration = (raw: Record<string, unknown>) => Record<string, unknown>;

/**
 * Migrations from each older version; when the format changes, add `[N]: (raw) => ...` here and
 * bump PROGRESS_VERSION.
 * - 1 → 2: interview events may carry `level`, `reviewCards` and `revealed`, and `cards` may hold
 *   interview gap cards (`interview:<problem>:<point>`). Nothing in a version-1 file changes; the
 *   bump makes an older study refuse a file with the new fields ("written by a newer version")
 *   instead of calling it damaged.
 */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  1: (raw) => ({ ...raw, version: 2 }),
};

export type DecodeResult =
  | { ok: true; progress: Progress; migratedFrom?: number }
  | { ok: false; reason: 'newer'; version: number }
  | { ok: false; reason: 'invalid'; message: string };

/** Parses a progress file's text: JSON, version check, migrations, schema. */
export function decodeProgress(text: string, migrations: Readonly<Record<number, Migration>> = MIGRATIONS, current = PROGRESS_VERSION): DecodeResult {
  const json = parseJson(text);
  if (!json.ok) return { ok: false, reason: 'invalid', message: json.message };
  const raw = json.value;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, reason: 'invalid', message: 'not a JSON object' };
  // zod drops a "__proto__" key silently; a file (or import) carrying one is refused instead.
  if (text.includes('"__proto__"') && hasProtoKey(raw)) return { ok: false, reason: 'invalid', message: 'a key named "__proto__" is not allowed' };
  let obj = raw as Record<string, unknown>;
  const version = obj.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, reason: 'invalid', message: 'missing or invalid "version" field' };
  }
  if (version > current) return { ok: false, reason: 'newer', version };
  for (let v = version; v < current; v++) {
    const step = migrations[v];
    if (!step) return { ok: false, reason: 'invalid', message: `no migration from version ${v}` };
    obj = step(obj);
    if (obj.version !== v + 1) return { ok: false, reason: 'invalid', message: `migration from version ${v} did not produce version ${v + 1}` };
  }
  const parsed = Progress.safeParse(obj);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    // Keys come from the file: shortened, so an error never carries much of its content.
    const where = issue.path.length ? issue.path.map((k) => String(k).slice(0, 40)).join('.') : '(top level)';
    return { ok: false, reason: 'invalid', message: `${where}: ${issue.message}` };
  }
  return version < current ? { ok: true, progress: parsed.data, migratedFrom: version } : { ok: true, progress: parsed.data };
}

function hasProtoKey(v: unknown): boolean {
  if (Array.isArray(v)) return v.some(hasProtoKey);
  if (!v || typeof v !== 'object') return false;
  return Object.prototype.hasOwnProperty.call(v, '__proto__') || Object.values(v).some(hasProtoKey);
}

/** Serialises progress for writing (stable key order, trailing newline). */
export function encodeProgress(p: Progress): string {
  return `${JSON.stringify(p)}\n`;
}

/** Adds events whose ids are not present yet; returns how many were new. Events stay in time order. */
export function mergeEvents(p: Progress, incoming: readonly ProgressEvent[]): { progress: Progress; added: number } {
  const ids = new Set(p.events.map((e) => e.id));
  const fresh = incoming.filter((e) => !ids.has(e.id) && (ids.add(e.id), true));
  if (fresh.length === 0) return { progress: p, added: 0 };
  return { progress: { ...p, events: sortByInstant([...p.events, ...fresh]) }, added: fresh.length };
}
