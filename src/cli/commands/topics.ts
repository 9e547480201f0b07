/** `study topics [--module N] [--json]`: the curriculum tree. */
import { topicsJson, type TopicsJson } from '../../curriculum/summary.js';
import { renderTopicsTree } from '../../ui/render/topics.js';
import { UsageError } from '../../errors.js';
import type { Context } from '../context.js';
import { loadCurriculumView } from '../load.js';
import { intOption } from '../options.js';

export interface TopicsOptions {
  module?: number;
  json: boolean;
}

export function parseOptions(raw: Record<string, unknown>): TopicsOptions {
  return { module: intOption('--module', raw.module, 1), json: raw.json === true };
}

export async function run(_args: string[], raw: Record<string, unknown>, ctx: Context): Promise<void> {
  const opts = parseOptions(raw);
  // Only the counts are needed: a small cached view, not the whole curriculum.
  const all = await loadCurriculumView(ctx, 'topics', (c) => topicsJson(c));
  if (opts.module !== undefined && !all.modules.some((m) => m.number === opts.module)) {
    throw new UsageError(`--module: there is no module ${opts.module}; expected ${all.modules.map((m) => m.number).join(', ')}`);
  }
  const data: TopicsJson = { modules: all.modules.filter((m) => opts.module === undefined || m.number === opts.module) };
  ctx.out(opts.json ? `${JSON.stringify(data)}\n` : renderTopicsTree(data, ctx.theme, ctx.columns));
}
