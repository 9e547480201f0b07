/**
 * The compiled-curriculum cache: the validated curriculum as JSON, keyed by a hash of every source
 * file's path, size and modification time and of the loader's own code. A hit skips YAML parsing and zod entirely
 * (neither is even imported); a miss builds, and on success writes the cache for next time.
 */
import { mkdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { listSources, readProblems, readSources, readVocabulary, type SourceLayout } from './read.js';
import { fnv1a } from '../../hash.js';
import { MAX_PROGRESS_BYTES, readRegular } from '../../progress/files.js';
import type { BuildResult } from '../../curriculum/build.js';
import type { Curriculum } from '../../curriculum/schema.js';

declare const __STUDY_BUILD__: string;
/** Changes whenever the loader, schema or checks change, so old caches are never trusted. */
const BUILD = typeof __STUDY_BUILD__ === 'string' ? __STUDY_BUILD__ : 'dev';

/**
 * The cache key: the loader's build id and each file's path (relative to the curriculum), size and
 * modification time — any edit changes it, and no file has to be read to compute it.
 */
export function cacheKey(dir: string, layout: SourceLayout): string {
  const h = fnv1a(BUILD);
  const files = [...layout.modules.flatMap((m) => [m.module, ...m.sections]), ...(layout.vocabulary ? [layout.vocabulary] : []), ...(layout.problems ?? [])];
  h.update(`\0problems:${(layout.problems ?? []).length}`);
  for (const f of files) {
    let stamp = 'missing';
    try {
      const st = statSync(f);
      stamp = `${st.size}:${st.mtimeMs}:${st.ino}`;
    } catch {
      // a missing module.yaml still gets a key; the build reports it
    }
    // Every listed file is `join(dir, …)`, so its name relative to the folder is a slice (path.relative resolves both paths each call).
    h.update(`\0${f.startsWith(`${dir}${sep}`) ? f.slice(dir.length + 1) : relative(dir, f)}\0${stamp}`);
  }
  return h.digest();
}

/** Where to look for compiled files, and where to write new ones (best effort). */
export interface CacheDirs {
  read: string[];
  write?: string;
  /** Wraps the (slow, first-run) compile, e.g. to show a spinner meanwhile. */
  around?: <T>(work: () => Promise<T>) => Promise<T>;
}

function readCached<T>(dirs: CacheDirs, name: string): T | undefined {
  for (const d of dirs.read) {
    try {
      // A regular file only (a pipe in the cache folder must not hang every command).
      const r = readRegular(join(d, name), MAX_PROGRESS_BYTES);
      if (r.ok) return JSON.parse(r.data.toString('utf8')) as T;
    } catch {
      // missing or unreadable: try the next folder
    }
  }
  return undefined;
}

async function writeCached(dirs: CacheDirs, name: string, value: unknown): Promise<void> {
  if (!dirs.write) return;
  try {
    mkdirSync(dirs.write, { recursive: true, mode: 0o700 });
    const { writeAtomic } = await import('../../progress/store.js');
    writeAtomic(join(dirs.write, name), JSON.stringify(value));
  } catch {
    // A cache is an optimisation; failing to write one changes nothing else.
  }
}

/** Loads the curriculum in `dir` from the cache when its files are unchanged, else builds it (and caches it if valid). */
export async function loadCurriculumCached(dir: string, dirs: CacheDirs, layout: SourceLayout = listSources(dir)): Promise<BuildResult> {
  const name = `curriculum-${cacheKey(dir, layout)}.json`;
  const cached = readCached<Curriculum>(dirs, name);
  if (cached) return { curriculum: cached, problems: [] };
  const compile = async () => {
    const { buildCurriculum } = await import('../../curriculum/build.js');
    return buildCurriculum(readSources(dir, layout), readVocabulary(dir, layout), readProblems(dir, layout));
  };
  const result = await (dirs.around ? dirs.around(compile) : compile());
  if (result.curriculum && result.problems.length === 0) await writeCached(dirs, name, result.curriculum);
  return result;
}

/**
 * A value derived from a valid curriculum (say, the `study topics --json` counts), cached under the
 * same key, so a command that needs only the derived value reads a small file instead of the whole
 * curriculum. Null when the curriculum has problems (the caller reports them).
 */
export async function loadView<T>(dir: string, dirs: CacheDirs, view: string, derive: (c: Curriculum) => T): Promise<{ value: T } | BuildResult> {
  const layout = listSources(dir);
  const name = `${view}-${cacheKey(dir, layout)}.json`;
  const cached = readCached<T>(dirs, name);
  if (cached !== undefined) return { value: cached };
  const built = await loadCurriculumCached(dir, dirs, layout);
  if (!built.curriculum || built.problems.length > 0) return built;
  const value = derive(built.curriculum);
  await writeCached(dirs, name, value);
  return { value };
}
