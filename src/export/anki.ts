/**
 * Flashcards as a text file Anki imports (File > Import): GUID, front, back, tags, with the header
 * lines Anki 2.1.55+ reads (`#separator`, `#html`, `#guid column`, `#notetype`, `#deck`,
 * `#tags column`). The GUID is derived from the question's stable id, so exporting again gives
 * the same file and re-importing updates the notes instead of duplicating them. Pure.
 *
 * Escaping, per Anki's format: fields are HTML (`#html:true`), so text is HTML-escaped; every line
 * break (LF, CRLF or a lone CR, which Anki's reader also treats as the end of a row) becomes <br>;
 * tabs become spaces; no field starts with `#` (a row starting with it is a comment) or contains a
 * double quote (which would open a quoted field).
 */
import type { Curriculum } from '../curriculum/schema.js';
import { fnv1a } from '../hash.js';
import { answerText, choicesOf } from './answer.js';

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** One field: escaped, line breaks as <br>, no tabs, and a leading `#` written as an entity. */
export function field(s: string): string {
  return escapeHtml(s)
    .replace(/\r\n|\r|\n|\u2028|\u2029/g, '<br>')
    .replace(/\t/g, ' ')
    .replace(/^#/, '&#35;');
}

/** Anki tags cannot contain spaces; ours are slugs with `::` for hierarchy. */
function tag(...parts: string[]): string {
  return parts.join('::').replace(/[\s"]+/g, '_');
}

/** The note's GUID: a hash of the question id (ids are stable across releases and reorderings). */
export function ankiGuid(questionId: string): string {
  return `study-${fnv1a(`question:${questionId}`).digest()}`;
}

export const ANKI_DECK = 'AI-ML system design (study)';

export function ankiTsv(c: Curriculum, moduleNumber?: number): string {
  const lines = ['#separator:tab', '#html:true', '#guid column:1', '#notetype:Basic', `#deck:${ANKI_DECK}`, '#columns:GUID\tFront\tBack\tTags', '#tags column:4'];
  for (const m of c.modules) {
    if (moduleNumber !== undefined && m.number !== moduleNumber) continue;
    for (const s of m.sections)
      for (const t of s.topics)
        for (const q of t.questions) {
          const choices = choicesOf(q);
          const front = choices.length ? `${field(q.prompt)}<br><br>${choices.map((o) => `• ${field(o)}`).join('<br>')}` : field(q.prompt);
          const back = `<b>${field(answerText(q))}</b><br><br>${field(q.explanation)}`;
          const tags = [tag('study', m.id), tag('study', m.id, s.id), tag('study', m.id, s.id, t.id), ...(q.tags ?? []).map((x) => tag('study', 'tag', x))].join(' ');
          lines.push([ankiGuid(q.id), front, back, tags].join('\t'));
        }
  }
  return `${lines.join('\n')}\n`;
}
