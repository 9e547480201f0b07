import { describe, expect, it } from 'vitest';
import { decodeConfig, effectiveRetention, encodeConfig, findSetting, parseDay, parseRetention, schedulingOf, SETTINGS } from '../../src/config/settings.js';
import { retentionReport, tallyReviews } from '../../src/progress/retention.js';

describe('settings', () => {
  it.each([
    ['retention', '0.85', 0.85],
    ['retention', '92%', 0.92],
    ['interview-minutes', '60', 60],
    ['new-topics-per-day', '4', 4],
    ['pager', 'OFF', 'off'],
    ['color', 'never', 'never'],
    ['plan.interview', '2027-01-15', '2027-01-15'],
    ['plan.minutes-per-day', '90', 90],
  ])('%s accepts %s', (key, raw, value) => {
    expect(findSetting(key)!.parse(raw)).toEqual({ ok: true, value });
  });

  it.each([
    ['retention', '0.5', 'a fraction from 0.70 to 0.99 (or 70% to 99%)'],
    ['retention', '1', 'a fraction from 0.70 to 0.99 (or 70% to 99%)'],
    ['retention', 'NaN', 'a fraction from 0.70 to 0.99 (or 70% to 99%)'],
    ['interview-minutes', '30', 'one of 45, 60'],
    ['new-topics-per-day', '0', 'a whole number from 1 to 10'],
    ['new-topics-per-day', '2.5', 'a whole number from 1 to 10'],
    ['pager', 'less', 'one of auto, off'],
    ['color', 'yes', 'one of auto, always, never'],
    ['plan.interview', '2027-02-30', 'a day that exists: 2027-02 has 28 days'],
    ['plan.minutes-per-day', '5', 'a whole number from 10 to 600'],
  ])('%s refuses %s, saying what is accepted', (key, raw, accepted) => {
    expect(findSetting(key)!.parse(raw)).toEqual({ ok: false, accepted });
  });

  it('round-trips through the file format and refuses newer or damaged files', () => {
    let c = decodeConfig('{"version":1}');
    expect(c.ok).toBe(true);
    let cfg = c.ok ? c.config : { version: 1 };
    for (const s of SETTINGS) {
      const v = s.parse(String(s.key === 'plan.interview' ? '2027-01-15' : s.default));
      if (v.ok && !s.needs?.(cfg)) cfg = s.set(cfg, v.value);
    }
    cfg = findSetting('plan.minutes-per-day')!.set(cfg, 45);
    c = decodeConfig(encodeConfig(cfg));
    expect(c).toEqual({ ok: true, config: { version: 1, desiredRetention: 0.9, interviewMinutes: 45, dailyNewTopics: 3, pager: 'auto', color: 'auto', plan: { interview: '2027-01-15', minutesPerDay: 45 } } });
    expect(decodeConfig('{"version":2}')).toMatchObject({ ok: false, message: expect.stringMatching(/newer study/) });
    expect(decodeConfig('{"version":1,"desiredRetention":3}')).toMatchObject({ ok: false, message: expect.stringMatching(/^desiredRetention:/) });
    expect(decodeConfig('nope')).toMatchObject({ ok: false });
    expect(findSetting('plan.minutes-per-day')!.needs!({ version: 1 })).toMatch(/plan.interview first/);
    expect(findSetting('plan.interview')!.set({ version: 1, plan: { interview: '2027-01-15', minutesPerDay: 60 } }, undefined)).toEqual({ version: 1 });
  });

  it('takes retention from the settings, else from where older builds saved it (the progress file)', () => {
    expect(effectiveRetention({ version: 1 }, undefined)).toBe(0.9);
    expect(effectiveRetention({ version: 1 }, 0.8)).toBe(0.8);
    expect(effectiveRetention({ version: 1, desiredRetention: 0.95 }, 0.8)).toBe(0.95);
    const parameters = Array.from({ length: 21 }, () => 0.5);
    expect(schedulingOf({ version: 1, fsrs: { parameters, fittedAt: '2026-12-01T00:00:00Z', reviews: 1000, before: { logLoss: 0.4, rmse: 0.05 }, after: { logLoss: 0.3, rmse: 0.04 } } }, 0.85)).toEqual({ retention: 0.85, parameters });
    expect(parseRetention(' 0.9 ')).toEqual({ ok: true, value: 0.9 });
    expect(parseDay('1999-01-01').ok).toBe(false);
  });
});

describe('measured retention', () => {
  const a = (q: string, at: string, rating: number, cram = false) => ({ type: 'answer', at, questionId: q, rating, cram });
  const tally = tallyReviews([
    a('x', '2026-11-01T10:00:00Z', 3), // first answer: not a review
    a('x', '2026-11-01T10:05:00Z', 3), // same day: learning, not a review
    a('x', '2026-11-02T12:00:00Z', 3), // 1 d, recalled
    a('x', '2026-11-06T12:00:00Z', 1), // 4 d, forgotten
    a('y', '2026-10-01T12:00:00Z', 3),
    a('y', '2026-10-31T12:00:00Z', 4), // 30 d, recalled
    a('y', '2026-11-20T12:00:00Z', 1, true), // cram: not counted
  ]);

  it('counts answers a day or more after the previous one, by interval bucket', () => {
    const days = Array.from({ length: 40 }, (_, i) => new Date(Date.UTC(2026, 9, 25 + i, 12)).toISOString().slice(0, 10));
    const r = retentionReport(tally, days, 0.9);
    expect(r.target).toBe(0.9);
    expect(r.reviews).toBe(3);
    expect(r.measured).toBeCloseTo(2 / 3);
    expect(r.buckets).toEqual([
      { interval: '1 d', reviews: 1, measured: 1 },
      { interval: '2-6 d', reviews: 1, measured: 0 },
      { interval: '7-20 d', reviews: 0, measured: null },
      { interval: '21+ d', reviews: 1, measured: 1 },
    ]);
  });

  it('says null, not NaN, with no reviews in the window', () => {
    expect(retentionReport(tally, ['2025-01-01'], 0.85)).toMatchObject({ target: 0.85, measured: null, reviews: 0 });
  });
});
