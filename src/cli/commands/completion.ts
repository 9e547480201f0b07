/**
 * `study completion bash|zsh|fish`: prints a completion script built from the command table
 * (commands, options) and the compiled curriculum (topic ids, capstone ids, module numbers,
 * section ids), plus calculator kinds, drill kinds and preset names from their own tables.
 */
import { UsageError } from '../../errors.js';
import { CALC_KINDS, FIELDS, type FieldType } from '../../calc/flags.js';
import { DTYPE_NAMES } from '../../calc/dtype.js';
import { QUESTION_TYPES } from '../../curriculum/constants.js';
import type { Curriculum } from '../../curriculum/schema.js';
import { DRILL_KINDS } from '../../drill/problems.js';
import { capstones, MINUTES } from '../../interview/catalog.js';
import { sanitizeLine } from '../../sanitize.js';
import { loadPresets } from '../calc/presets-load.js';
import { COMMANDS, GLOBAL_OPTIONS, prepareCommands, type CommandSpec } from '../commands.js';
import { completionScript, SHELLS, type CompletionCommand, type CompletionData, type CompletionOption, type Shell } from '../completion-script.js';
import type { Context } from '../context.js';
import { optionNames } from '../did-you-mean.js';
import { loadCurriculum } from '../load.js';
import { FORMATS } from './export.js';

/** Words that some option values and arguments take, from the curriculum and the presets. */
interface Vocabulary {
  topics: string[];
  capstones: string[];
  modules: string[];
  sections: string[];
  gpus: string[];
  models: string[];
  tiers: string[];
}

function vocabulary(c: Curriculum, ctx: Context): Vocabulary {
  const topics = c.modules.flatMap((m) => m.sections.flatMap((s) => s.topics));
  let presets: Pick<Vocabulary, 'gpus' | 'models' | 'tiers'> = { gpus: [], models: [], tiers: [] };
  try {
    const p = loadPresets(ctx);
    presets = { gpus: p.gpus.map((g) => g.id), models: p.models.map((m) => m.id), tiers: p.storage.map((s) => s.id) };
  } catch {
    // Presets that do not load simply get no completion; `study calc presets` reports why.
  }
  return {
    topics: topics.map((t) => t.id),
    capstones: capstones(c).map((x) => x.id),
    modules: c.modules.map((m) => String(m.number)),
    sections: c.modules.flatMap((m) => m.sections.map((s) => s.id)),
    ...presets,
  };
}

/** The words for a command's positional argument. */
function argWords(name: string, v: Vocabulary): readonly string[] {
  const table: Record<string, readonly string[]> = {
    learn: v.topics,
    interview: ['show', 'grade', ...v.capstones],
    config: ['list', 'get', 'set', 'unset'],
    calc: [...CALC_KINDS, 'presets'],
    drill: DRILL_KINDS,
    completion: SHELLS,
    help: [...COMMANDS.map((c) => c.name), 'help'],
  };
  return table[name] ?? [];
}

/** The words an option's value takes, when they are a known set. */
function optionWords(name: string, v: Vocabulary): readonly string[] | undefined {
  const byType: Partial<Record<FieldType, readonly string[]>> = { gpu: v.gpus, model: v.models, tier: v.tiers, dtype: DTYPE_NAMES };
  const field = Object.values(FIELDS).find((f) => f.flag === name);
  if (field) return byType[field.type];
  const table: Record<string, readonly string[]> = {
    '--topic': v.topics,
    '--module': v.modules,
    '--section': v.sections,
    '--type': QUESTION_TYPES,
    '--minutes': MINUTES,
    '--format': FORMATS,
  };
  return table[name];
}

function option(flags: string, description: string, v: Vocabulary): CompletionOption {
  const name = optionNames(flags).find((n) => n.startsWith('--')) ?? flags;
  const placeholder = /<([^>]+)>/.exec(flags)?.[1];
  if (!placeholder) return { name, description, value: 'none' };
  if (/^(file|path)$/.test(placeholder)) return { name, description, value: 'file' };
  if (/^(dir|folder)$/.test(placeholder)) return { name, description, value: 'dir' };
  const words = optionWords(name, v);
  return words?.length ? { name, description, value: 'words', words } : { name, description, value: 'any' };
}

function command(spec: CommandSpec, v: Vocabulary): CompletionCommand {
  const arg = /[[<]([a-z]+)/.exec(spec.args ?? '')?.[1];
  return {
    name: spec.name,
    summary: spec.summary,
    options: spec.options.map((o) => option(o.flags, o.description, v)),
    args: argWords(spec.name, v),
    argIsPath: arg === 'dir' ? 'dir' : arg === 'file' ? 'file' : undefined,
  };
}

export function completionData(c: Curriculum, ctx: Context): CompletionData {
  const v = vocabulary(c, ctx);
  const help: CompletionCommand = { name: 'help', summary: 'show help for a command', options: [], args: argWords('help', v) };
  return { commands: [...COMMANDS.map((s) => command(s, v)), help], global: [...GLOBAL_OPTIONS.map((o) => option(o.flags, o.description, v)), option('--help', 'show help', v)] };
}

export async function run(args: string[], _raw: Record<string, unknown>, ctx: Context): Promise<void> {
  if (args[0] === undefined) throw new UsageError(`study completion needs a shell: ${SHELLS.join(', ')} (e.g. study completion bash)`);
  const shell = args[0].trim().toLowerCase();
  if (!(SHELLS as readonly string[]).includes(shell)) {
    throw new UsageError(`no completion for "${sanitizeLine(args[0])}"; expected one of ${SHELLS.join(', ')} (e.g. study completion bash)`);
  }
  await prepareCommands(); // every command's options, the calculators' included
  ctx.out(completionScript(shell as Shell, completionData(await loadCurriculum(ctx), ctx)));
}
