/** The curriculum tree for `study topics`. Pure: data and theme in, text out. */
import type { TopicsJson } from '../../curriculum/summary.js';
import type { Theme } from '../theme.js';
import { sanitizeLine } from '../../sanitize.js';
import { contentWidth, displayWidth, wrap } from '../text.js';

export function renderTopicsTree(data: TopicsJson, t: Theme, columns = 80): string {
  const lines: string[] = [];
  const width = contentWidth(columns, Number.MAX_SAFE_INTEGER);
  for (const m of data.modules) {
    lines.push(t.heading(wrap(`Module ${m.number} — ${sanitizeLine(m.title)}`, width)));
    m.sections.forEach((s, si) => {
      const lastSection = si === m.sections.length - 1;
      lines.push(wrap(`${t.bold(sanitizeLine(s.title))} ${t.dim(`(${s.id})`)}`, width, `${lastSection ? '└─' : '├─'} `, lastSection ? '   ' : '│  '));
      s.topics.forEach((topic, ti) => {
        const stem = `${lastSection ? '   ' : '│  '}${ti === s.topics.length - 1 ? '└─' : '├─'} `;
        const num = String(topic.number).padStart(2);
        const counts = topic.questions ? `${topic.questions} q · ${topic.flashcards} cards` : 'no questions yet';
        const under = `${lastSection ? '   ' : '│  '}${ti === s.topics.length - 1 ? '   ' : '│  '}     `;
        const head = `${stem}${num}. ${sanitizeLine(topic.title)}`;
        const tail = `  ${topic.id} · ${counts}`;
        // One line when it fits; else the title wraps under itself and the id and counts go below.
        lines.push(displayWidth(head) + displayWidth(tail) <= width ? `${head}${t.dim(tail)}` : `${wrap(sanitizeLine(topic.title), width, `${stem}${num}. `, under)}\n${under}${t.dim(tail.trim())}`);
      });
    });
    lines.push('');
  }
  return lines.join('\n');
}
