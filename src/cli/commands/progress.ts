/**
 * `study progress`: where you stand (`--json` for scripts), and your data in your hands:
 * `--export FILE`, `--import FILE` (merged by event id, under the lock), `--reset` (with a backup).
 */
import { resolve } from 'node:path';
import { UsageError } from '../../errors.js';
import { curriculumIndex } from '../../curriculum/index.js';
import { progressJson } from '../../progress/report.js';
import { readSummary } from '../../progress/summary-cache.js';
import { renderProgress } from '../../ui/render/dashboard.js';
import type { Context } from '../context.js';
import { loadCurriculumView, userCacheDir } from '../load.js';
import { sanitizeData } from '../untrusted.js';
import { schedulingOf } from '../../config/settings.js';
import { configPath, readConfig } from '../../config/path.js';

export interface ProgressOptions {
  json: boolean;
  export?: string;
  import?: string;
  reset: boolean;
  yes: boolean;
}

export function parseOptions(raw: Record<string, unknown>): ProgressOptions {
  for (const flag of ['export', 'import'] as const) {
    if (raw[flag] === '') throw new UsageError(`--${flag} needs a file name (got an empty value)`);
  }
  const o: ProgressOptions = {
    json: raw.json === true,
    export: raw.export === undefined ? undefined : String(raw.export),
    import: raw.import === undefined ? undefined : String(raw.import),
    reset: raw.reset === true,
    yes: raw.yes === true,
  };
  if ([o.export, o.import, o.reset || undefined].filter((x) => x !== undefined).length > 1) {
    throw new UsageError('--export, --import and --reset: use one at a time');
  }
  return o;
}

export async function run(_args: string[], raw: Record<string, unknown>, ctx: Context): Promise<void> {
  const opts = parseOptions(raw);
  if (opts.export || opts.import || opts.reset) {
    // Loaded only for these: reading the report must not pay for the validator.
    const { exportTo, importFrom, reset } = await import('../progress-data.js');
    if (opts.export) return exportTo(opts.export, ctx);
    if (opts.import) return importFrom(resolve(opts.import), ctx);
    return reset(opts.yes, ctx);
  }
  const [index, summary] = await Promise.all([loadCurriculumView(ctx, 'index', curriculumIndex), readSummary(ctx.progressPath, userCacheDir(ctx.env))]);
  const config = readConfig(configPath(ctx.progressPath));
  const report = progressJson(index, summary, ctx.now(), schedulingOf(config, summary.desiredRetention));
  // With a saved plan, "Next up" is today's planned work, as on the home screen (the planner loads only then).
  const planned = config.plan ? (await import('../plan-state.js')).plannedNext(index, summary, config, ctx.now(), report.reviewsDue) : undefined;
  const data = planned ? { ...report, next: planned } : report;
  // JSON escapes control characters itself; the rendered report gets text made safe to print.
  ctx.out(opts.json ? `${JSON.stringify(data)}
` : renderProgress(sanitizeData(data), ctx.theme, ctx.now(), ctx.columns));
}

