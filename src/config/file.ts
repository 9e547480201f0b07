/**
 * The settings file itself: where it is and its text, read without blocking. No settings table
 * here, so the start-up path (the colour setting, read by every command) loads almost nothing.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readRegular } from '../progress/files.js';

/** `config.json` in the progress file's folder. */
export function configPath(progressPath: string): string {
  return join(dirname(progressPath), 'config.json');
}

/** The most study reads of a settings file (a few hundred bytes in practice). */
const MAX_CONFIG_BYTES = 1 << 20;

/**
 * The settings file's text, or why it cannot be had. Read like every file study reads for the
 * user: without blocking (a FIFO there hung every command, SIGTERM included), regular files only,
 * at most 1 MiB.
 */
export function readConfigText(path: string): { ok: true; text: string } | { ok: false; missing: boolean; message: string } {
  // Most people never create a settings file: say so without the cost of a thrown ENOENT.
  if (!existsSync(path)) return { ok: false, missing: true, message: 'it does not exist' };
  const r = readRegular(path, MAX_CONFIG_BYTES);
  if (r.ok) return { ok: true, text: r.data.toString('utf8') };
  return { ok: false, missing: r.reason === 'missing' || r.code === 'ENOTDIR', message: r.message };
}

/** The `color` setting (auto when absent, unreadable or invalid: a bad file is reported by the commands that read it). */
export function colorSetting(progressPath: () => string): 'auto' | 'always' | 'never' {
  try {
    const r = readConfigText(configPath(progressPath()));
    if (!r.ok) return 'auto';
    const c = (JSON.parse(r.text) as { color?: unknown }).color;
    return c === 'always' || c === 'never' ? c : 'auto';
  } catch {
    return 'auto';
  }
}

