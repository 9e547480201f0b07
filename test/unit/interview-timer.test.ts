/** The phase clock as a pure state machine over a fake monotonic clock. */
import { describe, expect, it } from 'vitest';
import { elapsedMs, mmss, pauseTimer, readClock, restoreTimer, resumeTimer, startTimer, type Timer } from '../../src/interview/timer.js';

const MIN = 60_000;

describe('phase timer', () => {
  it('does not drift over 60 simulated minutes read every second', () => {
    const t = startTimer(1_000_000);
    let now = 1_000_000;
    for (let i = 0; i < 3600; i++) {
      now += 1000;
      readClock(t, 60 * MIN, now);
    }
    const v = readClock(t, 60 * MIN, now);
    expect(v.elapsedMs).toBe(60 * MIN);
    expect(v.label).toBe('0:00');
    expect(v.level).toBe('red');
  });

  it('does not count paused time, however the pauses fall', () => {
    let t: Timer = startTimer(0);
    t = pauseTimer(t, 10 * MIN);
    expect(elapsedMs(t, 25 * MIN)).toBe(10 * MIN); // frozen while paused
    t = resumeTimer(t, 25 * MIN);
    t = pauseTimer(t, 30 * MIN);
    t = pauseTimer(t, 31 * MIN); // a second pause changes nothing
    t = resumeTimer(t, 40 * MIN);
    t = resumeTimer(t, 41 * MIN); // resuming a running timer changes nothing
    expect(elapsedMs(t, 60 * MIN)).toBe(35 * MIN);
    expect(readClock(t, 45 * MIN, 60 * MIN).label).toBe('10:00');
  });

  it.each([
    // elapsed ms of a 5-minute phase, label, level
    [0, '5:00', 'normal'],
    [1, '5:00', 'normal'],
    [999, '5:00', 'normal'],
    [1000, '4:59', 'normal'],
    [239_999, '1:01', 'normal'],
    [240_000, '1:00', 'amber'], // exactly 20 % left
    [299_001, '0:01', 'amber'],
    [300_000, '0:00', 'red'],
    [300_999, '0:00', 'red'],
    [301_000, '+0:01', 'red'],
    [383_000, '+1:23', 'red'],
    [300_000 + 61 * MIN, '+61:00', 'red'],
  ] as const)('after %i ms of a 5-minute phase shows %s (%s)', (elapsed, label, level) => {
    const v = readClock(startTimer(0), 5 * MIN, elapsed);
    expect([v.label, v.level]).toEqual([label, level]);
    expect(v.remainingMs + elapsed - v.overtimeMs).toBe(5 * MIN);
  });

  it('restores a saved phase paused, and continues from where it stopped', () => {
    let t = restoreTimer(4 * MIN, 123_456);
    expect(readClock(t, 5 * MIN, 999_999)).toMatchObject({ elapsedMs: 4 * MIN, paused: true, level: 'amber', label: '1:00' });
    t = resumeTimer(t, 999_999);
    expect(readClock(t, 5 * MIN, 999_999 + 2 * MIN)).toMatchObject({ label: '+1:00', level: 'red', overtimeMs: MIN, paused: false });
  });

  it('never reports negative time for a clock that goes backwards', () => {
    expect(elapsedMs(startTimer(1000), 500)).toBe(0);
  });

  it.each([
    [0, '0:00'],
    [59, '0:59'],
    [60, '1:00'],
    [3599, '59:59'],
    [3600, '60:00'],
  ])('formats %i s as %s', (s, text) => expect(mmss(s)).toBe(text));
});
