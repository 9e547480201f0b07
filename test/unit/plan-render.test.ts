/** The plan's header and footer wrap to the width with whole words; commands stay on one line. */
import { describe, expect, it } from 'vitest';
import { plainTheme } from '../../src/ui/plain.js';
import { renderPlan, type PlanView } from '../../src/ui/render/plan.js';

const view: PlanView = {
  plan: {
    interview: '2026-12-25',
    predictedRetention: 0,
    days: Array.from({ length: 24 }, (_, i) => ({ date: `2026-12-${String(i + 1).padStart(2, '0')}`, minutes: 0, topics: [], reviews: 0, interview: null })),
    pulledForward: 3,
    unplanned: ['vm', 'containers', 'k8s', 'x', 'y'],
    belowTarget: 2,
    cards: 791,
    mockMinutes: 60,
  },
  today: '2026-12-01',
  minutesPerDay: 20,
  newTopicsPerDay: 3,
  target: 0.9,
  personalParameters: false,
  titles: new Map([
    ['vm', 'Virtual machines (VMs)'],
    ['containers', 'Containers (Docker)'],
    ['k8s', 'Container orchestration (Kubernetes)'],
  ]),
  capstones: new Map(),
  spentToday: 12,
};

describe('renderPlan at a width', () => {
  for (const columns of [60, 80, 100]) {
    it(`fits ${columns} columns and keeps commands whole`, () => {
      const lines = renderPlan(view, plainTheme, columns).split('\n');
      expect(lines.filter((l) => l.length > columns - 1)).toEqual([]);
      const text = lines.join('\n');
      for (const command of ['study config set new-topics-per-day N', 'study config unset plan.interview', '24 study days', '12 min', '60 min']) expect(text).toContain(command);
    });
  }
});
