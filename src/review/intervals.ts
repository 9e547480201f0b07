/**
 * What each grade would do to a card, Anki style: "Again 10m · Hard 1d · Good 4d · Easy 9d", and
 * when a graded card is due again. Pure: the card, `now` and the retention are passed in.
 */
import type { StoredCard } from '../progress/model.js';
import { RATING, review, type RatingValue, type Scheduling } from './fsrs.js';

export const GRADE_NAMES = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' } as const;

export interface GradePreview {
  rating: RatingValue;
  name: (typeof GRADE_NAMES)[RatingValue];
  /** When the card would be due after this grade. */
  due: Date;
  /** `due - now`, in milliseconds (never negative). */
  intervalMs: number;
}

/**
 * The four grades' outcomes for `card` (a missing card counts as new) at `now`. Undefined when the
 * scheduler cannot say (a card from a clock that ran ahead): the caller then just omits the line.
 */
export function previewGrades(card: StoredCard | undefined, now: Date, retention: number | Scheduling = 0.9): GradePreview[] | undefined {
  try {
    return ([RATING.again, RATING.hard, RATING.good, RATING.easy] as RatingValue[]).map((rating) => {
      const due = new Date(review(card, rating, now, retention).due);
      return { rating, name: GRADE_NAMES[rating], due, intervalMs: Math.max(0, due.getTime() - now.getTime()) };
    });
  } catch {
    return undefined;
  }
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** An interval as Anki shows it: "10m", "3h", "1d", "12d", "2.5mo", "1.3y". */
export function shortInterval(ms: number): string {
  if (!Number.isFinite(ms) || ms < MINUTE) return '<1m';
  if (ms < HOUR) return `${Math.round(ms / MINUTE)}m`;
  if (ms < DAY) return `${Math.round(ms / HOUR)}h`;
  const days = Math.round(ms / DAY);
  if (days < 30) return `${days}d`;
  if (days < 365) return `${trim(days / 30)}mo`;
  return `${trim(days / 365)}y`;
}

/** An interval in words: "10 minutes", "3 hours", "1 day", "4 days", "2.5 months", "1.3 years". */
export function longInterval(ms: number): string {
  const s = shortInterval(ms);
  const m = /^([\d.<]+)(m|h|d|mo|y)$/.exec(s);
  if (!m) return s;
  const unit = { m: 'minute', h: 'hour', d: 'day', mo: 'month', y: 'year' }[m[2] as 'm' | 'h' | 'd' | 'mo' | 'y'];
  return m[1] === '1' ? `1 ${unit}` : m[1] === '<1' ? `under a ${unit}` : `${m[1]} ${unit}s`;
}

function trim(x: number): string {
  return x >= 10 ? String(Math.round(x)) : String(Math.round(x * 10) / 10);
}

/** "Again 10m · Hard 1d · Good 4d · Easy 9d". */
export function gradeLine(previews: readonly GradePreview[]): string {
  return previews.map((p) => `${p.name} ${shortInterval(p.intervalMs)}`).join(' · ');
}
