/** The home screen in a real terminal: dashboard, menu, an activity, back to the dashboard, quit. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, isolatedEnv, tempDir } from '../helpers.js';
import { KEY, startStudy } from './pty.js';

const MINI = join(ROOT, 'test/fixtures/mini');

describe('home screen', () => {
  it('shows the dashboard, runs Progress from the menu, comes back, and quits', async () => {
    const home = tempDir();
    const env = isolatedEnv(home, { STUDY_PROGRESS: join(home, 'p.json'), STUDY_CURRICULUM: MINI });
    const s = startStudy([], env);
    await s.waitFor('Next up: Learn 1. KV cache');
    await s.waitFor('What now?');
    // Continue, Learn, Quiz, Review, Drill, Mock interview, Calculators, Progress, Quit
    s.write(KEY.down.repeat(7) + KEY.enter);
    await s.waitFor('Estimation drills: none yet');
    await s.waitFor('⏎ back to the menu');
    s.write(KEY.enter);
    await s.waitFor('What now?');
    s.write(KEY.up + KEY.enter); // Quit (the list wraps)
    expect(await s.exited).toBe(0);
  });

  it('Continue opens the suggested lesson; Ctrl-C inside it returns to the menu', async () => {
    const home = tempDir();
    const env = isolatedEnv(home, { STUDY_PROGRESS: join(home, 'p.json'), STUDY_CURRICULUM: MINI });
    const s = startStudy([], env, { cols: 60 });
    await s.waitFor('What now?');
    s.write(KEY.enter); // Continue: Learn 1. KV cache
    await s.waitFor('Key points');
    await s.waitFor('Next');
    s.write(KEY.ctrlC);
    await s.waitFor('What now?');
    // Nothing overflowed the 60 columns (a row that wrapped is flagged by the terminal).
    const rows = await s.screen();
    expect(rows.filter((r) => r.wrapped).map((r) => r.text)).toEqual([]);
    expect(rows.some((r) => r.text.startsWith('Key points'))).toBe(true);
    expect(s.output()).not.toMatch(/\u001b\[3\d?m/); // NO_COLOR: no colour codes
    s.write(KEY.ctrlC); // at the home menu, Ctrl-C exits
    expect(await s.exited).toBe(130);
  });
});
