/**
 * Signals in a real terminal: SIGTERM, SIGHUP and SIGINT (sent with kill, not typed) during a mock
 * interview keep every note typed, the line being typed included; at a prompt they restore the
 * cursor; each exits 128 + the signal's number with one line. And `--resume` of a saved interview
 * whose phase no longer exists ends with one clear line instead of a crash.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, isolatedEnv, tempDir } from '../helpers.js';
import { KEY, startStudy, type Session, step } from './pty.js';

const MINI = join(ROOT, 'test/fixtures/mini');

/** After the last "hide cursor", the cursor was shown again. */
function cursorRestored(raw: string): boolean {
  const hidden = raw.lastIndexOf('\u001b[?25l');
  return hidden < 0 || raw.indexOf('\u001b[?25h', hidden) > hidden;
}

/** Starts an interview, writes one note and half of another, and returns the session. */
async function midInterview(home: string): Promise<Session> {
  const s = startStudy(['interview', 'eta-pricing', '--seed', '7', '--practice'], isolatedEnv(home));
  // Introductions (outside the design time), then the clarifying questions, then the first phase.
  await s.waitFor('Introductions');
  await step(s, KEY.enter, 'Ask the interviewer');
  await step(s, KEY.enter, /Phase 1\/\d+ · Clarify requirements[\s\S]*⏎ new line/);
  await step(s, 'Two problems: ETA and surge\r', '  Two problems');
  await step(s, 'half a line being typed', 'being typed');
  return s;
}

const savedPath = (home: string) => join(home, 'data', 'ai-design-study', 'interviews', 'in-progress.json');

describe('signals', () => {
  it.each([
    ['SIGTERM', 143, 'Stopped (SIGTERM)'],
    ['SIGHUP', 129, 'Stopped (SIGHUP)'],
    ['SIGINT', 130, 'Interrupted'],
  ] as const)('%s during an interview saves the notes, restores the terminal, exits %i', async (signal, code, said) => {
    const home = tempDir();
    const s = await midInterview(home);
    try {
      s.mark();
      s.pty.kill(signal);
      expect(await s.exited).toBe(code);
      expect(s.sinceMark()).toContain(`${said} — the interview is saved; continue with: study interview --resume.`);
      expect(cursorRestored(s.raw())).toBe(true);
      const saved = JSON.parse(readFileSync(savedPath(home), 'utf8'));
      expect(saved.phases[0].notes).toEqual(['Two problems: ETA and surge', 'half a line being typed']);
    } finally {
      s.pty.kill();
    }
  });

  it('SIGTERM at a quiz prompt restores the cursor and says the answers are saved', async () => {
    const home = tempDir();
    const s = startStudy(['quiz', '--count', '2'], isolatedEnv(home, { STUDY_CURRICULUM: MINI }));
    try {
      await s.waitFor(/Choose one|Choose all|True or false|Your estimate|Put these in order|Recall the answer/);
      s.mark();
      s.pty.kill('SIGTERM');
      expect(await s.exited).toBe(143);
      expect(s.sinceMark()).toContain('Stopped (SIGTERM) — every answer given so far is saved.');
      expect(cursorRestored(s.raw())).toBe(true);
    } finally {
      s.pty.kill();
    }
  });

  it('--resume with a saved phase that no longer exists: one clear line and a way out', async () => {
    const home = tempDir();
    const first = await midInterview(home);
    first.pty.kill('SIGTERM');
    await first.exited;
    const saved = JSON.parse(readFileSync(savedPath(home), 'utf8'));
    writeFileSync(savedPath(home), JSON.stringify({ ...saved, phaseIndex: 9 }));
    const s = startStudy(['interview', '--resume'], isolatedEnv(home));
    try {
      expect(await s.exited).toBe(1);
      expect(s.output().trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^study: the saved interview in .*in-progress\\.json is at phase 10 of ${saved.phases.length}, which does not exist, so it cannot continue; move that file away \\(its notes are in it\\) to start a new interview$`))]);
    } finally {
      s.pty.kill();
    }
    // A phase that vanished from the capstone: the same kind of line, pointing at a new interview.
    writeFileSync(savedPath(home), JSON.stringify({ ...saved, phases: saved.phases.map((p: { id: string }, i: number) => (i === 2 ? { ...p, id: 'gone-phase' } : p)) }));
    const again = startStudy(['interview', '--resume'], isolatedEnv(home));
    try {
      expect(await again.exited).toBe(1);
      expect(again.output()).toMatch(/study: the saved interview cannot continue: the phases of capstone-eta-pricing changed since it was saved; run study interview and choose to start a new one/);
    } finally {
      again.pty.kill();
    }
  });

  it('a pipe where the saved interview lives: one line, no hang', async () => {
    const home = tempDir();
    mkdirSync(dirname(savedPath(home)), { recursive: true });
    spawnSync('mkfifo', [savedPath(home)]);
    const s = startStudy(['interview', 'eta-pricing'], isolatedEnv(home));
    try {
      expect(await s.exited).toBe(1);
      expect(s.output()).toMatch(/study: cannot read the saved interview .*in-progress\.json: it is a named pipe \(FIFO\), not a regular file; move it away to start afresh/);
    } finally {
      s.pty.kill();
    }
  });
});
