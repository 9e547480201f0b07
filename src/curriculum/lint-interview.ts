/**
 * `validate --strict` rules for mock-interview checklists: every point has 2-3 facets, and no
 * point is made by another point's facets (then one sentence would earn both). Uses the grader's
 * own term handling and the curriculum's vocabulary, so the check sees what the grader sees. Pure.
 */
import { buildLexicon, type Lexicon } from '../interview/lexicon.js';
import type { Shortfall } from './lint.js';
import type { ChecklistPoint, Curriculum } from './schema.js';
import { v2Gaps } from './lint-interview-v2.js';

export const FACETS = { min: 2, max: 3 } as const;

/** Does `inner` occur as consecutive stems inside `outer`? */
function within(inner: readonly string[], outer: readonly string[]): boolean {
  for (let i = 0; i + inner.length <= outer.length; i++) if (inner.every((s, j) => outer[i + j] === s)) return true;
  return false;
}

/** True when any note that makes `b` (through any of its terms) also makes every facet of `a`. */
export function madeBy(a: ChecklistPoint, b: ChecklistPoint, lex: Lexicon): boolean {
  const bTerms = b.facets.flatMap((f) => f.flatMap((t) => lex.alternatives(t)));
  return a.facets.every((f) => f.some((t) => lex.alternatives(t).some((x) => bTerms.some((y) => within(x, y)))));
}

/** Two terms of different facets of one point where one contains the other ("budget" in "budget delivery"), or null. */
export function facetOverlap(p: ChecklistPoint, lex: Lexicon): [string, string] | null {
  for (let i = 0; i < p.facets.length; i++) {
    for (let j = 0; j < p.facets.length; j++) {
      if (i === j) continue;
      for (const a of p.facets[i]!) {
        for (const b of p.facets[j]!) {
          if (lex.alternatives(a).some((x) => lex.alternatives(b).some((y) => within(x, y)))) return [a, b];
        }
      }
    }
  }
  return null;
}

/** The checklist problems of one interview. */
export function checklistGaps(points: readonly ChecklistPoint[], lex: Lexicon): string[] {
  const gaps: string[] = [];
  for (const p of points) {
    if (p.facets.length < FACETS.min || p.facets.length > FACETS.max) gaps.push(`checklist point ${p.id}: ${p.facets.length} facets, expected ${FACETS.min}-${FACETS.max}`);
    const overlap = facetOverlap(p, lex);
    if (overlap) gaps.push(`checklist point ${p.id}: "${overlap[0]}" and "${overlap[1]}" are in different facets but one contains the other, so one phrase makes two facets`);
  }
  for (const a of points) {
    for (const b of points) {
      if (a !== b && madeBy(a, b, lex)) gaps.push(`checklist point ${a.id} is made by the facets of ${b.id}; make one of them specific to its own idea`);
    }
  }
  return gaps;
}

/** Shortfalls of every topic with an interview block. */
export function lintInterviews(c: Curriculum): Shortfall[] {
  const lex = buildLexicon(c.vocabulary ?? []);
  const topicIds = new Set(c.modules.flatMap((m) => m.sections.flatMap((s) => s.topics.map((t) => t.id))));
  const topicsOf = c.modules.flatMap((m) =>
    m.sections.flatMap((s) =>
      s.topics.flatMap((t) => {
        const gaps = t.interview ? [...checklistGaps(t.interview.checklist, lex), ...v2Gaps(t.interview, topicIds)] : [];
        return gaps.length ? [{ scope: 'topic' as const, id: t.id, file: s.file, gaps }] : [];
      }),
    ),
  );
  // The library (problems/) is held to the same bar.
  const library = (c.problems ?? []).flatMap((p) => {
    const gaps = [...checklistGaps(p.interview.checklist, lex), ...v2Gaps(p.interview, topicIds)];
    return gaps.length ? [{ scope: 'topic' as const, id: p.id, file: p.file, gaps }] : [];
  });
  return [...topicsOf, ...library];
}
