import { describe, expect, it } from 'vitest';
import * as binding from '@open-spaced-repetition/binding';
import { DEFAULT_PARAMETERS, MIN_REVIEWS, optimize, reviewSequences, type OptimizerBinding } from '../../src/review/optimize.js';
import { reviewRecords } from '../../src/cli/review-optimize.js';
import { syntheticHistory } from '../fixtures/synthetic-history.js';

const utcDay = (iso: string) => Math.floor(Date.parse(iso) / 86_400_000);
const b = binding as unknown as OptimizerBinding;

describe('FSRS optimizer', () => {
  const history = syntheticHistory({ seed: 42, cards: 240, perCard: 10 });
  const records = reviewRecords(history);

  it('turns answers into per-card sequences with days since the previous review', () => {
    const seqs = reviewSequences(
      [
        { card: 'a', rating: 3, at: '2026-01-01T10:00:00Z' },
        { card: 'b', rating: 1, at: '2026-01-01T11:00:00Z' },
        { card: 'a', rating: 3, at: '2026-01-04T09:00:00Z' },
        { card: 'a', rating: 2, at: '2026-01-04T20:00:00Z' },
      ],
      utcDay,
    );
    expect(seqs).toEqual([
      [{ rating: 3, deltaT: 0 }, { rating: 3, deltaT: 3 }, { rating: 2, deltaT: 0 }],
      [{ rating: 1, deltaT: 0 }],
    ]);
  });

  it('fits 21 parameters to a synthetic history of 2,000+ reviews, better than the defaults on both metrics', async () => {
    expect(records.length).toBeGreaterThanOrEqual(2000);
    const seen: number[] = [];
    const r = await optimize(b, records, utcDay, (f) => seen.push(f));
    expect(r.reviews).toBe(records.length);
    expect(r.parameters).toHaveLength(21);
    expect(r.parameters.every(Number.isFinite)).toBe(true);
    expect(r.parameters).not.toEqual([...DEFAULT_PARAMETERS]);
    // The simulated learner forgets new cards faster than the defaults assume: the fit finds it.
    expect(r.parameters[2]!).toBeLessThan(DEFAULT_PARAMETERS[2]!);
    for (const m of [r.before, r.after]) {
      expect(m.logLoss).toBeGreaterThan(0);
      expect(m.logLoss).toBeLessThan(1);
      expect(m.rmse).toBeGreaterThan(0);
      expect(m.rmse).toBeLessThan(0.5);
    }
    expect(r.after.logLoss).toBeLessThan(r.before.logLoss);
    expect(r.after.rmse).toBeLessThan(r.before.rmse);
    expect(r.better).toBe(true);
    // The binding reports progress from its worker thread when it gets round to it (a fast fit may
    // finish first), so only the values are checked, not that any arrived.
    expect(seen.every((f) => f >= 0 && f <= 1)).toBe(true);
  });

  it('does not call parameters better when they predict worse', async () => {
    // The real evaluator, but a "fit" that returns deliberately poor parameters.
    const worse = DEFAULT_PARAMETERS.map((w, i) => (i < 4 ? w * 40 : w));
    const rigged: OptimizerBinding = { ...b, FSRSBinding: b.FSRSBinding, FSRSBindingItem: b.FSRSBindingItem, FSRSBindingReview: b.FSRSBindingReview, computeParameters: async () => worse };
    const r = await optimize(rigged, records, utcDay);
    expect(r.parameters).toEqual(worse);
    expect(r.after.logLoss).toBeGreaterThan(r.before.logLoss);
    expect(r.better).toBe(false);
  });

  it('refuses fewer than the minimum number of reviews', async () => {
    await expect(optimize(b, records.slice(0, MIN_REVIEWS - 1), utcDay)).rejects.toThrow(/needs 1000 reviews, got 999/);
  });

  it('ignores cram answers', () => {
    const crammed = history.slice(0, 3).map((e) => ({ ...e, cram: true }));
    expect(reviewRecords([...crammed, history[3]!])).toHaveLength(1);
  });
});
