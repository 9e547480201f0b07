/** `study progress [--json]`: where you stand. */
import { progressJson } from '../../progress/report.js';
import { readProgress } from '../../progress/store.js';
import type { Context } from '../context.js';
import { loadCurriculum } from '../load.js';

export async function run(_args: string[], raw: Record<string, unknown>, ctx: Context): Promise<void> {
  const curriculum = await loadCurriculum(ctx);
  const progress = readProgress(ctx.progressPath);
  const data = progressJson(curriculum, progress, ctx.now());
  if (raw.json === true) {
    ctx.out(`${JSON.stringify(data)}\n`);
    return;
  }
  const t = ctx.theme;
  const pct = data.answered ? Math.round((100 * data.correct) / data.answered) : 0;
  const lines = [t.heading('Progress'), `Answered ${data.answered}, correct ${data.correct} (${pct}%). Reviews due now: ${data.reviewsDue}.`, ''];
  for (const m of curriculum.modules)
    for (const s of m.sections)
      for (const topic of s.topics) {
        const st = data.topics[topic.id];
        if (st) lines.push(`  ${String(topic.number).padStart(2)}. ${topic.title}  ${t.dim(`${st.correct}/${st.answered}`)}`);
      }
  if (data.answered === 0) lines.push('Nothing practised yet: try study learn or study quiz.');
  ctx.out(`${lines.join('\n')}\n`);
}
