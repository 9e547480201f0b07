/** The study plan as a calendar: one line per day with its load, then what the plan predicts. Pure. */
import type { Plan } from '../../plan/plan.js';
import { stripAnsi, type Theme } from '../plain.js';
import { bar, contentWidth, keep, plural, wrap } from '../text.js';

const pct = (f: number) => `${Math.round(f * 100)}%`;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const weekday = (day: string) => WEEKDAYS[new Date(`${day}T12:00:00Z`).getUTCDay()]!;

export interface PlanView {
  plan: Plan;
  today: string;
  minutesPerDay: number;
  newTopicsPerDay: number;
  target: number;
  personalParameters: boolean;
  /** Topic id → title (sanitised). */
  titles: ReadonlyMap<string, string>;
  /** Capstone short id → title (sanitised). */
  capstones: ReadonlyMap<string, string>;
  /** Minutes already studied today (counted against today's budget). */
  spentToday: number;
  /** False under --no-save (the default is saved). */
  saved?: boolean;
  /** Under --no-save: the interview date of the plan that stays saved, if any. */
  previous?: string;
}

export function renderPlan(v: PlanView, t: Theme, columns = 80): string {
  const width = contentWidth(columns);
  const { plan } = v;
  const out: string[] = [];
  out.push(t.heading(wrap(`Study plan — interview on ${keep(`${weekday(plan.interview)} ${plan.interview}`)} (${keep(plural(plan.days.length, 'study day'))} left, today included)`, width)));
  out.push(t.dim(wrap(`${keep(`${v.minutesPerDay} min`)} a day · up to ${keep(plural(v.newTopicsPerDay, 'new topic'))} a day · target retention ${pct(v.target)} · FSRS parameters: ${v.personalParameters ? 'your own' : 'the defaults'}`, width)));
  if (v.spentToday > 0) out.push(t.dim(wrap(`Today already has about ${keep(`${Math.round(v.spentToday)} min`)} of answers; the rest of the budget is planned.`, width)));
  out.push('');
  const barWidth = width >= 80 ? 10 : 6;
  for (const d of plan.days) {
    const head = `${weekday(d.date)} ${d.date.slice(5)}  ${String(d.minutes).padStart(3)} min ${t.accent(bar(d.minutes / Math.max(1, v.minutesPerDay), barWidth))}  `;
    const parts: string[] = [];
    if (d.reviews) parts.push(plural(d.reviews, 'review'));
    if (d.interview) parts.push(`mock interview: ${v.capstones.get(d.interview) ?? d.interview}`);
    if (d.topics.length) parts.push(`learn ${d.topics.map((id) => v.titles.get(id) ?? id).join('; ')}`);
    const indent = ' '.repeat(stripAnsi(head).length);
    out.push(wrap(parts.length ? parts.join(' · ') : t.dim('rest (nothing due)'), width, head, indent));
  }
  out.push('');
  const onDay = `Predicted recall on ${plan.interview}: ${t.bold(pct(plan.predictedRetention))} of all ${keep(`${plan.cards} questions`)} (target ${pct(v.target)})`;
  out.push(wrap(onDay, width));
  if (plan.pulledForward) out.push(wrap(`${keep(plural(plan.pulledForward, 'review'))} pulled forward so those cards are above ${pct(v.target)} on the day.`, width));
  if (plan.belowTarget) out.push(t.warn(wrap(`${keep(plural(plan.belowTarget, 'card'))} will still be below ${pct(v.target)} on the day: there was no room left after their last review.`, width)));
  const names = plan.unplanned.slice(0, 3).map((id) => v.titles.get(id) ?? id).join('; ');
  const more = plan.unplanned.length > 3 ? ` and ${plan.unplanned.length - 3} more` : '';
  // Topics go in order: one that needs more than a day's budget holds back all after it, and more
  // topics a day cannot help then; the budget it needs can.
  const blocking = plan.blockedBy ? Math.ceil(plan.blockedBy.minutes) : undefined;
  if (plan.blockedBy && blocking !== undefined) {
    const next = v.titles.get(plan.blockedBy.topic) ?? plan.blockedBy.topic;
    out.push(t.warn(wrap(`${next} needs ${keep(`${blocking} min`)} (its lesson and one answer per question), more than ${keep(`${v.minutesPerDay} min`)} a day, and the topics after it wait for it: ${keep(plural(plan.unplanned.length, 'topic'))} do not fit before the interview (${names}${more}). Raise ${keep(`--minutes-per-day to at least ${blocking}`)}.`, width)));
  } else if (plan.unplanned.length) {
    out.push(t.warn(wrap(`${keep(plural(plan.unplanned.length, 'topic'))} do not fit before the interview (${names}${more}): raise --minutes-per-day or study more topics a day (${keep('study config set new-topics-per-day N')}).`, width)));
  }
  if (!plan.days.some((d) => d.interview) && plan.mockMinutes > v.minutesPerDay) {
    out.push(t.warn(wrap(`No mock interviews: one needs ${keep(`${plan.mockMinutes} min`)} in a day (interview and debrief); raise ${keep(`--minutes-per-day to at least ${plan.mockMinutes}`)}.`, width)));
  }
  out.push(
    t.dim(
      wrap(
        v.saved === false
          ? `Not saved (--no-save): the home screen keeps ${v.previous ? `its plan for ${keep(v.previous)}` : 'no plan'}. Save this one with ${keep(`study plan --interview ${plan.interview}`)}.`
          : `Saved: the home screen's "Next up" follows this plan. Missed a day? Run ${keep('study plan')} again to re-plan from today; ${keep('study config unset plan.interview')} drops it.`,
        width,
      ),
    ),
  );
  return `${out.join('\n')}\n`;
}
