/**
 * Where interviews live on disk, beside the progress file: `interviews/in-progress.json` (the
 * paused interview, written atomically) and `interviews/<date>-<capstone>.md` (transcripts).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DataError, UsageError } from '../../errors.js';
import { decodeSession, encodeSession, type Session } from '../../interview/session.js';
import { writeAtomic } from '../../progress/store.js';

export { inProgressPath, interviewsDir } from './paths.js';

/** The saved interview, or undefined when there is none. A damaged file stops with one line. */
export function loadSaved(path: string): Session | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new DataError(`cannot read the saved interview ${path}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  const decoded = decodeSession(text);
  if (!decoded.ok) throw new DataError(`${path} is not a saved interview study can read (${decoded.message}); move it away to start afresh`);
  return decoded.session;
}

/** Writes the session atomically (creating the folder). */
export function saveSession(path: string, s: Session): void {
  mkdir(dirname(path));
  writeAtomic(path, encodeSession(s));
}

export function clearSaved(path: string): void {
  rmSync(path, { force: true });
}

/** Refuses an `--out` that cannot be a file before the interview starts, not 45 minutes later. */
export function checkOut(out: string): string {
  const path = resolve(out);
  if (existsSync(path) && statSync(path).isDirectory()) throw new UsageError(`--out: ${out} is a folder; give a file name such as ${join(out, 'interview.md')}`);
  return path;
}

/** A path in `dir` named `name` that does not exist yet ("x.md", "x-2.md", ...). */
export function freshPath(dir: string, name: string): string {
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let i = 1; ; i++) {
    const p = join(dir, i === 1 ? name : `${stem}-${i}${ext}`);
    if (!existsSync(p)) return p;
  }
}

/** Writes the transcript atomically, creating its folder. */
export function writeTranscript(path: string, text: string): void {
  mkdir(dirname(path));
  writeAtomic(path, text);
}

function mkdir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (e) {
    throw new DataError(`cannot create the folder ${dir}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
  }
}
