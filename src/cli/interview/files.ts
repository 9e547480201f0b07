/**
 * Where interviews live on disk, beside the progress file: `interviews/in-progress.json` (the
 * paused interview, written atomically) and `interviews/<date>-<capstone>.md` (transcripts).
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DataError } from '../../errors.js';
import { decodeSession, encodeSession, type Session } from '../../interview/session.js';
import { MAX_PROGRESS_BYTES, readRegular } from '../../progress/files.js';
import { writeAtomic } from '../../progress/store.js';
import type { Context } from '../context.js';
import { guardOutput } from '../output-guard.js';

export { inProgressPath, interviewsDir } from './paths.js';

/** The saved interview, or undefined when there is none. A damaged file stops with one line. */
export function loadSaved(path: string): Session | undefined {
  // A regular file of sane size only: a pipe or device there must not hang the command.
  const read = readRegular(path, MAX_PROGRESS_BYTES);
  if (!read.ok) {
    if (read.reason === 'missing') return undefined;
    throw new DataError(`cannot read the saved interview ${path}: ${read.message}; move it away to start afresh`);
  }
  const decoded = decodeSession(read.data.toString('utf8'));
  if (!decoded.ok) throw new DataError(`${path} is not a saved interview study can read (${decoded.message}); move it away to start afresh`);
  const s = decoded.session;
  // A phase index past the phases (a hand edit, an older build) would crash the interview later.
  // Introductions come before phase 1; the candidate's questions and the debrief after the last phase.
  const fits = s.stage === 'intro' ? s.phaseIndex === 0 : s.stage === 'phases' ? s.phaseIndex < s.phases.length : s.phaseIndex === s.phases.length;
  if (!fits) {
    throw new DataError(`the saved interview in ${path} is at phase ${s.phaseIndex + 1} of ${s.phases.length}, which does not exist, so it cannot continue; move that file away (its notes are in it) to start a new interview`);
  }
  return s;
}

/** Writes the session atomically (creating the folder). */
export function saveSession(path: string, s: Session): void {
  mkdir(dirname(path));
  writeAtomic(path, encodeSession(s));
}

export function clearSaved(path: string): void {
  rmSync(path, { force: true });
}

/**
 * Refuses an `--out` that cannot be a file, or that would land on the user's data, before the
 * interview starts, not 45 minutes later (the shared output guard; the folder may be created).
 */
export function checkOut(out: string, ctx: Pick<Context, 'progressPath'>): string {
  return guardOutput(ctx, '--out', out, { createDir: true, example: 'interview.md' });
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
