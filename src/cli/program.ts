/**
 * The commander program built from the command table, with lazy handler imports, and the one
 * place where errors become output and exit codes. `main.ts` loads it and exits.
 */
import { Command, CommanderError } from 'commander';
import { EXIT, interruptedPath, isPromptCancel, isStudyError, UsageError } from '../errors.js';
import { hasControl, sanitize, sanitizeLine, visible } from '../sanitize.js';
import { COMMANDS, GLOBAL_OPTIONS, prepareCommands, type CommandSpec } from './commands.js';
import { makeContext, type GlobalFlags } from './context.js';

import { VERSION } from './version.js';

/** Global options that take a value (their value is not a command name). */
const GLOBAL_WITH_VALUE = new Set(GLOBAL_OPTIONS.filter((o) => o.flags.includes('<')).map((o) => o.flags.split(' ')[0]!));

/** The words of `argv` that are not options (values of global options skipped): `study --progress p help quiz` → help, quiz. */
function words(argv: string[]): { word: string; at: number }[] {
  const out: { word: string; at: number }[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (GLOBAL_WITH_VALUE.has(a)) i++;
    else if (!a.startsWith('-')) out.push({ word: a, at: i });
  }
  return out;
}

const isCommand = (w: string | undefined) => w !== undefined && COMMANDS.some((c) => c.name === w);

/**
 * The command named in `argv`, if it is one of ours (undefined for `study`, or an unknown word);
 * for `study help CMD`, CMD.
 */
export function invokedCommand(argv: string[]): string | undefined {
  const [first, second] = words(argv).map((w) => w.word);
  const name = first === 'help' ? second : first;
  return isCommand(name) ? name : undefined;
}

/** The word that stands where a command should and is none (`study quizz`, `study help quizz`), with what follows it. */
function unknownCommand(argv: string[]): { word: string; rest: string[] } | undefined {
  const ws = words(argv);
  const target = ws[0]?.word === 'help' ? ws[1] : ws[0];
  // `study help help` is help about help: the general help, not "help is not a command".
  if (!target || isCommand(target.word) || target.word === 'help') return undefined;
  return { word: target.word, rest: ws[0]?.word === 'help' ? [] : argv.slice(target.at + 1) };
}

/** Help's layout, loaded by `main` when the command line asks for help (undefined: commander's own). */
type HelpLayout = typeof import('./help-layout.js');
let helpLayout: HelpLayout | undefined;
let helpWidth = 80;

/** Whether commander will print help for `argv`: `--help`/`-h` before any `--`, or `study help …`. */
function asksForHelp(argv: string[]): boolean {
  const end = argv.indexOf('--');
  const opts = end < 0 ? argv : argv.slice(0, end);
  return opts.includes('--help') || opts.includes('-h') || words(argv)[0]?.word === 'help';
}

function buildProgram(argv: string[]): Command {
  const program = new Command('study')
    .description('A terminal trainer for AI / ML system-design interviews: lessons, quizzes, spaced review, mock interviews, calculators.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .exitOverride()
    // Errors are held back: `report` prints them, rewriting some (unknown options) to say more.
    .configureOutput({ outputError: (str) => void (heldError += str) })
    .showSuggestionAfterError(true)
    .allowExcessArguments(false)
    .helpCommand('help [command]', 'show help for a command (the same as study COMMAND --help)');
  // Before the commands are added: they inherit it.
  if (helpLayout) program.configureHelp(helpLayout.helpConfiguration(helpWidth));
  for (const o of GLOBAL_OPTIONS) program.option(o.flags, o.description);
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
    if (spec.usage) cmd.usage(spec.usage);
    for (const o of spec.options) cmd.option(o.flags, o.description, o.defaultValue as string | boolean | undefined);
    const help = spec.helpFor?.(argv) ?? spec.help;
    if (help) cmd.addHelpText('after', () => `\n${helpLayout ? helpLayout.fitHelpText(help, helpWidth) : help}`);
    spec.configure?.(cmd, argv);
  }
  cmd.exitOverride().allowExcessArguments(false);
  cmd.action(async (...received: unknown[]) => {
    const command = received[received.length - 1] as Command;
    const args = command.args;
    const ctx = await context(program);
    if (spec.check) await spec.check(args, command.opts(), ctx);
    const { run } = await spec.load();
    await run(args, command.opts(), ctx);
  });
}

function context(program: Command) {
  return makeContext(program.opts<GlobalFlags>());
}

/** Runs the CLI and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  heldError = '';
  try {
    // A control character in an argument (a pasted escape sequence) would be stripped before any
    // message showed it, so "dns" would look refused: refuse it as typed, made visible.
    const tainted = argv.findIndex((a) => hasControl(a));
    if (tainted >= 0) throw new UsageError(`argument ${tainted + 1} ("${visible(argv[tainted]!)}") contains a terminal control character; type it without one`);
    const unknown = unknownCommand(argv);
    if (unknown) {
      const { unknownCommandMessage } = await import('./did-you-mean.js');
      throw new UsageError(unknownCommandMessage(sanitizeLine(unknown.word), [...COMMANDS.map((c) => c.name), 'help'], unknown.rest.map(sanitizeLine)));
    }
    // `study help help`: the general help, on stdout like `study help`.
    const ws = words(argv);
    const args = ws[0]?.word === 'help' && ws[1]?.word === 'help' ? argv.filter((_, i) => i !== ws[1]!.at) : argv;
    if (asksForHelp(args)) {
      helpLayout = await import('./help-layout.js');
      helpWidth = helpLayout.helpTextWidth(process.stdout);
    }
    await prepareCommands(invokedCommand(args));
    await buildProgram(args).parseAsync(args, { from: 'user' });
    return EXIT.ok;
  } catch (e) {
    return report(e, argv);
  }
}

/** Commander's error text, held back by `configureOutput` until `report` decides what to print. */
let heldError = '';

/** Global option names, accepted after any command too. */
const GLOBAL_NAMES = [...GLOBAL_OPTIONS.map((o) => o.flags.split(' ')[0]!), '--help'];

/** The line for an unknown option: what the command accepts, closest first. */
async function unknownOptionLine(message: string, argv: string[]): Promise<string | undefined> {
  const flag = /unknown option '([^']+)'/.exec(message)?.[1];
  if (!flag) return undefined;
  const name = invokedCommand(argv);
  const spec = COMMANDS.find((c) => c.name === name);
  const { optionNames, unknownOptionMessage } = await import('./did-you-mean.js');
  const own = (spec?.options ?? []).flatMap((o) => optionNames(o.flags)).filter((o) => o.startsWith('--'));
  return unknownOptionMessage(sanitizeLine(flag), name, own, name ? GLOBAL_NAMES : [...GLOBAL_NAMES, '--version']);
}

/** Commander's other usage errors in study's words: what was wrong and where to look. */
function plainCommanderLine(e: CommanderError, argv: string[]): string | undefined {
  const name = invokedCommand(argv);
  if (e.code === 'commander.excessArguments') {
    const m = /Expected (\d+) arguments? but got (\d+)/.exec(e.message);
    const expected = Number(m?.[1] ?? 0);
    const takes = expected === 0 ? 'takes no arguments' : `takes at most ${expected} argument${expected === 1 ? '' : 's'}`;
    return `study${name ? ` ${name}` : ''} ${takes} (got ${m?.[2] ?? 'more'}); options start with -- (see study help${name ? ` ${name}` : ''})`;
  }
  if (e.code === 'commander.missingArgument') {
    // The one command with a required argument says what to give, with an example.
    const spec = COMMANDS.find((c) => c.name === name);
    const what = /argument '([^']+)'/.exec(e.message)?.[1] ?? 'an argument';
    return `study ${name ?? ''} needs ${what === 'terms' ? 'one or more words, e.g. study search kv cache' : `its ${what}: study ${name} ${spec?.args ?? ''}`.trim()}`.replace(/\s+/g, ' ');
  }
  if (e.code === 'commander.optionMissingArgument') {
    const m = /option '(-\S+)(?:, )?(-\S+)? ([<[][^>\]]+[>\]])' argument missing/.exec(e.message);
    if (m) return `${m[2] ?? m[1]} needs a value: ${m[2] ?? m[1]} ${m[3]} (see study help${name ? ` ${name}` : ''})`;
  }
  return undefined;
}

async function report(e: unknown, argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
    const better = e.code === 'commander.unknownOption' ? await unknownOptionLine(heldError || e.message, argv) : plainCommanderLine(e, argv);
    process.stderr.write(better ? `study: ${sanitizeLine(better)}\n` : sanitize(heldError || `${e.message}\n`).replace(/^error: /, 'study: '));
    return EXIT.usage;
  }
  if (isPromptCancel(e)) {
    process.stderr.write('Interrupted.\n');
    return EXIT.interrupted;
  }
  if (isStudyError(e)) {
    // Messages echo paths, arguments and ids: one sanitised line (a file it names on its own line when it does not fit).
    const path = interruptedPath(e);
    if (path) {
      const { contentWidth, withPath } = await import('../ui/text.js');
      const columns = process.stderr.isTTY ? process.stderr.columns : 80;
      process.stderr.write(`${withPath(`study: ${sanitizeLine(e.message)}`, sanitizeLine(path), contentWidth(columns))}\n`);
    } else process.stderr.write(`study: ${sanitizeLine(e.message)}\n`);
    if (debug && e.stack) process.stderr.write(`${e.stack}\n`);
    return e.exitCode;
  }
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(`study: unexpected error: ${sanitizeLine(message.split('\n')[0]!)}${debug ? '' : ' (run with --debug for details)'}\n`);
  if (debug && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
  return EXIT.failure;
}
