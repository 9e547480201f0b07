/** `study interview show ID [--json]`: one problem's full material. */
import { UsageError } from '../../errors.js';
import { capstones, findCapstone } from '../../interview/catalog.js';
import { sanitizeLine } from '../../sanitize.js';
import { renderShow, showJson } from '../../ui/render/interview-show.js';
import type { Curriculum } from '../../curriculum/schema.js';
import type { Context } from '../context.js';
import { loadCurriculum } from '../load.js';

const NOT_SHOW = ['list', 'history', 'minutes', 'practice', 'resume', 'out', 'seed', 'capstone', 'save'] as const;

export async function runShow(args: string[], raw: Record<string, unknown>, ctx: Context): Promise<void> {
  const stray = NOT_SHOW.find((k) => raw[k] !== undefined && raw[k] !== false);
  if (stray) throw new UsageError(`--${stray} does not go with show; use: study interview show ID [--json]`);
  const cur = await loadCurriculum(ctx);
  const all = capstones(cur);
  if (args.length !== 1) throw new UsageError(`show needs one problem id: study interview show ID [--json]; ids: ${all.map((c) => c.id).join(', ')}`);
  const c = findCapstone(all, args[0]!);
  if (!c) throw new UsageError(`no problem "${sanitizeLine(args[0]!)}"; expected one of ${all.map((x) => x.id).join(', ')}`);
  ctx.out(raw.json === true ? `${JSON.stringify(showJson(c), null, 2)}\n` : renderShow(c, ctx.theme, ctx.columns, topicTitles(cur)));
}

function topicTitles(cur: Curriculum): Map<string, string> {
  return new Map(cur.modules.flatMap((m) => m.sections.flatMap((sec) => sec.topics.map((tp) => [tp.id, tp.title] as const))));
}
