/** Reads the progress file and settings for `study export --format revlog` (loaded only for it). */
import { schedulingOf } from '../config/settings.js';
import { configPath, readConfig } from '../config/path.js';
import { revlogCsv } from '../export/revlog.js';
import { readProgress } from '../progress/store.js';
import type { Context } from './context.js';

export async function revlogText(ctx: Context): Promise<string> {
  const progress = readProgress(ctx.progressPath);
  return revlogCsv(progress.events, schedulingOf(readConfig(configPath(ctx.progressPath)), progress.settings.desiredRetention));
}
