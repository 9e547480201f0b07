/** `study progress --export / --import / --reset`: your data in your hands (loaded only for these). */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DataError, UsageError } from '../errors.js';
import { MAX_PROGRESS_BYTES, readRegular } from '../progress/files.js';
import { emptyProgress } from '../progress/model.js';
import { progressTarget, readProgress, updateProgress, writeAtomic } from '../progress/store.js';
import { exportDocument, mergeProgress, readImport, type ImportedSettings } from '../progress/transfer.js';
import { configPath, readConfigText } from '../config/path.js';
import { decodeConfig, type Config } from '../config/settings.js';
import { updateConfig } from '../config/store.js';
import { sanitizeLine } from '../sanitize.js';
import type { Context } from './context.js';
import { terminalPrompter } from './interactive.js';
import { guardOutput } from './output-guard.js';

export async function exportTo(out: string, ctx: Context): Promise<void> {
  const file = guardOutput(ctx, '--export', out, { example: 'progress-export.json' });
  const progress = readProgress(ctx.progressPath);
  // The settings travel too (a new machine gets your retention, plan and fitted FSRS parameters).
  const config = readConfigText(configPath(ctx.progressPath));
  const decoded = config.ok ? decodeConfig(config.text) : undefined;
  const settings = decoded?.ok ? decoded.config : undefined;
  writeAtomic(file, `${JSON.stringify(exportDocument(progress, ctx.now(), settings), null, 1)}\n`);
  ctx.out(`Exported ${progress.events.length} events${settings ? ' and your settings' : ''} to ${sanitizeLine(file)}\n`);
  if (!config.ok && !config.missing) ctx.err(`study: settings not exported: cannot read ${sanitizeLine(configPath(ctx.progressPath))}: ${config.message}\n`);
  if (decoded && !decoded.ok) ctx.err(`study: settings not exported: ${sanitizeLine(configPath(ctx.progressPath))} is not valid (${sanitizeLine(decoded.message)}); study doctor shows it\n`);
}

export async function importFrom(given: string, ctx: Context): Promise<void> {
  const file = resolve(given);
  const shown = sanitizeLine(file);
  const read = readRegular(file, MAX_PROGRESS_BYTES);
  // A file that cannot be read is an I/O failure (exit 1), as for every file study is given.
  if (!read.ok) throw new DataError(`--import: cannot read ${shown}: ${read.message}; expected a file written by study progress --export`);
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
  if (incoming.settings) ctx.out(`${await importSettings(incoming.settings, ctx)}\n`);
}

/** The settings file's keys as study config names them. */
const SETTING_NAMES: Record<string, string> = { desiredRetention: 'retention', interviewMinutes: 'interview-minutes', dailyNewTopics: 'new-topics-per-day', pager: 'pager', color: 'color', plan: 'the plan', fsrs: 'fitted FSRS parameters' };
const named = (keys: string[]) => keys.map((k) => SETTING_NAMES[k] ?? k).join(', ');

/**
 * An export's settings fill in what this machine has not set, one setting at a time: your own are
 * never replaced by an import (change them with study config). Says in one line what happened.
 */
async function importSettings(imported: NonNullable<ImportedSettings>, ctx: Context): Promise<string> {
  if (!imported.ok) return `Its settings were not applied: ${sanitizeLine(imported.message)}.`;
  const path = configPath(ctx.progressPath);
  const theirs = imported.settings as unknown as Record<string, unknown>;
  let added: string[] = [];
  let kept: string[] = [];
  try {
    await updateConfig(path, (current) => {
      const mine = current as unknown as Record<string, unknown>;
      const keys = Object.keys(theirs).filter((k) => k !== 'version');
      added = keys.filter((k) => !(k in mine));
      kept = keys.filter((k) => k in mine && canonical(mine[k]) !== canonical(theirs[k]));
      return { ...current, ...Object.fromEntries(added.map((k) => [k, theirs[k]])) } as Config;
    });
  } catch (e) {
    // The progress is in; a settings file that cannot be read or written only keeps the export's settings out.
    return `Its settings were not applied: ${sanitizeLine((e as Error).message)}`;
  }
  const yours = kept.length ? `your own kept where they differ: ${named(kept)}` : '';
  if (added.length) return `Settings restored from the export: ${named(added)}${yours ? `; ${yours}` : ''} (study config lists them).`;
  return yours ? `Your own settings were kept; where the export’s differ, yours stay: ${named(kept)} (study config lists them).` : 'Its settings match yours.';
}

/** JSON with keys sorted at every level, so two settings objects compare by content. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(v);
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
