/**
 * Loads the curriculum for commands that need a valid one. `study validate` reports problems
 * itself; everything else stops with one line pointing at it.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataError } from '../errors.js';
import { loadCurriculumCached } from '../curriculum/cache.js';
import { loadCurriculumDir, type BuildResult } from '../curriculum/build.js';
import type { Curriculum } from '../curriculum/schema.js';
import type { Problem } from '../curriculum/yaml.js';
import type { Context } from './context.js';

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.col}: ${p.message}`;
}

/** Where compiled curricula are kept: STUDY_CACHE_DIR, else $XDG_CACHE_HOME or ~/.cache. */
export function userCacheDir(env: NodeJS.ProcessEnv): string | undefined {
  if (env.STUDY_CACHE_DIR) return env.STUDY_CACHE_DIR;
  if (env.XDG_CACHE_HOME?.startsWith('/')) return join(env.XDG_CACHE_HOME, 'ai-design-study');
  return env.HOME ? join(env.HOME, '.cache', 'ai-design-study') : undefined;
}

/** The cache built with the package (`dist/cache`, written by the build). */
function bundledCacheDir(): string {
  return fileURLToPath(new URL('./cache', import.meta.url));
}

function orFail(ctx: Context, { curriculum, problems }: BuildResult): Curriculum {
  if (!curriculum || problems.length > 0) {
    const first = problems[0];
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    throw new DataError(`the curriculum in ${ctx.curriculumDir} is invalid: ${first ? formatProblem(first) : 'unknown problem'}${more}; run: study validate ${ctx.curriculumDir}`);
  }
  return curriculum;
}

/** The curriculum in `ctx.curriculumDir`, from the compiled cache when its sources are unchanged. */
export async function loadCurriculum(ctx: Context): Promise<Curriculum> {
  const user = userCacheDir(ctx.env);
  const dirs = [user, bundledCacheDir()].filter((d): d is string => d !== undefined);
  return orFail(ctx, await loadCurriculumCached(ctx.curriculumDir, dirs, user));
}

/**
 * Synchronous, uncached load (every file parsed and checked). Transitional: it imports the YAML
 * parser and zod statically; commands should use `loadCurriculum`.
 */
export function requireCurriculum(ctx: Context): Curriculum {
  return orFail(ctx, loadCurriculumDir(ctx.curriculumDir));
}
