/**
 * One mock interview as data: which capstone and format, the notes, hints and time of every phase,
 * and the debrief answers given so far. It is what `interviews/in-progress.json` holds, so an
 * interview paused with "save and quit" continues exactly where it stopped. Pure: transitions
 * return new values; the running phase's clock lives beside it (see timer.ts) and is folded into
 * `usedMs` whenever the session is saved.
 */
import { z } from 'zod';
import { FRAME_MINUTES, phaseMinutes, type Capstone, type Minutes } from './catalog.js';
import { parseJson } from '../json.js';

/**
 * The in-progress file format this build writes. Version 2 adds the introductions and the
 * candidate's questions around the design (`frame`), free-text clarifying questions, probes,
 * tiered-hint order, revealed points and the review-card opt-out; a version-1 file reads as
 * version 2 with none of them.
 */
export const SESSION_VERSION = 2;

const PhaseRecord = z
  .object({
    /** The capstone phase id. */
    id: z.string().min(1),
    /** Planned length in milliseconds (minutes of the format × the minute length in use). */
    plannedMs: z.number().nonnegative(),
    /** Time spent in the phase so far, pauses excluded. */
    usedMs: z.number().nonnegative(),
    /** Note lines, as typed. */
    notes: z.array(z.string()),
    /** How many of the phase's hints were revealed. */
    hintsShown: z.number().int().nonnegative(),
    /** The zero bell rang already (it rings once per phase). */
    bellRung: z.boolean(),
    /** The order the phase's hints are given in (indexes), fixed when the phase starts. */
    hintOrder: z.array(z.number().int().nonnegative()).optional(),
  })
  .strict();

/** A timed stretch outside the design: introductions before, the candidate's questions after. */
const FrameRecord = z.object({ plannedMs: z.number().nonnegative(), usedMs: z.number().nonnegative(), notes: z.array(z.string()) }).strict();

/** A probe the interviewer asked: at the deep dive (its answer is the phase's notes) or before wrap-up. */
/**
 * A probe asked in a phase; `push`: the follow-up pressed in the deep dive, as said (shown again on
 * resume); `draft`: the answer's lines typed so far, kept over a save and quit.
 */
const Probe = z.object({ phase: z.string().min(1), id: z.string().min(1), pushed: z.boolean(), push: z.string().optional(), draft: z.array(z.string()).optional() }).strict();

export const Session = z
  .object({
    version: z.literal(SESSION_VERSION),
    /** Also the id of the progress event written at the end. */
    id: z.string().min(8).max(64),
    /** The capstone's topic id. */
    capstone: z.string().min(1),
    minutes: z.union([z.literal(45), z.literal(60)]),
    /** No clock shown. */
    practice: z.boolean(),
    /** Seeds the follow-up draw, so a resumed debrief asks the same questions. */
    seed: z.number().int().nonnegative(),
    startedAt: z.iso.datetime({ offset: true }),
    stage: z.enum(['intro', 'phases', 'questions', 'debrief']),
    /** Index of the phase in progress (equals phases.length once all are done). */
    phaseIndex: z.number().int().nonnegative(),
    /** Ids of the clarifying questions asked, in the order asked. */
    clarifying: z.array(z.string()),
    phases: z.array(PhaseRecord).min(1),
    /** Self-scores given so far, by rubric dimension id. */
    rubric: z.record(z.string(), z.number().int().min(1).max(4)),
    /** Follow-up answers given so far. */
    followUps: z.array(z.object({ id: z.string(), answer: z.string() }).strict()),
    /** Checklist points the user flipped in the debrief: id → the state they believe is right. */
    flips: z.record(z.string(), z.enum(['explained', 'mentioned', 'missed'])).optional(),
    /** Introductions and the candidate's questions (not graded). */
    frame: z.object({ intro: FrameRecord, questions: FrameRecord }).strict().optional(),
    /** Clarifying questions as typed, with the bank question each matched (null: none). */
    asked: z.array(z.object({ text: z.string(), matched: z.string().nullable() }).strict()).optional(),
    /** Clarifying questions typed but not yet asked when the round was paused (asked on resume). */
    pendingQuestions: z.array(z.string()).optional(),
    /** Probes asked during the round, in order. */
    probes: z.array(Probe).optional(),
    /** Checklist points first given away by a tier-3 hint: they count at most `mentioned`. */
    revealed: z.array(z.string()).optional(),
    /** The mid-round change was announced. */
    changed: z.boolean().optional(),
    /** `--no-cards`: the debrief adds no review cards. */
    noCards: z.boolean().optional(),
  })
  .strict();

export type PhaseRecord = z.infer<typeof PhaseRecord>;
export type FrameRecord = z.infer<typeof FrameRecord>;
export type Session = z.infer<typeof Session>;

export interface NewSession {
  id: string;
  capstone: Capstone;
  minutes: Minutes;
  practice: boolean;
  seed: number;
  startedAt: Date;
  /** Length of one planned minute in ms: 60 000 normally; tests compress it. */
  msPerMinute: number;
  /** `--no-cards`. */
  noCards?: boolean;
}


export function newSession(o: NewSession): Session {
  return {
    version: SESSION_VERSION,
    id: o.id,
    capstone: o.capstone.topicId,
    minutes: o.minutes,
    practice: o.practice,
    seed: o.seed,
    startedAt: o.startedAt.toISOString(),
    stage: 'intro',
    phaseIndex: 0,
    clarifying: [],
    phases: o.capstone.interview.phases.map((p) => ({
      id: p.id,
      plannedMs: phaseMinutes(p, o.minutes) * o.msPerMinute,
      usedMs: 0,
      notes: [],
      hintsShown: 0,
      bellRung: false,
    })),
    rubric: {},
    followUps: [],
    frame: {
      intro: { plannedMs: FRAME_MINUTES[o.minutes].intro * o.msPerMinute, usedMs: 0, notes: [] },
      questions: { plannedMs: FRAME_MINUTES[o.minutes].questions * o.msPerMinute, usedMs: 0, notes: [] },
    },
    asked: [],
    probes: [],
    revealed: [],
    ...(o.noCards ? { noCards: true } : {}),
  };
}

/** Replaces fields of the phase in progress. */
export function updatePhase(s: Session, patch: Partial<Omit<PhaseRecord, 'id' | 'plannedMs'>>): Session {
  return { ...s, phases: s.phases.map((p, i) => (i === s.phaseIndex ? { ...p, ...patch } : p)) };
}

/** Moves to the next phase; after the last one to the candidate's questions (or the debrief without a frame). */
export function finishPhase(s: Session): Session {
  const next = s.phaseIndex + 1;
  return { ...s, phaseIndex: next, stage: next < s.phases.length ? 'phases' : s.frame ? 'questions' : 'debrief' };
}

/** Replaces fields of the introductions or the candidate's questions. */
export function updateFrame(s: Session, part: 'intro' | 'questions', patch: Partial<FrameRecord>): Session {
  if (!s.frame) return s;
  return { ...s, frame: { ...s.frame, [part]: { ...s.frame[part], ...patch } } };
}

/** Why a saved session cannot continue with this capstone's content, or undefined when it can. */
export function mismatch(s: Session, c: Capstone): string | undefined {
  const ids = c.interview.phases.map((p) => p.id).join(',');
  if (s.capstone !== c.topicId) return `it is for ${s.capstone}, not ${c.topicId}`;
  if (s.phases.map((p) => p.id).join(',') !== ids) return `the phases of ${c.topicId} changed since it was saved`;
  return undefined;
}

export type DecodedSession = { ok: true; session: Session } | { ok: false; message: string };

/** Parses an in-progress file's text. */
export function decodeSession(text: string): DecodedSession {
  const json = parseJson(text);
  if (!json.ok) return json;
  let raw = json.value;
  const version = (raw as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > SESSION_VERSION) return { ok: false, message: `written by a newer version of study (format ${version})` };
  // Version 1 (no frame, probes or tiers) reads as version 2 without them.
  if (version === 1 && raw && typeof raw === 'object') raw = { ...(raw as object), version: SESSION_VERSION };
  const parsed = Session.safeParse(raw);
  if (parsed.success) return { ok: true, session: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, message: `${issue.path.length ? issue.path.join('.') : '(top level)'}: ${issue.message}` };
}

export function encodeSession(s: Session): string {
  return `${JSON.stringify(s, null, 2)}\n`;
}
