/**
 * `study drill [kind]`: generated estimation problems, answered in the terminal and graded by
 * ratio; with --json the problems and their answers are printed instead of asked.
 */
import { DataError, UsageError } from '../../errors.js';
import { DRILL_KINDS, generateProblems, missingPresets, type DrillKind } from '../../drill/problems.js';
import { seededRng } from '../../quiz/rng.js';
import { loadPresets } from '../calc/presets-load.js';
import { runDrill } from '../calc/drill-session.js';
import type { Context } from '../context.js';
import { requireTerminal, seedFrom, terminalPrompter } from '../interactive.js';
import { intOption } from '../options.js';

export interface DrillOptions {
  kind: DrillKind;
  count: number;
  seed?: number;
  json: boolean;
}

export function parseOptions(args: string[], raw: Record<string, unknown>): DrillOptions {
  const word = (args[0] ?? 'mixed').trim().toLowerCase();
  if (!(DRILL_KINDS as readonly string[]).includes(word)) throw new UsageError(`drill: unknown kind "${args[0]}"; expected one of ${DRILL_KINDS.join(', ')}`);
  const seed = intOption('--seed', raw.seed, 0, 2 ** 31 - 1);
  return { kind: word as DrillKind, count: intOption('--count', raw.count, 1, 100) ?? 5, ...(seed !== undefined ? { seed } : {}), json: raw.json === true };
}

export async function run(args: string[], raw: Record<string, unknown>, ctx: Context): Promise<void> {
  const o = parseOptions(args, raw);
  if (!o.json) requireTerminal(ctx, 'study drill');
  const presets = loadPresets(ctx);
  const gap = missingPresets(o.kind, presets);
  if (gap) throw new DataError(`study drill ${o.kind} needs ${gap} presets, and the presets folder has none that fit`);
  const seed = seedFrom(o.seed);
  const problems = generateProblems(o.kind, o.count, seededRng(seed), presets);
  if (o.json) {
    ctx.out(`${JSON.stringify(problems.map(({ kind, prompt, inputs, answer, unit }) => ({ kind, prompt, inputs, answer, unit })), null, 2)}\n`);
    return;
  }
  await runDrill(problems, ctx, await terminalPrompter(ctx), `study drill ${o.kind} --count ${o.count} --seed ${seed}`);
}
