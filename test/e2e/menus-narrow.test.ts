/**
 * Menus and messages at 60 columns, in a real terminal: a long choice continues under its text
 * (never at column 0, never split by the terminal), and the line naming the progress file puts the
 * path on a line of its own rather than letting the terminal cut it.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, isolatedEnv, tempDir } from '../helpers.js';
import { KEY, startStudy } from './pty.js';

describe('at 60 columns', () => {
  it('study learn: module and section menus hang their counts under the titles', async () => {
    const home = tempDir();
    const s = startStudy(['learn'], isolatedEnv(home, { STUDY_PROGRESS: join(home, 'p.json'), STUDY_CURRICULUM: join(ROOT, 'curriculum') }), { cols: 60, rows: 30 });
    await s.waitFor('↑↓');
    const modules = await s.screen();
    expect(modules.filter((r) => r.wrapped).map((r) => r.text)).toEqual([]);
    const texts = modules.map((r) => r.text);
    const at = texts.findIndex((t) => t.includes('2. The Machine Learning Systems Lifecycle'));
    expect(texts[at + 1]).toMatch(/^ {2}0\/\d+ topics practised$/);
    s.write(KEY.ctrlC);
    await s.exited;
  });

  it('Ctrl-C in a quiz: the progress file named whole on a line of its own', async () => {
    // A deep folder: "Interrupted — 1 answer saved in PATH." does not fit 60 columns.
    const home = join(tempDir(), 'a-rather-long-folder-name', 'ai-design-study');
    const file = join(home, 'progress.json');
    const s = startStudy(['quiz', '--seed', '1'], isolatedEnv(tempDir(), { STUDY_PROGRESS: file, STUDY_CURRICULUM: join(ROOT, 'test/fixtures/mini') }), { cols: 60, rows: 30 });
    await s.waitFor('↑↓');
    s.write(KEY.enter); // one answer, so there is something saved to name
    await s.waitFor(/Correct|Not quite/);
    await s.waitFor(/Choose one|Choose all|True or false|Your estimate|Put these in order|Recall the answer/);
    s.write(KEY.ctrlC);
    await s.waitFor('saved in');
    expect(await s.exited).toBe(130);
    const rows = (await s.screen()).map((r) => r.text);
    const at = rows.findIndex((t) => t.includes('Interrupted —'));
    expect(rows[at]).toMatch(/saved in$/);
    expect(rows.slice(at + 1).join('')).toContain(`${file}.`);
  });
});
