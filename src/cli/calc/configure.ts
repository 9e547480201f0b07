/**
 * Commander set-up for `study calc` that the option table alone cannot express: `study calc KIND
 * --help` lists only that calculator's flags, and a flag whose value is missing (`--params --tokens
 * 2T`) is named as such instead of swallowing the next flag. Loaded with the command table, so it
 * imports only the flag table.
 */
import { Help, type Command, type Option } from 'commander';
import { UsageError } from '../../errors.js';
import { FIELDS, helpWidth, kindFlags, kindHelp, kindInArgv, type Field } from '../../calc/flags.js';

const BY_FLAG = new Map<string, Field>(Object.values(FIELDS).map((f: Field) => [f.flag, f]));

/** The help text after the options: one calculator's usage when a kind is named, else undefined (the general text). */
export function calcHelpFor(argv: readonly string[]): string | undefined {
  const kind = kindInArgv(argv);
  return kind ? kindHelp(kind, helpWidth(process.stdout.columns)) : undefined;
}

export function configureCalc(cmd: Command, argv: readonly string[]): void {
  for (const option of cmd.options as Option[]) {
    const field = option.long ? BY_FLAG.get(option.long) : undefined;
    if (!field || field.optionalArg) continue;
    option.argParser((value: string) => {
      if (/^--[a-z]/i.test(value.trim())) {
        throw new UsageError(`the value for ${field.flag} is missing (the next word is the flag ${value.trim()}); expected ${field.flag} ${field.arg}, e.g. ${field.flag} ${example(field)}`);
      }
      return value;
    });
  }
  const kind = kindInArgv(argv);
  const base = new Help();
  // `study calc presets --help`: presets takes only --presets and --json (and --help).
  if (!kind && presetsInArgv(argv)) {
    cmd.configureHelp({ ...cmd.configureHelp(), visibleOptions: (c) => base.visibleOptions(c).filter((o) => !o.long || !BY_FLAG.has(o.long)) });
    return;
  }
  if (!kind) return;
  const keep = kindFlags(kind);
  // "Usage: study calc storage [options]", not the general "study calc [options] [kind]".
  cmd.usage(`${kind} [options]`);
  cmd.configureHelp({ ...cmd.configureHelp(), visibleOptions: (c) => base.visibleOptions(c).filter((o) => !o.long || keep.has(o.long)) });
}

/** Whether the first word after `calc` is `presets` (flags before it are skipped with their values). */
function presetsInArgv(argv: readonly string[]): boolean {
  const at = argv.indexOf('calc');
  const word = at < 0 ? undefined : argv.slice(at + 1).find((a) => !a.startsWith('-'));
  return word?.toLowerCase() === 'presets';
}

function example(f: Field): string {
  switch (f.type) {
    case 'count':
      return '7B';
    case 'bytes':
      return '2GB';
    case 'usd':
      return '2.5';
    case 'fraction':
      return '40%';
    case 'seconds':
      return '50ms';
    case 'int':
      return '8';
    case 'choice':
      return f.choices?.[0] ?? 'NAME';
    case 'dtype':
      return 'bf16';
    default:
      return 'NAME';
  }
}
