import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadCurriculumDir } from '../../src/cli/curriculum/load-dir.js';
import { ankiTsv, escapeHtml } from '../../src/export/anki.js';
import { markdownGuide } from '../../src/export/markdown.js';
import { searchCurriculum } from '../../src/curriculum/search.js';
import { ROOT } from '../helpers.js';

const mini = loadCurriculumDir(join(ROOT, 'test/fixtures/mini')).curriculum!;
const full = loadCurriculumDir(join(ROOT, 'curriculum')).curriculum!;

/** Parses Anki's tab-separated import format back: header lines, then front, back, tags. */
function parseTsv(text: string) {
  const lines = text.trimEnd().split('\n');
  const header = lines.filter((l) => l.startsWith('#'));
  const rows = lines.filter((l) => !l.startsWith('#')).map((l) => l.split('\t'));
  return { header, rows };
}

describe('Anki export', () => {
  it('writes one row per question with front, back and tags, HTML-escaped', () => {
    const { header, rows } = parseTsv(ankiTsv(mini));
    expect(header).toEqual(['#separator:tab', '#html:true', '#columns:Front\tBack\tTags', '#tags column:3']);
    expect(rows).toHaveLength(6);
    for (const r of rows) expect(r).toHaveLength(3);
    const single = rows[0]!;
    expect(single[0]).toBe('Which attention variant shrinks the KV cache by sharing K/V heads?<br><br>• Grouped-query attention<br>• Sliding-window attention<br>• Cross attention');
    expect(single[1]).toBe('<b>Grouped-query attention</b><br><br>GQA shares each K/V head among several query heads.');
    expect(single[2]!.split(' ')).toEqual(['study::basics', 'study::basics::caching-section', 'study::basics::caching-section::kv-cache']);
    const order = rows[4]!;
    expect(order[1]).toMatch(/^<b>1\. Embed the new token<br>2\. Attend over cached keys and values<br>3\. /);
    expect(rows[5]![1]).toMatch(/^<b>2 x layers x kv_heads x head_dim x bytes per element\.<\/b>/);
  });

  it('escapes HTML and never leaves a tab or newline inside a field', () => {
    expect(escapeHtml('<b>"a" & b</b>')).toBe('&lt;b&gt;&quot;a&quot; &amp; b&lt;/b&gt;');
    const { rows } = parseTsv(ankiTsv(full));
    expect(rows.length).toBeGreaterThan(600);
    for (const r of rows) {
      expect(r).toHaveLength(3);
      expect(r.join('')).not.toMatch(/<(?!\/?b>|br>)/); // only our own <b> and <br> tags
    }
  });

  it('filters by module', () => {
    const one = parseTsv(ankiTsv(full, 4)).rows;
    expect(one.every((r) => r[2]!.startsWith('study::professional-practice'))).toBe(true);
  });
});

describe('Markdown guide', () => {
  it('has every topic in outline order with its questions and answers', () => {
    const md = markdownGuide(full);
    const headings = [...md.matchAll(/^#### (\d+)\. /gm)].map((m) => Number(m[1]));
    expect(headings).toEqual(Array.from({ length: 61 }, (_, i) => i + 1));
    const small = markdownGuide(mini);
    expect(small).toContain('#### 1. KV cache');
    expect(small).toContain('<details><summary>Answer</summary>');
    expect(small).toContain('2.15 GB (±10%)');
  });
});

describe('search', () => {
  it('ranks a topic whose title matches above questions that mention the words', () => {
    const hits = searchCurriculum(full, 'load balancing');
    expect(hits[0]).toMatchObject({ kind: 'topic', id: 'load-balancing', command: 'study learn load-balancing' });
    expect(hits.some((h) => h.kind === 'question')).toBe(true);
  });

  it('requires every term and returns nothing for nonsense', () => {
    expect(searchCurriculum(full, 'kafka zzzzqq')).toEqual([]);
    expect(searchCurriculum(full, '   ')).toEqual([]);
    const hits = searchCurriculum(mini, 'grouped query');
    expect(hits.map((h) => h.command)).toContain('study quiz --question kv-cache.single');
    expect(hits.map((h) => h.command)).not.toContain('study quiz --question kv-cache.recall');
  });
});
