/**
 * `study calc [kind]`: back-of-envelope calculators. Flags in, a whiteboard derivation (or with
 * --json the exact numbers) out; a missing input is asked for in a terminal (then the optional
 * inputs are offered with their defaults) and is a usage error elsewhere; `study calc` alone in a
 * terminal offers a menu; `study calc presets` lists presets.
 */
import { UsageError } from '../../errors.js';
import { calculate } from '../../calc/calculate.js';
import { CALC_KINDS, FIELDS, KIND_SUMMARY, type CalcKind, type FieldKey } from '../../calc/flags.js';
import { checkFlagsFor, isCalcKind, MissingInput, type Raw } from '../../calc/inputs.js';
import type { Presets } from '../../calc/presets.js';
import type { Prompter } from '../../ui/prompter.js';
import { renderDerivation } from '../../ui/render/calc.js';
import { contentWidth, wrap } from '../../ui/text.js';
import { presetsJson, renderPresets } from '../../ui/render/calc-presets.js';
import { askMissing, askOptional } from '../calc/ask.js';
import { loadPresets, presetsDir } from '../calc/presets-load.js';
import type { Context } from '../context.js';
import { terminalPrompter } from '../interactive.js';

export interface CalcOptions {
  kind?: CalcKind | 'presets';
  raw: Raw;
  json: boolean;
  presetsFile?: string;
}

/** Commander's options to typed ones; rejects an unknown kind. */
export function parseOptions(args: string[], opts: Record<string, unknown>): CalcOptions {
  const word = args[0]?.trim().toLowerCase();
  if (word !== undefined && word !== 'presets' && !isCalcKind(word)) {
    throw new UsageError(`calc: unknown kind "${args[0]}"; expected one of ${CALC_KINDS.join(', ')}, presets`);
  }
  const raw: Raw = {};
  for (const key of Object.keys(FIELDS) as FieldKey[]) if (opts[key] !== undefined) raw[key] = String(opts[key]);
  return { ...(word ? { kind: word as CalcKind | 'presets' } : {}), raw, json: opts.json === true, ...(opts.presets !== undefined ? { presetsFile: String(opts.presets) } : {}) };
}

export async function run(args: string[], opts: Record<string, unknown>, ctx: Context): Promise<void> {
  const o = parseOptions(args, opts);
  if (o.kind === 'presets') {
    if (Object.keys(o.raw).length) throw new UsageError(`study calc presets takes only --json and --presets; ${FIELDS[Object.keys(o.raw)[0] as FieldKey].flag} belongs to a calculator`);
    const presets = loadPresets(ctx, o.presetsFile);
    ctx.out(o.json ? `${JSON.stringify(presetsJson(presets), null, 2)}\n` : renderPresets(presets, ctx.theme, ctx.columns, presetsDir(ctx)));
    return;
  }
  const canAsk = ctx.interactive && !o.json;
  let kind = o.kind;
  if (kind === undefined) {
    if (!canAsk) throw new UsageError(`study calc needs a kind: ${CALC_KINDS.join(', ')} or presets (see study calc --help)`);
  } else {
    checkFlagsFor(kind, o.raw);
  }
  const presets = loadPresets(ctx, o.presetsFile);
  const prompter = canAsk ? await terminalPrompter(ctx) : undefined;
  if (kind === undefined) {
    // Rows start after the 2-column cursor; a long summary hangs under its own first word.
    const row = (k: CalcKind) => wrap(KIND_SUMMARY[k], contentWidth(ctx.columns), `  ${k.padEnd(9)} `).slice(2);
    kind = await prompter!.select({ message: 'Which calculator?', choices: CALC_KINDS.map((k) => ({ name: row(k), short: k, value: k })) });
    checkFlagsFor(kind, o.raw);
  }
  const fromMenu = o.kind === undefined;
  let { result, raw, asked } = await calculateAsking(kind, o.raw, presets, prompter);
  if (prompter && (fromMenu || asked)) {
    // A session built by questions offers the optional inputs too, instead of ending with "pass --gpus N".
    const more = await askOptional(kind, raw, presets, prompter);
    if (more !== raw) ({ result } = await calculateAsking(kind, more, presets, prompter));
    result = { ...result, derivation: { ...result.derivation, hints: [] } };
  }
  ctx.out(o.json ? `${JSON.stringify(result.json, null, 2)}\n` : `\n${renderDerivation(result.derivation, ctx.theme, ctx.columns)}`);
}

/** Runs the calculator, asking for each missing input when there is a prompter. */
async function calculateAsking(kind: CalcKind, raw: Raw, presets: Presets, prompter: Prompter | undefined) {
  let values = raw;
  // Each round either succeeds or fills one more input; the bound only guards against a loop.
  for (let round = 0; round < 20; round++) {
    try {
      return { result: calculate(kind, values, presets), raw: values, asked: round > 0 };
    } catch (e) {
      if (!(e instanceof MissingInput) || !prompter) throw e;
      values = await askMissing(e, values, presets, prompter);
    }
  }
  throw new UsageError(`calc ${kind}: too many missing inputs; pass them as flags (see study calc --help)`);
}
