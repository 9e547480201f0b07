/** `study doctor`: what a bug report needs — versions, paths, data validity, lock, terminal. */
import { accessSync, constants, existsSync, lstatSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { codeCacheStats } from '../code-cache.js';
import { configPath, describeConfig } from '../../config/path.js';
import { loadCurriculumDir } from '../curriculum/load-dir.js';
import { totals } from '../../curriculum/summary.js';
import { describeIoError, MAX_PROGRESS_BYTES, readRegular } from '../../progress/files.js';
import { lockState } from '../../progress/lock.js';
import { decodeProgress } from '../../progress/model.js';
import { progressTarget } from '../../progress/store.js';
import { sanitizeLine } from '../../sanitize.js';
import type { Context } from '../context.js';
import { inProgressPath } from '../interview/paths.js';
import { contentWidth, wrap } from '../../ui/text.js';

declare const __STUDY_VERSION__: string;

interface Check {
  label: string;
  value: string;
  ok: boolean;
}

export async function run(_args: string[], raw: Record<string, unknown>, ctx: Context): Promise<void> {
  const checks: Check[] = [];
  // Paths, messages and file names can hold anything: one line each, sanitised.
  const add = (label: string, value: string, ok = true) => checks.push({ label, value: sanitizeLine(value), ok });
  add('study', typeof __STUDY_VERSION__ === 'string' ? __STUDY_VERSION__ : 'dev');
  add('node', `${process.version} (${process.platform} ${process.arch})`, Number(process.versions.node.split('.')[0]) >= 20);
  add('  start-up cache', describeCodeCache());
  add('curriculum', ctx.curriculumDir);
  try {
    const { curriculum, problems } = loadCurriculumDir(ctx.curriculumDir);
    const n = curriculum ? totals(curriculum) : undefined;
    add('  validity', problems.length ? `${problems.length} problems (run study validate)` : `valid: ${n?.modules} modules, ${n?.topics} topics, ${n?.questions} questions`, problems.length === 0);
  } catch (e) {
    add('  validity', (e as Error).message, false);
  }
  let progressPath = '';
  try {
    progressPath = ctx.progressPath;
    add('progress', progressPath);
  } catch (e) {
    add('progress', (e as Error).message, false);
  }
  if (progressPath) for (const c of progressChecks(progressPath)) add(c.label, c.value, c.ok);
  if (progressPath) {
    // config.json beside the progress file: a damaged one stops every command that reads settings.
    const path = configPath(progressPath);
    const c = describeConfig(path);
    add('settings', path);
    add('  status', c.detail, c.state !== 'invalid');
  }
  const tty = `stdin ${process.stdin.isTTY ? 'tty' : 'not a tty'}, stdout ${process.stdout.isTTY ? `tty ${process.stdout.columns}x${process.stdout.rows}` : 'not a tty'}`;
  add('terminal', tty);
  add('  colour', ctx.theme.color ? 'on' : `off${ctx.env.NO_COLOR ? ' (NO_COLOR)' : ctx.flags.color === false ? ' (--no-color)' : ''}`);
  add('  TERM', ctx.env.TERM ?? '(unset)');
  if (raw.json === true) {
    // Each indented line also under its section's name ("progress.size", "settings.status"), which
    // is unambiguous; the bare names stay for scripts that used them.
    let section = '';
    const entries = checks.flatMap((c) => {
      const name = c.label.trim();
      const v = { value: c.value, ok: c.ok };
      if (!c.label.startsWith(' ')) {
        section = name;
        return [[name, v] as const];
      }
      return [[name, v] as const, [`${section}.${name}`, v] as const];
    });
    ctx.out(`${JSON.stringify(Object.fromEntries(entries))}\n`);
    return;
  }
  const t = ctx.theme;
  const width = Math.max(...checks.map((c) => c.label.length)) + 2;
  // In a terminal a long value wraps under itself (paths and messages are long at 60 columns);
  // piped, each check stays one line, to paste into a bug report or grep.
  const w = process.stdout.isTTY ? contentWidth(ctx.columns) : Number.POSITIVE_INFINITY;
  const line = (c: Check) => {
    const lead = `${c.ok ? ' ' : t.bad(t.sym.bad)} ${c.label.padEnd(width)}`;
    const text = w === Number.POSITIVE_INFINITY ? c.value : wrap(c.value, w, ' '.repeat(2 + width), ' '.repeat(2 + width)).slice(2 + width);
    return `${lead}${c.ok ? text : t.bad(text)}`;
  };
  ctx.out(`${checks.map(line).join('\n')}\n`);
}

/**
 * The progress file, its contents and its lock, each as one line; never throws and never blocks
 * (a folder, a FIFO, an unreadable file or a dangling link is described, not opened for reading).
 */
function progressChecks(path: string): Check[] {
  const out: Check[] = [];
  const add = (label: string, value: string, ok = true) => out.push({ label, value, ok });
  let file = path;
  let lock = `${path}.lock`;
  try {
    ({ file, lock } = progressTarget(path));
  } catch (e) {
    add('  link', `cannot follow the link: ${describeIoError(e)}`, false);
  }
  try {
    if (lstatSync(path).isSymbolicLink()) add('  link', `a link to ${file} (writes go to the target; the link is kept)`);
  } catch {
    // missing: said below
  }
  let st;
  try {
    st = statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    add('  file', code === 'ENOENT' ? 'not created yet (it appears with your first answer)' : `cannot be examined: ${describeIoError(e)}`, code === 'ENOENT');
  }
  if (st && !st.isFile()) {
    add('  file', `${st.isDirectory() ? 'a folder' : 'not a regular file (a pipe, device or socket)'}, not a progress file; move it away or pass --progress FILE`, false);
  } else if (st) {
    const shared = (st.mode & 0o077) !== 0;
    add('  size', `${st.size} bytes, mode ${(st.mode & 0o777).toString(8)}${shared ? ` (others can read it; study writes it private, 600: chmod 600 ${file})` : ''}`, !shared);
    add('  last write', st.mtime.toISOString());
    const read = readRegular(file, MAX_PROGRESS_BYTES);
    if (!read.ok) add('  contents', `cannot be read: ${read.message}; study needs to read and write it (check its owner and mode)`, false);
    else {
      const decoded = decodeProgress(read.data.toString('utf8'));
      add(
        '  contents',
        decoded.ok ? `version ${decoded.progress.version}, ${decoded.progress.events.length} events, ${Object.keys(decoded.progress.cards).length} cards` : decoded.reason === 'newer' ? `written by a newer study (version ${decoded.version})` : `invalid: ${decoded.message}`,
        decoded.ok,
      );
    }
  }
  // Every save writes a temp file and the lock beside the progress file: its folder must be writable.
  const dir = nearestFolder(dirname(file));
  try {
    accessSync(dir, constants.W_OK);
    add('  folder', `${dir} is writable`);
  } catch (e) {
    add('  folder', `cannot create files in ${dir} (${describeIoError(e)}); no answer can be saved — fix its owner or mode, or pass --progress FILE`, false);
  }
  const l = lockState(lock);
  const who = (h: { pid: number } | null) => (h ? ` (pid ${h.pid})` : '');
  add(
    '  lock',
    l.state === 'free' ? 'free' : l.state === 'held' ? `held by a running study${who(l.holder)}` : `stale: the process that took it${who(l.holder)} is no longer running; it is removed automatically on the next write`,
    l.state !== 'stale',
  );
  // One mock interview at a time per progress file: say whether one is live, and where.
  const live = lockState(`${inProgressPath(path)}.lock`);
  add('  interview', live.state === 'held' ? `a mock interview is running${who(live.holder)}` : live.state === 'stale' ? `none running (a stopped one's lock is left${who(live.holder)}; the next interview takes it over)` : 'none running');
  return out;
}

/** Whether this run's own files came from V8's code cache (a start a few milliseconds faster). */
function describeCodeCache(): string {
  const s = codeCacheStats();
  if (!s) return 'not in use (running from the source)';
  const parts = [`${s.used} of ${s.used + s.rejected + s.missing} files loaded from V8's code cache`];
  if (s.rejected) parts.push(`${s.rejected} refused by V8 (made by another Node version, or Node runs with other flags such as NODE_OPTIONS; npm run build remakes them for this Node)`);
  if (s.missing) parts.push(`${s.missing} without one (npm run build makes them)`);
  return parts.join('; ');
}

/** `dir` or its nearest existing parent (a progress folder not created yet is created there). */
function nearestFolder(dir: string): string {
  let d = dir;
  while (!existsSync(d) && dirname(d) !== d) d = dirname(d);
  return d;
}
