/**
 * Calendar days as `YYYY-MM-DD` strings and the arithmetic the planner needs. A day's instants
 * are taken in UTC (noon for a study session, 09:00 for the interview): the plan counts days, and
 * an hour of time-zone skew does not move an FSRS prediction. Pure.
 */

const DAY_MS = 86_400_000;

/** Days since the epoch of a `YYYY-MM-DD` string. */
export function dayNumber(day: string): number {
  return Math.floor(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS);
}

export function dayString(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** `day` + `n` days. */
export function addDays(day: string, n: number): string {
  return dayString(dayNumber(day) + n);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The instant of the day's study session (12:00 UTC). */
export function sessionTime(day: string): Date {
  return new Date(dayNumber(day) * DAY_MS + 12 * 3_600_000);
}

/** The instant the interview is taken to start (09:00 UTC on its day). */
export function interviewTime(day: string): Date {
  return new Date(dayNumber(day) * DAY_MS + 9 * 3_600_000);
}

/** The last instant of a day (23:59:59.999 UTC): cards due before it are due that day. */
export function endOfDay(day: string): number {
  return (dayNumber(day) + 1) * DAY_MS - 1;
}

/** The least notice a plan needs: today and at least one more study day before the interview. */
export const MIN_DAYS_AHEAD = 2;

/** The furthest a plan looks ahead (a day-by-day calendar beyond a year helps no one). */
export const MAX_DAYS_AHEAD = 366;

/** Why `interview` cannot be planned for from `today` (undefined when it can). */
export function checkInterviewDay(interview: string, today: string): string | undefined {
  const d = daysBetween(today, interview);
  if (d < 0) return `${interview} is in the past (today is ${today}); give the date of an interview still ahead`;
  if (d < MIN_DAYS_AHEAD) return `${interview} is ${d === 0 ? 'today' : 'tomorrow'}: a plan needs the interview at least ${MIN_DAYS_AHEAD} days away (${addDays(today, MIN_DAYS_AHEAD)} or later); for a last-minute refresh use study review --cram`;
  if (d > MAX_DAYS_AHEAD) return `${interview} is ${d} days away: a plan covers up to ${MAX_DAYS_AHEAD} days (until ${addDays(today, MAX_DAYS_AHEAD)}); plan from a date closer to the interview`;
  return undefined;
}
