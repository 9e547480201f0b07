/**
 * The progress summary, cached per version of the progress file: keyed by the file's size,
 * modification time and inode (every save is a rename, so a new inode), the time zone (day
 * boundaries) and the build. A hit reads a small file and never loads the validator; a miss reads
 * and validates the progress file as usual (so a damaged file is still reported and kept).
 */
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fnv1a } from '../hash.js';
import { MAX_PROGRESS_BYTES, readRegular } from './files.js';
import { emptySummary, withDicts, type ProgressSummary } from './summary.js';

declare const __STUDY_BUILD__: string;
const BUILD = typeof __STUDY_BUILD__ === 'string' ? __STUDY_BUILD__ : 'dev';

interface Entry {
  stamp: string;
  summary: ProgressSummary;
}

export async function readSummary(path: string, cacheDir: string | undefined): Promise<ProgressSummary> {
  let stamp: string;
  try {
    const st = statSync(path);
    stamp = `${BUILD}:${st.size}:${st.mtimeMs}:${st.ino}:${process.env.TZ ?? ''}:${new Date().getTimezoneOffset()}`;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return emptySummary();
    stamp = '';
  }
  const file = cacheDir ? join(cacheDir, `progress-${fnv1a(path).digest()}.json`) : undefined;
  if (file && stamp) {
    try {
      const r = readRegular(file, MAX_PROGRESS_BYTES);
      const entry = r.ok ? (JSON.parse(r.data.toString('utf8')) as Entry) : undefined;
      if (entry?.stamp === stamp) return withDicts(entry.summary);
    } catch {
      // no cache yet, or unreadable: compute it
    }
  }
  const [{ readProgress, writeAtomic }, { summarize }] = await Promise.all([import('./store.js'), import('./summary.js')]);
  const summary = summarize(readProgress(path));
  if (file && stamp) {
    try {
      mkdirSync(cacheDir!, { recursive: true, mode: 0o700 });
      writeAtomic(file, JSON.stringify({ stamp, summary } satisfies Entry));
    } catch {
      // A cache is an optimisation; failing to write one changes nothing else.
    }
  }
  return summary;
}
