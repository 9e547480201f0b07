/**
 * Careful file I/O shared by everything study writes or reads on the user's behalf (the progress
 * file, exports, transcripts, imports, curriculum files):
 * - `writeAtomic` writes every byte (looping on short writes), fsyncs, reads the temp file back and
 *   compares it before the rename, so a full disk or a failing device never replaces a good file
 *   with a truncated one. A symlinked path is resolved and the temp file goes beside the target,
 *   so the link survives and its target is what gets updated.
 * - `readRegular` refuses anything that is not a regular file (FIFOs, devices, folders) without
 *   blocking on it, and stops reading at a size cap instead of trusting `stat`.
 */
import { closeSync, fstatSync, fsyncSync, lstatSync, openSync, constants as fs, readlinkSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { DataError } from '../errors.js';

/** Plain-words reasons for the errno codes a person can act on. */
const WHY: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the disk',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'the file is too large for this file system',
  EIO: 'input/output error from the disk',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'it is a folder',
  ENOENT: 'no such file or folder',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
  SHORT: 'the disk accepted only part of the data',
  MISMATCH: 'what was read back differs from what was written',
};

/** A person-readable reason for a failed file operation. */
export function describeIoError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code ?? 'error';
  return WHY[code] ?? code;
}

/**
 * The file a path finally names: symbolic links of the last component are followed (dangling ones
 * too, so the first write creates the target). Folders along the way are left as they are.
 */
export function resolveLink(path: string): string {
  let p = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    let target: string;
    try {
      if (!lstatSync(p).isSymbolicLink()) return p;
      target = readlinkSync(p);
    } catch {
      return p; // missing (or unreadable): the write will say so
    }
    p = isAbsolute(target) ? target : resolve(dirname(p), target);
  }
  return p; // a loop: opening it fails with ELOOP, which is reported like any other I/O error
}

export interface WriteOptions {
  /** What to say after the reason when the write fails (default: the file was left as it was). */
  hint?: string;
  /** File mode of a newly created file. */
  mode?: number;
}

/**
 * Writes `data` to `path` atomically: a reader sees the old file or the new one, never a mix, and
 * the new one only once it was read back identical. On any failure the old file is untouched, the
 * temp file removed, and a DataError says why. Returns the path actually written (the link target).
 */
export function writeAtomic(path: string, data: string | Uint8Array, opts: WriteOptions = {}): string {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  let target = path;
  let tmp: string | undefined;
  try {
    target = resolveLink(path);
    // Unique enough with the pid; O_EXCL guarantees no two writers share one (no node:crypto needed).
    tmp = `${target}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
    const fd = openSync(tmp, fs.O_RDWR | fs.O_CREAT | fs.O_EXCL, opts.mode ?? 0o600);
    try {
      writeAll(fd, bytes);
      fsyncSync(fd);
      verify(fd, bytes);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
  } catch (e) {
    if (tmp) rmSync(tmp, { force: true });
    const reason = describeIoError(e);
    throw Object.assign(new DataError(`cannot write ${target}: ${reason}; ${opts.hint ?? 'any previous file there was left as it was'}`), { reason });
  }
  syncDir(dirname(target));
  return target;
}

/** Writes until every byte is on its way; a write that makes no progress is an error, not a loop. */
function writeAll(fd: number, bytes: Buffer): void {
  let done = 0;
  while (done < bytes.length) {
    const n = writeSync(fd, bytes, done, bytes.length - done, done);
    if (n <= 0) throw Object.assign(new Error('short write'), { code: 'SHORT' });
    done += n;
  }
}

/** Reads the file back through the same descriptor and compares it byte for byte. */
function verify(fd: number, bytes: Buffer): void {
  if (fstatSync(fd).size !== bytes.length) throw Object.assign(new Error('size differs'), { code: 'SHORT' });
  const chunk = Buffer.allocUnsafe(Math.min(bytes.length, 1 << 20) || 1);
  for (let at = 0; at < bytes.length; ) {
    const n = readSync(fd, chunk, 0, Math.min(chunk.length, bytes.length - at), at);
    if (n <= 0 || !chunk.subarray(0, n).equals(bytes.subarray(at, at + n))) throw Object.assign(new Error('mismatch'), { code: 'MISMATCH' });
    at += n;
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

export type ReadResult =
  | { ok: true; data: Buffer }
  | { ok: false; reason: 'missing' | 'not-regular' | 'too-large' | 'io'; message: string; code?: string };

/**
 * Reads a regular file of at most `maxBytes`. Opens without blocking (a FIFO with no writer would
 * otherwise hang), checks the opened file is a regular file (after links), and stops reading at
 * the cap whatever `stat` claims (a file may grow, /proc files claim 0 bytes).
 */
export function readRegular(path: string, maxBytes: number): ReadResult {
  let fd: number;
  try {
    fd = openSync(path, fs.O_RDONLY | fs.O_NONBLOCK | fs.O_NOCTTY);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, reason: 'missing', message: 'it does not exist', code };
    return { ok: false, reason: 'io', message: describeIoError(e), code };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { ok: false, reason: 'not-regular', message: `it is ${kindOf(st)}, not a regular file` };
    const chunks: Buffer[] = [];
    let total = 0;
    // The size stat reports sizes the first buffer (it is only a hint: the cap below is what holds);
    // a small cache file then costs one small allocation, not a megabyte.
    let want = Math.max(4096, Math.min(st.size + 1, 1 << 20));
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(want, maxBytes + 1 - total));
      want = 1 << 20;
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > maxBytes) return { ok: false, reason: 'too-large', message: `it is larger than ${formatBytes(maxBytes)}, the most study reads` };
    }
    return { ok: true, data: Buffer.concat(chunks, total) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, reason: 'io', message: describeIoError(e), code };
  } finally {
    closeSync(fd);
  }
}

function kindOf(st: { isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'a special file';
}

/** 268435456 -> "256 MiB". */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round(n / 1024 / 1024)} MiB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KiB`;
  return `${n} bytes`;
}

/** The most study reads of a progress file or an import (about 1.2 million events). */
export const MAX_PROGRESS_BYTES = 256 * 1024 * 1024;
