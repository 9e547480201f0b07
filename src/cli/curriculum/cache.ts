/**
 * The compiled-curriculum cache: the validated curriculum as JSON, stamped with every source
 * file's path, size and modification time and the loader's own build id. A hit skips YAML parsing and zod entirely
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
 * What a cached file must have been made from: the loader's build id and each source file's path
 * (relative to the curriculum), size, modification time and inode. Any edit changes it, and no file
 * has to be read to compute it. It is stored inside the cached file and compared whole.
 */
export function sourceStamp(dir: string, layout: SourceLayout): string {
  const files = [...layout.modules.flatMap((m) => [m.module, ...m.sections]), ...(layout.vocabulary ? [layout.vocabulary] : []), ...(layout.problems ?? [])];
  let stamp = `${BUILD}\0problems:${(layout.problems ?? []).length}`;
  for (const f of files) {
    let st = 'missing';
    try {
      const s = statSync(f);
      st = `${s.size}:${s.mtimeMs}:${s.ino}`;
    } catch {
      // a missing module.yaml still gets a stamp; the build reports it
    }
    // Every listed file is `join(dir, …)`, so its name relative to the folder is a slice (path.relative resolves both paths each call).
    stamp += `\0${f.startsWith(`${dir}${sep}`) ? f.slice(dir.length + 1) : relative(dir, f)}\0${st}`;
  }
  return stamp;
}

/**
 * The cached file's name: what it holds and a short hash of the curriculum folder. One file per
 * folder and view, replaced when the sources change (a cache does not grow with every edit).
 * Hashing only the folder's path keeps start-up cheap: the whole stamp is compared after reading.
 */
export function cacheFileName(view: string, dir: string): string {
  return `${view}-${fnv1a(dir).digest()}.json`;
}

/** A cached file: the stamp it was made for, and the value. */
interface Cached<T> {
  stamp: string;
  value: T;
}

/** Where to look for compiled files, and where to write new ones (best effort). */
export interface CacheDirs {
  read: string[];
  write?: string;
  /** Wraps the (slow, first-run) compile, e.g. to show a spinner meanwhile. */
  around?: <T>(work: () => Promise<T>) => Promise<T>;
}

function readCached<T>(dirs: CacheDirs, name: string, stamp: string): T | undefined {
  for (const d of dirs.read) {
    try {
      // A regular file only (a pipe in the cache folder must not hang every command).
      const r = readRegular(join(d, name), MAX_PROGRESS_BYTES);
      if (!r.ok) continue;
      const cached = JSON.parse(r.data.toString('utf8')) as Partial<Cached<T>> | null;
      if (cached?.stamp === stamp && cached.value !== undefined) return cached.value;
    } catch {
      // missing, unreadable or not JSON: try the next folder
    }
  }
  return undefined;
}

async function writeCached(dirs: CacheDirs, name: string, stamp: string, value: unknown): Promise<void> {
  if (!dirs.write) return;
  try {
    mkdirSync(dirs.write, { recursive: true, mode: 0o700 });
    const { writeAtomic } = await import('../../progress/store.js');
    writeAtomic(join(dirs.write, name), JSON.stringify({ stamp, value } satisfies Cached<unknown>));
  } catch {
    // A cache is an optimisation; failing to write one changes nothing else.
  }
}

/** Loads the curriculum in `dir` from the cache when its files are unchanged, else builds it (and caches it if valid). */
export async function loadCurriculumCached(dir: string, dirs: CacheDirs, layout: SourceLayout = listSources(dir)): Promise<BuildResult> {
  const name = cacheFileName('curriculum', dir);
  const stamp = sourceStamp(dir, layout);
  const cached = readCached<Curriculum>(dirs, name, stamp);
  if (cached) return { curriculum: cached, problems: [] };
  const compile = async () => {
    const { buildCurriculum } = await import('../../curriculum/build.js');
    return buildCurriculum(readSources(dir, layout), readVocabulary(dir, layout), readProblems(dir, layout));
  };
  const result = await (dirs.around ? dirs.around(compile) : compile());
  if (result.curriculum && result.problems.length === 0) await writeCached(dirs, name, stamp, result.curriculum);
  return result;
}

/**
 * A value derived from a valid curriculum (say, the `study topics --json` counts), cached under the
 * same key, so a command that needs only the derived value reads a small file instead of the whole
 * curriculum. Null when the curriculum has problems (the caller reports them).
 */
export async function loadView<T>(dir: string, dirs: CacheDirs, view: string, derive: (c: Curriculum) => T): Promise<{ value: T } | BuildResult> {
  const layout = listSources(dir);
  const name = cacheFileName(view, dir);
  const stamp = sourceStamp(dir, layout);
  const cached = readCached<T>(dirs, name, stamp);
  if (cached !== undefined) return { value: cached };
  const built = await loadCurriculumCached(dir, dirs, layout);
  if (!built.curriculum || built.problems.length > 0) return built;
  const value = derive(built.curriculum);
  await writeCached(dirs, name, stamp, value);
  return { value };
}
