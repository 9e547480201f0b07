/**
 * The one check for every file study writes where the user said (`export --out`, `progress
 * --export`, `interview --out`): the path must not land on the user's own data — the progress
 * file (or the file its link points to), its lock, temp, backup and damaged-file copies, the
 * in-progress interview and the transcripts, the settings file (config.json) beside it and its lock
 * and temp files — and must name a regular file in an existing folder.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { UsageError } from '../errors.js';
import { configPath } from '../config/path.js';
import { resolveLink } from '../progress/files.js';
import { sanitizeLine } from '../sanitize.js';
import type { Context } from './context.js';

export interface GuardOptions {
  /** The folder may be created by the writer (transcripts): do not require it to exist. */
  createDir?: boolean;
  /** A file name to suggest when a folder is given. */
  example?: string;
  /** Leaving the flag out prints to standard output (said when a device such as /dev/stdout is given). */
  stdout?: boolean;
}

/** A path with its folder's links resolved and its last component's links followed. */
function canonical(path: string): string {
  const file = resolveLink(path);
  const dir = dirname(file);
  try {
    return join(realpathSync(dir), basename(file));
  } catch {
    return file;
  }
}

/** The progress file's paths to protect: as given and as resolved; none when it cannot be told. */
function protectedFiles(ctx: Pick<Context, 'progressPath'>): string[] {
  try {
    const given = resolve(ctx.progressPath);
    return [...new Set([given, canonical(given)])];
  } catch {
    return []; // no HOME and no --progress: there is no progress file to protect
  }
}

/** The settings file beside the progress file (as given; config.ts reads it there), as given and resolved. */
function settingsFiles(ctx: Pick<Context, 'progressPath'>): string[] {
  try {
    const given = configPath(resolve(ctx.progressPath));
    return [...new Set([given, canonical(given)])];
  } catch {
    return [];
  }
}

const within = (path: string, dir: string) => path === dir || path.startsWith(dir + sep);

/**
 * Checks `raw` (a flag's value) and returns the absolute path to write. Throws a UsageError (exit 2)
 * naming the flag when the value is empty, points at the user's data, at something that is not a
 * regular file, or into a folder that does not exist.
 */
export function guardOutput(ctx: Pick<Context, 'progressPath'>, flag: string, raw: unknown, opts: GuardOptions = {}): string {
  const text = raw === undefined || raw === true ? '' : String(raw);
  if (text === '') throw new UsageError(`${flag} needs a file name (got an empty value)`);
  const shown = sanitizeLine(text);
  const path = resolve(text);
  const target = canonical(path);
  for (const p of protectedFiles(ctx)) {
    const refuse = (what: string) => new UsageError(`${flag}: ${shown} is ${what}; study will not write over it — choose another file name`);
    if (target === p || path === p) throw refuse('your progress file');
    const name = basename(p);
    if (dirname(target) === dirname(p) && basename(target).startsWith(`${name}.`)) throw refuse(`a companion of your progress file (its lock, a backup or a kept copy)`);
    const interviews = join(dirname(p), 'interviews');
    if (target === interviews) throw refuse('the folder of your mock-interview transcripts');
    if (within(target, interviews) && existsSync(target)) throw refuse('one of your saved interviews or transcripts');
  }
  for (const c of settingsFiles(ctx)) {
    const refuse = (what: string) => new UsageError(`${flag}: ${shown} is ${what}; study will not write over it — choose another file name`);
    if (target === c || path === c) throw refuse('your settings file (config.json)');
    if (dirname(target) === dirname(c) && basename(target).startsWith(`${basename(c)}.`)) throw refuse('a companion of your settings file (its lock or a temp file)');
  }
  let st;
  try {
    st = statSync(target);
  } catch {
    // Links the lexical resolution cannot follow (/dev/stdout → /proc/self/fd/1 → "pipe:[…]"): ask the kernel.
    try {
      st = statSync(path);
    } catch {
      st = undefined;
    }
  }
  if (st?.isDirectory()) throw new UsageError(`${flag}: ${shown} is a folder; give a file name such as ${sanitizeLine(join(text, opts.example ?? 'study.md'))}`);
  if (st && !st.isFile()) throw new UsageError(`${flag}: ${shown} is not a regular file (a device, pipe or socket); give a file name${opts.stdout ? ` (without ${flag} the output goes to standard output)` : ''}`);
  if (!opts.createDir) {
    const dir = dirname(target);
    let dst;
    try {
      dst = statSync(dir);
    } catch {
      dst = undefined;
    }
    if (!dst) throw new UsageError(`${flag}: the folder ${sanitizeLine(dir)} does not exist; create it first or choose a file in an existing folder`);
    if (!dst.isDirectory()) throw new UsageError(`${flag}: ${sanitizeLine(dir)} is not a folder; choose a file in an existing folder`);
  }
  return path;
}
