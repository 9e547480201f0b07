/** `study doctor`: what a bug report needs — versions, paths, data validity, lock, terminal. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { loadCurriculumDir } from '../curriculum/load-dir.js';
import { totals } from '../../curriculum/summary.js';
import { decodeProgress } from '../../progress/model.js';
import { lockState } from '../../progress/store.js';
import type { Context } from '../context.js';

declare const __STUDY_VERSION__: string;

interface Check {
  label: string;
  value: string;
  ok: boolean;
}

export async function run(_args: string[], raw: Record<string, unknown>, ctx: Context): Promise<void> {
  const checks: Check[] = [];
  const add = (label: string, value: string, ok = true) => checks.push({ label, value, ok });
  add('study', typeof __STUDY_VERSION__ === 'string' ? __STUDY_VERSION__ : 'dev');
  add('node', `${process.version} (${process.platform} ${process.arch})`, Number(process.versions.node.split('.')[0]) >= 20);
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
  if (progressPath) {
    if (!existsSync(progressPath)) add('  file', 'not created yet (it appears with your first answer)');
    else {
      const st = statSync(progressPath);
      add('  size', `${st.size} bytes, mode ${(st.mode & 0o777).toString(8)}`, (st.mode & 0o077) === 0);
      add('  last write', st.mtime.toISOString());
      const decoded = decodeProgress(readFileSync(progressPath, 'utf8'));
      add(
        '  contents',
        decoded.ok ? `version ${decoded.progress.version}, ${decoded.progress.events.length} events, ${Object.keys(decoded.progress.cards).length} cards` : decoded.reason === 'newer' ? `written by a newer study (version ${decoded.version})` : `invalid: ${decoded.message}`,
        decoded.ok,
      );
    }
    const lock = lockState(`${progressPath}.lock`);
    add('  lock', lock === 'free' ? 'free' : lock === 'held' ? 'held by a running study' : 'stale (left by a crashed process; removed automatically on next write)', lock !== 'stale');
  }
  const tty = `stdin ${process.stdin.isTTY ? 'tty' : 'not a tty'}, stdout ${process.stdout.isTTY ? `tty ${process.stdout.columns}x${process.stdout.rows}` : 'not a tty'}`;
  add('terminal', tty);
  add('  colour', ctx.theme.color ? 'on' : `off${ctx.env.NO_COLOR ? ' (NO_COLOR)' : ctx.flags.color === false ? ' (--no-color)' : ''}`);
  add('  TERM', ctx.env.TERM ?? '(unset)');
  if (raw.json === true) {
    ctx.out(`${JSON.stringify(Object.fromEntries(checks.map((c) => [c.label.trim(), { value: c.value, ok: c.ok }])))}\n`);
    return;
  }
  const t = ctx.theme;
  const width = Math.max(...checks.map((c) => c.label.length)) + 2;
  ctx.out(`${checks.map((c) => `${c.ok ? ' ' : t.bad(t.sym.bad)} ${c.label.padEnd(width)}${c.ok ? c.value : t.bad(c.value)}`).join('\n')}\n`);
}
