/**
 * The mock-interview problems of a curriculum: first the capstones (every topic with an
 * `interview` block, in outline order), then the library of `problems/` (in file order). Pure.
 */
import type { Curriculum, Interview, Topic } from '../curriculum/schema.js';

export type Minutes = 45 | 60;
export const MINUTES = ['45', '60'] as const;

export interface Capstone {
  /** Short id: the topic id without its "capstone-" prefix ("eta-pricing"). */
  id: string;
  title: string;
  /** The id progress and transcripts record: the capstone's topic id, or a library problem's id. */
  topicId: string;
  /** The capstone's outline number; library problems have none. */
  number?: number;
  /** A capstone of the course, or a problem of the library. */
  kind: 'capstone' | 'library';
  /** Topics to study first; a missed point's review card links to the first unless the point names one. */
  topics: string[];
  interview: Interview;
  /** The curriculum's shared vocabulary (synonym groups) the grader reads the notes with. */
  vocabulary: string[][];
}

/** Capstones in outline order, then the library's problems in file order. */
export function capstones(c: Curriculum): Capstone[] {
  const topics: Topic[] = c.modules.flatMap((m) => m.sections.flatMap((s) => s.topics));
  const vocabulary = c.vocabulary ?? [];
  const course = topics.flatMap((t): Capstone[] =>
    t.interview ? [{ id: t.id.replace(/^capstone-/, ''), title: t.title, topicId: t.id, number: t.number, kind: 'capstone', topics: [t.id], interview: t.interview, vocabulary }] : [],
  );
  const library = (c.library ?? []).map((p): Capstone => ({ id: p.id, title: p.title, topicId: p.id, kind: 'library', topics: p.topics, interview: p.interview, vocabulary }));
  return [...course, ...library];
}

/** Finds a capstone by short id, topic id or outline number (`eta-pricing`, `capstone-eta-pricing`, `59`). */
export function findCapstone(all: readonly Capstone[], key: string): Capstone | undefined {
  const k = key.trim().toLowerCase();
  return all.find((c) => c.id === k || c.topicId === k || (c.number !== undefined && String(c.number) === k));
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
  /** `capstone` (the course's three) or `library` (curriculum/problems/). */
  kind: 'capstone' | 'library';
  phases: { id: string; title: string; minutes45: number; minutes60: number }[];
  clarifyingQuestions: number;
  checklist: number;
  followUps: number;
}

export function listing(all: readonly Capstone[]): CapstoneListing[] {
  return all.map((c) => ({
    id: c.id,
    title: c.title,
    topicId: c.topicId,
    kind: c.kind,
    phases: c.interview.phases.map((p) => ({ id: p.id, title: p.title, minutes45: p.minutes45, minutes60: p.minutes60 })),
    clarifyingQuestions: c.interview.clarifyingQuestions.length,
    checklist: c.interview.checklist.length,
    followUps: c.interview.followUps.length,
  }));
}
