/**
 * The debrief as data: the grade per phase, time against plan, the follow-up draw, the weakest
 * rubric dimensions, and the progress event that records the interview. Pure.
 */
import type { InterviewEvent } from '../progress/model.js';
import type { Capstone } from './catalog.js';
import { gradeNotes, withFlips, type Grade, type NotesBlock } from './grade.js';
import { estimateLevel, type LevelEstimate } from './level.js';
import { lexiconFor } from './lexicon.js';
import { capRevealed, gradeProbe } from './probes.js';
import type { PointGrade } from './grade.js';
import type { Session } from './session.js';


export type FollowUp = Capstone['interview']['followUps'][number];
export type RubricDimension = Capstone['interview']['rubric'][number];

/**
 * Each phase's notes as one block. Clarifying questions picked from the bank are not graded: a
 * question chosen from a list shows recognition, not a design.
 */
export function sessionBlocks(s: Session): NotesBlock[] {
  // Answers to probes outside the deep dive count too (the deep-dive probe's answer is its notes).
  return [...s.phases.map((p) => ({ phase: p.id, text: p.notes.join('\n') })), ...s.followUps.map((f) => ({ phase: null, text: f.answer }))];
}

/** The notes so far, with `draft` as the current phase's lines: what the interviewer has heard. */
export function blocksSoFar(s: Session, draft?: readonly string[]): NotesBlock[] {
  const blocks = s.phases.slice(0, s.phaseIndex + 1).map((p, i) => ({ phase: p.id, text: (i === s.phaseIndex && draft ? draft : p.notes).join('\n') }));
  return [...blocks, ...s.followUps.map((f) => ({ phase: null, text: f.answer }))];
}

/** Grades notes blocks against a capstone's checklist with the curriculum's vocabulary. */
export function gradeCapstone(c: Capstone, blocks: readonly NotesBlock[]): Grade {
  return gradeNotes(c.interview, blocks, lexiconFor(c.vocabulary));
}

/** The session's grade: every note graded, points first given away by a tier-3 hint capped at mentioned. */
export function sessionGrade(s: Session, c: Capstone): Grade {
  return capRevealed(c.interview, gradeCapstone(c, sessionBlocks(s)), s.revealed ?? []);
}

/** The grade of the notes so far (for choosing hints and probes during the round). */
export function gradeSoFar(s: Session, c: Capstone, draft?: readonly string[]): Grade {
  return gradeCapstone(c, blocksSoFar(s, draft));
}

export function sessionLevel(s: Session, c: Capstone, g: Grade): LevelEstimate {
  return estimateLevel(c.interview, g, sessionBlocks(s));
}

export interface ProbeResult {
  followUp: FollowUp;
  phase: string;
  answer: string;
  /** The probe's targets graded on its answer alone. */
  points: PointGrade[];
}

/** Each probe asked in the round with its answer graded against its targets. */
export function probeResults(s: Session, c: Capstone): ProbeResult[] {
  const lex = lexiconFor(c.vocabulary);
  return (s.probes ?? []).flatMap((pr) => {
    const f = c.interview.followUps.find((x) => x.id === pr.id);
    if (!f) return [];
    const own = s.phases.find((p) => p.id === pr.phase && c.interview.phases.find((ph) => ph.id === p.id)?.kind === 'deep-dive');
    const answer = own ? own.notes.join('\n') : (s.followUps.find((a) => a.id === pr.id)?.answer ?? '');
    return [{ followUp: f, phase: pr.phase, answer, points: gradeProbe(c.interview, f, answer, lex) }];
  });
}


/** The `n` lowest self-scored dimensions; ties keep rubric order. Unscored dimensions are skipped. */
export function weakest(rubric: readonly RubricDimension[], scores: Readonly<Record<string, number>>, n = 2): RubricDimension[] {
  return rubric
    .filter((d) => scores[d.id] !== undefined)
    .map((d, i) => ({ d, i, score: scores[d.id]! }))
    .sort((a, b) => a.score - b.score || a.i - b.i)
    .slice(0, n)
    .map((x) => x.d);
}

/** Total hints revealed across phases. */
export function hintsUsed(s: Session): number {
  return s.phases.reduce((n, p) => n + p.hintsShown, 0);
}

/** What a progress entry records of a grade: the score, the credited points and each point's state. */
function gradeFields(g: Grade): Pick<InterviewEvent, 'coverage' | 'covered' | 'checklistTotal' | 'points'> {
  return {
    coverage: g.score,
    covered: g.points.filter((p) => p.status !== 'missed').map((p) => p.id),
    checklistTotal: g.points.length,
    points: Object.fromEntries(g.points.map((p) => [p.id, p.status])),
  };
}

/** The progress entry for a finished session. `at` is when it finished. */
export function interviewEvent(s: Session, c: Capstone, g: Grade, at: Date, transcript?: string, extra: { level?: LevelEstimate['level']; reviewCards?: string[] } = {}): InterviewEvent {
  const byPhase = new Map(g.phases.map((p) => [p.id, p.score]));
  const flips = s.flips ?? {};
  const user = withFlips(c.interview, g, flips);
  return {
    id: s.id,
    type: 'interview',
    at: at.toISOString(),
    startedAt: s.startedAt,
    capstone: c.topicId,
    minutes: s.minutes,
    practice: s.practice,
    phases: s.phases.map((p) => ({
      id: p.id,
      plannedSeconds: Math.round(p.plannedMs / 1000),
      usedSeconds: Math.round(p.usedMs / 1000),
      coverage: byPhase.get(p.id) ?? 0,
      hintsUsed: p.hintsShown,
    })),
    ...gradeFields(g),
    hintsUsed: hintsUsed(s),
    clarifyingAsked: s.clarifying.length,
    rubric: { ...s.rubric },
    followUps: s.probes?.length ? s.probes.map((p) => p.id) : s.followUps.map((f) => f.id),
    ...(transcript ? { transcript } : {}),
    ...(Object.keys(flips).length ? { flips: { ...flips }, userCoverage: user.score } : {}),
    ...(extra.level ? { level: extra.level } : {}),
    ...(extra.reviewCards?.length ? { reviewCards: extra.reviewCards } : {}),
    ...(s.revealed?.length ? { revealed: [...s.revealed] } : {}),
  };
}

/**
 * The progress entry for notes graded with `study interview grade --save`: no clock ran, so each
 * phase has its 45-minute plan and no time used; `transcript` is the notes file.
 */
export function notesEvent(c: Capstone, g: Grade, at: Date, id: string, file: string, level?: LevelEstimate['level']): InterviewEvent {
  const byPhase = new Map(g.phases.map((p) => [p.id, p.score]));
  return {
    id,
    type: 'interview',
    at: at.toISOString(),
    startedAt: at.toISOString(),
    capstone: c.topicId,
    minutes: 45,
    practice: true,
    phases: c.interview.phases.map((p) => ({ id: p.id, plannedSeconds: p.minutes45 * 60, usedSeconds: 0, coverage: byPhase.get(p.id) ?? 0, hintsUsed: 0 })),
    ...gradeFields(g),
    hintsUsed: 0,
    clarifyingAsked: 0,
    rubric: {},
    followUps: [],
    transcript: file,
    source: 'notes',
    ...(level ? { level } : {}),
  };
}

/** Mean of the scores given, or undefined when none. */
export function meanScore(scores: Readonly<Record<string, number>>): number | undefined {
  const v = Object.values(scores);
  return v.length ? v.reduce((a, b) => a + b, 0) / v.length : undefined;
}
