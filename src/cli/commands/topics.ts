/** `study topics [--module N] [--json]`: the curriculum tree. */
import { topicsJson } from '../../curriculum/summary.js';
import { renderTopicsTree } from '../../ui/render/topics.js';
import { UsageError } from '../../errors.js';
import type { Context } from '../context.js';
import { loadCurriculum } from '../load.js';
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
  const curriculum = await loadCurriculum(ctx);
  if (opts.module !== undefined && !curriculum.modules.some((m) => m.number === opts.module)) {
    throw new UsageError(`--module: there is no module ${opts.module}; expected ${curriculum.modules.map((m) => m.number).join(', ')}`);
  }
  const data = topicsJson(curriculum, opts.module);
  ctx.out(opts.json ? `${JSON.stringify(data)}\n` : renderTopicsTree(data, ctx.theme, ctx.columns));
}
