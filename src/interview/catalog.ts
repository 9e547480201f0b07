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
    source: 'capstone' as const,
  }));
}

const sum = (v: readonly number[]) => v.reduce((a, b) => a + b, 0);
