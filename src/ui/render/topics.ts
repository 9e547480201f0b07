/** The curriculum tree for `study topics`. Pure: data and theme in, text out. */
import type { TopicsJson } from '../../curriculum/summary.js';
import type { Theme } from '../theme.js';

export function renderTopicsTree(data: TopicsJson, t: Theme, columns = 80): string {
  const lines: string[] = [];
  for (const m of data.modules) {
    lines.push(t.heading(`Module ${m.number} — ${m.title}`));
    m.sections.forEach((s, si) => {
      const lastSection = si === m.sections.length - 1;
      lines.push(`${lastSection ? '└─' : '├─'} ${t.bold(s.title)} ${t.dim(`(${s.id})`)}`);
      s.topics.forEach((topic, ti) => {
        const stem = `${lastSection ? '   ' : '│  '}${ti === s.topics.length - 1 ? '└─' : '├─'} `;
        const num = String(topic.number).padStart(2);
        const counts = topic.questions ? `${topic.questions} q · ${topic.flashcards} cards` : 'no questions yet';
        const head = `${stem}${num}. ${topic.title}`;
        const tail = `  ${topic.id} · ${counts}`;
        lines.push(head.length + tail.length <= columns ? `${head}${t.dim(tail)}` : `${head}\n${lastSection ? '   ' : '│  '}${ti === s.topics.length - 1 ? '   ' : '│  '}     ${t.dim(tail.trim())}`);
      });
    });
    lines.push('');
  }
  return lines.join('\n');
}
