/** `study search TERMS [--json]`: topics and questions ranked by match. */
import { UsageError } from '../../errors.js';
import { rankCurriculum } from '../../curriculum/search.js';
import { intOption } from '../options.js';
import { sanitizeLine } from '../../sanitize.js';
import { contentWidth, truncate, wrap } from '../../ui/text.js';
import type { Context } from '../context.js';
import { loadCurriculum } from '../load.js';

export async function run(args: string[], raw: Record<string, unknown>, ctx: Context): Promise<void> {
  const query = args.join(' ').trim();
  if (!query) throw new UsageError('study search needs one or more words, e.g. study search kv cache');
  const all = rankCurriculum(await loadCurriculum(ctx), query);
  const limit = intOption('--limit', raw.limit, 1, 500) ?? 20;
  const hits = all.slice(0, limit);
  if (raw.json === true) {
    ctx.out(`${JSON.stringify({ query, results: hits, total: all.length })}\n`);
    return;
  }
  const t = ctx.theme;
  if (hits.length === 0) {
    ctx.out(`No topic or question mentions "${sanitizeLine(query)}". Try fewer or shorter words, or browse with study topics.\n`);
    return;
  }
  const width = contentWidth(ctx.columns);
  const lines: string[] = [];
  for (const h of hits) {
    const label = h.kind === 'topic' ? t.heading('topic   ') : t.dim('question');
    // The title in full (wrapped under itself); the snippet is an excerpt, so it may be cut.
    lines.push(wrap(`${label} ${t.bold(sanitizeLine(h.title))}`, width, '', ' '.repeat(9)));
    // The excerpt only where it adds to the title (a question's snippet is often its own prompt).
    const snippet = sanitizeLine(h.snippet).replace(/^…/, '').replace(/…$/, '');
    if (snippet.length > 12 && !sanitizeLine(h.title).includes(snippet.slice(0, 40))) lines.push(`         ${t.dim(truncate(sanitizeLine(h.snippet), width - 9))}`);
    // A command too long for the indent starts further left rather than being split by the terminal.
    lines.push(`${9 + h.command.length <= width ? ' '.repeat(9) : '  '}${t.accent(h.command)}`);
  }
  if (all.length > hits.length) lines.push('', t.dim(wrap(`Showing ${hits.length} of ${all.length}. Add words to narrow it, or show more with --limit ${Math.min(500, all.length)}.`, width)));
  ctx.out(`${lines.join('\n')}\n`);
}
