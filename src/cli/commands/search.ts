/** `study search TERMS [--json]`: topics and questions ranked by match. */
import { UsageError } from '../../errors.js';
import { searchCurriculum } from '../../curriculum/search.js';
import { fit } from '../../ui/render/dashboard.js';
import type { Context } from '../context.js';
import { loadCurriculum } from '../load.js';

export async function run(args: string[], raw: Record<string, unknown>, ctx: Context): Promise<void> {
  const query = args.join(' ').trim();
  if (!query) throw new UsageError('search: give one or more words, e.g. study search kv cache');
  const hits = searchCurriculum(await loadCurriculum(ctx), query);
  if (raw.json === true) {
    ctx.out(`${JSON.stringify({ query, results: hits })}\n`);
    return;
  }
  const t = ctx.theme;
  if (hits.length === 0) {
    ctx.out(`No topic or question mentions "${query}". Try fewer or shorter words, or browse with study topics.\n`);
    return;
  }
  const width = Math.max(50, Math.min(ctx.columns, 100));
  const lines: string[] = [];
  for (const h of hits) {
    const label = h.kind === 'topic' ? t.heading('topic   ') : t.dim('question');
    lines.push(`${label} ${t.bold(fit(h.title, width - 10).trimEnd())}`);
    lines.push(`         ${t.dim(fit(h.snippet, width - 10).trimEnd())}`);
    lines.push(`         ${t.accent(h.command)}`);
  }
  ctx.out(`${lines.join('\n')}\n`);
}
