/**
 * `validate --strict` completeness of the problem library (`curriculum/problems/`, issue 16), on top
 * of the interview-v2 rules every problem meets (lint-interview-v2.ts): the minimum amount of
 * material a library problem carries to be as complete as a capstone. Pure.
 */
import type { Shortfall } from './lint.js';
import type { Curriculum, Interview } from './schema.js';

/** The minimums issue 16 sets for a library problem. */
export const LIBRARY_MINIMUMS = { checklist: 18, followUps: 6, rubric: 5, staffPoints: 4, clarifying: 8, keyNumbers: 3 } as const;

const atLeast = (n: number, min: number, what: string): string[] => (n < min ? [`${n} ${what}, needs at least ${min}`] : []);

/** What one library problem's interview block lacks against the library's bar. */
export function libraryGaps(iv: Interview): string[] {
  const m = LIBRARY_MINIMUMS;
  return [
    ...atLeast(iv.checklist.length, m.checklist, 'checklist points'),
    ...atLeast(iv.followUps.length, m.followUps, 'follow-ups'),
    ...atLeast(iv.rubric.length, m.rubric, 'rubric dimensions'),
    ...atLeast(iv.clarifyingQuestions.length, m.clarifying, 'clarifying questions'),
    ...atLeast(iv.keyNumbers.length, m.keyNumbers, 'key numbers'),
    ...atLeast(iv.checklist.filter((p) => p.level === 'staff').length, m.staffPoints, 'staff-level points'),
    ...(iv.referenceDesign ? [] : ['no referenceDesign (summary, diagram, trade-offs, sources)']),
  ];
}

/** Shortfalls of every library problem against the bar above. */
export function lintLibrary(c: Curriculum): Shortfall[] {
  return (c.problems ?? []).flatMap((p) => {
    const gaps = libraryGaps(p.interview);
    return gaps.length ? [{ scope: 'problem' as const, id: p.id, file: p.file, gaps }] : [];
  });
}
