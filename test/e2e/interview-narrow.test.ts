/**
 * A whole practice round on a library problem at 60 columns, chosen from the menu: the menu lists
 * capstones then the library by title, clarifying questions typed in the candidate's own words are
 * answered from the bank, the deep dive probes and pushes, the wrap-up probe is answered, and the
 * debrief (points with evidence, the probes graded, the rubric, the level with its reasons) names
 * points by their text, never by id. No row of the terminal overflows the width (a word split by
 * the terminal), anywhere in the round.
 */
import { describe, expect, it } from 'vitest';
import { isolatedEnv, tempDir } from '../helpers.js';
import { KEY, startStudy, type Session, step } from './pty.js';

describe('a round at 60 columns', () => {
  it('menu, clarifying, probes and debrief fit 60 columns with titles, not ids', async () => {
    const home = tempDir();
    const env = isolatedEnv(home, { STUDY_NOW: '2026-06-01T10:00:00.000Z' });
    const s = startStudy(['interview', '--practice'], env, { cols: 60, rows: 40 });
    try {
      const menu = await s.waitFor('Which problem?');
      await s.waitFor('id eta-pricing');
      expect(menu + s.output()).toContain('Capstone · Design a ride-hailing ETA');
      // The capstones first, then the library: rag-assistant is the tenth entry.
      for (let i = 0; i < 9; i++) await step(s, KEY.down, i < 8 ? /id \S+/ : 'id rag-assistant');
      await step(s, KEY.enter, 'Introductions');
      await s.waitFor('continue');
      await step(s, KEY.enter, 'Ask the interviewer');
      await step(s, 'How many documents are there?\r', 'documents are there');
      await step(s, 'Who can see which documents?\r', 'which documents');
      const answers = await step(s, KEY.enter, /Each source system has its own\s+ACLs/);
      expect(answers).toMatch(/20 million\s+items/);
      await s.waitFor('start notes');
      await step(s, KEY.enter, /Phase 1\/6 · Clarify requirements[\s\S]*end the phase/);
      await step(s, 'Permissions are checked at query time, so leaks\r', 'so leaks');
      await step(s, '?\r', 'Nudge —');
      for (let p = 2; p <= 4; p++) await step(s, KEY.enter, new RegExp(`Phase ${p}/6`));
      const dive = await step(s, KEY.enter, /Phase 5\/6 · Deep dive[\s\S]*end the phase/);
      expect(dive).toContain('picks one topic for the deep dive');
      await step(s, 'Revocations stream in within 60 s, so no stale access\r', 'stale access');
      await step(s, KEY.enter, /The interviewer pushes:/);
      await step(s, KEY.enter, /Phase 6\/6/);
      await s.waitFor(/Before we wrap up, the interviewer asks:/);
      await step(s, 'A golden set of 200 questions, so we can compare\r', 'compare');
      await step(s, KEY.enter, /end the phase/);
      await step(s, KEY.enter, 'Your questions for the interviewer');
      const debrief = await step(s, KEY.enter, 'Did the grader get a point wrong?');
      expect(debrief).toMatch(/probes, graded[\s\S]*asked as the deep-dive topic[\s\S]*asked before the wrap-up, in Serving/);
      expect(debrief).not.toMatch(/graded against: [a-z]+-[a-z]/);
      const first = await step(s, KEY.enter, 'your level');
      const total = Number(/\n1\/(\d+) /.exec(first)![1]);
      for (let d = 1; d <= total; d++) await step(s, KEY.enter, d < total ? `${d + 1}/${total} ` : /Transcript: \S+\.md/);
      await s.waitFor(/review cards added/);
      expect(await s.exited).toBe(0);
      const level = s.output().slice(s.output().indexOf('Level shown by the notes'));
      expect(level).toMatch(/staff signals missing: Sets the agenda/);
      expect(level).not.toMatch(/\b(agenda|phased-plan|team-dependencies),/);
      const rows = await s.screen();
      expect(rows.filter((r) => r.wrapped).map((r) => r.text)).toEqual([]);
    } finally {
      s.pty.kill();
    }
  });
});

/** A practice round of payment-fraud at 60 columns in a fresh home. */
function startAsking(): { s: Session; env: NodeJS.ProcessEnv } {
  const env = isolatedEnv(tempDir(), { STUDY_NOW: '2026-06-01T10:00:00.000Z' });
  return { s: startStudy(['interview', 'payment-fraud', '--practice'], env, { cols: 60, rows: 40 }), env };
}

/** Resumes the saved round in a new terminal, waits for `pattern` and returns what was shown; then closes it. */
async function resumeAndSee(env: NodeJS.ProcessEnv, pattern: RegExp): Promise<string> {
  const r = startStudy(['interview', '--resume'], env, { cols: 60, rows: 40 });
  try {
    return await r.waitFor(pattern);
  } finally {
    r.pty.kill();
    await r.exited;
  }
}

/** From the introductions to the clarifying prompt, with one question typed there. */
async function typeFirstQuestion(s: Session): Promise<void> {
  await step(s, KEY.enter, 'Ask the interviewer');
  await step(s, 'How many transactions per second at peak?\r', 'at peak?');
}

describe('Ctrl-C between two prompts', () => {
  it('opens the pause menu, as in a prompt, instead of ending the program', async () => {
    const { s, env } = startAsking();
    try {
      await s.waitFor('continue');
      await typeFirstQuestion(s);
      // The answer is printed while no prompt is open; Ctrl-C goes in at once, before the next one.
      await step(s, KEY.enter, /2,900\s+per\s+second/);
      s.write(KEY.ctrlC);
      await s.waitFor('What now?');
      await step(s, KEY.enter, 'start notes'); // Resume
      await step(s, KEY.ctrlC, 'What now?');
      await step(s, KEY.down + KEY.enter, 'Continue with: study interview --resume');
      expect(await s.exited).toBe(0);
    } finally {
      s.pty.kill();
    }
    // On resume the exchange is shown as it was asked, in the candidate's words.
    await resumeAndSee(env, /Clarifications so far:\s+You: How many transactions per second at\s+peak\?\s+Interviewer: 250 million/);
  });
});

describe('the wrap-up probe', () => {
  it('keeps the answer typed so far over a save and quit, and gives it back on resume', async () => {
    const { s, env } = startAsking();
    try {
      await s.waitFor('continue');
      await step(s, KEY.enter, 'Ask the interviewer');
      await step(s, KEY.enter, /Phase 1\/6/);
      for (let p = 2; p <= 5; p++) await step(s, KEY.enter, new RegExp(`Phase ${p}/6`));
      // The deep dive may push once before it ends.
      const after = await step(s, KEY.enter, /pushes|Phase 6\/6/);
      if (/pushes/.test(after)) await step(s, KEY.enter, /Phase 6\/6/);
      await s.waitFor('Your answer');
      await step(s, 'Chargebacks take 60 days to mature\r', 'mature');
      await step(s, 'half a line', 'half a line');
      await step(s, KEY.ctrlC, 'What now?');
      await step(s, KEY.down + KEY.enter, 'Continue with: study interview --resume');
      expect(await s.exited).toBe(0);
    } finally {
      s.pty.kill();
    }
    expect(await resumeAndSee(env, /Your answer[\s\S]*half a line/)).toContain('Chargebacks take 60 days to mature');
  });
});

describe('a resumed deep dive', () => {
  it('says the changed requirement and the push again', async () => {
    const env = isolatedEnv(tempDir(), { STUDY_NOW: '2026-06-01T10:00:00.000Z' });
    const s = startStudy(['interview', 'eta-pricing', '--practice'], env, { cols: 60, rows: 40 });
    try {
      await s.waitFor('continue');
      await step(s, KEY.enter, 'Ask the interviewer');
      let seen = await step(s, KEY.enter, /Phase 1\/\d/);
      for (let i = 0; i < 8 && !/Deep dive[\s\S]*end the phase/.test(seen); i++) seen = await step(s, KEY.enter, /Phase \d\/\d[\s\S]*end the phase/);
      expect(seen).toContain('changes a requirement');
      await step(s, 'Batch the candidates in one call\r', 'one call');
      await step(s, KEY.enter, 'The interviewer pushes:');
      await step(s, KEY.ctrlC, 'What now?');
      await step(s, KEY.down + KEY.enter, 'Continue with: study interview --resume');
    } finally {
      s.pty.kill();
    }
    expect(await resumeAndSee(env, /changed a requirement earlier[\s\S]*The interviewer pushed:[\s\S]*end the phase/)).toContain('Batch the candidates in one call');
  });
});

describe('two terminals', () => {
  it('a second live interview on the same progress is refused with one line until the first ends; a crashed one does not block', async () => {
    const { writeFileSync, mkdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const home = tempDir();
    const env = isolatedEnv(home, { STUDY_NOW: '2026-06-01T10:00:00.000Z' });
    const a = startStudy(['interview', 'payment-fraud', '--practice'], env, { cols: 60, rows: 40 });
    try {
      await a.waitFor('continue');
      const b = startStudy(['interview', 'eta-pricing', '--practice'], env, { cols: 60, rows: 40 });
      const said = await b.waitFor(/another mock interview is running[^\n]*\n?[^\n]*/);
      expect(said).toMatch(/pid \d+/);
      expect(await b.exited).toBe(1);
      await step(a, KEY.ctrlC, 'What now?');
      await step(a, KEY.down + KEY.enter, 'Continue with: study interview --resume');
      expect(await a.exited).toBe(0);
    } finally {
      a.pty.kill();
    }
    // A lock left by a process that is gone (say, killed with SIGKILL) is taken over.
    const dir = join(home, 'data', 'ai-design-study', 'interviews');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'in-progress.json.lock'), 'pid 999999 start 1 boot -\n');
    // It also resumes where it was saved: in the introductions.
    await resumeAndSee(env, /Introductions[\s\S]*on an empty line: continue/);
  });
});

describe('save and quit while asking', () => {
  it('keeps the clarifying questions typed but not yet asked, and asks them on resume', async () => {
    const { s, env } = startAsking();
    try {
      await s.waitFor('continue');
      await typeFirstQuestion(s);
      await step(s, 'How rare is fraud', 'is fraud');
      await step(s, KEY.ctrlC, 'What now?');
      await step(s, KEY.down + KEY.enter, 'Continue with: study interview --resume');
      expect(await s.exited).toBe(0);
    } finally {
      s.pty.kill();
    }
    const r = startStudy(['interview', '--resume'], env, { cols: 60, rows: 40 });
    try {
      const back = await r.waitFor(/How rare is fraud[\s\S]*start notes/);
      expect(back).toContain('How many transactions per second at peak?');
      const answers = await step(r, KEY.enter, /0\.08%[\s\S]*start notes/);
      expect(answers).toMatch(/2,900\s+per\s+second/);
    } finally {
      // Closing the terminal saves the round (SIGHUP); wait for that before the temp folder goes.
      r.pty.kill();
      await r.exited;
    }
  });
});
