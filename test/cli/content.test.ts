/**
 * The bundled curriculum's completeness, per module, so content cannot regress: the thresholds of
 * `study validate --strict` plus a few checks a lint cannot phrase as counts.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCurriculumDir } from '../../src/cli/curriculum/load-dir.js';
import { COMPLETENESS, lintCompleteness } from '../../src/curriculum/lint.js';
import { ROOT } from '../helpers.js';

const { curriculum } = loadCurriculumDir(join(ROOT, 'curriculum'));
const modules = curriculum!.modules;

describe.each(modules.map((m) => [m.number, m] as const))('module %i content', (_n, mod) => {
  const topics = mod.sections.flatMap((s) => s.topics);

  it('meets every completeness threshold (validate --strict)', () => {
    const gaps = lintCompleteness({ format: 1, modules: [mod] });
    expect(gaps).toEqual([]);
  });

  it.each(topics.map((t) => [t.id, t] as const))('%s has a real lesson and varied questions', (_id, t) => {
    const sentences = t.summary.split(/(?<=[.!?])\s+(?=[A-Z(])/).filter(Boolean);
    expect(sentences.length).toBeGreaterThanOrEqual(2);
    expect(t.keyPoints.length).toBeGreaterThanOrEqual(COMPLETENESS.keyPoints);
    expect(new Set(t.questions.map((q) => q.type)).size).toBeGreaterThanOrEqual(3);
    for (const d of [1, 2, 3]) expect(t.questions.some((q) => q.difficulty === d)).toBe(true);
    // Right answers of single-choice questions are not all in one position.
    const positions = new Set(t.questions.flatMap((q) => (q.type === 'single' ? [q.answer] : [])));
    if (t.questions.filter((q) => q.type === 'single').length >= 3) expect(positions.size).toBeGreaterThan(1);
    // No duplicated key points or prompts inside a topic.
    expect(new Set(t.keyPoints).size).toBe(t.keyPoints.length);
    expect(new Set(t.questions.map((q) => q.prompt)).size).toBe(t.questions.length);
  });

  it('has a numeric estimation question in every section', () => {
    for (const s of mod.sections) expect(s.topics.some((t) => t.questions.some((q) => q.type === 'numeric'))).toBe(true);
  });
});
