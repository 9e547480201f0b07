/** The capstones of a curriculum: every topic with an `interview` block. Pure. */
import type { Curriculum, Interview, Topic } from '../curriculum/schema.js';

export type Minutes = 45 | 60;
export const MINUTES = ['45', '60'] as const;

export interface Capstone {
  /** Short id: the topic id without its "capstone-" prefix ("eta-pricing"). */
  id: string;
  title: string;
  topicId: string;
  number: number;
  interview: Interview;
  /** The curriculum's shared vocabulary (synonym groups) the grader reads the notes with. */
  vocabulary: string[][];
}

/** Capstones in outline order. */
export function capstones(c: Curriculum): Capstone[] {
  const topics: Topic[] = c.modules.flatMap((m) => m.sections.flatMap((s) => s.topics));
  const vocabulary = c.vocabulary ?? [];
  return topics.flatMap((t) => (t.interview ? [{ id: t.id.replace(/^capstone-/, ''), title: t.title, topicId: t.id, number: t.number, interview: t.interview, vocabulary }] : []));
}

/** Finds a capstone by short id, topic id or outline number (`eta-pricing`, `capstone-eta-pricing`, `59`). */
export function findCapstone(all: readonly Capstone[], key: string): Capstone | undefined {
  const k = key.trim().toLowerCase();
  return all.find((c) => c.id === k || c.topicId === k || String(c.number) === k);
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
    phases: c.interview.phases.map((p) => ({ id: p.id, title: p.title, minutes45: p.minutes45, minutes60: p.minutes60 })),
    clarifyingQuestions: c.interview.clarifyingQuestions.length,
    checklist: c.interview.checklist.length,
    followUps: c.interview.followUps.length,
  }));
}
