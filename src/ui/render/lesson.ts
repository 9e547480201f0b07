/** A topic's lesson as terminal text. Pure. */
import type { Module, Section, Topic } from '../../curriculum/schema.js';
import type { Theme } from '../theme.js';
import { wrap } from '../text.js';

export function renderLesson(where: { topic: Topic; section: Section; module: Module }, t: Theme, columns = 80): string {
  const { topic, section, module } = where;
  const width = Math.max(40, Math.min(columns, 100) - 1);
  const list = (items: string[]) => items.map((s) => wrap(s, width, `  ${t.sym.bullet} `, '    ')).join('\n');
  const block = (title: string, body: string) => (body ? `\n${t.heading(title)}\n${body}\n` : '');
  return [
    t.dim(wrap(`Module ${module.number} · ${section.title}`, width)),
    t.bold(wrap(`${topic.number}. ${topic.title}`, width)),
    '',
    wrap(topic.summary, width),
    block('Key points', list(topic.keyPoints)),
    block('Pitfalls', list(topic.pitfalls)),
    block('Interview tips', list(topic.interviewTips)),
    block('References', list(topic.references.map((r) => `${r.title} — ${r.where}`))),
  ].join('\n');
}
