/**
 * Interview gap cards (`interview:<problem>:<point>`, issue 13) live in the same progress file as
 * question cards: the store's read-back check must accept the card and the answer that reviews it,
 * and still refuse ids of any other shape.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CARD_ID, type ProgressEvent } from '../../src/progress/model.js';
import { readProgress, updateProgress } from '../../src/progress/store.js';
import { newCard } from '../../src/review/fsrs.js';
import { tempDir } from '../helpers.js';

const NOW = new Date();
const gap = 'interview:eta-pricing:residual-target';
const review = (questionId: string): ProgressEvent => ({ id: `e-${questionId.length}-0001`, type: 'answer', at: NOW.toISOString(), questionId, topicId: 'capstone-eta-pricing', correct: true, rating: 3, source: 'review', cram: false });

describe('gap cards in the progress file', () => {
  it.each([
    [gap, true],
    ['dns.ttl', true],
    ['interview:eta-pricing', false],
    ['interview:Eta:x', false],
    ['__proto__', false],
  ])('card id %s is accepted: %s', (id, ok) => {
    expect(CARD_ID.test(id)).toBe(ok);
  });

  it('saves a gap card and the review answer that grades it', async () => {
    const path = join(tempDir(), 'progress.json');
    await updateProgress(path, (p) => {
      p.cards[gap] = newCard(NOW);
    });
    await updateProgress(path, (p) => {
      p.events.push(review(gap));
    });
    const back = readProgress(path);
    expect(Object.keys(back.cards)).toEqual([gap]);
    expect(back.events.map((e) => (e.type === 'answer' ? e.questionId : ''))).toEqual([gap]);
  });

  it('still refuses a card id of another shape, leaving the file as it was', async () => {
    const path = join(tempDir(), 'progress.json');
    await updateProgress(path, (p) => {
      p.cards[gap] = newCard(NOW);
    });
    await expect(
      updateProgress(path, (p) => {
        p.cards['interview:no-point'] = newCard(NOW);
      }),
    ).rejects.toThrow(/not a question or interview card id/);
    expect(Object.keys(readProgress(path).cards)).toEqual([gap]);
  });
});
