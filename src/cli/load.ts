/**
 * Loads the curriculum for commands that need a valid one. `study validate` reports problems
 * itself; everything else stops with one line pointing at it.
 */
import { DataError } from '../errors.js';
import { loadCurriculumDir } from '../curriculum/read.js';
import type { Curriculum } from '../curriculum/schema.js';
import type { Problem } from '../curriculum/yaml.js';
import type { Context } from './context.js';

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.col}: ${p.message}`;
}

/** The curriculum in `ctx.curriculumDir`, or a DataError naming the first problem. */
export function requireCurriculum(ctx: Context): Curriculum {
  const { curriculum, problems } = loadCurriculumDir(ctx.curriculumDir);
  if (!curriculum || problems.length > 0) {
    const first = problems[0];
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    throw new DataError(`the curriculum in ${ctx.curriculumDir} is invalid: ${first ? formatProblem(first) : 'unknown problem'}${more}; run: study validate ${ctx.curriculumDir}`);
  }
  return curriculum;
}
