/**
 * Everything the progress report needs from the progress file, in a compact form: totals per topic
 * and per day, interview and drill tallies, and the FSRS cards. Computed once per version of the
 * file and cached (see `summary-cache.ts`), so `study progress` does not re-read 100,000 events. Pure.
 */
import { instant } from './instant.js';
import type { DrillEvent, InterviewEvent, Progress, StoredCard } from './model.js';
import { tallyReviews, type ReviewTally } from './retention.js';

export interface ProgressSummary {
  desiredRetention: number;
  answered: number;
  correct: number;
  topics: Record<string, { answered: number; correct: number; lastAt: string }>;
  /** Answers per local day (YYYY-MM-DD). */
  answersPerDay: Record<string, number>;
  /** Local days with any activity (answers, drills, interviews). */
  activeDays: string[];
  interviews: { count: number; coverageSum: number; last: { capstone: string; at: string; coverage: number } | null };
  drills: { count: number; excellent: number; pass: number; miss: number };
  cards: Record<string, StoredCard>;
  /** Review answers (a day or more after the card's previous answer) per local day and interval bucket. */
  reviews: ReviewTally;
}

/** Local calendar day of an instant, as YYYY-MM-DD. */
export function dayKey(d: Date): string {
  const y = d.getFullYear();
  const m = String(d.getMonth() + 1).padStart(2, '0');
  const day = String(d.getDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}

/** A map keyed by ids from the file: no prototype, so no key can reach Object.prototype. */
const dict = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;

/** A summary read back from JSON (the cache) with its id-keyed maps made prototype-free again. */
export function withDicts(s: ProgressSummary): ProgressSummary {
  return { ...s, topics: Object.assign(dict(), s.topics), answersPerDay: Object.assign(dict(), s.answersPerDay), cards: Object.assign(dict(), s.cards) };
}

export function emptySummary(): ProgressSummary {
  return { desiredRetention: 0.9, answered: 0, correct: 0, topics: dict(), answersPerDay: dict(), activeDays: [], interviews: { count: 0, coverageSum: 0, last: null }, drills: { count: 0, excellent: 0, pass: 0, miss: 0 }, cards: dict(), reviews: dict() };
}

export function summarize(p: Progress): ProgressSummary {
  const s = emptySummary();
  s.desiredRetention = p.settings.desiredRetention;
  s.cards = Object.assign(dict<StoredCard>(), p.cards);
  const days = new Set<string>();
  for (const e of p.events) {
    const day = dayKey(new Date(e.at));
    days.add(day);
    if (e.type === 'answer') {
      s.answered++;
      if (e.correct) s.correct++;
      const t = (s.topics[e.topicId] ??= { answered: 0, correct: 0, lastAt: e.at });
      t.answered++;
      if (e.correct) t.correct++;
      if (instant(e.at) > instant(t.lastAt)) t.lastAt = e.at;
      s.answersPerDay[day] = (s.answersPerDay[day] ?? 0) + 1;
    } else if (e.type === 'interview') {
      const iv = e as InterviewEvent;
      s.interviews.count++;
      s.interviews.coverageSum += iv.coverage;
      if (!s.interviews.last || instant(iv.at) >= instant(s.interviews.last.at)) s.interviews.last = { capstone: iv.capstone, at: iv.at, coverage: iv.coverage };
    } else if (e.type === 'drill') {
      const d = e as DrillEvent;
      s.drills.count++;
      if (d.grade === 'excellent' || d.grade === 'pass' || d.grade === 'miss') s.drills[d.grade]++;
    }
  }
  s.activeDays = [...days].sort();
  s.reviews = tallyReviews(p.events);
  return s;
}
