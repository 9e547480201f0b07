/**
 * The phase clock: a pure state machine over an injected monotonic clock (milliseconds, e.g.
 * `performance.now()`). Elapsed time is always computed as `now - startedAt - pausedMs`, never by
 * decrementing a counter, so it cannot drift however often it is read; time spent paused is not
 * counted. Functions return new states and never read the clock themselves.
 */

export interface Timer {
  /** Clock reading when the timer (virtually) started. */
  readonly startedAt: number;
  /** Total time spent paused, excluding a pause in progress. */
  readonly pausedMs: number;
  /** Clock reading when the current pause began; null while running. */
  readonly pausedAt: number | null;
}

/** A running timer started at `now`. */
export function startTimer(now: number): Timer {
  return { startedAt: now, pausedMs: 0, pausedAt: null };
}

/** A paused timer that has already run `elapsedMs` (restoring a saved phase). */
export function restoreTimer(elapsedMs: number, now: number): Timer {
  return { startedAt: now - Math.max(0, elapsedMs), pausedMs: 0, pausedAt: now };
}

export function isPaused(t: Timer): boolean {
  return t.pausedAt !== null;
}

/** Pausing a paused timer changes nothing. */
export function pauseTimer(t: Timer, now: number): Timer {
  return t.pausedAt !== null ? t : { ...t, pausedAt: now };
}

/** Resuming a running timer changes nothing. */
export function resumeTimer(t: Timer, now: number): Timer {
  return t.pausedAt === null ? t : { ...t, pausedMs: t.pausedMs + Math.max(0, now - t.pausedAt), pausedAt: null };
}

/** Time counted so far: now − start − paused (frozen while paused). */
export function elapsedMs(t: Timer, now: number): number {
  const end = t.pausedAt ?? now;
  return Math.max(0, end - t.startedAt - t.pausedMs);
}

/** How the clock should look: plenty of time, the last 20 % (amber), or at/after zero (red). */
export type ClockLevel = 'normal' | 'amber' | 'red';

/** Share of the phase left at which the clock turns amber. */
export const AMBER_SHARE = 0.2;

export interface ClockView {
  elapsedMs: number;
  /** Time left, 0 once the plan is used up. */
  remainingMs: number;
  /** Time beyond the plan, 0 before it is used up. */
  overtimeMs: number;
  level: ClockLevel;
  /** "4:59" counting down, "0:00" at zero, then "+1:23" counting overtime. */
  label: string;
  paused: boolean;
}

/** The clock of a phase planned to last `plannedMs`, read at `now`. */
export function readClock(t: Timer, plannedMs: number, now: number): ClockView {
  const elapsed = elapsedMs(t, now);
  const left = plannedMs - elapsed;
  const level: ClockLevel = left <= 0 ? 'red' : left <= AMBER_SHARE * plannedMs ? 'amber' : 'normal';
  // Count down in whole seconds rounded up, so the clock shows 5:00 at the start and 0:00 exactly at zero.
  const label = left > 0 ? mmss(Math.ceil(left / 1000)) : elapsed - plannedMs < 1000 ? '0:00' : `+${mmss(Math.floor((elapsed - plannedMs) / 1000))}`;
  return { elapsedMs: elapsed, remainingMs: Math.max(0, left), overtimeMs: Math.max(0, -left), level, label, paused: isPaused(t) };
}

/** Whole seconds as "m:ss" (minutes are not wrapped into hours: "75:00"). */
export function mmss(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
