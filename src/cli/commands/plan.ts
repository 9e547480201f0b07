/**
 * `study plan --interview YYYY-MM-DD [--minutes-per-day N] [--json]`: a calendar toward the
 * interview day, saved in the settings so the home screen follows it. Without --interview, the
 * saved plan is recomputed from today (re-planning after missed days is just running it again).
 */
import { UsageError } from '../../errors.js';
import { configPath, readConfig } from '../../config/path.js';
import { DEFAULTS, parseDay } from '../../config/settings.js';
import { curriculumIndex } from '../../curriculum/index.js';
import { checkInterviewDay } from '../../plan/dates.js';
import { dayKey } from '../../progress/summary.js';
import { readSummary } from '../../progress/summary-cache.js';
import { sanitizeLine } from '../../sanitize.js';
import { renderPlan } from '../../ui/render/plan.js';
import type { Context } from '../context.js';
import { loadCurriculumView, userCacheDir } from '../load.js';
import { intOption } from '../options.js';
import { computePlan, schedulingOf, spentToday, topicTitles } from '../plan-state.js';

export interface PlanOptions {
  interview?: string;
  minutesPerDay?: number;
  json: boolean;
  /** False with --no-save: show the plan, keep the saved one. */
  save: boolean;
}

export function parseOptions(raw: Record<string, unknown>): PlanOptions {
  let interview: string | undefined;
  if (raw.interview !== undefined) {
    const p = parseDay(String(raw.interview));
    if (!p.ok) throw new UsageError(`--interview: "${sanitizeLine(String(raw.interview))}" is not valid; expected ${p.accepted}`);
    interview = p.value;
  }
  return { interview, minutesPerDay: intOption('--minutes-per-day', raw.minutesPerDay, 10, 600), json: raw.json === true, save: raw.save !== false };
}

export async function run(_args: string[], raw: Record<string, unknown>, ctx: Context): Promise<void> {
  const opts = parseOptions(raw);
  const now = ctx.now();
  const today = dayKey(now);
  const cfgPath = configPath(ctx.progressPath);
  let config = readConfig(cfgPath);
  const interview = opts.interview ?? config.plan?.interview;
  if (!interview) throw new UsageError('--interview YYYY-MM-DD is required: no plan is saved yet (e.g. study plan --interview 2027-01-15 --minutes-per-day 60)');
  const reason = checkInterviewDay(interview, today);
  if (reason) {
    // The saved plan's date (no --interview given): say where the date came from and the way out.
    if (opts.interview === undefined) throw new UsageError(`the saved plan's interview date: ${reason}; plan anew with study plan --interview YYYY-MM-DD, or drop it with study config unset plan.interview`);
    throw new UsageError(`--interview: ${reason}`);
  }
  const minutesPerDay = opts.minutesPerDay ?? (opts.interview === undefined || opts.interview === config.plan?.interview ? config.plan?.minutesPerDay : undefined) ?? DEFAULTS.minutesPerDay;
  const [index, summary] = await Promise.all([loadCurriculumView(ctx, 'index', curriculumIndex), readSummary(ctx.progressPath, userCacheDir(ctx.env))]);
  const previous = config.plan?.interview;
  if (!opts.save) config = { ...config, plan: { interview, minutesPerDay } };
  else if (config.plan?.interview !== interview || config.plan.minutesPerDay !== minutesPerDay) {
    const { updateConfig } = await import('../../config/store.js');
    config = await updateConfig(cfgPath, (c) => ({ ...c, plan: { interview, minutesPerDay } }));
  }
  const plan = computePlan(index, summary, config, now, interview, minutesPerDay);
  if (opts.json) {
    ctx.out(`${JSON.stringify({ interview: plan.interview, predictedRetention: plan.predictedRetention, days: plan.days, saved: opts.save })}\n`);
    return;
  }
  const capstones = new Map(index.modules.flatMap((m) => m.sections.flatMap((s) => s.topics.filter((t) => t.id.startsWith('capstone-')).map((t) => [t.id.replace(/^capstone-/, ''), sanitizeLine(t.title)] as const))));
  const scheduling = schedulingOf(config, summary.desiredRetention);
  ctx.out(
    renderPlan(
      {
        plan,
        today,
        minutesPerDay,
        newTopicsPerDay: config.dailyNewTopics ?? DEFAULTS.dailyNewTopics,
        target: scheduling.retention,
        personalParameters: scheduling.parameters !== undefined,
        titles: topicTitles(index),
        capstones,
        spentToday: spentToday(summary, now),
        saved: opts.save,
        ...(previous ? { previous } : {}),
      },
      ctx.theme,
      ctx.columns,
    ),
  );
}
