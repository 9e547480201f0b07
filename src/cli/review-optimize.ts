/**
 * `study review --optimize [--apply] [--json]` and `--reset-parameters`: personal FSRS parameters,
 * saved in the settings (config.json). The optimizer is an optional native dependency, loaded
 * only here; if it cannot load, one line says so.
 */
import { DataError } from '../errors.js';
import { configPath, readConfig, updateConfig } from '../config/store.js';
import type { AnswerEvent } from '../progress/model.js';
import { readProgress } from '../progress/store.js';
import { MIN_REVIEWS, optimize, type OptimizeResult, type OptimizerBinding, type ReviewRecord } from '../review/optimize.js';
import type { Context } from './context.js';
import { wrap } from '../ui/text.js';
import { sanitizeLine } from '../sanitize.js';

const PACKAGE = '@open-spaced-repetition/binding';

async function loadBinding(): Promise<OptimizerBinding> {
  try {
    return (await import('@open-spaced-repetition/binding')) as unknown as OptimizerBinding;
  } catch (e) {
    const why = sanitizeLine(String((e as Error)?.message ?? e).split('\n')[0] ?? '');
    throw new DataError(`the FSRS optimizer (${PACKAGE} 0.5.0, an optional dependency) could not be loaded (${why}); reinstall with: npm install --include=optional`);
  }
}

/** The user's local day number of an instant (elapsed time in FSRS is counted in days). */
function localDay(iso: string): number {
  const d = new Date(iso);
  return Math.floor((d.getTime() - d.getTimezoneOffset() * 60_000) / 86_400_000);
}

export function reviewRecords(events: readonly { type: string }[]): ReviewRecord[] {
  return events
    .filter((e): e is AnswerEvent => e.type === 'answer' && !(e as AnswerEvent).cram)
    .map((e) => ({ card: e.questionId, rating: e.rating as ReviewRecord['rating'], at: e.at }));
}

const fmt = (n: number) => n.toFixed(4);

export async function optimizeParameters(opts: { apply: boolean; json: boolean }, ctx: Context): Promise<void> {
  const records = reviewRecords(readProgress(ctx.progressPath).events);
  if (records.length < MIN_REVIEWS) {
    throw new DataError(`fitting FSRS parameters needs at least ${MIN_REVIEWS.toLocaleString('en-US')} reviews; you have ${records.length.toLocaleString('en-US')} — ${(MIN_REVIEWS - records.length).toLocaleString('en-US')} more to go (the defaults serve until then)`);
  }
  const binding = await loadBinding();
  const result = await withProgress(ctx, `Fitting FSRS parameters to ${records.length.toLocaleString('en-US')} reviews`, (p) => optimize(binding, records, localDay, p));
  const applied = result.better || opts.apply;
  if (applied) {
    await updateConfig(configPath(ctx.progressPath), (c) => ({
      ...c,
      fsrs: { parameters: result.parameters, fittedAt: ctx.now().toISOString(), reviews: result.reviews, before: result.before, after: result.after },
    }));
  }
  if (opts.json) {
    ctx.out(`${JSON.stringify({ reviews: result.reviews, parameters: result.parameters, before: result.before, after: result.after, applied })}\n`);
    return;
  }
  ctx.out(renderResult(result, applied, ctx));
}

function renderResult(r: OptimizeResult, applied: boolean, ctx: Context): string {
  const t = ctx.theme;
  const width = Math.max(50, Math.min(ctx.columns, 120)) - 1;
  const lines = [
    wrap(`${t.heading('FSRS parameters fitted')} to ${r.reviews.toLocaleString('en-US')} reviews (metrics on the same history; lower is better)`, width),
    `                 log loss   RMSE (bins)`,
    `  defaults       ${fmt(r.before.logLoss).padStart(8)}   ${fmt(r.before.rmse).padStart(11)}`,
    `  fitted         ${fmt(r.after.logLoss).padStart(8)}   ${fmt(r.after.rmse).padStart(11)}`,
    wrap(r.parameters.map((p) => p.toFixed(3)).join(' '), width, '  parameters     ', ' '.repeat(17)),
  ];
  if (applied && r.better) lines.push(wrap(`${t.ok(t.sym.ok)} Both improve: saved; reviews are scheduled with your parameters from now on (study review --reset-parameters to undo).`, width, '', '  '));
  else if (applied) lines.push(wrap(t.warn(`Saved because of --apply, though not both metrics improved (study review --reset-parameters to undo).`), width));
  else lines.push(wrap(`Not applied: not both metrics improve, so the defaults stay. Use --apply to save them anyway.`, width));
  return `${lines.join('\n')}\n`;
}

/** A spinner with the fitting progress in a terminal; elsewhere one line on stderr. */
async function withProgress<T>(ctx: Context, text: string, work: (progress: (f: number) => void) => Promise<T>): Promise<T> {
  if (!process.stderr.isTTY) {
    ctx.err(`${text}…\n`);
    return work(() => undefined);
  }
  const { default: ora } = await import('ora');
  const spinner = ora({ text: `${text}…`, stream: process.stderr, color: ctx.theme.color ? 'cyan' : false, discardStdin: false }).start();
  try {
    return await work((f) => {
      spinner.text = `${text}… ${Math.round(f * 100)}%`;
    });
  } finally {
    spinner.stop();
  }
}

export async function resetParameters(ctx: Context): Promise<void> {
  const path = configPath(ctx.progressPath);
  if (!readConfig(path).fsrs) {
    ctx.out('FSRS parameters are already the defaults.\n');
    return;
  }
  await updateConfig(path, (c) => {
    const { fsrs: _gone, ...rest } = c;
    return rest;
  });
  ctx.out('FSRS parameters reset to the defaults; reviews are scheduled with them from now on.\n');
}
