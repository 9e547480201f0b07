/** Helpers for commands that talk with the user: the terminal check and the real Prompter. */
import { UsageError } from '../errors.js';
import type { Prompter } from '../ui/prompter.js';
import type { Context } from './context.js';

/** Commands that work without a terminal, named in the refusal message. */
const NON_INTERACTIVE = 'study topics, study learn TOPIC, study validate, study progress --json, study calc … --json, study drill --json, study interview --list --json';

/** Stops with exit 2 when stdin or stdout is not a terminal, rather than hanging or crashing. */
export function requireTerminal(ctx: Context, command: string): void {
  if (!ctx.interactive) {
    throw new UsageError(`${command} needs an interactive terminal (stdin and stdout must be a TTY); without one use: ${NON_INTERACTIVE}`);
  }
}

/** The inquirer prompter, with colour off when the theme is plain (inquirer reads NO_COLOR on load). */
export async function terminalPrompter(ctx: Context): Promise<Prompter> {
  if (!ctx.theme.color) process.env.NO_COLOR = '1';
  const { inquirerPrompter } = await import('../ui/prompter.js');
  return inquirerPrompter(ctx.theme.color ? ctx.theme.warn : undefined);
}

/** A seed for option shuffling: the user's `--seed`, else a random one. */
export function seedFrom(seed: number | undefined): number {
  return seed ?? Math.floor(Math.random() * 2 ** 31);
}
