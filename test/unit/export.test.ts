import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadCurriculumDir } from '../../src/cli/curriculum/load-dir.js';
import { markdownGuide } from '../../src/export/markdown.js';
import { searchCurriculum } from '../../src/curriculum/search.js';
import { ROOT } from '../helpers.js';

const mini = loadCurriculumDir(join(ROOT, 'test/fixtures/mini')).curriculum!;
const full = loadCurriculumDir(join(ROOT, 'curriculum')).curriculum!;

// The Anki export's tests are in export-anki.test.ts.

describe('Markdown guide', () => {
  it('has every topic in outline order with its questions and answers', () => {
    const md = markdownGuide(full);
    const headings = [...md.matchAll(/^#### (\d+)\. /gm)].map((m) => Number(m[1]));
    expect(headings).toEqual(Array.from({ length: 61 }, (_, i) => i + 1));
    const small = markdownGuide(mini);
    expect(small).toContain('#### 1. KV cache');
    expect(small).toContain('<details><summary>Answer</summary>');
    expect(small).toContain('2 GiB (±10%)');
  });
});

describe('search', () => {
  it('ranks a topic whose title matches above questions that mention the words', () => {
    const hits = searchCurriculum(full, 'load balancing');
    expect(hits[0]).toMatchObject({ kind: 'topic', id: 'load-balancing', command: 'study learn load-balancing' });
    expect(hits.some((h) => h.kind === 'question')).toBe(true);
  });

  it('ranks a lesson that keeps returning to the words above questions that mention them once', () => {
    const hits = searchCurriculum(full, 'kafka', 500);
    expect(hits[0]).toMatchObject({ kind: 'topic', id: 'async-communication' });
    expect(searchCurriculum(full, 'kv cache', 500).slice(0, 3).some((h) => h.kind === 'topic' && h.id === 'inference-optimization')).toBe(true);
  });

  it('matches a short term as a word, not inside one ("rag" is not in "storage")', () => {
    const rag = searchCurriculum(full, 'rag', 6);
    expect(rag.every((h) => h.topicId.startsWith('rag-') || /\brag\b/i.test(`${h.title} ${h.snippet}`))).toBe(true);
    expect(searchCurriculum(full, 'rag', 500).some((h) => h.id === 'storage-tiers')).toBe(false);
    // "ANN" the word beats "annotators", a word that starts with it.
    const ann = searchCurriculum(full, 'ann', 500).map((h) => h.id);
    expect(ann.indexOf('rag-vector-search')).toBeLessThan(ann.indexOf('cv-human-in-the-loop'));
  });

  it('requires every term and returns nothing for nonsense', () => {
    expect(searchCurriculum(full, 'kafka zzzzqq')).toEqual([]);
    expect(searchCurriculum(full, '   ')).toEqual([]);
    const hits = searchCurriculum(mini, 'grouped query');
    expect(hits.map((h) => h.command)).toContain('study quiz --question kv-cache.single');
    expect(hits.map((h) => h.command)).not.toContain('study quiz --question kv-cache.recall');
  });
});
