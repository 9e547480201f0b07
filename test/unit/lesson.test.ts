import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCurriculumDir } from '../../src/cli/curriculum/load-dir.js';
import { findTopic } from '../../src/quiz/select.js';
import { renderLesson } from '../../src/ui/render/lesson.js';
import { plainTheme } from '../../src/ui/theme.js';
import { ROOT } from '../helpers.js';

const full = loadCurriculumDir(join(ROOT, 'curriculum')).curriculum!;

describe('lesson renderer', () => {
  it('shows every part of the lesson, wrapped to the width, one blank line between blocks', () => {
    const where = findTopic(full, '41')!;
    for (const cols of [100, 80, 60]) {
      const text = renderLesson(where, plainTheme, cols);
      const lines = text.split('\n');
      for (const l of lines) expect(l.length).toBeLessThanOrEqual(Math.min(cols, 100) - 1);
      expect(lines).toContain('41. Vector database indexing and search');
      for (const h of ['Key points', 'Pitfalls', 'Interview tips', 'References']) expect(lines).toContain(h);
      expect(text).not.toMatch(/\n\n\n/);
      expect(lines.filter((l) => l.startsWith('  • ')).length).toBe(where.topic.keyPoints.length + where.topic.pitfalls.length + where.topic.interviewTips.length + where.topic.references.length);
    }
  });
});
