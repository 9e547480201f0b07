import { describe, expect, it } from 'vitest';
import { grade, readNumericAnswer, withinTolerance } from '../../src/quiz/grade.js';
import { ratingFor } from '../../src/quiz/rating.js';
import { pickQuestions, type QuestionRef } from '../../src/quiz/select.js';
import { derangedOrder, seededRng, shuffle } from '../../src/quiz/rng.js';
import type { Question } from '../../src/curriculum/schema.js';

const base = { prompt: 'p', explanation: 'e', difficulty: 2 as const };
const single: Question = { ...base, id: 't.s', type: 'single', options: ['a', 'b', 'c'], answer: 1 };
const multi: Question = { ...base, id: 't.m', type: 'multi', options: ['a', 'b', 'c', 'd'], answers: [0, 2] };
const tf: Question = { ...base, id: 't.tf', type: 'truefalse', answer: false };
const gib: Question = { ...base, id: 't.n', type: 'numeric', answer: 2, unit: 'GiB', tolerance: { relative: 0.1 } };
const qps: Question = { ...base, id: 't.q', type: 'numeric', answer: 12_000, unit: 'QPS', tolerance: { orders: 0.5 } };
const ms: Question = { ...base, id: 't.ms', type: 'numeric', answer: 40, unit: 'ms', tolerance: { relative: 0.25 } };
const gpus: Question = { ...base, id: 't.g', type: 'numeric', answer: 3, unit: 'GPUs', tolerance: { absolute: 0 } };
const gbExact: Question = { ...base, id: 't.gb', type: 'numeric', answer: 3, unit: 'GB', tolerance: { absolute: 0 } };
const order: Question = { ...base, id: 't.o', type: 'order', items: ['first', 'second', 'third'] };
const recall: Question = { ...base, id: 't.r', type: 'recall', back: 'back' };

describe('grading', () => {
  it.each([
    ['single right', single, { type: 'single', choice: 1 }, true],
    ['single wrong', single, { type: 'single', choice: 0 }, false],
    ['multi exact', multi, { type: 'multi', choices: [2, 0] }, true],
    ['multi partly right counts as wrong', multi, { type: 'multi', choices: [0] }, false],
    ['multi with an extra wrong option', multi, { type: 'multi', choices: [0, 1, 2] }, false],
    ['multi nothing chosen', multi, { type: 'multi', choices: [] }, false],
    ['truefalse right', tf, { type: 'truefalse', value: false }, true],
    ['truefalse wrong', tf, { type: 'truefalse', value: true }, false],
    ['numeric bare number in the question unit', gib, { type: 'numeric', text: '2' }, true],
    ['numeric another byte unit', gib, { type: 'numeric', text: '2048 MiB' }, true],
    ['numeric decimal bytes converted', gib, { type: 'numeric', text: '2.1 GB' }, true],
    ['numeric just inside 10 %', gib, { type: 'numeric', text: '2.2' }, true],
    ['numeric just outside 10 %', gib, { type: 'numeric', text: '2.21' }, false],
    ['numeric order of magnitude, count suffix', qps, { type: 'numeric', text: '30k' }, true],
    ['numeric order of magnitude, too far', qps, { type: 'numeric', text: '40k' }, false],
    ['numeric scientific notation', qps, { type: 'numeric', text: '1.2e4' }, true],
    ['numeric time converted', ms, { type: 'numeric', text: '0.045 s' }, true],
    ['numeric exact count', gpus, { type: 'numeric', text: '3' }, true],
    ['numeric exact count, written 3.0', gpus, { type: 'numeric', text: '3.0' }, true],
    ['numeric exact count refuses a fraction', gpus, { type: 'numeric', text: '3.2' }, false],
    ['numeric exact count refuses a neighbour', gpus, { type: 'numeric', text: '2' }, false],
    ['numeric exact in another unit', gbExact, { type: 'numeric', text: '3000 MB' }, true],
    ['numeric exact in another unit, off', gbExact, { type: 'numeric', text: '3001 MB' }, false],
    ['numeric unparsable', gib, { type: 'numeric', text: 'lots' }, false],
    ['order exact', order, { type: 'order', order: [0, 1, 2] }, true],
    ['order swapped', order, { type: 'order', order: [1, 0, 2] }, false],
    ['recall Good', recall, { type: 'recall', grade: 3 }, true],
    ['recall Again', recall, { type: 'recall', grade: 1 }, false],
  ] as const)('%s', (_name, q, response, correct) => {
    expect(grade(q, response as never).correct).toBe(correct);
  });

  it('states the expected answer with its unit and tolerance', () => {
    // In the unit the question asks for, not converted to another one.
    expect(grade(gib, { type: 'numeric', text: '1' }).expected).toBe('2 GiB (±10%)');
    expect(grade({ ...gib, unit: 's', answer: 112 }, { type: 'numeric', text: '112' }).expected).toBe('112 s (±10%)');
    expect(grade({ ...gib, unit: 'USD', answer: 0.8 }, { type: 'numeric', text: '1' }).expected).toBe('$0.80 (±10%)');
    expect(grade(qps, { type: 'numeric', text: '1' }).expected).toBe('12k QPS (within 3.2x)');
    expect(grade(gpus, { type: 'numeric', text: '3.2' }).expected).toBe('3 GPUs (exact)');
    expect(grade({ ...gpus, answer: 1995, unit: 'addresses', tolerance: { absolute: 2 } }, { type: 'numeric', text: '1' }).expected).toBe('1,995 addresses (±2 addresses)');
    expect(grade(order, { type: 'order', order: [2, 1, 0] }).given).toBe('third → second → first');
  });

  it('explains what a numeric answer accepts', () => {
    expect(readNumericAnswer({ unit: 'GiB' }, '5 parsecs')).toEqual({ ok: false, error: expect.stringMatching(/unknown unit "parsecs"; expected a size .* \(a bare number means GiB\)/) });
    expect(readNumericAnswer({ unit: 'ms' }, '3 GB')).toMatchObject({ ok: false });
  });

  it('tolerance boundaries are inclusive', () => {
    expect(withinTolerance(110, 100, { relative: 0.1 })).toBe(true);
    expect(withinTolerance(90, 100, { relative: 0.1 })).toBe(true);
    expect(withinTolerance(89.9, 100, { relative: 0.1 })).toBe(false);
    expect(withinTolerance(1000, 100, { orders: 1 })).toBe(true);
    expect(withinTolerance(10, 100, { orders: 1 })).toBe(true);
    expect(withinTolerance(1001, 100, { orders: 1 })).toBe(false);
    expect(withinTolerance(-100, 100, { orders: 1 })).toBe(false);
    expect(withinTolerance(102, 100, { absolute: 2 })).toBe(true);
    expect(withinTolerance(98, 100, { absolute: 2 })).toBe(true);
    expect(withinTolerance(102.1, 100, { absolute: 2 })).toBe(false);
    expect(withinTolerance(100, 100, { absolute: 0 })).toBe(true);
    expect(withinTolerance(100.01, 100, { absolute: 0 })).toBe(false);
  });
});

describe('ratings', () => {
  const right = { correct: true, given: '', expected: '' };
  const wrong = { correct: false, given: '', expected: '' };
  it('maps wrong to Again, right to Good, right and quick to Easy, recall to its grade', () => {
    expect(ratingFor('single', wrong, { type: 'single', choice: 0 }, 1000)).toBe(1);
    expect(ratingFor('single', right, { type: 'single', choice: 1 }, 60_000)).toBe(3);
    expect(ratingFor('single', right, { type: 'single', choice: 1 }, 3_000)).toBe(4);
    expect(ratingFor('recall', right, { type: 'recall', grade: 2 }, 1000)).toBe(2);
  });
});

describe('question choice', () => {
  const ref = (id: string): QuestionRef => ({ question: { ...single, id }, topic: {} as never, section: {} as never, module: {} as never });
  const refs = ['t.a', 't.b', 't.c', 't.d'].map(ref);

  it('puts unseen and missed questions first, then weak, then the least recently practised', () => {
    const stats = new Map([
      ['t.a', { answered: 3, correct: 3, lastCorrect: true, lastAt: '2026-01-02T00:00:00.000Z' }],
      ['t.b', { answered: 2, correct: 1, lastCorrect: false, lastAt: '2026-01-03T00:00:00.000Z' }],
      ['t.c', { answered: 4, correct: 2, lastCorrect: true, lastAt: '2026-01-04T00:00:00.000Z' }],
    ]);
    const picked = pickQuestions(refs, stats, 4, seededRng(1)).map((r) => r.question.id);
    expect(new Set(picked.slice(0, 2))).toEqual(new Set(['t.b', 't.d']));
    expect(picked.slice(2)).toEqual(['t.c', 't.a']);
    expect(pickQuestions(refs, stats, 2, seededRng(1))).toHaveLength(2);
  });

  it('is reproducible with a seed and shuffles', () => {
    expect(shuffle([1, 2, 3, 4, 5, 6], seededRng(7))).toEqual(shuffle([1, 2, 3, 4, 5, 6], seededRng(7)));
    for (let seed = 0; seed < 50; seed++) {
      const p = derangedOrder(3, seededRng(seed));
      expect(p.slice().sort()).toEqual([0, 1, 2]);
      expect(p).not.toEqual([0, 1, 2]);
    }
  });
});
