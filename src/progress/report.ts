/**
 * The numbers behind the home screen and `study progress`: totals, per module/section/topic
 * accuracy and mastery (FSRS retrievability), streak, 30-day activity, weakest topics, the next
 * thing to do, interview and drill summaries. Pure: progress, curriculum and `now` in.
 */
import type { Curriculum, Topic } from '../curriculum/schema.js';
import { allQuestions } from '../quiz/select.js';
import { retrievability } from '../review/fsrs.js';
import { dueCount } from '../review/queue.js';
import type { DrillEvent, InterviewEvent, Progress } from './model.js';
import { answerEvents, topicStats } from './stats.js';

export interface TopicReport {
  answered: number;
  correct: number;
  /** Share right, 0..1 (0 when unanswered). */
  accuracy: number;
  /** Mean FSRS retrievability over the topic's questions (unseen count as 0), 0..1. */
  mastery: number;
  lastPractised: string | null;
}

export interface ProgressJson {
  answered: number;
  correct: number;
  reviewsDue: number;
  topics: Record<string, TopicReport>;
  modules: {
    id: string;
    number: number;
    title: string;
    topics: number;
    topicsPractised: number;
    answered: number;
    accuracy: number;
    mastery: number;
    sections: { id: string; title: string; topics: number; topicsPractised: number; answered: number; accuracy: number; mastery: number }[];
  }[];
  streakDays: number;
  /** Answers per day for the last 30 days, oldest first (`date` is YYYY-MM-DD, local time). */
  activity: { date: string; answers: number }[];
  weakest: { id: string; title: string; accuracy: number; mastery: number; command: string }[];
  next: { kind: 'review' | 'strengthen' | 'learn' | 'done'; text: string; command: string };
  interviews: { count: number; last: { capstone: string; at: string; coverage: number } | null; averageCoverage: number };
  drills: { count: number; excellent: number; pass: number; miss: number };
}

/** Local calendar day of an instant, as YYYY-MM-DD. */
export function dayKey(d: Date): string {
  const y = d.getFullYear();
  const m = String(d.getMonth() + 1).padStart(2, '0');
  const day = String(d.getDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
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

export function progressReport(c: Curriculum, p: Progress, now: Date): ProgressJson {
  const answers = answerEvents(p);
  const stats = topicStats(p);
  const retention = p.settings.desiredRetention;
  const topicReport = (t: Topic): TopicReport => {
    const s = stats.get(t.id);
    const mastery = t.questions.length ? t.questions.reduce((sum, q) => sum + retrievability(p.cards[q.id], now, retention), 0) / t.questions.length : 0;
    return { answered: s?.answered ?? 0, correct: s?.correct ?? 0, accuracy: share(s?.correct ?? 0, s?.answered ?? 0), mastery, lastPractised: s?.lastAt ?? null };
  };
  const topics: Record<string, TopicReport> = {};
  for (const m of c.modules) for (const s of m.sections) for (const t of s.topics) topics[t.id] = topicReport(t);
  const roll = (ts: Topic[]) => {
    const rs = ts.map((t) => topics[t.id]!);
    const answered = rs.reduce((n, r) => n + r.answered, 0);
    const correct = rs.reduce((n, r) => n + r.correct, 0);
    return { topics: ts.length, topicsPractised: rs.filter((r) => r.answered > 0).length, answered, accuracy: share(correct, answered), mastery: share(rs.reduce((n, r) => n + r.mastery, 0), rs.length) };
  };
  const modules = c.modules.map((m) => ({
    id: m.id,
    number: m.number,
    title: m.title,
    ...roll(m.sections.flatMap((s) => s.topics)),
    sections: m.sections.map((s) => ({ id: s.id, title: s.title, ...roll(s.topics) })),
  }));

  const activeDays = new Set(p.events.map((e) => dayKey(new Date(e.at))));
  const perDay = new Map<string, number>();
  for (const a of answers) perDay.set(dayKey(new Date(a.at)), (perDay.get(dayKey(new Date(a.at))) ?? 0) + 1);
  const activity = Array.from({ length: 30 }, (_, i) => {
    const d = new Date(now);
    d.setDate(d.getDate() - (29 - i));
    return { date: dayKey(d), answers: perDay.get(dayKey(d)) ?? 0 };
  });

  const allTopics = c.modules.flatMap((m) => m.sections.flatMap((s) => s.topics));
  const weakest = allTopics
    .filter((t) => topics[t.id]!.answered > 0)
    .sort((a, b) => topics[a.id]!.accuracy - topics[b.id]!.accuracy || topics[a.id]!.mastery - topics[b.id]!.mastery)
    .slice(0, 5)
    .map((t) => ({ id: t.id, title: t.title, accuracy: topics[t.id]!.accuracy, mastery: topics[t.id]!.mastery, command: `study quiz --topic ${t.id}` }));

  const reviewsDue = dueCount(allQuestions(c), p.cards, now);
  const interviews = p.events.filter((e): e is InterviewEvent => e.type === 'interview');
  const drills = p.events.filter((e): e is DrillEvent => e.type === 'drill');
  const lastInterview = interviews[interviews.length - 1];
  return {
    answered: answers.length,
    correct: answers.filter((a) => a.correct).length,
    reviewsDue,
    topics,
    modules,
    streakDays: streak(activeDays, now),
    activity,
    weakest,
    next: nextStep(allTopics, topics, reviewsDue),
    interviews: {
      count: interviews.length,
      last: lastInterview ? { capstone: lastInterview.capstone, at: lastInterview.at, coverage: lastInterview.coverage } : null,
      averageCoverage: share(interviews.reduce((n, i) => n + i.coverage, 0), interviews.length),
    },
    drills: {
      count: drills.length,
      excellent: drills.filter((d) => d.grade === 'excellent').length,
      pass: drills.filter((d) => d.grade === 'pass').length,
      miss: drills.filter((d) => d.grade === 'miss').length,
    },
  };
}

/** Due reviews first; else the weakest practised topic below 70 %; else the next unstudied topic in outline order. */
function nextStep(topics: Topic[], r: Record<string, TopicReport>, due: number): ProgressJson['next'] {
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
export function progressJson(c: Curriculum, p: Progress, now: Date): ProgressJson {
  const r = progressReport(c, p, now);
  return { ...r, topics: Object.fromEntries(Object.entries(r.topics).filter(([, t]) => t.answered > 0)) };
}
