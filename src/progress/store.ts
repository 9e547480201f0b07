/**
 * The progress file on disk: read, and read-modify-write under an inter-process lock with an
 * atomic, verified replace (see files.ts). A file that cannot be read as progress is never
 * overwritten: one copy per distinct content is kept beside it and the command stops with a
 * message saying what to do. A change that would make the file unreadable is refused before
 * anything is written. A symlinked progress file is resolved: the target is updated, the link kept.
 */
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createHash } from 'node:crypto';
import { DataError } from '../errors.js';
import { changeProblem, snapshot } from './check.js';
import { MAX_PROGRESS_BYTES, readRegular, resolveLink, writeAtomic, describeIoError } from './files.js';
import { acquireLock, alive } from './lock.js';
import { decodeProgress, emptyProgress, encodeProgress, PROGRESS_VERSION, type Progress } from './model.js';

export { writeAtomic } from './files.js';
export { acquireLock, lockState } from './lock.js';

export interface StoreOptions {
  /** Clock, injected for tests. */
  now?: () => Date;
  /** How long to wait for another process's lock before giving up. */
  lockTimeoutMs?: number;
}

/** What a failed write of the progress file says after its reason. */
const UNCHANGED = 'nothing was changed — check the path or pass --progress FILE';

/** The file the progress path finally names (links followed) and its lock. */
export function progressTarget(path: string): { file: string; lock: string } {
  const file = resolveLink(path);
  return { file, lock: `${file}.lock` };
}

/** Reads the progress file; a missing file is an empty record. Never writes the progress file. */
export function readProgress(path: string, opts: StoreOptions = {}): Progress {
  const now = opts.now ?? (() => new Date());
  const read = readRegular(path, MAX_PROGRESS_BYTES);
  if (!read.ok) {
    if (read.reason === 'missing') return emptyProgress(now());
    if (read.reason === 'io') throw new DataError(`cannot read ${path}: ${read.message}; nothing was changed — check the path or pass --progress FILE`);
    throw new DataError(`cannot use ${path} as the progress file: ${read.message}; it was left untouched — pass --progress FILE to use another`);
  }
  const result = decodeProgress(read.data.toString('utf8'));
  if (result.ok) return result.progress;
  if (result.reason === 'newer') {
    throw new DataError(`${path} was written by a newer version of study (progress version ${result.version}; this one reads up to ${PROGRESS_VERSION}); update study — the file was left untouched`);
  }
  const copy = keepCorruptCopy(path, read.data);
  throw new DataError(
    `${path} is not a valid progress file (${result.message}); a copy was kept at ${copy}. Fix the file, or move it away to start afresh — study will not overwrite it`,
  );
}

/**
 * Read-modify-write under the lock: `change` gets the current progress and returns the new one
 * (or mutates and returns nothing). The whole cycle holds the lock, so concurrent processes never
 * lose each other's events. A result that would not read back is refused with a DataError and the
 * file is left as it was.
 */
export async function updateProgress(path: string, change: (p: Progress) => Progress | void, opts: StoreOptions = {}): Promise<Progress> {
  const { file, lock } = progressTarget(path);
  ensureDir(file);
  const release = await acquireLock(lock, opts.lockTimeoutMs ?? 15_000);
  try {
    removeOrphanTemps(file);
    const current = lastWritten(file) ?? readProgress(file, opts);
    lastWrite = undefined; // `change` may mutate it; re-armed only after a successful write
    const before = snapshot(current);
    const next = change(current) ?? current;
    const problem = changeProblem(before, next);
    if (problem) throw new DataError(`refused to save this change to ${path}: it would not read back (${problem}); the file was left as it was`);
    const text = encodeProgress(next);
    writeAtomic(file, text, { hint: UNCHANGED });
    lastWrite = { path: file, text, progress: next };
    return next;
  } finally {
    release();
  }
}

/**
 * What this process last wrote, while the file on disk still holds exactly that text (compared in
 * full, so no other writer or hand edit can slip past). Saves re-parsing and re-validating the
 * whole file on each answer of a session.
 */
let lastWrite: { path: string; text: string; progress: Progress } | undefined;

function lastWritten(path: string): Progress | undefined {
  if (!lastWrite || lastWrite.path !== path) return undefined;
  const read = readRegular(path, MAX_PROGRESS_BYTES);
  return read.ok && read.data.toString('utf8') === lastWrite.text ? lastWrite.progress : undefined;
}

/** Temp and lock-claim files left by killed writers (never read; removed under the lock). */
function removeOrphanTemps(path: string): void {
  const prefixes = [`${basename(path)}.tmp-`, `${basename(path)}.lock.`];
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return;
  }
  for (const name of names) {
    const prefix = prefixes.find((p) => name.startsWith(p));
    if (!prefix) continue;
    const pid = Number.parseInt(name.slice(prefix.length), 10);
    if (Number.isInteger(pid) && pid !== process.pid && !alive(pid)) rmSync(join(dirname(path), name), { force: true });
  }
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return -1;
  }
}


function ensureDir(path: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  } catch (e) {
    throw ioError('create the folder of', path, e);
  }
}

/**
 * Keeps the damaged file's bytes beside it, once per distinct content (named by a hash of it), so
 * running study again and again on the same damaged file does not fill the disk with copies.
 */
function keepCorruptCopy(path: string, data: Buffer): string {
  const copy = `${path}.corrupt-${createHash('sha256').update(data).digest('hex').slice(0, 16)}`;
  if (sizeOf(copy) === data.length) return copy; // written whole before (writes are verified), same hash
  try {
    writeAtomic(copy, data);
  } catch (e) {
    const why = (e as { reason?: string }).reason ?? describeIoError(e);
    throw new DataError(`${path} is not a valid progress file, and a safety copy could not be made (${why}); it was left untouched — move it away by hand`);
  }
  return copy;
}

function ioError(action: string, path: string, e: unknown): DataError {
  return new DataError(`cannot ${action} ${path}: ${describeIoError(e)}; ${UNCHANGED}`);
}
