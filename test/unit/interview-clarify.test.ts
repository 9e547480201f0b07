/**
 * Free-text clarifying questions as a candidate types them, in their own words (not the bank's),
 * matched to the right bank question; off-topic questions get no answer rather than a wrong one.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCurriculumDir } from '../../src/cli/curriculum/load-dir.js';
import { capstones } from '../../src/interview/catalog.js';
import { matchQuestion } from '../../src/interview/clarify.js';
import { ROOT } from '../helpers.js';

const all = capstones(loadCurriculumDir(join(ROOT, 'curriculum')).curriculum!);
const bank = (id: string) => all.find((c) => c.id === id)!.interview.clarifyingQuestions;

const CASES: [problem: string, question: string, expected: string | null][] = [
  ['eta-pricing', 'How many requests per second do we get at peak?', 'eta-call-volume'],
  ['eta-pricing', "What's the QPS?", 'eta-call-volume'],
  ['eta-pricing', 'How fast does the ETA have to respond?', 'latency'],
  ['eta-pricing', 'How many drivers are online?', 'scale-trips'],
  ['eta-pricing', 'What ground truth labels do we have?', 'labels'],
  ['eta-pricing', 'Are there legal limits on surge prices?', 'pricing-goal'],
  ['eta-pricing', 'Is food delivery in scope?', 'eta-scope'],
  ['eta-pricing', 'Do we have a favourite colour?', null],
  ['rag-assistant', 'How many documents are there?', 'corpus'],
  ['rag-assistant', 'How many employees will use it?', 'usage'],
  ['rag-assistant', 'Who can see which documents?', 'permissions'],
  ['rag-assistant', 'Which LLMs are we allowed to use?', 'models'],
  ['rag-assistant', 'How fast should answers come back?', 'latency'],
  ['rag-assistant', 'Do users ask follow-up questions?', 'conversation'],
  ['payment-fraud', 'How many transactions per second at peak?', 'volume'],
  ['payment-fraud', 'What is the latency budget?', 'latency'],
  ['payment-fraud', 'What percentage of payments are fraudulent?', 'base-rate'],
  ['payment-fraud', 'How long until chargebacks arrive?', 'labels'],
  ['payment-fraud', 'How many analysts review cases?', 'review-capacity'],
  ['llm-serving', 'How many GPUs do we have?', 'cluster'],
  ['llm-serving', 'What are the latency SLOs?', 'slos'],
  ['llm-serving', 'How many requests per day?', 'traffic'],
  ['video-recommendation', 'How many daily active users?', 'users-traffic'],
  ['video-recommendation', 'How many videos are in the catalog?', 'catalogue'],
  ['video-recommendation', 'What should the feed optimise for?', 'objective'],
];

describe('clarifying questions in the candidate’s own words', () => {
  it.each(CASES)('%s: %s → %s', (problem, q, id) => {
    expect(matchQuestion(q, bank(problem)).question?.id ?? null).toBe(id);
  });
});

describe('a matched answer carries the numbers the question needs', () => {
  it('eta-pricing: the peak-QPS answer gives trips, calls per trip and the peak factor (≈ 35k QPS, as in the key numbers)', () => {
    const answer = matchQuestion('How many requests per second at peak?', bank('eta-pricing')).question!.answer;
    expect(answer).toMatch(/20 million completed trips a day/);
    expect(answer).toMatch(/50 ETA calls per completed trip/);
    expect(answer).toMatch(/3x the daily average/);
    expect(Math.round((20e6 * 50 * 3) / 86_400 / 1000)).toBe(35);
    const key = all.find((c) => c.id === 'eta-pricing')!.interview.keyNumbers.find((k) => k.label === 'Peak ETA QPS')!;
    expect(key.value).toContain('35,000');
  });
});
