import { describe, expect, it } from 'vitest';
import * as binding from '@open-spaced-repetition/binding';
import { REVLOG_HEADER, revlogCardId, revlogCsv } from '../../src/export/revlog.js';
import { syntheticHistory } from '../fixtures/synthetic-history.js';

const answer = (questionId: string, at: string, rating: number, extra: Record<string, unknown> = {}) => ({ id: `e-${questionId}-${at}`, type: 'answer', at, questionId, topicId: 't', correct: rating > 1, rating, source: 'review', cram: false, ...extra });

describe('review log export (FSRS optimizer CSV)', () => {
  it('writes card_id, review_time (ms since the epoch), rating, state before the review and duration, in time order', () => {
    const csv = revlogCsv([
      answer('a', '2026-01-02T10:00:00Z', 3, { ms: 4200 }),
      answer('a', '2026-01-01T10:00:00+02:00', 3),
      answer('b', '2026-01-01T09:00:00Z', 1, { ms: 900 }),
      answer('a', '2026-01-05T10:00:00Z', 1, { cram: true }),
      { type: 'drill', at: '2026-01-01T09:30:00Z' } as { type: string },
    ]);
    const [header, ...rows] = csv.trimEnd().split('\n');
    expect(header).toBe(REVLOG_HEADER);
    expect(header).toBe('card_id,review_time,review_rating,review_state,review_duration');
    const a = revlogCardId('a');
    const b = revlogCardId('b');
    expect(rows).toEqual([
      `${a},${Date.parse('2026-01-01T08:00:00Z')},3,0,0`,
      `${b},${Date.parse('2026-01-01T09:00:00Z')},1,0,900`,
      `${a},${Date.parse('2026-01-02T10:00:00Z')},3,1,4200`,
    ]);
    expect(Number.isSafeInteger(a) && a > 0).toBe(true);
    expect(revlogCardId('a')).toBe(a);
    expect(a).not.toBe(b);
  });

  it("is read back by the FSRS tools' own CSV reader", () => {
    const history = syntheticHistory({ seed: 3, cards: 30, perCard: 6 });
    const csv = revlogCsv(history);
    const items = binding.convertCsvToFsrsItems(new TextEncoder().encode(csv), 4, 'UTC', () => 0);
    // One item per review after a card's first (all reviews here are on different days).
    expect(items.length).toBe(30 * 5);
    expect(items[0]!.reviews.length).toBeGreaterThanOrEqual(2);
  });
});
