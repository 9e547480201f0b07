/** `study progress --export / --import / --reset`: your data in your hands (loaded only for these). */
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { DataError, UsageError } from '../errors.js';
import { emptyProgress } from '../progress/model.js';
import { readProgress, updateProgress, writeAtomic } from '../progress/store.js';
import { exportDocument, mergeProgress, readImport } from '../progress/transfer.js';
import type { Context } from './context.js';
import { terminalPrompter } from './interactive.js';

export async function exportTo(file: string, ctx: Context): Promise<void> {
  const progress = readProgress(ctx.progressPath);
  writeAtomic(file, `${JSON.stringify(exportDocument(progress, ctx.now()), null, 1)}\n`);
  ctx.out(`Exported ${progress.events.length} events to ${file}\n`);
}

export async function importFrom(file: string, ctx: Context): Promise<void> {
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
