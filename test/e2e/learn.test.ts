/** `study learn` in a real terminal at 60 and 100 columns: diagrams, worked designs, paging, $PAGER. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCurriculumDir } from '../../src/cli/curriculum/load-dir.js';
import { ROOT, isolatedEnv, tempDir } from '../helpers.js';
import { KEY, startStudy } from './pty.js';

const LINT = join(ROOT, 'test/fixtures/lint');
const topics = loadCurriculumDir(LINT).curriculum!.modules[0]!.sections.flatMap((s) => s.topics);
const good = topics.find((t) => t.id === 'feature-serving')!;
const art = good.diagrams![0]!.art.trimEnd().split('\n');

function env(extra: Record<string, string> = {}) {
  const home = tempDir();
  return isolatedEnv(home, { STUDY_PROGRESS: join(home, 'p.json'), STUDY_CURRICULUM: LINT, ...extra });
}

describe('study learn in a terminal', () => {
  it('pages a long lesson section by section at 60 columns: diagram shown, no row overflows, no word split', async () => {
    const s = startStudy(['learn', 'feature-serving'], env(), { cols: 60, rows: 30 });
    await s.waitFor('⏎ next section · q quit  (1/3)');
    s.write(KEY.enter);
    await s.waitFor('(2/3)');
    s.write(KEY.enter);
    await s.waitFor('? Next');
    const rows = await s.screen();
    expect(rows.filter((r) => r.wrapped).map((r) => r.text)).toEqual([]);
    const texts = rows.map((r) => r.text);
    const at = texts.indexOf('Diagram');
    expect(at).toBeGreaterThan(0);
    expect(texts.slice(at + 2, at + 2 + art.length)).toEqual(art.map((l) => `  ${l}`));
    expect(texts).toContain('Worked design');
    // Every word of the worked design is on screen whole.
    const onScreen = new Set(texts.join(' ').split(/\s+/));
    const w = good.workedDesigns![0]!;
    for (const word of [w.problem, w.framing, w.estimate, ...w.tradeoffs].join(' ').split(/\s+/)) expect(onScreen.has(word)).toBe(true);
    // The page prompts were erased once answered.
    expect(texts.filter((t) => t.includes('next section'))).toEqual([]);
    s.write(KEY.down + KEY.down + KEY.enter); // Done
    expect(await s.exited).toBe(0);
  });

  it('q stops paging and goes straight to what next', async () => {
    const s = startStudy(['learn', 'feature-serving'], env(), { cols: 100, rows: 24 });
    await s.waitFor('(1/');
    s.write('q');
    await s.waitFor('? Next');
    expect(s.output()).not.toContain('Worked design');
    s.write(KEY.up + KEY.enter); // Done (the list wraps)
    expect(await s.exited).toBe(0);
  });

  it('draws an 80-column diagram at 100 columns, and says it needs more room at 60', async () => {
    const wide = topics.find((t) => t.id === 'bad-items')!.diagrams![0]!.art.split('\n')[0]!;
    const s100 = startStudy(['learn', 'bad-items'], env(), { cols: 100, rows: 80 });
    await s100.waitFor('? Next');
    expect((await s100.screen()).map((r) => r.text)).toContain(`  ${wide}`);
    s100.pty.kill();
    const s60 = startStudy(['learn', 'bad-items'], env(), { cols: 60, rows: 80 });
    await s60.waitFor('? Next');
    const rows = await s60.screen();
    expect(rows.map((r) => r.text)).toContain('  (diagram 80 columns wide: widen the terminal to 81+)');
    expect(rows.filter((r) => r.wrapped)).toEqual([]);
    s60.pty.kill();
  });

  it('hands a long lesson to $PAGER as plain text', async () => {
    const out = join(tempDir(), 'paged.txt');
    const s = startStudy(['learn', 'feature-serving'], env({ PAGER: `cat > '${out}'` }), { cols: 100, rows: 24 });
    await s.waitFor('? Next');
    expect(s.output()).not.toContain('next section');
    const paged = readFileSync(out, 'utf8');
    expect(paged).toContain('Worked design');
    expect(paged).not.toMatch(/\u001b/);
    s.write(KEY.up + KEY.enter);
    expect(await s.exited).toBe(0);
  });

  it('falls back to its own pages when $PAGER fails', async () => {
    const s = startStudy(['learn', 'feature-serving'], env({ PAGER: 'exit 3' }), { cols: 100, rows: 24 });
    await s.waitFor('$PAGER (exit 3) exited with status 3; showing the lesson here instead');
    await s.waitFor('⏎ next section · q quit  (1/');
    s.write('q');
    await s.waitFor('? Next');
    s.write(KEY.up + KEY.enter);
    expect(await s.exited).toBe(0);
  });
});
