/** `study progress --export / --import / --reset`: your data in your hands (loaded only for these). */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DataError, UsageError } from '../errors.js';
import { MAX_PROGRESS_BYTES, readRegular } from '../progress/files.js';
import { emptyProgress } from '../progress/model.js';
import { progressTarget, readProgress, updateProgress, writeAtomic } from '../progress/store.js';
import { exportDocument, mergeProgress, readImport } from '../progress/transfer.js';
import { sanitizeLine } from '../sanitize.js';
import type { Context } from './context.js';
import { terminalPrompter } from './interactive.js';
import { guardOutput } from './output-guard.js';

export async function exportTo(out: string, ctx: Context): Promise<void> {
  const file = guardOutput(ctx, '--export', out, { example: 'progress-export.json' });
  const progress = readProgress(ctx.progressPath);
  writeAtomic(file, `${JSON.stringify(exportDocument(progress, ctx.now()), null, 1)}\n`);
  ctx.out(`Exported ${progress.events.length} events to ${sanitizeLine(file)}\n`);
}

export async function importFrom(given: string, ctx: Context): Promise<void> {
  const file = resolve(given);
  const shown = sanitizeLine(file);
  const read = readRegular(file, MAX_PROGRESS_BYTES);
  if (!read.ok) throw new UsageError(`--import: cannot read ${shown}: ${read.message}; expected a file written by study progress --export`);
  const incoming = readImport(read.data.toString('utf8'), ctx.now());
  if (!incoming.ok) throw new DataError(`--import: ${shown} is not a study progress export: ${incoming.message}; nothing was changed`);
  let added = 0;
  await updateProgress(ctx.progressPath, (p) => {
    const merged = mergeProgress(p, incoming.progress);
    added = merged.added;
    return merged.progress;
  });
  const skipped = incoming.progress.events.length - added;
  ctx.out(`Imported ${added} new event${added === 1 ? '' : 's'} from ${shown}${skipped ? ` (${skipped} already present)` : ''}.\n`);
}

export async function reset(yes: boolean, ctx: Context): Promise<void> {
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
  const { file } = progressTarget(path);
  const backup = `${file}.backup-${ctx.now().toISOString().replace(/[:.]/g, '-')}`;
  await updateProgress(path, () => {
    const read = readRegular(file, MAX_PROGRESS_BYTES);
    if (!read.ok) throw new DataError(`cannot keep a backup of ${file} (${read.message}); nothing was changed`);
    try {
      writeAtomic(backup, read.data);
    } catch (e) {
      throw new DataError(`cannot keep a backup at ${backup} (${(e as { reason?: string }).reason ?? 'error'}); nothing was changed`);
    }
    return emptyProgress(ctx.now());
  });
  ctx.out(`Progress reset. The previous file is kept at ${backup}\n`);
}
