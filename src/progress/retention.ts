/**
 * Measured ("true") retention: the share of review answers recalled, where a review answer is one
 * given at least a day after the card's previous answer (same-day repeats are learning, not
 * recall). Counted per local day and per interval bucket, so the report can show the last 30 days
 * from the cached summary. Cram answers leave the schedule alone and are not counted. Pure.
 */
import { dayKey } from './summary.js';

/** Interval buckets in days since the previous answer: [from, to) — the last is open-ended. */
export const BUCKETS = [
  { label: '1 d', from: 1, to: 2 },
  { label: '2-6 d', from: 2, to: 7 },
  { label: '7-20 d', from: 7, to: 21 },
  { label: '21+ d', from: 21, to: Infinity },
] as const;

/** Per local day: [reviews, recalled] per bucket, flattened (8 numbers). */
export type ReviewTally = Record<string, number[]>;

interface AnswerLike {
  type: string;
  at: string;
  questionId?: string;
  rating?: number;
  cram?: boolean;
}

export function tallyReviews(events: readonly AnswerLike[]): ReviewTally {
  const answers = events.filter((e) => e.type === 'answer' && !e.cram).map((e) => ({ e, t: Date.parse(e.at) }));
  answers.sort((a, b) => a.t - b.t);
  const last = new Map<string, number>();
  const out: ReviewTally = {};
  for (const { e, t } of answers) {
    const prev = last.get(e.questionId!);
    last.set(e.questionId!, t);
    if (prev === undefined) continue;
    const days = (t - prev) / 86_400_000;
    const b = BUCKETS.findIndex((x) => days >= x.from && days < x.to);
    if (b < 0) continue;
    const row = (out[dayKey(new Date(t))] ??= [0, 0, 0, 0, 0, 0, 0, 0]);
    row[b * 2]!++;
    if ((e.rating ?? 1) > 1) row[b * 2 + 1]!++;
  }
  return out;
}

export interface RetentionReport {
  /** The desired retention the scheduler aims for. */
  target: number;
  /** Share of review answers recalled in the last 30 days (null with none). */
  measured: number | null;
  /** Review answers in the last 30 days. */
  reviews: number;
  /** The same per interval bucket. */
  buckets: { interval: string; reviews: number; measured: number | null }[];
}

/** Measured retention over the local days in `days` (the last 30). */
export function retentionReport(tally: ReviewTally, days: readonly string[], target: number): RetentionReport {
  const sums = [0, 0, 0, 0, 0, 0, 0, 0];
  for (const d of days) {
    const row = tally[d];
    if (row) row.forEach((v, i) => (sums[i]! += v));
  }
  const share = (n: number, r: number) => (n > 0 ? r / n : null);
  const reviews = BUCKETS.reduce((n, _, i) => n + sums[i * 2]!, 0);
  const recalled = BUCKETS.reduce((n, _, i) => n + sums[i * 2 + 1]!, 0);
  return { target, measured: share(reviews, recalled), reviews, buckets: BUCKETS.map((b, i) => ({ interval: b.label, reviews: sums[i * 2]!, measured: share(sums[i * 2]!, sums[i * 2 + 1]!) })) };
}
