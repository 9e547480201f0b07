/** The capstones of a curriculum: every topic with an `interview` block. Pure. */
import type { Curriculum, Interview, Topic } from '../curriculum/schema.js';

export type Minutes = 45 | 60;
export const MINUTES = ['45', '60'] as const;

/** Minutes outside the design: introductions before, the candidate's questions after (interview v2). */
export const FRAME_MINUTES: Readonly<Record<Minutes, { intro: number; questions: number }>> = { 45: { intro: 2, questions: 5 }, 60: { intro: 3, questions: 5 } };

export interface Capstone {
  /** Short id: the topic id without its "capstone-" prefix ("eta-pricing"). */
  id: string;
  title: string;
  topicId: string;
  number: number;
  interview: Interview;
  /** The curriculum's shared vocabulary (synonym groups) the grader reads the notes with. */
  vocabulary: string[][];
  /** Topics to study first; a missed point's review card links to the first (a capstone: its own topic). */
  topics: string[];
  /** A capstone topic, or a problem of the library (curriculum/problems/). */
  source: 'capstone' | 'library';
}

/**
 * Every mock-interview problem: the capstones in outline order, then the library in file order.
 * A library problem's `topicId` is its own id (progress events name it); it has no outline number.
 */
export function capstones(c: Curriculum): Capstone[] {
  const topics: Topic[] = c.modules.flatMap((m) => m.sections.flatMap((s) => s.topics));
  const vocabulary = c.vocabulary ?? [];
  const seed = topics.flatMap((t): Capstone[] => (t.interview ? [{ id: t.id.replace(/^capstone-/, ''), title: t.title, topicId: t.id, number: t.number, interview: t.interview, vocabulary, topics: [t.id], source: 'capstone' }] : []));
  const library = (c.problems ?? []).map((p): Capstone => ({ id: p.id, title: p.title, topicId: p.id, number: 0, interview: p.interview, vocabulary, topics: [...p.topics], source: 'library' }));
  return [...seed, ...library];
}

/** Finds a capstone by short id, topic id or outline number (`eta-pricing`, `capstone-eta-pricing`, `59`). */
export function findCapstone(all: readonly Capstone[], key: string): Capstone | undefined {
  const k = key.trim().toLowerCase();
  return all.find((c) => c.id === k || c.topicId === k || (c.number > 0 && String(c.number) === k));
}

/** Planned minutes of a phase in the chosen format. */
export function phaseMinutes(phase: Interview['phases'][number], minutes: Minutes): number {
  return minutes === 45 ? phase.minutes45 : phase.minutes60;
}

/** The `study interview --list --json` shape (documented in issue 6: extend, never change). */
export interface CapstoneListing {
  id: string;
  title: string;
  topicId: string;
  phases: { id: string; title: string; minutes45: number; minutes60: number; kind: string | null }[];
  clarifyingQuestions: number;
  checklist: number;
  followUps: number;
  /** Added with interview v2 (issue 13): design minutes (all phases) and the frame around them. */
  designMinutes: { '45': number; '60': number };
  frameMinutes: { '45': { intro: number; questions: number }; '60': { intro: number; questions: number } };
  staffPoints: number;
  rubric: number;
  midRoundChange: boolean;
  /** `capstone` (a curriculum topic) or `library` (curriculum/problems/). */
  source: 'capstone' | 'library';
}

export function listing(all: readonly Capstone[]): CapstoneListing[] {
  return all.map((c) => ({
    id: c.id,
    title: c.title,
    topicId: c.topicId,
    phases: c.interview.phases.map((p) => ({ id: p.id, title: p.title, minutes45: p.minutes45, minutes60: p.minutes60, kind: p.kind ?? null })),
    clarifyingQuestions: c.interview.clarifyingQuestions.length,
    checklist: c.interview.checklist.length,
    followUps: c.interview.followUps.length,
    designMinutes: { '45': sum(c.interview.phases.map((p) => p.minutes45)), '60': sum(c.interview.phases.map((p) => p.minutes60)) },
    frameMinutes: { '45': FRAME_MINUTES[45], '60': FRAME_MINUTES[60] },
    staffPoints: c.interview.checklist.filter((p) => p.level === 'staff').length,
    rubric: c.interview.rubric.length,
    midRoundChange: c.interview.midRoundChange !== undefined,
    source: c.source,
  }));
}

const sum = (v: readonly number[]) => v.reduce((a, b) => a + b, 0);
