/** A topic's lesson as terminal text. Pure. */
import type { Module, Section, Topic } from '../../curriculum/schema.js';
import type { Theme } from '../theme.js';
import { wrap } from '../text.js';

export function renderLesson(where: { topic: Topic; section: Section; module: Module }, t: Theme, columns = 80): string {
  const { topic, section, module } = where;
  const width = Math.max(40, Math.min(columns, 100) - 1);
  const list = (items: string[]) => items.map((s) => wrap(s, width, `  ${t.sym.bullet} `, '    ')).join('\n');
  // Each block is preceded by one blank line; empty blocks are left out.
  const blocks: [string, string[]][] = [
    ['Key points', topic.keyPoints],
    ['Pitfalls', topic.pitfalls],
    ['Interview tips', topic.interviewTips],
    ['References', topic.references.map((r) => `${r.title} — ${r.where}`)],
  ];
  return [
    t.dim(wrap(`Module ${module.number} · ${section.title}`, width)),
    t.bold(wrap(`${topic.number}. ${topic.title}`, width)),
    '',
    wrap(topic.summary, width),
    ...blocks.filter(([, items]) => items.length > 0).map(([title, items]) => `\n${t.heading(title)}\n${list(items)}`),
  ].join('\n');
}
