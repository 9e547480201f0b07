/**
 * The commander program built from the command table, with lazy handler imports, and the one
 * place where errors become output and exit codes. `main.ts` loads it and exits.
 */
import { Command, CommanderError } from 'commander';
import { EXIT, isPromptCancel, isStudyError } from '../errors.js';
import { sanitize, sanitizeLine } from '../sanitize.js';
import { COMMANDS, type CommandSpec } from './commands.js';
import { makeContext, type GlobalFlags } from './context.js';

import { VERSION } from './version.js';

/** Global options that take a value (their value is not a command name). */
const GLOBAL_WITH_VALUE = new Set(['--curriculum', '--progress']);

/** The command named in `argv`, if it is one of ours (undefined for `study`, or an unknown word). */
export function invokedCommand(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (GLOBAL_WITH_VALUE.has(a)) i++;
    else if (!a.startsWith('-')) return COMMANDS.some((c) => c.name === a) ? a : undefined;
  }
  return undefined;
}

function buildProgram(argv: string[]): Command {
  const program = new Command('study')
    .description('A terminal trainer for AI / ML system-design interviews: lessons, quizzes, spaced review, mock interviews, calculators.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('--curriculum <dir>', 'curriculum folder (env STUDY_CURRICULUM; default: the bundled one)')
    .option('--progress <file>', 'progress file (env STUDY_PROGRESS; default: $XDG_DATA_HOME/ai-design-study/progress.json)')
    .option('--no-color', 'no colours (also NO_COLOR=1)')
    .option('--debug', 'print stack traces of unexpected errors')
    .exitOverride()
    // Arguments are echoed in commander's messages: sanitised, so they cannot drive the terminal.
    .configureOutput({ outputError: (str, write) => write(sanitize(str.replace(/^error: /, 'study: '))) })
    .showSuggestionAfterError(true)
    .allowExcessArguments(false);
  program.action(async () => {
    const { run } = await import('./commands/home.js');
    await run([], {}, await context(program));
  });
  // Every command is listed (for help and suggestions), but only the one being run gets its
  // options and help text: defining all of them costs start-up time for nothing.
  const invoked = invokedCommand(argv);
  for (const spec of COMMANDS) register(program, spec, invoked === undefined || invoked === spec.name, argv);
  return program;
}

function register(program: Command, spec: CommandSpec, full: boolean, argv: string[]): void {
  const cmd = program.command(spec.args ? `${spec.name} ${spec.args}` : spec.name).description(spec.summary);
  if (full) {
    for (const o of spec.options) cmd.option(o.flags, o.description, o.defaultValue as string | boolean | undefined);
    const help = spec.helpFor?.(argv) ?? spec.help;
    if (help) cmd.addHelpText('after', `\n${help}`);
    spec.configure?.(cmd, argv);
  }
  cmd.exitOverride().allowExcessArguments(false);
  cmd.action(async (...received: unknown[]) => {
    const command = received[received.length - 1] as Command;
    const args = command.args;
    const { run } = await spec.load();
    await run(args, command.opts(), await context(program));
  });
}

function context(program: Command) {
  return makeContext(program.opts<GlobalFlags>());
}

/** Runs the CLI and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram(argv);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (e) {
    return report(e, argv.includes('--debug'));
  }
}

function report(e: unknown, debug: boolean): number {
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
    return EXIT.usage;
  }
  if (isPromptCancel(e)) {
    process.stderr.write('Interrupted.\n');
    return EXIT.interrupted;
  }
  if (isStudyError(e)) {
    // Messages echo paths, arguments and ids: one sanitised line.
    process.stderr.write(`study: ${sanitizeLine(e.message)}\n`);
    if (debug && e.stack) process.stderr.write(`${e.stack}\n`);
    return e.exitCode;
  }
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(`study: unexpected error: ${sanitizeLine(message.split('\n')[0]!)}${debug ? '' : ' (run with --debug for details)'}\n`);
  if (debug && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
  return EXIT.failure;
}
