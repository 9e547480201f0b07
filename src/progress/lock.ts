/**
 * The inter-process lock beside the progress file. The lock file records who holds it: pid, the
 * process's start time (clock ticks since boot, from /proc) and the boot id. A lock is stale when
 * that exact process is gone — a reused pid (say pid 1 in a container) has another start time, and
 * after a reboot the boot id differs — so a crashed study never blocks later writes.
 */
import { existsSync, linkSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { DataError } from '../errors.js';
import { describeIoError } from './files.js';

/** Where /proc is not available, a lock whose owner cannot be checked is abandoned after this long. */
const UNVERIFIABLE_LOCK_MS = 30_000;

/** Who holds a lock, as recorded in it. */
export interface LockHolder {
  pid: number;
  /** Start time of the process in clock ticks since boot ("" where /proc is missing). */
  start: string;
  /** The kernel's boot id ("" where it is not available). */
  boot: string;
}

function readProc(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** The start time of `pid` (field 22 of /proc/PID/stat), or "" when it cannot be read. */
export function processStart(pid: number): string {
  const stat = readProc(`/proc/${pid}/stat`);
  // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[19] ?? '';
}

export function bootId(): string {
  return readProc('/proc/sys/kernel/random/boot_id').trim();
}

/** This process as a lock holder. */
export function self(): LockHolder {
  return { pid: process.pid, start: processStart(process.pid), boot: bootId() };
}

export function formatHolder(h: LockHolder): string {
  return `pid ${h.pid} start ${h.start || '-'} boot ${h.boot || '-'}\n`;
}

/** Parses a lock record; null for anything else (an older format, garbage, an empty file). */
export function parseHolder(text: string): LockHolder | null {
  const m = /^pid (\d+) start (\S+) boot (\S+)\n?$/.exec(text);
  if (!m) return null;
  const pid = Number(m[1]);
  if (!Number.isSafeInteger(pid) || pid <= 0) return null;
  return { pid, start: m[2] === '-' ? '' : m[2]!, boot: m[3] === '-' ? '' : m[3]! };
}

/** Whether a process with this pid exists (EPERM: it exists but is not ours). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** Is the recorded holder still the running process it names? */
export function holderAlive(h: LockHolder, now = Date.now(), lockMtimeMs = now): boolean {
  const boot = bootId();
  if (h.boot && boot && h.boot !== boot) return false; // recorded before a reboot
  if (!alive(h.pid)) return false;
  if (h.start) {
    const start = processStart(h.pid);
    if (start) return start === h.start; // same pid, same start: the same process
  }
  // Nothing to compare against (no /proc): trust the pid for a while, then call it abandoned.
  return now - lockMtimeMs <= UNVERIFIABLE_LOCK_MS;
}

export type LockState = { state: 'free' } | { state: 'held'; holder: LockHolder } | { state: 'stale'; holder: LockHolder | null };

/** What the lock file at `lockPath` says: absent, held by a live process, or stale. */
export function lockState(lockPath: string): LockState {
  let content: string;
  try {
    content = readFileSync(lockPath, 'utf8');
  } catch {
    return existsSync(lockPath) ? { state: 'stale', holder: null } : { state: 'free' };
  }
  const holder = parseHolder(content);
  if (!holder) return { state: 'stale', holder: null };
  let mtime = Date.now();
  try {
    mtime = statSync(lockPath).mtimeMs;
  } catch {
    // vanished meanwhile: judge by the record
  }
  return holderAlive(holder, Date.now(), mtime) ? { state: 'held', holder } : { state: 'stale', holder };
}

/**
 * Takes `lockPath`: the holder record is written to a private file first, which is then
 * hard-linked to the lock name (link fails if the lock exists), so a lock never exists without its
 * complete record, even if the process is killed mid-way. Breaks stale locks. Returns the release.
 */
export async function acquireLock(lockPath: string, timeoutMs: number): Promise<() => void> {
  const deadline = Date.now() + timeoutMs;
  const mine = `${lockPath}.${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    writeFileSync(mine, formatHolder(self()), { mode: 0o600 });
  } catch (e) {
    rmSync(mine, { force: true });
    throw new DataError(`cannot create the lock ${lockPath}: ${describeIoError(e)}; nothing was changed — check the path or pass --progress FILE`);
  }
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(mine, lockPath);
        return () => rmSync(lockPath, { force: true });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') {
          throw new DataError(`cannot create the lock ${lockPath}: ${describeIoError(e)}; nothing was changed — check the path or pass --progress FILE`);
        }
      }
      const stale = staleContent(lockPath);
      if (stale !== null) {
        breakLock(lockPath, stale);
        continue;
      }
      if (Date.now() > deadline) {
        const st = lockState(lockPath);
        const who = st.state === 'held' ? ` (pid ${st.holder.pid})` : '';
        throw new DataError(`progress is locked by another running study process${who}: ${lockPath}; finish or close that one and try again`);
      }
      await new Promise((r) => setTimeout(r, Math.min(5 + attempt * 2, 50) + Math.random() * 5));
    }
  } finally {
    rmSync(mine, { force: true });
  }
}

/** The content of a stale lock (to break it safely), or null if it is live or absent. */
function staleContent(lockPath: string): string | null {
  let content: string;
  let mtime: number;
  try {
    content = readFileSync(lockPath, 'utf8');
    mtime = statSync(lockPath).mtimeMs;
  } catch {
    return null; // vanished or unreadable: retry the link
  }
  const holder = parseHolder(content);
  return holder && holderAlive(holder, Date.now(), mtime) ? null : content;
}

/**
 * Removes a stale lock without removing a fresh one that another process took meanwhile: the
 * lock is renamed aside (only one process can win that), checked, and restored if it was live.
 */
function breakLock(lockPath: string, staleText: string): void {
  const aside = `${lockPath}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    renameSync(lockPath, aside);
  } catch {
    return; // someone else moved it first
  }
  try {
    if (readFileSync(aside, 'utf8') !== staleText) linkSync(aside, lockPath);
  } catch {
    // The live owner's lock could not be restored because a new one exists; nothing more to do.
  }
  rmSync(aside, { force: true });
}
