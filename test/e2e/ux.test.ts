/**
 * Terminal UX in a real pseudo-terminal, at 60 and 100 columns: results stay on screen after a
 * menu action until ⏎; typed order answers; an empty multi-select is refused, not graded; review
 * shows the next interval of each grade and when the card is due; no row overflows (a word split
 * by the terminal) on the home and quiz screens.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, isolatedEnv, runCli, tempDir } from '../helpers.js';
import { KEY, startStudy, type Session } from './pty.js';

const MINI = join(ROOT, 'test/fixtures/mini');
const ROWS = 40;
const PROMPT = /Choose one|Choose all|True or false|Your estimate|Put these in order|Recall the answer/;
const ORDER = ['Embed the new token', 'Attend over cached keys and values', 'Append its K and V to the cache', 'Sample the next token'];

function setup(extra: Record<string, string> = {}) {
  const home = tempDir();
  const file = join(home, 'p.json');
  return { file, env: isolatedEnv(home, { STUDY_PROGRESS: file, STUDY_CURRICULUM: MINI, STUDY_NOW: '2026-03-01T09:00:00Z', ...extra }) };
}

/** The rows a person sees now (the last screenful) and every row that overflowed the width. */
async function view(s: Session): Promise<{ visible: string; wrapped: string[] }> {
  const rows = await s.screen();
  return { visible: rows.slice(-ROWS).map((r) => r.text).join('\n'), wrapped: rows.filter((r) => r.wrapped).map((r) => r.text) };
}

/** Answers whatever question is shown with the fewest keys (right or wrong does not matter here). */
async function answerAny(s: Session): Promise<void> {
  const prompt = (await s.waitFor(PROMPT)).match(PROMPT)![0];
  if (/Choose|True or false|Put these/.test(prompt)) await s.waitFor(/navigate|choose ·|submit/);
  if (prompt === 'Choose all') s.write(KEY.space + KEY.enter);
  else if (prompt === 'Your estimate') {
    s.write('1');
    await s.waitFor(/(?:\)|Your estimate)\s*1/);
    s.write(KEY.enter);
  } else if (prompt === 'Recall the answer') {
    s.write(KEY.enter);
    await s.waitFor('How well did you recall it?');
    s.write(KEY.enter);
  } else s.write(KEY.enter);
  // The answered prompt is drawn again (with the answer): wait for the feedback before the next one.
  await s.waitFor(/Correct|Not quite|Graded/);
}

function events(file: string) {
  return (JSON.parse(readFileSync(file, 'utf8')) as { events: { questionId: string; given: string; correct: boolean }[] }).events;
}

describe.each([60, 100])('at %i columns', (cols) => {
  it('a menu action leaves its result on screen until ⏎, then the dashboard comes back', async () => {
    const { env } = setup();
    const s = startStudy([], env, { cols, rows: ROWS });
    await s.waitFor('What now?');
    s.write(KEY.down.repeat(7) + KEY.enter); // Progress
    await s.waitFor('⏎ back to the menu');
    let v = await view(s);
    expect(v.visible).toContain('Estimation drills: none yet');
    expect(v.visible).toContain('Next up:');
    expect(v.visible).not.toContain('What now?'.repeat(2));
    s.write('x'); // any other key does nothing
    s.write(KEY.enter);
    await s.waitFor('What now?');
    // Quiz from the menu: the summary stays until ⏎.
    s.write(KEY.down.repeat(2) + KEY.enter);
    for (let i = 0; i < 6; i++) await answerAny(s);
    await s.waitFor('⏎ back to the menu');
    v = await view(s);
    expect(v.visible).toMatch(/Score \d\/6/);
    expect(v.visible).toContain('6 answers saved.');
    expect(v.visible).not.toMatch(/What now\?\s*$/);
    s.write(KEY.enter);
    await s.waitFor('What now?');
    v = await view(s);
    expect(v.visible).toContain('Answered: 6');
    // Nothing on the home or quiz screens overflowed the width (a word split by the terminal).
    expect(v.wrapped).toEqual([]);
    s.write(KEY.up + KEY.enter); // Quit
    expect(await s.exited).toBe(0);
  });

  it('takes a typed order', async () => {
    const { env, file } = setup();
    const s = startStudy(['quiz', '--type', 'order', '--seed', '1'], env, { cols, rows: ROWS });
    const screen = await s.waitFor(/submit/);
    const shown = screen
      .split(/\r?\n/)
      .map((l) => /^[❯ ] (\d)\. (.+)$/.exec(l)?.[2]?.trim())
      .filter((x): x is string => Boolean(x));
    expect(new Set(shown)).toEqual(new Set(ORDER));
    const typed = ORDER.map((item) => shown.indexOf(item) + 1).join(' ');
    s.write(typed);
    await s.waitFor(`order: ${typed}`);
    s.write(KEY.enter);
    await s.waitFor('✔ Correct');
    expect(await s.exited).toBe(0);
    expect(events(file)).toMatchObject([{ questionId: 'kv-cache.order', correct: true }]);
  });

  it('refuses an empty multi-select with a hint, and marks each option of a wrong answer', async () => {
    const { env, file } = setup();
    const s = startStudy(['quiz', '--type', 'multi', '--seed', '1'], env, { cols, rows: ROWS });
    await s.waitFor(/submit/);
    s.write(KEY.enter);
    await s.waitFor('Mark at least one with space');
    expect(s.output()).not.toContain('Not quite');
    // Only the first option shown: at most one of the two right answers, so wrong.
    s.write(KEY.space + KEY.enter);
    await s.waitFor('Option by option:');
    await s.waitFor(/missed: it applies|picked, but wrong/);
    expect(await s.exited).toBe(0);
    expect(events(file)).toHaveLength(1);
  });

  it('review shows what each grade would schedule, then when the card is due again', async () => {
    const { env } = setup();
    const s = startStudy(['review', '--limit', '1', '--seed', '2'], env, { cols, rows: ROWS });
    await s.waitFor('Learn 1 new card instead?');
    s.write(KEY.enter);
    await answerAny(s);
    await s.waitFor(/Next review: Again \S+ · Hard \S+ · Good \S+ · Easy \S+/);
    await s.waitFor(/Graded (Again|Hard|Good|Easy): due again in \d/);
    expect(await s.exited).toBe(0);
    expect((await view(s)).wrapped).toEqual([]);
  });
});

describe('the real curriculum at 60 columns', () => {
  it('the dashboard names capstones by title, shows a paused interview and overflows no row', async () => {
    const { encodeProgress, emptyProgress } = await import('../../src/progress/model.js');
    const { mkdirSync, writeFileSync } = await import('node:fs');
    const home = tempDir();
    const file = join(home, 'p.json');
    const p = emptyProgress(new Date('2026-02-20T09:00:00Z'));
    p.events.push({
      id: 'interview-0001',
      type: 'interview',
      at: '2026-02-28T10:00:00Z',
      startedAt: '2026-02-28T09:15:00Z',
      capstone: 'capstone-ecommerce-search',
      minutes: 45,
      practice: false,
      phases: [],
      coverage: 0.79,
      covered: [],
      checklistTotal: 14,
      hintsUsed: 0,
      clarifyingAsked: 0,
      rubric: {},
      followUps: [],
    });
    writeFileSync(file, encodeProgress(p));
    mkdirSync(join(home, 'interviews'));
    writeFileSync(join(home, 'interviews', 'in-progress.json'), JSON.stringify({ capstone: 'capstone-eta-pricing' }));
    const env = isolatedEnv(home, { STUDY_PROGRESS: file, STUDY_NOW: '2026-03-01T09:00:00Z' });
    const s = startStudy([], env, { cols: 60, rows: ROWS });
    await s.waitFor('What now?');
    const v = await view(s);
    expect(v.visible).toMatch(/Last mock interview: Design a personalized e-commerce\s+search engine, 79% of the checklist covered/);
    expect(v.visible).toMatch(/Paused mock interview: Design a ride-hailing ETA and\s+dynamic pricing system; resume with\s+study interview --resume/);
    expect(v.visible).not.toContain('capstone-ecommerce-search');
    expect(v.visible).toContain('❯ Continue: Resume the paused mock interview');
    expect(v.wrapped).toEqual([]);
    s.write(KEY.ctrlC);
    expect(await s.exited).toBe(130);
  });

  it.each([60, 100])('the answered line of a long multi or single choice stays on one row (%i columns)', async (cols) => {
    const home = tempDir();
    const env = isolatedEnv(home, { STUDY_PROGRESS: join(home, 'p.json'), STUDY_NOW: '2026-03-01T09:00:00Z' });
    const multi = startStudy(['quiz', '--question', 'virtual-machines.gpu-sharing-facts', '--seed', '1'], env, { cols, rows: ROWS });
    await multi.waitFor('Choose all that apply');
    await multi.waitFor('submit');
    multi.write(`a${KEY.enter}`); // mark every option
    await multi.waitFor(/Correct|Not quite/);
    expect(await multi.exited).toBe(0);
    let rows = await multi.screen();
    expect(rows.filter((r) => r.wrapped).map((r) => r.text)).toEqual([]);
    // Five long options do not fit after the message at either width: their count is shown instead.
    expect(rows.map((r) => r.text)).toContain('› Choose all that apply 5 marked');
    const single = startStudy(['quiz', '--question', 'virtual-machines.purchase-mix', '--seed', '1'], env, { cols, rows: ROWS });
    await single.waitFor('Choose one');
    await single.waitFor('navigate');
    single.write(KEY.enter);
    await single.waitFor(/Correct|Not quite/);
    expect(await single.exited).toBe(0);
    rows = await single.screen();
    expect(rows.filter((r) => r.wrapped).map((r) => r.text)).toEqual([]);
    expect(rows.some((r) => /^› Choose one \S/.test(r.text))).toBe(true);
  });

  it('a long prompt and its refusal wrap whole words under an indent at 60 columns', async () => {
    const home = tempDir();
    const env = isolatedEnv(home, { STUDY_PROGRESS: join(home, 'p.json'), STUDY_NOW: '2026-03-01T09:00:00Z' });
    const s = startStudy(['quiz', '--question', 'inference-optimization.kv-transfer'], env, { cols: 60, rows: ROWS });
    await s.waitFor('Your estimate');
    s.write(`5 fortnights${KEY.enter}`);
    await s.waitFor('bare number');
    const rows = (await s.screen()).map((r) => r.text);
    const at = rows.findIndex((r) => r.startsWith('? Your estimate'));
    // "? Your estimate (in ms; other units … are" / "  converted) 5 fortnights" / "> unknown unit …" / "  …".
    expect(rows[at + 1]).toMatch(/^ {2}\S/);
    const refusal = rows.findIndex((r) => r.startsWith('> unknown unit'));
    expect(refusal).toBeGreaterThan(at);
    expect(rows[refusal + 1]).toMatch(/^ {2}\S/);
    // No unit is split from its number across the break.
    expect(rows.slice(refusal, refusal + 3).join('\n')).not.toMatch(/\d\n\s*(mo|ms|s|min|h|d|y)\b/);
    s.write(KEY.ctrlC);
    await s.exited;
  });

  it('options that take more than a row are numbered, their rows hanging under the text (60 columns)', async () => {
    const home = tempDir();
    const env = isolatedEnv(home, { STUDY_PROGRESS: join(home, 'p.json'), STUDY_NOW: '2026-03-01T09:00:00Z' });
    const s = startStudy(['quiz', '--question', 'virtual-machines.purchase-mix', '--seed', '1'], env, { cols: 60, rows: ROWS });
    await s.waitFor('navigate');
    const rows = (await s.screen()).map((r) => r.text);
    const first = rows.findIndex((r) => /^❯ 1\. /.test(r));
    expect(first).toBeGreaterThan(-1);
    const list = rows.slice(first, rows.findIndex((r) => r.includes('navigate')));
    expect(list.filter((r) => /^[❯ ] [1-4]\. \S/.test(r)).map((r) => r.slice(2, 4))).toEqual(['1.', '2.', '3.', '4.']);
    // Every other row of the list continues the option above it, under its text.
    for (const r of list.filter((x) => x.trim() && !/^[❯ ] [1-4]\. /.test(x))) expect(r).toMatch(/^ {5}\S/);
    // The number is the key: 3 moves to the third option.
    s.write('3');
    await s.waitFor(/❯ 3\. /);
    s.write(KEY.ctrlC);
    await s.exited;
  });

  it('a long menu choice, once chosen, is echoed on one row (60 columns)', async () => {
    const home = tempDir();
    const env = isolatedEnv(home, { STUDY_PROGRESS: join(home, 'p.json'), STUDY_NOW: '2026-03-01T09:00:00Z' });
    // A saved plan makes the Continue item long: "Continue: Plan (interview in … days): learn …".
    expect(runCli(['config', 'set', 'plan.interview', '2026-04-15'], { env }).status).toBe(0);
    const s = startStudy([], env, { cols: 60, rows: ROWS });
    await s.waitFor('What now?');
    await s.waitFor('navigate');
    s.write(KEY.enter);
    await s.waitFor(/› What now\? Continue:/);
    const rows = await s.screen();
    const echo = rows.findIndex((r) => r.text.startsWith('› What now? Continue:'));
    expect(rows[echo]!.text).toMatch(/…$/);
    expect(rows[echo + 1]!.text).not.toMatch(/^\S/);
    // The chosen activity is running now (Ctrl-C would only go back to the menu): close the terminal.
    s.pty.kill();
    await s.exited;
  });

  it('a quiz of every question type overflows no row', async () => {
    const home = tempDir();
    const env = isolatedEnv(home, { STUDY_PROGRESS: join(home, 'p.json'), STUDY_NOW: '2026-03-01T09:00:00Z' });
    const s = startStudy(['quiz', '--module', '4', '--count', '8', '--seed', '11'], env, { cols: 60, rows: ROWS });
    for (let i = 0; i < 8; i++) await answerAny(s);
    await s.waitFor('8 answers saved.');
    expect(await s.exited).toBe(0);
    const rows = await s.screen();
    expect(rows.filter((r) => r.wrapped).map((r) => r.text)).toEqual([]);
  });
});
