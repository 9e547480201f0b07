/**
 * `study review [--limit N] [--cram] [--retention R]`: the spaced-repetition queue;
 * `--optimize [--apply] [--json]` and `--reset-parameters`: personal FSRS parameters.
 */
import { capstones } from '../../interview/catalog.js';
import { GAP_PREFIX, gapRefs } from '../../interview/cards.js';
import { allQuestions } from '../../quiz/select.js';
import { seededRng } from '../../quiz/rng.js';
import { buildQueue, cramQueue, until } from '../../review/queue.js';
import { readProgress } from '../../progress/store.js';
import { parseRetention, schedulingOf } from '../../config/settings.js';
import { configPath, readConfig, updateConfig } from '../../config/store.js';
import { UsageError } from '../../errors.js';
import { plural } from '../../ui/text.js';
import type { Context } from '../context.js';
import { loadCurriculum } from '../load.js';
import { intOption } from '../options.js';
import { requireTerminal, seedFrom, terminalPrompter } from '../interactive.js';
import { runSession } from '../quiz-session.js';

export interface ReviewOptions {
  limit: number;
  cram: boolean;
  seed?: number;
  retention?: number;
  optimize: boolean;
  apply: boolean;
  resetParameters: boolean;
  json: boolean;
}

/** Desired retention: the same parser as `study config set retention`. */
function retentionOption(raw: unknown): number | undefined {
  if (raw === undefined) return undefined;
  const p = parseRetention(String(raw));
  if (!p.ok) throw new UsageError(`--retention: "${String(raw).trim()}" is not valid; expected ${p.accepted}`);
  return p.value;
}

export function parseOptions(raw: Record<string, unknown>): ReviewOptions {
  const o: ReviewOptions = {
    limit: intOption('--limit', raw.limit, 1, 1000) ?? 20,
    cram: raw.cram === true,
    seed: intOption('--seed', raw.seed, 0, 2 ** 31 - 1),
    retention: retentionOption(raw.retention),
    optimize: raw.optimize === true,
    apply: raw.apply === true,
    resetParameters: raw.resetParameters === true,
    json: raw.json === true,
  };
  if (o.optimize && o.resetParameters) throw new UsageError('--optimize and --reset-parameters: use one at a time');
  if (o.apply && !o.optimize) throw new UsageError('--apply only goes with --optimize');
  if (o.json && !o.optimize) throw new UsageError('--json only goes with --optimize');
  // Fitting or resetting parameters runs no review session: its options would be silently ignored.
  const fitting = o.optimize ? '--optimize' : o.resetParameters ? '--reset-parameters' : undefined;
  const session = [raw.limit !== undefined && '--limit', o.cram && '--cram', raw.seed !== undefined && '--seed', raw.retention !== undefined && '--retention'].filter(Boolean);
  if (fitting && session.length) throw new UsageError(`${fitting} runs no review session, so ${session.join(' and ')} cannot go with it; use one or the other`);
  return o;
}

export async function run(_args: string[], raw: Record<string, unknown>, ctx: Context): Promise<void> {
  const opts = parseOptions(raw);
  if (opts.optimize || opts.resetParameters) {
    const { optimizeParameters, resetParameters } = await import('../review-optimize.js');
    return opts.optimize ? optimizeParameters({ apply: opts.apply, json: opts.json }, ctx) : resetParameters(ctx);
  }
  const curriculum = await loadCurriculum(ctx);
  if (opts.retention !== undefined) {
    const r = opts.retention;
    // Saved in the settings (study config get retention), where the scheduler reads it.
    await updateConfig(configPath(ctx.progressPath), (c) => ({ ...c, desiredRetention: r }));
    ctx.out(`Desired retention set to ${Math.round(r * 100)}%: future intervals are scheduled for it.\n`);
    // Without a terminal the setting is what was asked for: it is saved, so this is not an error.
    if (!ctx.interactive) {
      ctx.out('(The review itself needs a terminal: run study review there.)\n');
      return;
    }
  }
  requireTerminal(ctx, 'study review');
  const progress = readProgress(ctx.progressPath);
  const scheduling = schedulingOf(readConfig(configPath(ctx.progressPath)), progress.settings.desiredRetention);
  const now = ctx.now();
  // Interview gaps (missed or mention-only checklist points) are cards too, linked to their topic.
  const refs = [...gapRefs(curriculum, capstones(curriculum), progress.cards), ...allQuestions(curriculum)];
  const t = ctx.theme;
  const rng = seededRng(seedFrom(opts.seed));
  if (opts.cram) {
    const queue = cramQueue(refs, progress.cards, now, opts.limit, scheduling);
    if (queue.length === 0) {
      ctx.out('Nothing to cram yet: answer some questions first (study quiz or study learn).\n');
      return;
    }
    ctx.out(`${t.heading('Cram')} — ${plural(queue.length, 'card')}, weakest first; your schedule is not changed.\n`);
    await runSession(queue, ctx, { source: 'review', cram: true, rng, prompter: await terminalPrompter(ctx) });
    return;
  }
  const queue = buildQueue(refs, progress.cards, now, opts.limit);
  const prompter = await terminalPrompter(ctx);
  let items = queue.due;
  if (queue.due.length === 0) {
    const next = queue.nextDue ? `The next card is due ${until(now, queue.nextDue)} (${queue.nextDue.toISOString().slice(0, 16).replace('T', ' ')} UTC).` : 'No cards are scheduled yet.';
    ctx.out(`${t.ok(t.sym.ok)} Nothing is due for review. ${next}\n`);
    if (queue.fresh.length === 0) return;
    const go = await prompter.confirm({ message: `Learn ${plural(queue.fresh.length, 'new card')} instead?`, default: true });
    if (!go) return;
    items = queue.fresh;
  } else {
    const more = queue.dueTotal > queue.due.length ? ` (of ${queue.dueTotal} due)` : '';
    const gaps = queue.due.filter((r) => r.question.id.startsWith(GAP_PREFIX)).length;
    ctx.out(`${t.heading('Review')} — ${plural(queue.due.length, 'due card')}${more}, ${gaps === queue.due.length ? `all from your mock interview's gaps` : gaps ? `your mock interview's ${plural(gaps, 'gap')} first, then the most overdue` : 'most overdue first'}.\n`);
    items = [...queue.due, ...queue.fresh];
    if (queue.fresh.length) ctx.out(t.dim(`Then ${plural(queue.fresh.length, 'new card')}.\n`));
  }
  const schedule = { card: (id: string) => progress.cards[id], retention: scheduling };
  await runSession(items, ctx, { source: 'review', rng, prompter, schedule });
}
