/**
 * The interviewer in a pseudo-terminal (issue 13): a practice round whose notes skip the residual
 * point gets a probe on it at the deep dive, the answer is graded in the debrief, a tier-3 hint
 * caps the point it reveals at mentioned, and the missed points are due cards in the next review.
 * Every wait is bounded; nothing asserts how long anything took.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isolatedEnv, tempDir } from '../helpers.js';
import { KEY, startStudy, type Session, step } from './pty.js';

describe('the interviewer in a terminal', () => {
  it('probes the skipped point at the deep dive, grades the answer, caps a revealed point and turns misses into due cards', async () => {
    const home = tempDir();
    const env = isolatedEnv(home, { STUDY_NOW: '2026-06-01T10:00:00.000Z' });
    const s = startStudy(['interview', 'eta-pricing', '--practice'], env, { cols: 100 });
    try {
      await s.waitFor('Introductions');
      await s.waitFor('continue');
      // Introductions are outside the design and not graded; then typed clarifying questions.
      await step(s, KEY.enter, 'Ask the interviewer');
      await step(s, 'How many trips do we have?\r', 'How many trips');
      await step(s, KEY.enter, '20 million completed trips');
      await step(s, 'What colour is the logo?\r', 'logo');
      await step(s, KEY.enter, 'assume what is reasonable and say it');
      await step(s, KEY.enter, /Phase 1\/7 · Clarify requirements[\s\S]*end the phase/);

      // Three hint tiers of the first hint: nudge, direction, then the reveal of two-problems.
      await step(s, '?\r', 'Nudge —');
      await step(s, '?\r', 'Direction —');
      await step(s, '?\r', 'Reveal —');
      await step(s, 'Two separate problems: ETA is a regression and surge is a control problem, because they have different labels\r', 'different labels');
      await step(s, KEY.enter, /Phase 2\/7/);
      await step(s, 'MAE plus p90 error sliced by city and airport, because averages hide lateness\r', 'hide lateness');
      for (let p = 3; p <= 5; p++) await step(s, KEY.enter, new RegExp(`Phase ${p}/7`));
      // Phases 3-5 left empty: the residual point is skipped, so the deep dive probes it.
      const dive = await step(s, KEY.enter, /Phase 6\/7 · Deep dive[\s\S]*end the phase/);
      expect(dive).toContain('The interviewer changes a requirement');
      expect(dive).toMatch(/picks one topic for the deep dive:\s+Why not train one neural network/);
      await step(s, 'Predict the residual over the routing engine, because the router already knows road topology and is the fallback when the model times out\r', 'times out');
      await step(s, KEY.enter, /The interviewer pushes:/);
      await step(s, KEY.enter, /Phase 7\/7/);
      await s.waitFor(/Before we wrap up, the interviewer asks:/);
      await step(s, 'Shadow mode first, then a canary by city with a kill switch, to limit the damage\r', 'kill switch');
      await step(s, KEY.enter, /end the phase/);
      await step(s, KEY.enter, 'Your questions for the interviewer');
      const debrief = await step(s, KEY.enter, 'Did the grader get a point wrong?');
      expect(debrief).toMatch(/Capped at mentioned \(first given away by a reveal hint\):\s+Separates ETA from surge and scopes each/);
      expect(debrief).not.toContain('two-problems');
      expect(debrief).toMatch(/The mid-round change[\s\S]*30 candidate drivers[\s\S]*Sizes ETA serving/);
      expect(debrief).toMatch(/probes, graded[\s\S]*Why not train one neural network[\s\S]*✔ Frames ETA as predicting the residual[\s\S]*explained[\s\S]*Model answer/);

      await step(s, KEY.enter, 'your level');
      let screen = '';
      for (let d = 1; d <= 8; d++) screen = await step(s, KEY.enter, d < 8 ? `${d + 1}/8` : /Transcript: \S+\.md/);
      expect(s.output()).toMatch(/Level shown by the notes: below the senior bar/);
      await s.waitFor(/\d+ review cards added/);
      expect(await s.exited).toBe(0);
    } finally {
      s.pty.kill();
    }

    const data = join(home, 'data', 'ai-design-study');
    const progress = JSON.parse(readFileSync(join(data, 'progress.json'), 'utf8'));
    const e = progress.events.find((x: { type: string }) => x.type === 'interview');
    expect(e.points['two-problems']).toBe('mentioned'); // explained in the notes, but revealed first
    expect(e.revealed).toEqual(['two-problems']);
    expect(e.points['residual-target']).toBe('explained');
    expect(e.level).toBe('below-senior');
    expect(e.followUps[0]).toBe('why-not-end-to-end');
    expect(e.reviewCards).toContain('interview:eta-pricing:censoring');
    expect(e.reviewCards).toContain('interview:eta-pricing:two-problems');
    expect(e.reviewCards).not.toContain('interview:eta-pricing:residual-target');
    expect(progress.cards['interview:eta-pricing:censoring']).toMatchObject({ state: 0 });

    // The next review drills exactly the gaps: they are due first.
    const r = startStudy(['review', '--limit', '3'], env, { cols: 100 });
    try {
      const shown = await r.waitFor(/Review — 3 due cards[\s\S]*Mock-interview gap \(Design a ride-hailing ETA/);
      expect(shown).toContain('(of ');
    } finally {
      r.pty.kill();
    }
  }, 120_000);
});
