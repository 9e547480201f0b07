/**
 * A new user's day: a quiz with every question type in a real terminal, then `study review` the
 * next day (simulated clock), then Ctrl-C mid-review. Reads the progress file after each step.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, isolatedEnv, tempDir } from '../helpers.js';
import { KEY, startStudy, type Session } from './pty.js';

const MINI = join(ROOT, 'test/fixtures/mini');
const RIGHT_SINGLE = 'Grouped-query attention';
const RIGHT_MULTI = ['Context length', 'Batch size'];
const ORDER = ['Embed the new token', 'Attend over cached keys and values', 'Append its K and V to the cache', 'Sample the next token'];

/** The option texts listed under the prompt line matching `marker` in `screen`. */
function optionsIn(screen: string, marker: RegExp): string[] {
  const lines = screen.slice(screen.search(marker)).split('\n').slice(1);
  const out: string[] = [];
  for (const line of lines) {
    if (!line.trim() || /navigate|choose ·|submit/.test(line)) break;
    out.push(line.replace(/^[❯⇅\s]*(?:[◯◉]\s*)?(?:\d+\.\s)?/, '').trim());
  }
  return out;
}

/** Any question prompt of the quiz. */
const PROMPT = /Choose one|Choose all|True or false|Your estimate|Put these in order|Recall the answer/;

/** Answers `n` questions, presses Ctrl-C at the next one, and checks the exit says they were saved. */
async function answerThenInterrupt(s: Session, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await answer(s);
    await s.waitFor(/Correct|Not quite|Graded/);
  }
  await s.waitFor(PROMPT);
  s.write(KEY.ctrlC);
  await s.waitFor(`Interrupted — ${n} answer${n === 1 ? '' : 's'} saved`);
  expect(await s.exited).toBe(130);
}

async function answer(s: Session) {
  const re = PROMPT;
  const prompt = (await s.waitFor(re)).match(re)![0];
  // Let the whole option list arrive after the prompt line: it ends with the key help line.
  const rest = /Choose one|Choose all|True or false|Put these/.test(prompt) ? await s.waitFor(/navigate|choose ·|submit/) : '';
  const screen = prompt + rest;
  const kind = /Choose one/.test(screen) ? 'single' : /Choose all/.test(screen) ? 'multi' : /True or false/.test(screen) ? 'tf' : /Your estimate/.test(screen) ? 'numeric' : /Put these/.test(screen) ? 'order' : 'recall';
  switch (kind) {
    case 'single': {
      const opts = optionsIn(screen, /Choose one/);
      s.write(KEY.down.repeat(opts.indexOf(RIGHT_SINGLE)) + KEY.enter);
      break;
    }
    case 'multi': {
      const opts = optionsIn(screen, /Choose all/);
      let keys = '';
      opts.forEach((o, i) => {
        if (i > 0) keys += KEY.down;
        if (RIGHT_MULTI.includes(o)) keys += KEY.space;
      });
      s.write(keys + KEY.enter);
      break;
    }
    case 'tf':
      s.write(KEY.down + KEY.enter); // False
      break;
    case 'numeric':
      s.write('3 parsecs' + KEY.enter);
      await s.waitFor('unknown unit "parsecs"');
      // Clear the kept text, and wait until the prompt line shows it empty before typing again.
      for (let i = 0; i < 9; i++) s.write(KEY.backspace);
      await s.waitFor(/converted\)\s*$/m);
      s.write('2048 MiB' + KEY.enter);
      break;
    case 'order': {
      const shown = optionsIn(screen, /Put these in order/);
      expect(new Set(shown)).toEqual(new Set(ORDER));
      let cursor = 0;
      for (let target = 0; target < ORDER.length; target++) {
        const from = shown.indexOf(ORDER[target]!);
        const move = from - cursor;
        s.write((move > 0 ? KEY.down : KEY.up).repeat(Math.abs(move)));
        s.write(KEY.space + KEY.up.repeat(from - target) + KEY.space);
        const [item] = shown.splice(from, 1);
        shown.splice(target, 0, item!);
        cursor = target;
      }
      s.write(KEY.enter);
      break;
    }
    case 'recall':
      s.write(KEY.enter);
      await s.waitFor('How well did you recall it?');
      s.write(KEY.enter); // Good (the default)
      break;
  }
  return kind;
}

function progress(path: string) {
  return JSON.parse(readFileSync(path, 'utf8')) as { events: { questionId: string; correct: boolean; source: string; rating: number }[]; cards: Record<string, { due: string }> };
}

describe('quiz and review in a terminal', () => {
  it('answers every question type, saves each answer, reviews the next day, and keeps answers on Ctrl-C', async () => {
    const home = tempDir();
    const file = join(home, 'progress.json');
    const env = isolatedEnv(home, { STUDY_PROGRESS: file, STUDY_CURRICULUM: MINI, STUDY_NOW: '2026-03-01T09:00:00Z' });

    const quiz = startStudy(['quiz', '--count', '6', '--seed', '3'], env);
    const kinds: string[] = [];
    for (let i = 0; i < 6; i++) {
      kinds.push(await answer(quiz));
      await quiz.waitFor(i === 5 ? 'Summary' : /Correct|Not quite|Graded/);
    }
    await quiz.waitFor('6 answers saved.');
    expect(await quiz.exited).toBe(0);
    expect(new Set(kinds)).toEqual(new Set(['single', 'multi', 'tf', 'numeric', 'order', 'recall']));
    expect(quiz.output()).toContain('Score 6/6');
    const after = progress(file);
    expect(after.events).toHaveLength(6);
    expect(after.events.every((e) => e.correct && e.source === 'quiz')).toBe(true);
    expect(Object.keys(after.cards).sort()).toEqual(['kv-cache.multi', 'kv-cache.order', 'kv-cache.recall', 'kv-cache.single', 'kv-cache.size', 'kv-cache.tf']);

    // The next day only the card graded Good (a 10-minute learning step) is due; quick right
    // answers were rated Easy and come back days later.
    const nextDay = startStudy(['review'], { ...env, STUDY_NOW: '2026-03-02T09:00:00Z' });
    await nextDay.waitFor('Review — 1 due card');
    await nextDay.waitFor('Recall the answer');
    nextDay.write(KEY.ctrlC);
    await nextDay.waitFor('Interrupted — nothing was answered, so nothing changed.');
    expect(await nextDay.exited).toBe(130);
    // Six weeks later every card is due.
    const reviewEnv = { ...env, STUDY_NOW: '2026-04-15T09:00:00Z' };
    const rev = startStudy(['review', '--seed', '5'], reviewEnv);
    await rev.waitFor('Review — 6 due cards');
    await answerThenInterrupt(rev, 2);
    // The terminal is left clean: the cursor, hidden by the list prompt, is shown again at the end.
    const raw = rev.raw();
    expect(raw.lastIndexOf('\u001b[?25h')).toBeGreaterThan(raw.lastIndexOf('\u001b[?25l'));
    const reviewed = progress(file);
    expect(reviewed.events).toHaveLength(8);
    expect(reviewed.events.slice(6).every((e) => e.source === 'review')).toBe(true);
    expect(reviewed.events.slice(6).map((e) => e.questionId)).not.toContain(undefined);
    // Reviewed cards moved into the future; the others are still due.
    const due = Object.values(reviewed.cards).filter((c) => c.due <= '2026-04-15T09:00:00.000Z');
    expect(due).toHaveLength(4);
  });

  it('learn then quiz: the lesson, then its quiz; Ctrl-C keeps what was answered', async () => {
    const home = tempDir();
    const file = join(home, 'progress.json');
    const s = startStudy(['learn'], isolatedEnv(home, { STUDY_PROGRESS: file, STUDY_CURRICULUM: MINI }));
    await s.waitFor('Module');
    s.write(KEY.enter); // module 1
    await s.waitFor('Section of module 1');
    s.write(KEY.enter); // its section
    await s.waitFor('not started');
    s.write(KEY.enter); // topic 1
    await s.waitFor('Key points');
    await s.waitFor('Quiz on this topic (6 questions)');
    s.write(KEY.enter);
    await answerThenInterrupt(s, 1);
    expect(progress(file).events.map((e) => e.source)).toEqual(['learn']);
  });

  it('refuses to run without a terminal, with one line and exit 2', async () => {
    const { runCli } = await import('../helpers.js');
    const r = runCli(['quiz'], { env: isolatedEnv(tempDir(), { STUDY_CURRICULUM: MINI }) });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/study quiz needs an interactive terminal/);
  });
});
