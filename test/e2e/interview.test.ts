/**
 * One whole compressed interview in a pseudo-terminal: clarifying round, notes with a hint, a
 * ticking clock that runs out, a pause and resume, the graded debrief with a point flipped, then
 * the transcript and progress entry on disk. STUDY_INTERVIEW_SECONDS_PER_MINUTE=1 (test-only) makes each planned minute last
 * one second. Every wait is bounded; nothing asserts how long anything took.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isolatedEnv, tempDir } from '../helpers.js';
import { KEY, startStudy, type Session, step } from './pty.js';

describe('study interview in a terminal', () => {
  it('runs a compressed interview through the debrief and saves the transcript and progress', async () => {
    const home = tempDir();
    const env = isolatedEnv(home, { STUDY_INTERVIEW_SECONDS_PER_MINUTE: '1' });
    const s = startStudy(['interview', 'eta-pricing', '--seed', '7'], env);
    try {
      // Introductions (outside the design, on their own clock), then typed clarifying questions.
      await s.waitFor('Introductions');
      await step(s, KEY.enter, 'Ask the interviewer');
      await step(s, 'How many trips and active drivers do we have?\r', 'active drivers');
      await step(s, KEY.enter, '20 million completed trips');
      await step(s, KEY.enter, /Phase 1\/7 · Clarify requirements[\s\S]*⏎ new line/);
      await step(s, 'Two problems: ETA regression and surge control\r', '  Two problems');
      await step(s, '?\r', /Hint 1\/9: Nudge — /);
      // The 4-second phase runs out while the widget keeps redrawing the clock.
      await s.waitFor(/time is up \+0:0\d/, 20_000);
      expect(s.output()).toContain('\u0007'); // the bell rang at zero
      await step(s, KEY.enter, /Phase 2\/7[\s\S]*⏎ new line/);

      // Pause in phase 2, resume, and the note typed before Ctrl-C is still there.
      await step(s, 'Predict the residual over the routing engine', 'routing engine');
      await step(s, KEY.ctrlC, 'What now?');
      await step(s, KEY.enter, /  Predict the residual over the routing engine[\s\S]*⏎ new line/);
      await step(s, KEY.enter, /Phase 3\/7[\s\S]*⏎ new line/);

      let screen = '';
      for (const [i, note] of ['Pings go through Kafka into Flink, which computes segment speeds every minute', 'Labels from trip logs; cancellation censoring', 'GBDT baseline, H3 embeddings'].entries()) {
        await step(s, `${note}\r`, note.slice(0, 30));
        await step(s, KEY.enter, new RegExp(`Phase ${i + 4}/7[\\s\\S]*⏎ new line`));
      }
      // The deep dive: one topic chosen from the notes so far, then one push.
      expect(s.output()).toContain('The interviewer picks one topic for the deep dive:');
      await step(s, 'Switchbacks by city and hour, because riders share drivers across arms\r', 'share drivers');
      await step(s, KEY.enter, 'The interviewer pushes:');
      await step(s, KEY.enter, /Phase 7\/7[\s\S]*Before we wrap up, the interviewer asks:/);
      await step(s, 'No idea\r', 'No idea');
      await step(s, KEY.enter, /✔ Your answer · 1 line[\s\S]*Phase 7\/7[\s\S]*⏎ new line/);
      await step(s, 'Shadow then canary rollout\r', 'Shadow then');
      await step(s, KEY.enter, 'Your questions for the interviewer');
      await step(s, KEY.enter, 'Did the grader get a point wrong');
      screen = s.output();

      // The graded debrief: a state per point, the evidence quoted, scores per phase.
      expect(screen).toMatch(/Debrief\s+Score \d+% [\s\S]*1\. Clarify requirements · 13%/);
      expect(screen).toMatch(/~ Separates ETA[\s\S]*“Two problems: ETA regression and surge control”/);
      expect(screen).toMatch(/✔ Explains marketplace interference[\s\S]*“Switchbacks by city and hour, because riders share drivers/);

      // Flip the first point (mentioned → explained), then continue.
      await step(s, KEY.down + KEY.enter, 'Grader: mentioned. What should it be?');
      screen = await step(s, KEY.enter, /now explained \(flipped\)\. Score \d+% by the grader · \d+% with your flips[\s\S]*Did the grader get a point wrong/);
      await step(s, KEY.enter, 'your level');

      // Rubric: 2 (default) for the first, then 3 for the rest.
      await step(s, KEY.enter, '2/8');
      for (let d = 2; d <= 8; d++) screen = await step(s, KEY.down + KEY.enter, d < 8 ? `${d + 1}/8` : /Transcript: \S+\.md/);
      expect(s.output()).toMatch(/Level shown by the notes: below the senior bar[\s\S]*your self-score/);
      expect(screen).toMatch(/Work on next: Problem navigation and Metrics and evaluation/);
      expect(await s.exited).toBe(0);

      const data = join(home, 'data', 'ai-design-study');
      const transcriptPath = /Transcript: (\S+\.md)/.exec(s.output())![1]!;
      expect(transcriptPath.startsWith(join(data, 'interviews'))).toBe(true);
      const md = readFileSync(transcriptPath, 'utf8');
      expect(md).toMatch(/^# Mock interview: Design a ride-hailing ETA/);
      expect(md).toContain('**How many trips and active drivers do we have?**');
      expect(md).toContain('Two problems: ETA regression and surge control');
      expect(md).toContain('Predict the residual over the routing engine');
      expect(md).toContain('- [~] Frames ETA as predicting the residual over the routing engine\'s base ETA, with the base as fallback. — mentioned: “Predict the residual over the routing engine”');
      expect(md).toContain('- [x] Separates ETA (supervised regression) from surge (forecast plus optimisation or control) and scopes each. — explained (flipped by you; the grader said mentioned): “Two problems: ETA regression and surge control”');
      expect(md).toMatch(/- Score: \d+% \(\d+ explained, \d+ mentioned, \d+ missed of 32 checklist points\) · \d+% with your 1 flip/);
      expect(md).toContain('### Hints used');
      expect(md.match(/\*\*Model answer\*\*/g)).toHaveLength(2); // the two probes of the round
      expect(md).toContain('No idea');

      const progress = JSON.parse(readFileSync(join(data, 'progress.json'), 'utf8'));
      const events = progress.events.filter((e: { type: string }) => e.type === 'interview');
      expect(events).toHaveLength(1);
      const e = events[0];
      expect(e).toMatchObject({ capstone: 'capstone-eta-pricing', minutes: 45, practice: false, hintsUsed: 1, clarifyingAsked: 1, transcript: transcriptPath });
      expect(e.phases.map((p: { id: string }) => p.id)).toEqual(['clarify', 'framing', 'architecture', 'data', 'model', 'deep-dive', 'serving']);
      expect(e.phases[0]).toMatchObject({ plannedSeconds: 4, hintsUsed: 1 });
      expect(e.phases[0].usedSeconds).toBeGreaterThanOrEqual(4);
      expect(e.covered).toEqual(expect.arrayContaining(['two-problems', 'residual-target', 'streaming-path', 'interference', 'rollout']));
      expect(e.points).toMatchObject({ 'two-problems': 'mentioned', interference: 'explained', rollout: 'explained' });
      expect(e.flips).toEqual({ 'two-problems': 'explained' });
      expect(e.userCoverage).toBeGreaterThan(e.coverage);
      expect(e.rubric).toMatchObject({ 'problem-navigation': 2, communication: 3 });
      expect(e.followUps).toHaveLength(2);
      expect(e.reviewCards.length).toBeGreaterThan(0);
      expect(existsSync(join(data, 'interviews', 'in-progress.json'))).toBe(false);
    } finally {
      s.pty.kill();
    }
  });
});
