/**
 * "Work on next" after a mock interview: the lowest self-scored rubric dimensions. Equal scores
 * are broken by coverage evidence (the grader's mean score of the checklist points in the phases
 * that evidence the dimension: its `phases`, or every phase); dimensions still equal after that
 * are named as ties rather than dropped by rubric order. Pure.
 */
import type { RubricDimension } from './debrief.js';
import { STATUS_VALUE, type Grade } from './grade.js';

export interface Ranked {
  dimension: RubricDimension;
  score: number;
  /** The grader's mean point value in the dimension's phases, 0..1 (undefined: no points there). */
  evidence: number | undefined;
}

export interface WorkOn {
  /** The dimensions to work on, weakest first (at most `n`). */
  picked: Ranked[];
  /** Dimensions left out only because of the limit: same score and evidence as the last picked. */
  tied: Ranked[];
  /** A dimension with the same score as the last picked was left out for having more evidence. */
  byEvidence: boolean;
}

/** The grader's mean point value in `phases` (explained 1, mentioned ½; every phase when empty or absent). */
export function evidenceFor(grade: Pick<Grade, 'points'>, phases: readonly string[] | undefined): number | undefined {
  const relevant = grade.points.filter((p) => !phases?.length || phases.includes(p.phase));
  return relevant.length ? relevant.reduce((n, p) => n + STATUS_VALUE[p.status], 0) / relevant.length : undefined;
}

const sameRank = (a: Ranked, b: Ranked) => a.score === b.score && a.evidence === b.evidence;

/** The `n` dimensions to work on next; unscored dimensions are skipped. */
export function workOnNext(rubric: readonly RubricDimension[], scores: Readonly<Record<string, number>>, grade: Pick<Grade, 'points'>, n = 2): WorkOn {
  const ranked = rubric
    .filter((d) => scores[d.id] !== undefined)
    .map((d, i) => ({ i, r: { dimension: d, score: scores[d.id]!, evidence: evidenceFor(grade, d.phases) } }))
    .sort((a, b) => a.r.score - b.r.score || (a.r.evidence ?? 1) - (b.r.evidence ?? 1) || a.i - b.i)
    .map((x) => x.r);
  const picked = ranked.slice(0, n);
  const last = picked[picked.length - 1];
  const rest = ranked.slice(n);
  return {
    picked,
    tied: last ? rest.filter((r) => sameRank(r, last)) : [],
    byEvidence: last ? rest.some((r) => r.score === last.score && r.evidence !== last.evidence) : false,
  };
}

const pct = (x: number) => `${Math.round(x * 100)} %`;

/** "A and B", "A, B and C". */
function and(words: string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/**
 * The sentence, with `strong` marking titles (bold in a terminal, `**…**` in Markdown); empty when
 * nothing was scored. Says what decided: the scores, and the evidence when scores were equal.
 */
export function workOnText(w: WorkOn, strong: (s: string) => string): string {
  if (w.picked.length === 0) return '';
  const names = w.picked.map((r) => strong(r.dimension.title));
  const scores = [...new Set(w.picked.map((r) => r.score))];
  const why = scores.length === 1 ? `self-score ${scores[0]} of 4` : `self-scores ${w.picked.map((r) => r.score).join(' and ')} of 4`;
  const evidence = w.picked.filter((r) => r.evidence !== undefined).map((r) => `${r.dimension.title} ${pct(r.evidence!)}`);
  const usedEvidence = w.byEvidence || w.tied.length > 0;
  let text = `Work on next: ${and(names)} (${why}${usedEvidence && evidence.length ? `; checklist grade in their phases: ${evidence.join(', ')}` : ''}).`;
  if (w.tied.length) text += ` Tied with ${and(w.tied.map((r) => strong(r.dimension.title)))} (same score and coverage).`;
  return text;
}
