import { describe, expect, it } from 'vitest';
import type { CurriculumIndex } from '../../src/curriculum/index.js';
import { buildPlan, COST, orderTopics, topicMinutes, type PlanInput } from '../../src/plan/plan.js';
import { addDays, checkInterviewDay, daysBetween } from '../../src/plan/dates.js';
import { planNext } from '../../src/plan/next.js';
import { retrievability, review, RATING } from '../../src/review/fsrs.js';
import { interviewTime } from '../../src/plan/dates.js';

/** Modules of `topics` topics with `questions` questions each; module 3 ends with two capstones. */
function index(modules = 3, topics = 4, questions = 5): CurriculumIndex {
  let n = 0;
  return {
    modules: Array.from({ length: modules }, (_, m) => ({
      id: `m${m + 1}`,
      number: m + 1,
      title: `Module ${m + 1}`,
      sections: [
        {
          id: `s${m + 1}`,
          title: `Section ${m + 1}`,
          topics: Array.from({ length: topics }, (_, t) => {
            const capstone = m === modules - 1 && t >= topics - 2;
            const id = capstone ? `capstone-c${t}` : `t${m + 1}-${t + 1}`;
            n++;
            return { id, number: n, title: `Topic ${id}`, questionIds: Array.from({ length: questions }, (_, q) => `${id}.q${q}`) };
          }),
        },
      ],
    })),
  };
}

const base = (over: Partial<PlanInput> = {}): PlanInput => ({
  index: index(),
  topics: {},
  cards: {},
  today: '2026-12-01',
  interview: '2026-12-31',
  minutesPerDay: 60,
  newTopicsPerDay: 3,
  interviewMinutes: 45,
  scheduling: { retention: 0.9 },
  ...over,
});

describe('study plan', () => {
  it('has one day per study day, today through the eve of the interview, within the budget', () => {
    const plan = buildPlan(base());
    expect(plan.days).toHaveLength(30);
    expect(plan.days[0]!.date).toBe('2026-12-01');
    expect(plan.days.at(-1)!.date).toBe('2026-12-30');
    for (const d of plan.days) expect(d.minutes).toBeLessThanOrEqual(60);
    for (const d of plan.days) expect(d.topics.length).toBeLessThanOrEqual(3);
    // Every topic fits in a month at 60 min a day, each exactly once.
    const planned = plan.days.flatMap((d) => d.topics);
    expect(new Set(planned).size).toBe(12);
    expect(plan.unplanned).toEqual([]);
  });

  it('respects a tight budget and the daily new-topic limit, and says what does not fit', () => {
    const plan = buildPlan(base({ minutesPerDay: 20, newTopicsPerDay: 1, interview: '2026-12-06' }));
    for (const d of plan.days) {
      expect(d.minutes).toBeLessThanOrEqual(20);
      expect(d.topics.length).toBeLessThanOrEqual(1);
    }
    expect(topicMinutes(index().modules[0]!.sections[0]!.topics[0]!)).toBe(COST.lesson + 5 * COST.perQuestion);
    expect(plan.unplanned.length).toBeGreaterThan(0);
    expect(plan.days.flatMap((d) => d.topics).length + plan.unplanned.length).toBe(12);
  });

  it('orders prerequisites first: outline order within a module, module order for modules not started', () => {
    const order = orderTopics(index(), {}).map((t) => t.id);
    expect(order).toEqual(['t1-1', 't1-2', 't1-3', 't1-4', 't2-1', 't2-2', 't2-3', 't2-4', 't3-1', 't3-2', 'capstone-c2', 'capstone-c3']);
    const plan = buildPlan(base());
    const planned = plan.days.flatMap((d) => d.topics).filter((id) => !id.startsWith('capstone-'));
    expect(planned).toEqual(order.filter((id) => !id.startsWith('capstone-')));
  });

  it('puts the weakest started module first', () => {
    const topics = { 't1-1': { answered: 10, correct: 9 }, 't2-1': { answered: 10, correct: 3 } };
    const order = orderTopics(index(), topics).map((t) => t.id);
    expect(order.slice(0, 3)).toEqual(['t2-2', 't2-3', 't2-4']);
    expect(order.slice(3, 6)).toEqual(['t1-2', 't1-3', 't1-4']);
    expect(order).not.toContain('t1-1');
  });

  it('keeps capstones and mock interviews in the last third', () => {
    const plan = buildPlan(base({ minutesPerDay: 120 }));
    const lastThird = Math.floor((plan.days.length * 2) / 3);
    plan.days.forEach((d, i) => {
      if (d.topics.some((t) => t.startsWith('capstone-')) || d.interview) expect(i).toBeGreaterThanOrEqual(lastThird);
    });
    expect(plan.days.flatMap((d) => d.topics)).toContain('capstone-c2');
    const mocks = plan.days.filter((d) => d.interview);
    expect(mocks.length).toBeGreaterThanOrEqual(2);
    expect(mocks.map((d) => d.interview)).toContain('c2');
    expect(plan.days.at(-1)!.interview).not.toBeNull();
    // A mock day still fits the budget: interview + debrief counted.
    for (const d of mocks) expect(d.minutes).toBeGreaterThanOrEqual(45 + COST.debrief);
  });

  it('a short plan still teaches the capstones before their mock interviews, squeezing other topics out', () => {
    // 40 topics, 10 days at most 3 new topics a day: not everything fits.
    const plan = buildPlan(base({ index: index(4, 10, 3), interview: '2026-12-11', minutesPerDay: 200 }));
    expect(plan.unplanned.length).toBeGreaterThan(0);
    expect(plan.unplanned.filter((t) => t.startsWith('capstone-'))).toEqual([]);
    const learnedBy = (i: number) => new Set(plan.days.slice(0, i).flatMap((d) => d.topics));
    const mocks = plan.days.map((d, i) => ({ d, i })).filter(({ d }) => d.interview);
    expect(mocks.length).toBeGreaterThan(0);
    for (const { d, i } of mocks) expect(learnedBy(i).has(`capstone-${d.interview}`), `${d.date}: mock on ${d.interview}`).toBe(true);
  });

  it("counts a mock interview's gap cards among the day's reviews, as study review does", () => {
    const due = { ...review(undefined, RATING.again, new Date('2026-11-30T10:00:00Z')), due: '2026-11-30T12:00:00.000Z' };
    const gap = { 'interview:eta-pricing:residual': due, 'interview:eta-pricing:censoring': due };
    const plan = buildPlan(base({ cards: gap }));
    expect(plan.days[0]!.reviews).toBe(2);
    // Recall on the day is still measured over the curriculum's questions.
    expect(plan.cards).toBe(60);
  });

  it('schedules no mock interview when the budget cannot hold one', () => {
    const plan = buildPlan(base({ minutesPerDay: 50 }));
    expect(plan.days.every((d) => d.interview === null)).toBe(true);
    expect(plan.mockMinutes).toBe(60);
  });

  it('pulls forward cards whose recall on the interview day would fall below the target', () => {
    // Cards scheduled for a lower retention than today's target (e.g. before the user raised it):
    // due after the interview, but below 90% by then.
    const ids = index().modules.flatMap((m) => m.sections.flatMap((s) => s.topics.flatMap((t) => t.questionIds)));
    const learned = review(review(undefined, RATING.good, new Date('2026-11-20T12:00:00Z')), RATING.good, new Date('2026-11-21T12:00:00Z'));
    const cards = Object.fromEntries(ids.map((q) => [q, { ...learned, due: '2027-01-15T12:00:00.000Z' }]));
    const topics = Object.fromEntries(index().modules.flatMap((m) => m.sections.flatMap((s) => s.topics.map((t) => [t.id, { answered: 5, correct: 5 }]))));
    const input = base({ cards, topics, interview: '2026-12-20', minutesPerDay: 90 });
    const when = interviewTime('2026-12-20');
    const before = ids.filter((q) => retrievability(cards[q], when) < 0.9).length;
    expect(before).toBeGreaterThan(0);
    const plan = buildPlan(input);
    expect(plan.pulledForward).toBeGreaterThan(0);
    expect(plan.belowTarget).toBe(0);
    expect(plan.predictedRetention).toBeGreaterThanOrEqual(0.9);
    for (const d of plan.days) expect(d.minutes).toBeLessThanOrEqual(90);
  });

  it('re-plans after missed days from the new today, keeping what was not done', () => {
    const first = buildPlan(base());
    // Five days later, nothing studied: the plan starts again today with everything still to learn.
    const later = buildPlan(base({ today: addDays('2026-12-01', 5) }));
    expect(later.days).toHaveLength(first.days.length - 5);
    expect(later.days[0]!.date).toBe('2026-12-06');
    expect(later.days.flatMap((d) => d.topics).length + later.unplanned.length).toBe(12);
    for (const d of later.days) expect(d.minutes).toBeLessThanOrEqual(60);
  });

  it('refuses a date in the past or under two days away, with the reason', () => {
    expect(checkInterviewDay('2026-11-30', '2026-12-01')).toMatch(/in the past/);
    expect(checkInterviewDay('2026-12-01', '2026-12-01')).toMatch(/is today: a plan needs the interview at least 2 days away \(2026-12-03 or later\)/);
    expect(checkInterviewDay('2026-12-02', '2026-12-01')).toMatch(/is tomorrow/);
    expect(checkInterviewDay('2026-12-03', '2026-12-01')).toBeUndefined();
    expect(checkInterviewDay('2027-12-02', '2026-12-01')).toBeUndefined();
    expect(checkInterviewDay('2027-12-03', '2026-12-01')).toMatch(/is 367 days away: a plan covers up to 366 days \(until 2027-12-02\)/);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
  });

  it("gives the home screen today's first planned item", () => {
    const plan = buildPlan(base());
    const next = planNext(plan, new Map([['t1-1', 'Virtual machines']]), 30, 0);
    expect(next).toEqual({ kind: 'learn', text: 'Plan (interview in 30 days): learn Virtual machines (+2 more today)', command: 'study learn t1-1' });
  });

  it('leads with reviews only when some are due now, and counts only those', () => {
    const plan = buildPlan(base());
    const day = { ...plan.days[0]!, reviews: 5, topics: ['t1-1'], interview: null };
    const titles = new Map([['t1-1', 'Virtual machines']]);
    // The 5 planned reviews fall due later today: nothing to review yet, so learning comes first.
    expect(planNext({ ...plan, days: [day] }, titles, 30, 0)).toMatchObject({ kind: 'learn', command: 'study learn t1-1' });
    expect(planNext({ ...plan, days: [day] }, titles, 30, 2)).toEqual({ kind: 'review', text: 'Plan (interview in 30 days): review 2 cards, then learn Virtual machines', command: 'study review' });
  });

  it("names a planned mock interview by its capstone's title, with the id only in the command", () => {
    const plan = buildPlan(base());
    const day = { ...plan.days[0]!, reviews: 0, topics: [], interview: 'eta-pricing' };
    const next = planNext({ ...plan, days: [day] }, new Map([['capstone-eta-pricing', 'Design an ETA and pricing service']]), 3, 0);
    expect(next).toEqual({ kind: 'interview', text: 'Plan (interview in 3 days): mock interview on Design an ETA and pricing service', command: 'study interview eta-pricing' });
  });

  it('counts minutes already studied today against today', () => {
    const plan = buildPlan(base({ spentToday: 50 }));
    expect(plan.days[0]!.minutes).toBeLessThanOrEqual(10);
    expect(plan.days[0]!.topics).toEqual([]);
  });
});
