/**
 * The study plan toward an interview date. Orders the topics not yet learned, then walks the days
 * from today to the eve of the interview, simulating FSRS: each day first takes the reviews that
 * fall due (most overdue first), then a mock interview on its days, then new topics, never beyond
 * the daily budget. Finally it pulls forward the cards whose recall on the interview morning would
 * be below the target, onto the latest days with room. Pure: state, dates and settings in.
 *
 * Assumptions (stated in the README): a review takes {@link COST.review} minute and is answered
 * "Good"; a new topic is its lesson plus one answer per question; a mock interview is its length
 * plus a debrief.
 */
import { GAP_PREFIX } from '../interview/cards.js';
import type { CurriculumIndex, IndexTopic } from '../curriculum/index.js';
import type { StoredCard } from '../progress/model.js';
import { RATING, retrievability, review, type Scheduling } from '../review/fsrs.js';
import { addDays, daysBetween, endOfDay, interviewTime, sessionTime } from './dates.js';

/** Minutes each kind of work is planned to take. */
export const COST = { review: 1, lesson: 10, perQuestion: 1, debrief: 15 } as const;

export interface PlanInput {
  index: CurriculumIndex;
  /** Per topic id: answers so far (a topic with any is "learned" and not planned again). */
  topics: Readonly<Record<string, { answered: number; correct: number }>>;
  cards: Readonly<Record<string, StoredCard>>;
  /** Today, local calendar day (YYYY-MM-DD). */
  today: string;
  /** The interview day (YYYY-MM-DD), at least 2 days after today (see checkInterviewDay). */
  interview: string;
  minutesPerDay: number;
  newTopicsPerDay: number;
  interviewMinutes: 45 | 60;
  /** Target retention and FSRS parameters. */
  scheduling: Scheduling;
  /** Minutes already studied today: today's budget is what is left of it. */
  spentToday?: number;
}

export interface PlanDay {
  date: string;
  /** Planned minutes (never above the budget). */
  minutes: number;
  /** Ids of the new topics to learn that day, in order. */
  topics: string[];
  /** Reviews that day: due cards plus cards pulled forward. */
  reviews: number;
  /** Short id of the capstone for a mock interview that day, or null. */
  interview: string | null;
}

export interface Plan {
  interview: string;
  /** Mean predicted recall on the interview morning over every question (unlearned count 0). */
  predictedRetention: number;
  days: PlanDay[];
  /** Of those, reviews pulled forward so the card is above the target on the day. */
  pulledForward: number;
  /** Topics that did not fit before the interview, in plan order. */
  unplanned: string[];
  /** Cards (learned or planned) still below the target on the interview morning. */
  belowTarget: number;
  /** Questions in the curriculum. */
  cards: number;
  /** Minutes a mock interview needs (interview plus debrief). */
  mockMinutes: number;
  /**
   * The first topic left (capstones aside, which are taken as they fit) when it needs more than a
   * whole day's budget: topics go in order, so it holds back every one after it.
   */
  blockedBy?: { topic: string; minutes: number };
}

/**
 * "Good" at `at`, memoised on the card's full state: cards learned together and answered alike
 * stay identical, so most simulated reviews repeat one already computed.
 */
function reviewer(s: Scheduling): (c: StoredCard | undefined, at: Date) => StoredCard {
  const memo = new Map<string, StoredCard>();
  return (c, at) => {
    const key = c ? `${c.state}|${c.stability}|${c.difficulty}|${c.due}|${c.last_review}|${c.reps}|${c.lapses}|${c.learning_steps}|${c.elapsed_days}|${c.scheduled_days}|${at.getTime()}` : `new|${at.getTime()}`;
    let next = memo.get(key);
    if (!next) {
      next = review(c, RATING.good, at, s);
      memo.set(key, next);
    }
    return next;
  };
}

export const isCapstone = (t: IndexTopic) => t.id.startsWith('capstone-');
export const topicMinutes = (t: IndexTopic) => COST.lesson + COST.perQuestion * t.questionIds.length;

/**
 * Topics not yet learned, in plan order. Within a module, outline order (a topic builds on those
 * before it). Modules already started come first, weakest (lowest share right) first; the modules
 * not started follow in outline order, since each builds on the ones before it.
 */
export function orderTopics(index: CurriculumIndex, topics: PlanInput['topics']): IndexTopic[] {
  const mods = index.modules.map((m, i) => {
    const all = m.sections.flatMap((s) => s.topics);
    const seen = all.map((t) => topics[t.id]).filter((s) => s && s.answered > 0);
    const answered = seen.reduce((n, s) => n + s!.answered, 0);
    const correct = seen.reduce((n, s) => n + s!.correct, 0);
    return { i, started: seen.length > 0, score: answered ? correct / answered : 0, pending: all.filter((t) => !(topics[t.id]?.answered)) };
  });
  const started = mods.filter((m) => m.started).sort((a, b) => a.score - b.score || a.i - b.i);
  const fresh = mods.filter((m) => !m.started);
  return [...started, ...fresh].flatMap((m) => m.pending);
}

export function buildPlan(input: PlanInput): Plan {
  const { index, today, interview, minutesPerDay, scheduling } = input;
  const n = daysBetween(today, interview);
  const lastThird = Math.floor((n * 2) / 3);
  const mockMinutes = input.interviewMinutes + COST.debrief;
  const capstoneIds = index.modules.flatMap((m) => m.sections.flatMap((s) => s.topics)).filter(isCapstone).map((t) => t.id.replace(/^capstone-/, ''));
  const allIds = index.modules.flatMap((m) => m.sections.flatMap((s) => s.topics.flatMap((t) => t.questionIds)));
  // Cards of questions no longer in the curriculum are not planned; a mock interview's gap cards
  // are (study review takes them first), though recall on the day is measured over the questions.
  const gapIds = Object.keys(input.cards).filter((id) => id.startsWith(GAP_PREFIX));
  const cards = new Map<string, StoredCard>([...allIds, ...gapIds].filter((q) => input.cards[q]).map((q) => [q, input.cards[q]!]));
  /** Due instants (ms), kept beside the cards so each day's scan does not parse dates. */
  const dueAt = new Map<string, number>([...cards].map(([id, c]) => [id, Date.parse(c.due)]));
  // Cards by the plan day they fall due on (day 0 holds the overdue ones); unreviewed ones carry over.
  const byDay: string[][] = Array.from({ length: n }, () => []);
  /** Files a card under the day it falls due, not before `from` (a card is reviewed at most once a day). */
  const file = (id: string, from: number) => {
    const d = Math.max(from, Math.ceil((dueAt.get(id)! - endOfDay(today)) / 86_400_000));
    if (d < n) byDay[d]!.push(id);
  };
  for (const id of dueAt.keys()) file(id, 0);
  let carried: string[] = [];
  /** The day of each card's last (real or simulated) review, for the pull-forward pass. */
  const lastDay = new Map<string, string>();
  const pending = orderTopics(index, input.topics);
  const good = reviewer(scheduling);
  const days: (PlanDay & { spare: number })[] = [];
  const mockCount = new Map<string, number>();
  const learnedCapstones = new Set(capstoneIds.filter((id) => (input.topics[`capstone-${id}`]?.answered ?? 0) > 0));
  for (let d = 0; d < n; d++) {
    const date = addDays(today, d);
    const at = sessionTime(date);
    const budget = d === 0 ? Math.max(0, minutesPerDay - (input.spentToday ?? 0)) : minutesPerDay;
    let spare = budget;
    // Mock interviews in the last third, every third day from its start and on the eve of the
    // interview; they come before reviews that day (a review can wait a day, the slot cannot).
    let mock: string | null = null;
    const mockDay = d > lastThird && ((d - lastThird - 1) % 3 === 0 || d === n - 1);
    if (mockDay && capstoneIds.length && spare >= mockMinutes) {
      // Capstones whose lesson is done come first, least-practised first.
      const ready = capstoneIds.filter((id) => learnedCapstones.has(id));
      const pool = ready.length ? ready : capstoneIds;
      mock = [...pool].sort((a, b) => (mockCount.get(a) ?? 0) - (mockCount.get(b) ?? 0))[0]!;
      mockCount.set(mock, (mockCount.get(mock) ?? 0) + 1);
      spare -= mockMinutes;
    }
    const due = [...carried, ...byDay[d]!].sort((a, b) => dueAt.get(a)! - dueAt.get(b)!);
    let reviews = 0;
    carried = [];
    for (const [k, id] of due.entries()) {
      if (spare < COST.review) {
        carried = due.slice(k);
        break;
      }
      const next = good(cards.get(id), at);
      cards.set(id, next);
      dueAt.set(id, Date.parse(next.due));
      file(id, d + 1);
      lastDay.set(id, date);
      spare -= COST.review;
      reviews++;
    }
    // From the last third on, the capstone lessons go before the topics still waiting: they are the
    // worked designs the mock interviews rehearse, and a short plan would otherwise never reach them.
    if (d === lastThird) pending.sort((a, b) => Number(isCapstone(b)) - Number(isCapstone(a)));
    const learned: string[] = [];
    for (let k = 0; k < pending.length && learned.length < input.newTopicsPerDay; ) {
      const t = pending[k]!;
      const cost = topicMinutes(t);
      // Capstones wait for the last third; the next topic in order may still fit.
      if ((isCapstone(t) && d < lastThird) || cost > spare) {
        if (isCapstone(t)) {
          k++;
          continue;
        }
        break;
      }
      pending.splice(k, 1);
      for (const q of t.questionIds) {
        const next = good(cards.get(q), at);
        cards.set(q, next);
        dueAt.set(q, Date.parse(next.due));
        file(q, d + 1);
        lastDay.set(q, date);
      }
      learned.push(t.id);
      if (isCapstone(t)) learnedCapstones.add(t.id.replace(/^capstone-/, ''));
      spare -= cost;
    }
    days.push({ date, minutes: budget - spare, topics: learned, reviews, interview: mock, spare });
  }
  const pulledForward = pullForward(days, cards, lastDay, interview, scheduling, good);
  const when = interviewTime(interview);
  const recall = allIds.map((q) => retrievability(cards.get(q), when, scheduling));
  const belowTarget = allIds.filter((q, i) => cards.has(q) && recall[i]! < scheduling.retention).length;
  return {
    interview,
    predictedRetention: allIds.length ? recall.reduce((a, b) => a + b, 0) / allIds.length : 0,
    days: days.map(({ spare: _spare, ...day }) => ({ ...day, minutes: Math.round(day.minutes) })),
    pulledForward,
    unplanned: pending.map((t) => t.id),
    belowTarget,
    cards: allIds.length,
    mockMinutes,
    ...blocker(pending.find((t) => !isCapstone(t)), minutesPerDay),
  };
}

function blocker(t: IndexTopic | undefined, minutesPerDay: number): { blockedBy?: { topic: string; minutes: number } } {
  return t && topicMinutes(t) > minutesPerDay ? { blockedBy: { topic: t.id, minutes: topicMinutes(t) } } : {};
}

/**
 * Cards whose recall on the interview morning would fall below the target get one more review on
 * the latest day after their last one that still has room (weakest first). Returns how many.
 */
function pullForward(days: (PlanDay & { spare: number })[], cards: Map<string, StoredCard>, lastDay: Map<string, string>, interview: string, s: Scheduling, good: ReturnType<typeof reviewer>): number {
  const when = interviewTime(interview);
  const weak = [...cards]
    .map(([id, c]) => ({ id, r: retrievability(c, when, s) }))
    .filter((x) => x.r < s.retention)
    .sort((a, b) => a.r - b.r || (a.id < b.id ? -1 : 1));
  let pulled = 0;
  for (const { id } of weak) {
    const after = lastDay.get(id);
    const day = [...days].reverse().find((d) => d.spare >= COST.review && (after === undefined || d.date > after));
    if (!day) continue;
    cards.set(id, good(cards.get(id), sessionTime(day.date)));
    lastDay.set(id, day.date);
    day.spare -= COST.review;
    day.minutes += COST.review;
    day.reviews++;
    pulled++;
  }
  return pulled;
}
