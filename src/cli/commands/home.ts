/** `study` with no command: a short overview and the list of commands. */
import { COMMANDS } from '../commands.js';
import type { Context } from '../context.js';

export async function run(_args: string[], _opts: Record<string, unknown>, ctx: Context): Promise<void> {
  const t = ctx.theme;
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  const lines = [
    t.heading('study — a terminal trainer for AI / ML system-design interviews'),
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${t.bold(c.name.padEnd(width))}${c.summary}`),
    '',
    `Run ${t.accent('study COMMAND --help')} for a command's options, ${t.accent('study --help')} for global ones.`,
  ];
  ctx.out(`${lines.join('\n')}\n`);
}
