/**
 * The command table: names, arguments and options for commander, and a lazy loader for each
 * handler so that `study --version` imports none of them.
 */
import type { Context } from './context.js';

/** A command handler: positional arguments, its own parsed options, the context. */
export type Handler = (args: string[], opts: Record<string, unknown>, ctx: Context) => Promise<void>;

export interface OptionSpec {
  flags: string;
  description: string;
  defaultValue?: string | boolean;
}

export interface CommandSpec {
  name: string;
  /** Commander argument syntax, e.g. `[dir]`. */
  args?: string;
  summary: string;
  /** Extra help text shown under the command's --help. */
  help?: string;
  options: OptionSpec[];
  /** Needs an interactive terminal unless one of these options is given (e.g. --json). */
  load: () => Promise<{ run: Handler }>;
}

export const COMMANDS: CommandSpec[] = [
  {
    name: 'topics',
    summary: 'show the curriculum as a tree of modules, sections and topics',
    options: [
      { flags: '--module <n>', description: 'only module N (1-4)' },
      { flags: '--json', description: 'print JSON (modules, sections, topics with counts)' },
    ],
    load: () => import('./commands/topics.js'),
  },
  {
    name: 'validate',
    args: '[dir]',
    summary: 'check a curriculum folder: every problem as file:line:col, then a summary',
    options: [{ flags: '--strict', description: 'also check completeness (key points, questions, recall cards, references)' }],
    load: () => import('./commands/validate.js'),
  },
];
