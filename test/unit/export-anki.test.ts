import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadCurriculumDir } from '../../src/cli/curriculum/load-dir.js';
import { ankiGuid, ankiTsv, escapeHtml, field } from '../../src/export/anki.js';
import type { Curriculum } from '../../src/curriculum/schema.js';
import { ROOT } from '../helpers.js';

const mini = loadCurriculumDir(join(ROOT, 'test/fixtures/mini')).curriculum!;
const full = loadCurriculumDir(join(ROOT, 'curriculum')).curriculum!;

/**
 * Reads the file the way Anki's importer does: a line starting with `#` is a header or comment,
 * rows end at LF, CRLF or a lone CR, fields split on tabs.
 */
function parseTsv(text: string) {
  const lines = text.split(/\r\n|\r|\n/).filter((l) => l !== '');
  const header = lines.filter((l) => l.startsWith('#'));
  const rows = lines.filter((l) => !l.startsWith('#')).map((l) => l.split('\t'));
  return { header, rows };
}

const HEADER = ['#separator:tab', '#html:true', '#guid column:1', '#notetype:Basic', '#deck:AI-ML system design (study)', '#columns:GUID\tFront\tBack\tTags', '#tags column:4'];

/** The mini curriculum with one question's text made hostile to the format. */
function hostile(): Curriculum {
  const c = structuredClone(mini);
  const q = c.modules[0]!.sections[0]!.topics[0]!.questions[0]!;
  q.prompt = '# not a comment\rsecond line\r\nthird\tcolumn "quoted"';
  q.explanation = '#also\nnot a comment';
  return c;
}

describe('Anki export', () => {
  it("writes Anki's headers, then GUID, front, back and tags per question, HTML-escaped", () => {
    const { header, rows } = parseTsv(ankiTsv(mini));
    expect(header).toEqual(HEADER);
    expect(rows).toHaveLength(6);
    for (const r of rows) expect(r).toHaveLength(4);
    const single = rows[0]!;
    expect(single[0]).toBe(ankiGuid(mini.modules[0]!.sections[0]!.topics[0]!.questions[0]!.id));
    expect(single[1]).toBe('Which attention variant shrinks the KV cache by sharing K/V heads?<br><br>• Grouped-query attention<br>• Sliding-window attention<br>• Cross attention');
    expect(single[2]).toBe('<b>Grouped-query attention</b><br><br>GQA shares each K/V head among several query heads.');
    expect(single[3]!.split(' ')).toEqual(['study::basics', 'study::basics::caching-section', 'study::basics::caching-section::kv-cache']);
    expect(rows[4]![2]).toMatch(/^<b>1\. Embed the new token<br>2\. Attend over cached keys and values<br>3\. /);
  });

  it('derives each GUID from the stable question id: unique, and the same on every export', () => {
    const a = ankiTsv(full);
    expect(ankiTsv(full)).toBe(a);
    const { rows } = parseTsv(a);
    const ids = full.modules.flatMap((m) => m.sections.flatMap((s) => s.topics.flatMap((t) => t.questions.map((q) => q.id))));
    expect(rows.map((r) => r[0])).toEqual(ids.map(ankiGuid));
    expect(new Set(rows.map((r) => r[0])).size).toBe(rows.length);
    expect(ankiGuid('kv-cache.gqa')).toBe(ankiGuid('kv-cache.gqa'));
    expect(ankiGuid('kv-cache.gqa')).not.toBe(ankiGuid('kv-cache.mqa'));
    expect(ankiGuid('kv-cache.gqa')).toMatch(/^study-[0-9a-f]{16}$/);
    // A note keeps its GUID when the curriculum is reordered (it follows the id, not the position).
    const reordered = structuredClone(mini);
    reordered.modules[0]!.sections[0]!.topics[0]!.questions.reverse();
    const byFront = (t: string) => new Map(parseTsv(t).rows.map((r) => [r[1], r[0]]));
    expect(byFront(ankiTsv(reordered))).toEqual(byFront(ankiTsv(mini)));
  });

  it('keeps a note on one row: a lone CR, CRLF and tabs never split it; a leading # is not a comment', () => {
    const { rows } = parseTsv(ankiTsv(hostile()));
    expect(rows).toHaveLength(6);
    for (const r of rows) expect(r).toHaveLength(4);
    const r = rows[0]!;
    expect(r[1]).toMatch(/^&#35; not a comment<br>second line<br>third column &quot;quoted&quot;<br><br>• /);
    expect(r[2]).toContain('<br><br>&#35;also<br>not a comment');
    expect(field('#x')).toBe('&#35;x');
    expect(field('a#b')).toBe('a#b');
    expect(field('a\u2028b')).toBe('a<br>b');
  });

  it('escapes HTML and never leaves a tab, quote or line break inside a field of the real curriculum', () => {
    expect(escapeHtml('<b>"a" & b</b>')).toBe('&lt;b&gt;&quot;a&quot; &amp; b&lt;/b&gt;');
    const text = ankiTsv(full);
    const { rows } = parseTsv(text);
    expect(rows.length).toBeGreaterThan(600);
    expect(text).not.toContain('\r');
    for (const r of rows) {
      expect(r).toHaveLength(4);
      expect(r.join('')).not.toContain('"');
      expect(r.slice(1, 3).join('')).not.toMatch(/<(?!\/?b>|br>)/); // only our own <b> and <br> tags
    }
  });

  it('filters by module', () => {
    const one = parseTsv(ankiTsv(full, 4)).rows;
    expect(one.length).toBeGreaterThan(0);
    expect(one.every((r) => r[3]!.startsWith('study::professional-practice'))).toBe(true);
  });
});
