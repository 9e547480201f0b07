/** The home screen's "Next up" when a plan is saved: today's planned work, in the order to do it. Pure. */
import type { Plan } from './plan.js';

export interface NextStep {
  kind: 'review' | 'learn' | 'interview' | 'done';
  text: string;
  command: string;
}

/**
 * Today's first planned item (reviews, then the mock interview, then new topics); undefined when
 * nothing is left today. The plan counts every review falling due by tonight; only the `dueNow`
 * cards can be reviewed now, so reviews lead only when some are due, and say how many.
 */
export function planNext(plan: Plan, titles: ReadonlyMap<string, string>, days: number, dueNow: number): NextStep | undefined {
  const today = plan.days[0];
  if (!today) return undefined;
  const left = `interview in ${days} day${days === 1 ? '' : 's'}`;
  const then = today.topics.length ? `, then learn ${today.topics.length === 1 ? titles.get(today.topics[0]!) ?? today.topics[0] : `${today.topics.length} topics`}` : '';
  const reviews = Math.min(today.reviews, dueNow);
  if (reviews > 0) return { kind: 'review', text: `Plan (${left}): review ${reviews} card${reviews === 1 ? '' : 's'}${then}`, command: 'study review' };
  // A capstone's title (its topic is `capstone-<id>`), not its id, where a person reads it.
  if (today.interview) return { kind: 'interview', text: `Plan (${left}): mock interview on ${titles.get(`capstone-${today.interview}`) ?? today.interview}`, command: `study interview ${today.interview}` };
  const first = today.topics[0];
  if (first) return { kind: 'learn', text: `Plan (${left}): learn ${titles.get(first) ?? first}${today.topics.length > 1 ? ` (+${today.topics.length - 1} more today)` : ''}`, command: `study learn ${first}` };
  return undefined;
}
