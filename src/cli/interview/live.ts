/**
 * A running interview: the session, the clock of the phase in progress, and what Ctrl-C does.
 * Ctrl-C stops the clock and offers resume / save and quit / discard; the session is written to
 * the in-progress file first, so even a second Ctrl-C (or a closed terminal at the menu) loses nothing.
 */
import { InterruptedError, isPromptCancel } from '../../errors.js';
import { elapsedMs, pauseTimer, readClock, resumeTimer, startTimer, type ClockView, type Timer } from '../../interview/timer.js';
import { updateFrame, updatePhase, type Session } from '../../interview/session.js';
import type { Prompter } from '../../ui/prompter.js';
import type { Context } from '../context.js';
import { onShutdown } from '../shutdown.js';
import { clearSaved, saveSession } from './files.js';
import { menuName } from './menu.js';

/** Thrown to leave the interview after "save and quit" or "discard": not an error, exit 0. */
export class LeaveInterview extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LeaveInterview';
  }
}

/** Inquirer signals Ctrl-C with an ExitPromptError. */
export const isPromptExit = isPromptCancel;

/**
 * Keeps the terminal in raw mode between prompts while an interview runs. In line mode, a Ctrl-C
 * pressed while the program is between two prompts (saving, printing an answer) is a SIGINT that
 * ends the program; in raw mode it is a key that waits, with anything typed meanwhile, for the
 * next prompt, which opens the pause menu as a Ctrl-C in a prompt does. (A `kill` still stops it.)
 */
function holdKeys(on: boolean): void {
  const stdin = process.stdin;
  if (!stdin.isTTY || stdin.isRaw === on) return;
  try {
    stdin.setRawMode(on);
  } catch {
    // the terminal is gone: nothing to hold
  }
}

export class Live {
  /** The clock of the phase in progress; null outside the phases. */
  private timer: Timer | null = null;
  /** Folds what the open prompt holds (notes being typed) into the session; set during `ask`. */
  private keepOpen: (() => void) | undefined;
  /** Unregisters the signal hook. */
  private readonly offSignal: () => void;
  /** Set while the clock times the introductions or the candidate's questions instead of a phase. */
  private frame: 'intro' | 'questions' | null = null;

  constructor(
    public session: Session,
    readonly prompter: Prompter,
    readonly ctx: Context,
    /** The in-progress file. */
    readonly savePath: string,
    /** Monotonic milliseconds (performance.now in the terminal). */
    readonly mono: () => number,
  ) {
    // SIGTERM or a closed terminal mid-interview: keep the notes typed so far, like Ctrl-C does.
    this.offSignal = onShutdown(() => {
      this.keepOpen?.();
      this.save();
      return `the interview is saved; continue with: study interview --resume`;
    });
    holdKeys(true);
  }

  /** The interview is over (finished, left or failed): a signal no longer saves it. */
  close(): void {
    this.offSignal();
    holdKeys(false);
  }

  /** Starts (or continues) the current phase's clock from the time it already used. */
  startPhaseClock(): void {
    const used = this.session.phases[this.session.phaseIndex]?.usedMs ?? 0;
    this.frame = null;
    this.timer = startTimer(this.mono() - used);
  }

  /** Starts (or continues) the clock of the introductions or the candidate's questions. */
  startFrameClock(part: 'intro' | 'questions'): void {
    this.frame = part;
    this.timer = startTimer(this.mono() - (this.session.frame?.[part].usedMs ?? 0));
  }

  /** The current phase's (or frame part's) clock, read now. */
  clock(): ClockView | undefined {
    if (this.frame) {
      const rec = this.session.frame?.[this.frame];
      return this.timer && rec ? readClock(this.timer, rec.plannedMs, this.mono()) : undefined;
    }
    const rec = this.session.phases[this.session.phaseIndex];
    return this.timer && rec ? readClock(this.timer, rec.plannedMs, this.mono()) : undefined;
  }

  /** Folds the clock into the session (used time of the current phase or frame part). */
  sync(): Session {
    if (!this.timer) return this.session;
    const used = Math.round(elapsedMs(this.timer, this.mono()));
    this.session = this.frame ? updateFrame(this.session, this.frame, { usedMs: used }) : updatePhase(this.session, { usedMs: used });
    return this.session;
  }

  stopPhaseClock(): void {
    this.sync();
    this.timer = null;
    this.frame = null;
  }

  save(): void {
    saveSession(this.savePath, this.sync());
  }

  /** Rings the terminal bell once per phase. */
  bell(): void {
    if (this.frame) return void this.ctx.out('\u0007');
    const rec = this.session.phases[this.session.phaseIndex];
    if (!rec || rec.bellRung) return;
    this.session = updatePhase(this.session, { bellRung: true });
    this.ctx.out('\u0007');
  }

  /**
   * Runs a prompt; on Ctrl-C calls `keep` (to store what the prompt had), pauses, and either
   * runs the prompt again (resume) or leaves (save and quit / discard).
   */
  async ask<T>(run: () => Promise<T>, keep?: () => void): Promise<T> {
    for (;;) {
      try {
        this.keepOpen = keep;
        return await run();
      } catch (e) {
        if (!isPromptExit(e)) throw e;
        keep?.();
        await this.pause();
      } finally {
        this.keepOpen = undefined;
        // The prompt gave the terminal back to line mode; take it again until the next one.
        holdKeys(true);
      }
    }
  }

  private async pause(): Promise<void> {
    const now = this.mono();
    if (this.timer) this.timer = pauseTimer(this.timer, now);
    this.save();
    const t = this.ctx.theme;
    const left = this.session.practice ? undefined : this.clock();
    this.ctx.out(`\n${t.warn('Paused')} — the clock is stopped${left ? ` at ${left.label}` : ''}.\n`);
    for (;;) {
      let choice: 'resume' | 'save' | 'discard';
      try {
        choice = await this.prompter.select({
          message: 'What now?',
          choices: [
            { name: 'Resume', value: 'resume' as const },
            { ...menuName('Save and quit (continue later with: study interview --resume)', this.ctx.columns), value: 'save' as const },
            { name: 'Discard this interview', value: 'discard' as const },
          ],
        });
      } catch (e) {
        if (isPromptExit(e)) throw new InterruptedError(`Interrupted — the interview is saved; continue with: study interview --resume`);
        throw e;
      }
      if (choice === 'resume') {
        if (this.timer) this.timer = resumeTimer(this.timer, this.mono());
        return;
      }
      if (choice === 'save') throw new LeaveInterview(`Saved in ${this.savePath}.\nContinue with: study interview --resume`);
      const sure = await this.prompter.confirm({ message: 'Discard it? Its notes are deleted and nothing is recorded.', default: false }).catch((e: unknown) => {
        if (isPromptExit(e)) throw new InterruptedError(`Interrupted — the interview is saved; continue with: study interview --resume`);
        throw e;
      });
      if (sure) {
        clearSaved(this.savePath);
        throw new LeaveInterview('Discarded; nothing was recorded.');
      }
    }
  }
}
