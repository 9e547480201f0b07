/**
 * The progress file on disk: read, and read-modify-write under an inter-process lock with an
 * atomic replace (temp file, fsync, rename). A file that cannot be read as progress is never
 * overwritten: a copy is kept beside it and the command stops with a message saying what to do.
 */
import { closeSync, copyFileSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { DataError } from '../errors.js';
import { decodeProgress, emptyProgress, encodeProgress, PROGRESS_VERSION, type Progress } from './model.js';

export interface StoreOptions {
  /** Clock, injected for tests. */
  now?: () => Date;
  /** How long to wait for another process's lock before giving up. */
  lockTimeoutMs?: number;
}

/** A lock older than this whose owner cannot be checked is treated as abandoned. */
const STALE_LOCK_MS = 30_000;

/** Reads the progress file; a missing file is an empty record. Never writes the progress file. */
export function readProgress(path: string, opts: StoreOptions = {}): Progress {
  const now = opts.now ?? (() => new Date());
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return emptyProgress(now());
    throw ioError('read', path, e);
  }
  const result = decodeProgress(text);
  if (result.ok) return result.progress;
  if (result.reason === 'newer') {
    throw new DataError(`${path} was written by a newer version of study (progress version ${result.version}; this one reads up to ${PROGRESS_VERSION}); update study — the file was left untouched`);
  }
  const copy = keepCorruptCopy(path, now());
  throw new DataError(
    `${path} is not a valid progress file (${result.message}); a copy was kept at ${copy}. Fix the file, or move it away to start afresh — study will not overwrite it`,
  );
}

/**
 * Read-modify-write under the lock: `change` gets the current progress and returns the new one
 * (or mutates and returns nothing). The whole cycle holds the lock, so concurrent processes never
 * lose each other's events.
 */
export async function updateProgress(path: string, change: (p: Progress) => Progress | void, opts: StoreOptions = {}): Promise<Progress> {
  ensureDir(path);
  const release = await acquireLock(`${path}.lock`, opts.lockTimeoutMs ?? 15_000);
  try {
    removeOrphanTemps(path);
    const current = lastWritten(path) ?? readProgress(path, opts);
    lastWrite = undefined; // `change` may mutate it; re-armed only after a successful write
    const next = change(current) ?? current;
    const text = encodeProgress(next);
    writeAtomic(path, text);
    lastWrite = { path, text, progress: next };
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
  try {
    return readFileSync(path, 'utf8') === lastWrite.text ? lastWrite.progress : undefined;
  } catch {
    return undefined;
  }
}

/** Writes `text` to `path` atomically: a reader sees the old file or the new one, never a mix. */
export function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw ioError('write', path, e);
  }
  syncDir(dirname(path));
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

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some file systems refuse fsync on a directory; the rename is still atomic there.
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
 * Takes `lockPath`: the owner's pid is written to a private file first, which is then hard-linked
 * to the lock name (link fails if the lock exists), so a lock never exists without its owner's pid
 * even if the process is killed mid-way. Breaks locks whose owner is gone. Returns the release function.
 */
export async function acquireLock(lockPath: string, timeoutMs: number): Promise<() => void> {
  const deadline = Date.now() + timeoutMs;
  const mine = `${lockPath}.${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    writeFileSync(mine, `${process.pid}\n`, { mode: 0o600 });
  } catch (e) {
    throw ioError('create the lock', lockPath, e);
  }
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(mine, lockPath);
        return () => rmSync(lockPath, { force: true });
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code !== 'EEXIST') throw ioError('create the lock', lockPath, e);
      }
      const stalePid = staleOwner(lockPath);
      if (stalePid !== null) {
        breakLock(lockPath, stalePid);
        continue;
      }
      if (Date.now() > deadline) {
        throw new DataError(`progress is locked by another study process (${lockPath}); if none is running, delete that file`);
      }
      await new Promise((r) => setTimeout(r, Math.min(5 + attempt * 2, 50) + Math.random() * 5));
    }
  } finally {
    rmSync(mine, { force: true });
  }
}

/** Describes a lock file for `study doctor`: absent, held by a live pid, or stale. */
export function lockState(lockPath: string): 'free' | 'held' | 'stale' {
  if (!existsSync(lockPath)) return 'free';
  return lockIsStale(lockPath) ? 'stale' : 'held';
}

function lockIsStale(lockPath: string): boolean {
  return staleOwner(lockPath) !== null;
}

/** The content of a lock whose owner is gone (its pid text), or null if it is live or absent. */
function staleOwner(lockPath: string): string | null {
  let content: string;
  try {
    content = readFileSync(lockPath, 'utf8');
  } catch {
    return null; // vanished or unreadable: retry the open
  }
  const pid = Number.parseInt(content, 10);
  if (Number.isInteger(pid) && pid > 0) return alive(pid) ? null : content;
  // Created but not yet filled in, or garbage: stale only once old.
  try {
    return Date.now() - statSync(lockPath).mtimeMs > STALE_LOCK_MS ? content : null;
  } catch {
    return null;
  }
}

/**
 * Removes a stale lock without removing a fresh one that another process took meanwhile: the
 * lock is renamed aside (only one process can win that), checked, and restored if it was live.
 */
function breakLock(lockPath: string, staleContent: string): void {
  const aside = `${lockPath}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    renameSync(lockPath, aside);
  } catch {
    return; // someone else moved it first
  }
  try {
    if (readFileSync(aside, 'utf8') !== staleContent) linkSync(aside, lockPath);
  } catch {
    // The live owner's lock could not be restored because a new one exists; nothing more to do.
  }
  rmSync(aside, { force: true });
}

function keepCorruptCopy(path: string, now: Date): string {
  const copy = `${path}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;
  try {
    if (!existsSync(copy)) copyFileSync(path, copy);
  } catch (e) {
    throw new DataError(`${path} is not a valid progress file, and a safety copy could not be made (${(e as NodeJS.ErrnoException).code}); move it away by hand`);
  }
  return copy;
}

function ioError(action: string, path: string, e: unknown): DataError {
  const code = (e as NodeJS.ErrnoException).code ?? 'error';
  const why: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left on the disk',
    EDQUOT: 'disk quota exceeded',
    ENOTDIR: 'a part of the path is not a folder',
    EISDIR: 'it is a folder',
  };
  return new DataError(`cannot ${action} ${path}: ${why[code] ?? code}; nothing was changed — check the path or pass --progress FILE`);
}
