/**
 * What `study plan` and the home screen share: the scheduling in force (config, else the value
 * older builds kept in the progress file) and the plan computed from the saved settings, the
 * progress summary and today's date.
 */
import type { CurriculumIndex } from '../curriculum/index.js';
import { DEFAULTS, schedulingOf, type Config } from '../config/settings.js';

export { schedulingOf };
import { buildPlan, type Plan } from '../plan/plan.js';
import { daysBetween } from '../plan/dates.js';
import { planNext, type NextStep } from '../plan/next.js';
import { COST } from '../plan/plan.js';
import { dayKey, type ProgressSummary } from '../progress/summary.js';
import { sanitizeLine } from '../sanitize.js';

/** Minutes of answers already given today (one minute each), counted against today's budget. */
export function spentToday(s: ProgressSummary, now: Date): number {
  return (s.answersPerDay[dayKey(now)] ?? 0) * COST.perQuestion;
}

export function computePlan(index: CurriculumIndex, s: ProgressSummary, c: Config, now: Date, interview: string, minutesPerDay: number): Plan {
  const today = dayKey(now);
  const plan = buildPlan({
    index,
    topics: s.topics,
    cards: s.cards,
    today,
    interview,
    minutesPerDay,
    newTopicsPerDay: c.dailyNewTopics ?? DEFAULTS.dailyNewTopics,
    interviewMinutes: c.interviewMinutes ?? DEFAULTS.interviewMinutes,
    scheduling: schedulingOf(c, s.desiredRetention),
    spentToday: spentToday(s, now),
  });
  return plan;
}

export function topicTitles(index: CurriculumIndex): Map<string, string> {
  return new Map(index.modules.flatMap((m) => m.sections.flatMap((sec) => sec.topics.map((t) => [t.id, sanitizeLine(t.title)] as const))));
}

/** The home screen's next step from the saved plan, if one is saved and still ahead; `dueNow`: reviews due at this moment. */
export function plannedNext(index: CurriculumIndex, s: ProgressSummary, c: Config, now: Date, dueNow: number): NextStep | undefined {
  if (!c.plan) return undefined;
  const today = dayKey(now);
  const days = daysBetween(today, c.plan.interview);
  if (days < 1) return undefined;
  const plan = computePlan(index, s, c, now, c.plan.interview, c.plan.minutesPerDay);
  return planNext(plan, topicTitles(index), days, dueNow);
}
