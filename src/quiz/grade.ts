/**
 * Grading of every question type. Pure: a question and a response in, a verdict out.
 * A partly right `multi` answer is wrong; `order` must be exact; numeric answers are graded by
 * the question's tolerance after unit conversion.
 */
import type { Question, Tolerance, NumericQuestion } from '../curriculum/schema.js';
import { parseQuantity, unitInfo, formatQuantity, sigFigs, ACCEPTED } from '../calc/units.js';

/** What the learner gave, by question type. Indexes refer to the question's own option order. */
export type Response =
  | { type: 'single'; choice: number }
  | { type: 'multi'; choices: number[] }
  | { type: 'truefalse'; value: boolean }
  | { type: 'numeric'; text: string }
  | { type: 'order'; order: number[] }
  | { type: 'recall'; grade: 1 | 2 | 3 | 4 };

export interface Verdict {
  correct: boolean;
  /** The response as text, for the progress file and the summary. */
  given: string;
  /** The right answer as text. */
  expected: string;
}

/** Is `given` within `tolerance` of `answer`? Both in the same unit. */
export function withinTolerance(given: number, answer: number, tolerance: Tolerance): boolean {
  if ('relative' in tolerance) {
    if (answer === 0) return Math.abs(given) <= tolerance.relative;
    return Math.abs(given - answer) <= tolerance.relative * Math.abs(answer) * (1 + 1e-12);
  }
  // A value typed in another unit is scaled back (3000 MB for 3 GB), so allow float noise only.
  if ('absolute' in tolerance) return Math.abs(given - answer) <= tolerance.absolute + 1e-9 * Math.max(1, Math.abs(answer));
  if (given === 0 || answer === 0 || Math.sign(given) !== Math.sign(answer)) return given === answer;
  return Math.abs(Math.log10(given / answer)) <= tolerance.orders + 1e-12;
}

/**
 * Reads a numeric answer typed for `q`: a bare number is in the question's unit; a number with a
 * unit of the same kind is converted ("2048 MiB" for a GiB question). Returns the value in the
 * question's unit, or an error saying what is accepted.
 */
export function readNumericAnswer(q: Pick<NumericQuestion, 'unit'>, text: string): { ok: true; value: number } | { ok: false; error: string } {
  const { kind, scale } = unitInfo(q.unit);
  const parsed = parseQuantity(text, kind, { defaultUnit: scale, allowNegative: true });
  if (!parsed.ok) return { ok: false, error: kind === 'count' ? parsed.error : `${parsed.error}${q.unit ? ` (a bare number means ${q.unit})` : ''}` };
  return { ok: true, value: parsed.value / scale };
}

/** How a numeric answer is shown: the number and unit, plus the tolerance in words. */
export function describeNumeric(q: NumericQuestion): string {
  const { kind, scale } = unitInfo(q.unit);
  // Sizes and durations are shown in the unit the question asks for ("Answer in seconds" → "112 s",
  // not "1.87 min"); counts, money and percentages through the one formatter.
  const ownUnit = (kind === 'bytes' || kind === 'seconds') && q.unit !== undefined;
  // An absolute tolerance is in the question's unit and may be exact, so the answer is shown in
  // full there ("1,995 addresses", not "2k").
  const full = 'absolute' in q.tolerance && (kind === 'count' || ownUnit);
  const shown = full
    ? `${q.answer.toLocaleString('en-US', { maximumFractionDigits: 10 })}${q.unit ? ` ${q.unit.trim()}` : ''}`
    : kind === 'count'
      ? `${formatQuantity(q.answer, 'count')}${q.unit ? ` ${q.unit}` : ''}`
      : ownUnit
        ? `${sigFigs(q.answer)} ${q.unit!.trim()}`
        : formatQuantity(q.answer * scale, kind);
  return `${shown} (${describeTolerance(q)})`;
}

/** The tolerance in words: "±10%", "within 3.2x", "exact", "±2 addresses". */
export function describeTolerance(q: Pick<NumericQuestion, 'tolerance' | 'unit'>): string {
  const t = q.tolerance;
  if ('relative' in t) return `±${Math.round(t.relative * 1000) / 10}%`;
  if ('orders' in t) return `within ${Math.round(10 ** t.orders * 10) / 10}x`;
  if (t.absolute === 0) return 'exact';
  return `±${sigFigs(t.absolute)}${q.unit ? ` ${q.unit.trim()}` : ''}`;
}

/** Grades one response. Throws if the response type does not match the question (a programming error). */
export function grade(q: Question, r: Response): Verdict {
  if (q.type !== r.type) throw new Error(`response of type ${r.type} for a ${q.type} question`);
  switch (q.type) {
    case 'single': {
      const choice = (r as Extract<Response, { type: 'single' }>).choice;
      return { correct: choice === q.answer, given: q.options[choice] ?? '?', expected: q.options[q.answer]! };
    }
    case 'multi': {
      const choices = [...new Set((r as Extract<Response, { type: 'multi' }>).choices)].sort((a, b) => a - b);
      const right = [...q.answers].sort((a, b) => a - b);
      const correct = choices.length === right.length && choices.every((c, i) => c === right[i]);
      return { correct, given: choices.map((c) => q.options[c]).join('; ') || '(none)', expected: right.map((c) => q.options[c]).join('; ') };
    }
    case 'truefalse': {
      const value = (r as Extract<Response, { type: 'truefalse' }>).value;
      return { correct: value === q.answer, given: String(value), expected: String(q.answer) };
    }
    case 'numeric': {
      const text = (r as Extract<Response, { type: 'numeric' }>).text;
      const read = readNumericAnswer(q, text);
      return { correct: read.ok && withinTolerance(read.value, q.answer, q.tolerance), given: text.trim(), expected: describeNumeric(q) };
    }
    case 'order': {
      const order = (r as Extract<Response, { type: 'order' }>).order;
      const correct = order.length === q.items.length && order.every((item, i) => item === i);
      return { correct, given: order.map((i) => q.items[i]).join(' → '), expected: q.items.join(' → ') };
    }
    case 'recall': {
      const g = (r as Extract<Response, { type: 'recall' }>).grade;
      return { correct: g >= 2, given: RECALL_GRADES[g - 1]!, expected: q.back };
    }
  }
}

/** Self-grades for recall cards, in FSRS rating order (1-4). */
export const RECALL_GRADES = ['Again', 'Hard', 'Good', 'Easy'] as const;

export { ACCEPTED };
