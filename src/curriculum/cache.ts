/**
 * The compiled-curriculum cache: the validated curriculum as JSON, keyed by a hash of every source
 * file's path and text and of the loader's own code. A hit skips YAML parsing and zod entirely
 * (neither is even imported); a miss builds, and on success writes the cache for next time.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSources } from './read.js';
import type { BuildResult, ModuleSource } from './build.js';
import type { Curriculum } from './schema.js';

declare const __STUDY_BUILD__: string;
/** Changes whenever the loader, schema or checks change, so old caches are never trusted. */
const BUILD = typeof __STUDY_BUILD__ === 'string' ? __STUDY_BUILD__ : 'dev';

/** The cache key for a set of sources. */
export function cacheKey(sources: ModuleSource[]): string {
  const h = createHash('sha256').update(BUILD);
  for (const m of sources) for (const f of [m.module, ...m.sections]) h.update(`\0${f.path}\0${f.bytes ?? ''}\0${f.text}`);
  return h.digest('hex').slice(0, 32);
}

/**
 * Loads the curriculum in `dir`: from the first cache folder holding its key, else by building it
 * (and then writing the cache into `writeDir`, best effort: a read-only cache is no error).
 */
export async function loadCurriculumCached(dir: string, cacheDirs: string[], writeDir: string | undefined): Promise<BuildResult> {
  const sources = readSources(dir);
  const name = `curriculum-${cacheKey(sources)}.json`;
  for (const d of cacheDirs) {
    try {
      const curriculum = JSON.parse(readFileSync(join(d, name), 'utf8')) as Curriculum;
      return { curriculum, problems: [] };
    } catch {
      // missing or unreadable: try the next folder, then build
    }
  }
  const { buildCurriculum } = await import('./build.js');
  const result = buildCurriculum(sources);
  if (writeDir && result.curriculum && result.problems.length === 0) {
    try {
      mkdirSync(writeDir, { recursive: true, mode: 0o700 });
      const { writeAtomic } = await import('../progress/store.js');
      writeAtomic(join(writeDir, name), JSON.stringify(result.curriculum));
    } catch {
      // A cache is an optimisation; failing to write one changes nothing else.
    }
  }
  return result;
}
