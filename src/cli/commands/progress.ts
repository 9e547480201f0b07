/**
 * `study progress`: where you stand (`--json` for scripts), and your data in your hands:
 * `--export FILE`, `--import FILE` (merged by event id, under the lock), `--reset` (with a backup).
 */
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DataError, UsageError } from '../../errors.js';
import { emptyProgress } from '../../progress/model.js';
import { progressJson } from '../../progress/report.js';
import { readProgress, updateProgress, writeAtomic } from '../../progress/store.js';
import { exportDocument, mergeProgress, readImport } from '../../progress/transfer.js';
import { renderProgress } from '../../ui/render/dashboard.js';
import type { Context } from '../context.js';
import { loadCurriculum } from '../load.js';
import { terminalPrompter } from '../interactive.js';

export interface ProgressOptions {
  json: boolean;
  export?: string;
  import?: string;
  reset: boolean;
  yes: boolean;
}

export function parseOptions(raw: Record<string, unknown>): ProgressOptions {
  const o: ProgressOptions = {
    json: raw.json === true,
    export: raw.export === undefined ? undefined : String(raw.export),
    import: raw.import === undefined ? undefined : String(raw.import),
    reset: raw.reset === true,
    yes: raw.yes === true,
  };
  if ([o.export, o.import, o.reset || undefined].filter((x) => x !== undefined).length > 1) {
    throw new UsageError('--export, --import and --reset: use one at a time');
  }
  return o;
}

export async function run(_args: string[], raw: Record<string, unknown>, ctx: Context): Promise<void> {
  const opts = parseOptions(raw);
  if (opts.export) return exportTo(resolve(opts.export), ctx);
  if (opts.import) return importFrom(resolve(opts.import), ctx);
  if (opts.reset) return reset(opts.yes, ctx);
  const curriculum = await loadCurriculum(ctx);
  const data = progressJson(curriculum, readProgress(ctx.progressPath), ctx.now());
  ctx.out(opts.json ? `${JSON.stringify(data)}\n` : renderProgress(data, ctx.theme, ctx.now(), ctx.columns));
}

async function exportTo(file: string, ctx: Context): Promise<void> {
  const progress = readProgress(ctx.progressPath);
  writeAtomic(file, `${JSON.stringify(exportDocument(progress, ctx.now()), null, 1)}\n`);
  ctx.out(`Exported ${progress.events.length} events to ${file}\n`);
}

async function importFrom(file: string, ctx: Context): Promise<void> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`--import: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const incoming = readImport(text);
  if (!incoming.ok) throw new DataError(`--import: ${file} is not a study progress export: ${incoming.message}; nothing was changed`);
  let added = 0;
  await updateProgress(ctx.progressPath, (p) => {
    const merged = mergeProgress(p, incoming.progress);
    added = merged.added;
    return merged.progress;
  });
  const skipped = incoming.progress.events.length - added;
  ctx.out(`Imported ${added} new event${added === 1 ? '' : 's'} from ${file}${skipped ? ` (${skipped} already present)` : ''}.\n`);
}

async function reset(yes: boolean, ctx: Context): Promise<void> {
  const path = ctx.progressPath;
  if (!existsSync(path)) {
    ctx.out(`Nothing to reset: ${path} does not exist.\n`);
    return;
  }
  const current = readProgress(path);
  if (!yes) {
    if (!ctx.interactive) throw new UsageError('--reset erases your progress; confirm with --yes (a backup is kept)');
    const prompter = await terminalPrompter(ctx);
    const ok = await prompter.confirm({ message: `Erase ${current.events.length} events from ${path}? A backup is kept.`, default: false });
    if (!ok) {
      ctx.out('Nothing changed.\n');
      return;
    }
  }
  const backup = `${path}.backup-${ctx.now().toISOString().replace(/[:.]/g, '-')}`;
  await updateProgress(path, () => {
    try {
      copyFileSync(path, backup);
    } catch (e) {
      throw new DataError(`cannot keep a backup at ${backup} (${(e as NodeJS.ErrnoException).code}); nothing was changed`);
    }
    return emptyProgress(ctx.now());
  });
  ctx.out(`Progress reset. The previous file is kept at ${backup}\n`);
}
