/**
 * The numbers behind the home screen and `study progress`: totals, per module/section/topic
 * accuracy and mastery (FSRS retrievability), streak, 30-day activity, weakest topics, the next
 * thing to do, interview and drill summaries. Pure: a curriculum index, a progress summary and `now` in.
 */
import { indexTopics, type CurriculumIndex, type IndexTopic } from '../curriculum/index.js';
import { isDue, retrievability, type Scheduling } from '../review/fsrs.js';
import { retentionReport, type RetentionReport } from './retention.js';
import { dayKey, type ProgressSummary } from './summary.js';

export { dayKey };

export interface TopicReport {
  /** The topic's title and outline number, for people (the key is its id). */
  title: string;
  number: number;
  answered: number;
  correct: number;
  /** Share right, 0..1 (0 when unanswered). */
  accuracy: number;
  /** Mean FSRS retrievability over the topic's questions (unseen count as 0), 0..1. */
  mastery: number;
  lastPractised: string | null;
}

interface Rollup {
  topics: number;
  topicsPractised: number;
  answered: number;
  accuracy: number;
  mastery: number;
}

export interface ProgressJson {
  answered: number;
  correct: number;
  reviewsDue: number;
  topics: Record<string, TopicReport>;
  modules: ({ id: string; number: number; title: string; sections: ({ id: string; title: string } & Rollup)[] } & Rollup)[];
  streakDays: number;
  /** Answers per day for the last 30 days, oldest first (`date` is YYYY-MM-DD, local time). */
  activity: { date: string; answers: number }[];
  weakest: { id: string; title: string; accuracy: number; mastery: number; command: string }[];
  next: { kind: 'review' | 'strengthen' | 'learn' | 'interview' | 'done'; text: string; command: string };
  /** Measured ("true") retention over the last 30 days beside the target. */
  retention: RetentionReport;
  /** `last.title` is the capstone's title (its id when the curriculum no longer has it). */
  interviews: { count: number; last: { capstone: string; title: string; at: string; coverage: number } | null; averageCoverage: number };
  drills: { count: number; excellent: number; pass: number; miss: number };
}

/** Days in a row, ending today (or yesterday, if nothing yet today), with any recorded activity. */
export function streak(days: Set<string>, now: Date): number {
  const d = new Date(now);
  if (!days.has(dayKey(d))) d.setDate(d.getDate() - 1);
  let n = 0;
  while (days.has(dayKey(d))) {
    n++;
    d.setDate(d.getDate() - 1);
  }
  return n;
}

const share = (a: number, b: number) => (b > 0 ? a / b : 0);

/** `scheduling`: the retention and FSRS parameters in force (the settings'); default: the summary's retention. */
export function progressReport(index: CurriculumIndex, s: ProgressSummary, now: Date, scheduling: Scheduling = { retention: s.desiredRetention }): ProgressJson {
  const topicReport = (t: IndexTopic): TopicReport => {
    const st = s.topics[t.id];
    const mastery = t.questionIds.length ? t.questionIds.reduce((sum, q) => sum + retrievability(s.cards[q], now, scheduling), 0) / t.questionIds.length : 0;
    return { title: t.title, number: t.number, answered: st?.answered ?? 0, correct: st?.correct ?? 0, accuracy: share(st?.correct ?? 0, st?.answered ?? 0), mastery, lastPractised: st?.lastAt ?? null };
  };
  const allTopics = indexTopics(index);
  const topics: Record<string, TopicReport> = {};
  for (const t of allTopics) topics[t.id] = topicReport(t);
  const roll = (ts: IndexTopic[]): Rollup => {
    const rs = ts.map((t) => topics[t.id]!);
    const answered = rs.reduce((n, r) => n + r.answered, 0);
    const correct = rs.reduce((n, r) => n + r.correct, 0);
    return { topics: ts.length, topicsPractised: rs.filter((r) => r.answered > 0).length, answered, accuracy: share(correct, answered), mastery: share(rs.reduce((n, r) => n + r.mastery, 0), rs.length) };
  };
  const modules = index.modules.map((m) => ({
    id: m.id,
    number: m.number,
    title: m.title,
    ...roll(m.sections.flatMap((sec) => sec.topics)),
    sections: m.sections.map((sec) => ({ id: sec.id, title: sec.title, ...roll(sec.topics) })),
  }));

  const activity = Array.from({ length: 30 }, (_, i) => {
    const d = new Date(now);
    d.setDate(d.getDate() - (29 - i));
    return { date: dayKey(d), answers: s.answersPerDay[dayKey(d)] ?? 0 };
  });
  // A topic answered all right (as shown: 99.6 % reads 100 %) is not weak, whatever its mastery.
  const weakest = allTopics
    .filter((t) => topics[t.id]!.answered > 0 && Math.round(topics[t.id]!.accuracy * 100) < 100)
    .sort((a, b) => topics[a.id]!.accuracy - topics[b.id]!.accuracy || topics[a.id]!.mastery - topics[b.id]!.mastery)
    .slice(0, 5)
    .map((t) => ({ id: t.id, title: t.title, accuracy: topics[t.id]!.accuracy, mastery: topics[t.id]!.mastery, command: `study quiz --topic ${t.id}` }));
  // Interview gap cards (`interview:<problem>:<point>`, see src/interview/cards.ts) are reviews too.
  const gapsDue = Object.entries(s.cards).filter(([id, card]) => id.startsWith('interview:') && isDue(card, now)).length;
  const reviewsDue = allTopics.reduce((n, t) => n + t.questionIds.filter((q) => s.cards[q] !== undefined && isDue(s.cards[q]!, now)).length, 0) + gapsDue;
  return {
    answered: s.answered,
    correct: s.correct,
    reviewsDue,
    topics,
    modules,
    streakDays: streak(new Set(s.activeDays), now),
    activity,
    weakest,
    next: nextStep(allTopics, topics, reviewsDue),
    interviews: { count: s.interviews.count, last: lastInterview(s, allTopics), averageCoverage: share(s.interviews.coverageSum, s.interviews.count) },
    drills: { ...s.drills },
    retention: retentionReport(s.reviews ?? {}, activity.map((a) => a.date), scheduling.retention),
  };
}

/** The last interview with its capstone's title (the event keeps the id: `capstone-eta-pricing` or `eta-pricing`). */
function lastInterview(s: ProgressSummary, topics: IndexTopic[]): ProgressJson['interviews']['last'] {
  const last = s.interviews.last;
  if (!last) return null;
  const topic = topics.find((t) => t.id === last.capstone || t.id === `capstone-${last.capstone}`);
  return { ...last, title: topic?.title ?? last.capstone };
}

/** Due reviews first; else the weakest practised topic below 70 %; else the next unstudied topic in outline order. */
function nextStep(topics: IndexTopic[], r: Record<string, TopicReport>, due: number): ProgressJson['next'] {
  if (due > 0) return { kind: 'review', text: `Review ${due} due card${due === 1 ? '' : 's'}`, command: 'study review' };
  const weak = topics.filter((t) => r[t.id]!.answered >= 3 && r[t.id]!.accuracy < 0.7).sort((a, b) => r[a.id]!.accuracy - r[b.id]!.accuracy)[0];
  if (weak) return { kind: 'strengthen', text: `Strengthen ${weak.number}. ${weak.title} (${Math.round(r[weak.id]!.accuracy * 100)}% right)`, command: `study quiz --topic ${weak.id}` };
  const fresh = topics.find((t) => r[t.id]!.answered === 0);
  if (fresh) return { kind: 'learn', text: `Learn ${fresh.number}. ${fresh.title}`, command: `study learn ${fresh.id}` };
  return { kind: 'done', text: 'Every topic practised: try a mock interview', command: 'study interview' };
}

/**
 * The `study progress --json` document: the quiz issue's shape, extended (never changed). As there,
 * `topics` lists practised topics only; `modules` covers everything.
 */
export function progressJson(index: CurriculumIndex, s: ProgressSummary, now: Date, scheduling?: Scheduling): ProgressJson {
  const r = progressReport(index, s, now, scheduling);
  return { ...r, topics: Object.fromEntries(Object.entries(r.topics).filter(([, t]) => t.answered > 0)) };
}
