/**
 * `validate --strict` completeness of the problem library (`curriculum/problems/`, issue 16): each
 * problem is as complete as a capstone, in the interview-v2 format. Pure.
 */
import { buildLexicon } from '../interview/lexicon.js';
import { checklistGaps } from './lint-interview.js';
import type { Shortfall } from './lint.js';
import type { Curriculum, Interview } from './schema.js';

/** The minimums issue 16 sets for a library problem. */
export const LIBRARY_MINIMUMS = { checklist: 18, followUps: 6, rubric: 5, staffPoints: 4, clarifying: 8, keyNumbers: 3 } as const;

/** Design minutes (all phases) of the 45- and 60-minute formats. */
export const DESIGN_MINUTES = { 45: [30, 40], 60: [40, 52] } as const;

const at = (n: number, min: number, what: string): string[] => (n < min ? [`${n} ${what}, needs at least ${min}`] : []);

/** What one interview block lacks against the library's bar. */
export function libraryGaps(iv: Interview): string[] {
  const m = LIBRARY_MINIMUMS;
  const points = new Set(iv.checklist.map((p) => p.id));
  const dims = new Set(iv.rubric.map((r) => r.id));
  const gaps = [
    ...at(iv.checklist.length, m.checklist, 'checklist points'),
    ...at(iv.followUps.length, m.followUps, 'follow-ups'),
    ...at(iv.rubric.length, m.rubric, 'rubric dimensions'),
    ...at(iv.clarifyingQuestions.length, m.clarifying, 'clarifying questions'),
    ...at(iv.keyNumbers.length, m.keyNumbers, 'key numbers'),
    ...at(iv.checklist.filter((p) => p.level === 'staff').length, m.staffPoints, 'staff-level points'),
  ];
  if (!dims.has('tradeoffs')) gaps.push('no rubric dimension "tradeoffs" (trade-offs / business impact)');
  for (const r of iv.rubric) if (!r.senior || !r.staff) gaps.push(`rubric ${r.id}: needs both a senior and a staff bar`);
  for (const p of iv.checklist) {
    if (!p.dimension) gaps.push(`checklist point ${p.id}: no dimension`);
    else if (!dims.has(p.dimension)) gaps.push(`checklist point ${p.id}: dimension "${p.dimension}" is not a rubric id`);
    if (!p.level) gaps.push(`checklist point ${p.id}: no level (senior or staff)`);
  }
  for (const f of iv.followUps) {
    if (!f.targets?.length) gaps.push(`follow-up ${f.id}: no targets`);
    for (const t of f.targets ?? []) if (!points.has(t)) gaps.push(`follow-up ${f.id}: target "${t}" is not a checklist point`);
  }
  for (const ph of iv.phases) {
    if (!ph.kind) gaps.push(`phase ${ph.id}: no kind`);
    for (const h of ph.hints) {
      if (typeof h === 'string') gaps.push(`phase ${ph.id}: a hint is not tiered (nudge, direction, reveal, targets)`);
      else for (const t of h.targets) if (!points.has(t)) gaps.push(`phase ${ph.id}: hint target "${t}" is not a checklist point`);
    }
  }
  const kinds = iv.phases.map((p) => p.kind);
  if (kinds[0] !== 'clarify' || kinds.at(-1) !== 'wrap-up' || kinds.filter((k) => k === 'deep-dive').length !== 1) {
    gaps.push('phases must start with a clarify phase, have exactly one deep-dive and end with a wrap-up');
  }
  for (const [format, [lo, hi]] of Object.entries(DESIGN_MINUTES)) {
    const sum = iv.phases.reduce((n, p) => n + (format === '45' ? p.minutes45 : p.minutes60), 0);
    if (sum < lo || sum > hi) gaps.push(`design phases sum to ${sum} of ${format} minutes, expected ${lo}-${hi}`);
  }
  if (!iv.referenceDesign) gaps.push('no referenceDesign');
  return gaps;
}

/** Shortfalls of every library problem: the bar above plus the checklist's facet rules. */
export function lintLibrary(c: Curriculum): Shortfall[] {
  const lex = buildLexicon(c.vocabulary ?? []);
  return (c.library ?? []).flatMap((p) => {
    const gaps = [...libraryGaps(p.interview), ...checklistGaps(p.interview.checklist, lex)];
    return gaps.length ? [{ scope: 'problem' as const, id: p.id, file: p.file, gaps }] : [];
  });
}
