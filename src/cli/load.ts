/**
 * Loads the curriculum for commands that need a valid one. `study validate` reports problems
 * itself; everything else stops with one line pointing at it.
 */
import { join } from 'node:path';
import { DataError } from '../errors.js';
import { sanitizeLine } from '../sanitize.js';
import { loadCurriculumCached, loadView, type CacheDirs } from './curriculum/cache.js';
import type { BuildResult } from '../curriculum/build.js';
import type { Curriculum } from '../curriculum/schema.js';
import type { Problem } from '../curriculum/yaml.js';
import { packageRoot, type Context } from './context.js';

/** `file:line:col: message` on one sanitised line (file names and messages can carry anything). */
export function formatProblem(p: Problem): string {
  return sanitizeLine(`${p.file}:${p.line}:${p.col}: ${p.message}`);
}

/** Where compiled curricula are kept: STUDY_CACHE_DIR, else $XDG_CACHE_HOME or ~/.cache. */
export function userCacheDir(env: NodeJS.ProcessEnv): string | undefined {
  if (env.STUDY_CACHE_DIR) return env.STUDY_CACHE_DIR;
  if (env.XDG_CACHE_HOME?.startsWith('/')) return join(env.XDG_CACHE_HOME, 'ai-design-study');
  return env.HOME ? join(env.HOME, '.cache', 'ai-design-study') : undefined;
}

/** The cache built with the package (`dist/cache`, written by the build). */
function bundledCacheDir(): string {
  return join(packageRoot(), 'dist', 'cache');
}

function orFail(ctx: Context, { curriculum, problems }: BuildResult): Curriculum {
  if (!curriculum || problems.length > 0) {
    const first = problems[0];
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    throw new DataError(`the curriculum in ${ctx.curriculumDir} is invalid: ${first ? formatProblem(first) : 'unknown problem'}${more}; run: study validate ${ctx.curriculumDir}`);
  }
  return curriculum;
}

function cacheDirs(ctx: Context): CacheDirs {
  const user = userCacheDir(ctx.env);
  const dirs: CacheDirs = { read: [user, bundledCacheDir()].filter((d): d is string => d !== undefined), write: user };
  // In a terminal, say what the pause is: compiling takes a moment after the YAML changes.
  if (ctx.interactive) {
    dirs.around = async (work) => {
      const { withSpinner } = await import('../ui/spinner.js');
      return withSpinner('Compiling the curriculum (once after each change to its files)…', work, ctx.theme.color);
    };
  }
  return dirs;
}

/** The curriculum in `ctx.curriculumDir`, from the compiled cache when its sources are unchanged. */
export async function loadCurriculum(ctx: Context): Promise<Curriculum> {
  return orFail(ctx, await loadCurriculumCached(ctx.curriculumDir, cacheDirs(ctx)));
}

/** A value derived from the curriculum, cached beside it (see `loadView`); fails like `loadCurriculum`. */
export async function loadCurriculumView<T>(ctx: Context, view: string, derive: (c: Curriculum) => T): Promise<T> {
  const r = await loadView(ctx.curriculumDir, cacheDirs(ctx), view, derive);
  if ('value' in r) return r.value;
  orFail(ctx, r);
  throw new DataError(`the curriculum in ${ctx.curriculumDir} could not be loaded`);
}
