import { describe, expect, it } from 'vitest';
import { newCard, replay, retrievability, review } from '../../src/review/fsrs.js';
import { buildQueue, cramQueue, until } from '../../src/review/queue.js';
import type { QuestionRef } from '../../src/quiz/select.js';
import { StoredCard } from '../../src/progress/model.js';

const day1 = new Date('2026-03-01T09:00:00.000Z');
const hours = (d: Date, h: number) => new Date(d.getTime() + h * 3_600_000);

describe('FSRS adapter', () => {
  it('schedules a new card: Again soon, Easy days away', () => {
    const again = review(undefined, 1, day1);
    const good = review(undefined, 3, day1);
    const easy = review(undefined, 4, day1);
    expect(new Date(again.due).getTime() - day1.getTime()).toBe(60_000); // 1-minute learning step
    expect(new Date(good.due).getTime() - day1.getTime()).toBe(10 * 60_000); // 10-minute step
    expect(new Date(easy.due).getTime()).toBeGreaterThan(hours(day1, 24).getTime());
    expect(StoredCard.safeParse(easy).success).toBe(true);
  });

  it('grows the interval on repeated Good answers and replays to the same card', () => {
    const history = [
      { rating: 3 as const, at: day1 },
      { rating: 3 as const, at: hours(day1, 0.2) },
      { rating: 3 as const, at: hours(day1, 30) },
    ];
    const a = review(review(review(undefined, 3, history[0]!.at), 3, history[1]!.at), 3, history[2]!.at);
    expect(replay(history)).toEqual(a);
    const firstInterval = new Date(review(review(undefined, 3, day1), 3, hours(day1, 0.2)).due).getTime() - hours(day1, 0.2).getTime();
    const secondInterval = new Date(a.due).getTime() - hours(day1, 30).getTime();
    expect(secondInterval).toBeGreaterThan(firstInterval);
  });

  it('retrievability is 0 for new cards and falls with time', () => {
    expect(retrievability(newCard(day1), day1)).toBe(0);
    const card = review(review(undefined, 3, day1), 3, hours(day1, 0.2));
    const soon = retrievability(card, hours(day1, 1));
    const later = retrievability(card, hours(day1, 24 * 30));
    expect(soon).toBeGreaterThan(later);
    expect(soon).toBeLessThanOrEqual(1);
    expect(later).toBeGreaterThan(0);
  });
});

describe('review queue', () => {
  const ref = (id: string) => ({ question: { id } }) as unknown as QuestionRef;
  const refs = ['q.a', 'q.b', 'q.c', 'q.d'].map(ref);
  const cards = {
    'q.a': { ...review(undefined, 3, day1), due: '2026-03-02T00:00:00.000Z' },
    'q.b': { ...review(undefined, 3, day1), due: '2026-03-01T12:00:00.000Z' },
    'q.c': { ...review(undefined, 3, day1), due: '2026-03-09T00:00:00.000Z' },
    'q.gone': { ...review(undefined, 3, day1), due: '2026-01-01T00:00:00.000Z' },
  };

  it('puts due cards first, most overdue first, then new ones, within the limit', () => {
    const q = buildQueue(refs, cards, new Date('2026-03-03T00:00:00.000Z'), 3);
    expect(q.due.map((r) => r.question.id)).toEqual(['q.b', 'q.a']);
    expect(q.fresh.map((r) => r.question.id)).toEqual(['q.d']);
    expect(q.nextDue?.toISOString()).toBe('2026-03-09T00:00:00.000Z');
    expect(q.dueTotal).toBe(2);
  });

  it("puts a mock interview's gap cards before older due cards", () => {
    const gapId = 'interview:eta-pricing:residual';
    const withGap = [...refs, ref(gapId)];
    const q = buildQueue(withGap, { ...cards, [gapId]: { ...review(undefined, 3, day1), due: '2026-03-02T18:00:00.000Z' } }, new Date('2026-03-03T00:00:00.000Z'), 2);
    expect(q.due.map((r) => r.question.id)).toEqual([gapId, 'q.b']);
    expect(q.dueTotal).toBe(3);
  });

  it('says when nothing is due and when the next card is', () => {
    const q = buildQueue(refs, cards, day1, 10);
    expect(q.due).toEqual([]);
    expect(until(day1, q.nextDue!)).toBe('in 3 h');
  });

  it('crams only known cards, weakest first', () => {
    expect(cramQueue(refs, cards, hours(day1, 48), 10).map((r) => r.question.id).sort()).toEqual(['q.a', 'q.b', 'q.c']);
  });
});
