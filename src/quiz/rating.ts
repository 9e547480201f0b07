/**
 * How an answer becomes an FSRS rating: objective questions map wrong -> Again, right -> Good,
 * right and quick -> Easy; recall cards use the learner's own grade. Pure.
 */
import type { QuestionType } from '../curriculum/schema.js';
import type { Response, Verdict } from './grade.js';
import type { RatingValue } from '../review/fsrs.js';

/** An answer this fast (ms) or faster counts as "quick": about the time to read and answer at once. */
export const QUICK_MS: Record<Exclude<QuestionType, 'recall'>, number> = {
  truefalse: 8_000,
  single: 12_000,
  multi: 20_000,
  order: 25_000,
  numeric: 30_000,
};

export function ratingFor(type: QuestionType, verdict: Verdict, response: Response, ms: number): RatingValue {
  if (response.type === 'recall') return response.grade;
  if (!verdict.correct) return 1;
  return ms <= QUICK_MS[type as Exclude<QuestionType, 'recall'>] ? 4 : 3;
}
