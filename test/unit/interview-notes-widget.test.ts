/** The live notes widget, driven with @inquirer/testing: ticking clock, typing, hints, ending. */
import { render } from '@inquirer/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readClock, startTimer } from '../../src/interview/timer.js';
import { notesPrompt, type NotesDraft } from '../../src/ui/widgets/notes-prompt.js';

/** A 60-second phase on a fake monotonic clock that the test moves by hand. */
function fakePhase(plannedMs = 60_000) {
  const clock = { now: 0 };
  const timer = startTimer(0);
  return { clock, view: () => readClock(timer, plannedMs, clock.now) };
}

describe('notes prompt', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('re-renders the countdown every second while the user types', async () => {
    const phase = fakePhase();
    const { answer, events, getScreen } = await render(notesPrompt, { title: 'Phase 1/7 · Clarify', clock: phase.view, hints: ['h1', 'h2'] });
    expect(getScreen()).toContain('⏱ 1:00 left');
    events.type('kafka for pi');
    phase.clock.now = 1_000;
    vi.advanceTimersByTime(1_000);
    expect(getScreen()).toContain('⏱ 0:59 left');
    expect(getScreen()).toContain('› kafka for pi');
    events.type('ngs');
    phase.clock.now = 2_000;
    vi.advanceTimersByTime(1_000);
    expect(getScreen()).toContain('⏱ 0:58 left');
    expect(getScreen()).toContain('› kafka for pings');
    events.keypress('enter');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ lines: ['kafka for pings'], hintsShown: 0 });
  });

  it('skips a blank line that arrives inside a paste, and ends on a blank line typed alone', async () => {
    const { answer, events, getScreen } = await render(notesPrompt, { title: 'P' });
    let settled = false;
    void answer.then(() => (settled = true));
    // A paste: text, a blank line, more text, all in one burst.
    events.type('first');
    events.keypress('enter');
    events.keypress('enter');
    events.type('second');
    events.keypress('enter');
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    expect(settled).toBe(false);
    expect(getScreen()).toContain('second');
    // Enter on an empty line, on its own: the phase ends.
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ lines: ['first', 'second'], hintsShown: 0 });
  });

  it('turns amber in the last 20 %, red at zero with one bell, then counts overtime', async () => {
    const phase = fakePhase();
    const bell = vi.fn();
    const { answer, events, getScreen } = await render(notesPrompt, { title: 'P', clock: phase.view, bell });
    for (const [at, text] of [
      [47_000, '⏱ 0:13 left'],
      [48_000, '⏱ 0:12 left — wrap up'],
      [60_000, '⏱ time is up 0:00'],
      [61_000, '⏱ time is up +0:01'],
      [143_000, '⏱ time is up +1:23'],
    ] as const) {
      phase.clock.now = at;
      vi.advanceTimersByTime(1_000);
      expect(getScreen()).toContain(text);
    }
    expect(bell).toHaveBeenCalledTimes(1);
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ lines: [], hintsShown: 0 });
  });

  it('shows the next hint for "?" on its own line and records it; no more after the last', async () => {
    const changes: NotesDraft[] = [];
    const { answer, events, getScreen } = await render(notesPrompt, { title: 'P', hints: ['first hint', 'second hint'], onChange: (d) => changes.push(d) });
    events.type('?');
    events.keypress('enter');
    expect(getScreen()).toContain('Hint 1/2: first hint');
    expect(getScreen()).not.toContain('second hint');
    events.type('?');
    events.keypress('enter');
    events.type('?');
    events.keypress('enter');
    expect(getScreen()).toContain('Hint 2/2: second hint');
    expect(getScreen()).toContain('No more hints for this phase.');
    events.type('what is ? for');
    events.keypress('enter');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ lines: ['what is ? for'], hintsShown: 2 });
    expect(changes.at(-1)).toEqual({ lines: ['what is ? for'], hintsShown: 2 });
  });

  it('keeps earlier lines when continued and reports the line being typed', async () => {
    const changes: NotesDraft[] = [];
    const { answer, events, getScreen } = await render(notesPrompt, { title: 'P', lines: ['one', 'two'], visibleLines: 1, onChange: (d) => changes.push(d) });
    expect(getScreen()).toContain('… 1 earlier line');
    events.type('thr');
    expect(changes.at(-1)).toEqual({ lines: ['one', 'two'], hintsShown: 0, current: 'thr' });
    events.type('ee');
    events.keypress('enter');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ lines: ['one', 'two', 'three'], hintsShown: 0 });
  });

  it('has no clock and no ticking without a clock (practice)', async () => {
    const { answer, events, getScreen } = await render(notesPrompt, { title: 'Practice' });
    expect(getScreen()).not.toContain('⏱');
    expect(vi.getTimerCount()).toBe(0);
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ lines: [], hintsShown: 0 });
  });
});
