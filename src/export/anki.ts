/**
 * Flashcards as a tab-separated file that Anki imports (File > Import): front, back, tags. Fields
 * are HTML (Anki's "Allow HTML" is declared in the header), so text is escaped and line breaks
 * become <br>; tags name the module, section and topic. Pure.
 */
import type { Curriculum } from '../curriculum/schema.js';
import { answerText, choicesOf } from './answer.js';

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Escaped, with newlines as <br> and no tabs left (a tab would split the field). */
function field(s: string): string {
  return escapeHtml(s).replace(/\t/g, ' ').replace(/\r?\n/g, '<br>');
}

/** Anki tags cannot contain spaces; ours are slugs with `::` for hierarchy. */
function tag(...parts: string[]): string {
  return parts.join('::').replace(/\s+/g, '_');
}

export function ankiTsv(c: Curriculum, moduleNumber?: number): string {
  const lines = ['#separator:tab', '#html:true', '#columns:Front\tBack\tTags', '#tags column:3'];
  for (const m of c.modules) {
    if (moduleNumber !== undefined && m.number !== moduleNumber) continue;
    for (const s of m.sections)
      for (const t of s.topics)
        for (const q of t.questions) {
          const choices = choicesOf(q);
          const front = choices.length ? `${field(q.prompt)}<br><br>${choices.map((o) => `• ${field(o)}`).join('<br>')}` : field(q.prompt);
          const back = `<b>${field(answerText(q))}</b><br><br>${field(q.explanation)}`;
          const tags = [tag('study', m.id), tag('study', m.id, s.id), tag('study', m.id, s.id, t.id), ...(q.tags ?? []).map((x) => tag('study', 'tag', x))].join(' ');
          lines.push(`${front}\t${back}\t${tags}`);
        }
  }
  return `${lines.join('\n')}\n`;
}
