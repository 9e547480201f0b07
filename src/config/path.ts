/**
 * Where the settings live, and reading them. Kept apart from writing (store.ts), which loads the
 * progress store: the home screen, `study progress` and `study plan` read settings without it.
 */
import { dirname, join } from 'node:path';
import { DataError } from '../errors.js';
import { readRegular } from '../progress/files.js';
import { sanitizeLine } from '../sanitize.js';
import { decodeConfig, emptyConfig, type Config } from './settings.js';

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
function readConfigText(path: string): { ok: true; text: string } | { ok: false; missing: boolean; message: string } {
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

/** The settings (defaults when the file is missing); a file that cannot be read stops the command. */
export function readConfig(path: string): Config {
  const r = readConfigText(path);
  if (!r.ok) {
    if (r.missing) return emptyConfig();
    throw new DataError(`cannot read the settings file ${sanitizeLine(path)}: ${r.message}; move it away or delete it to return to the defaults — study will not overwrite it`);
  }
  const d = decodeConfig(r.text);
  if (!d.ok) throw new DataError(`${sanitizeLine(path)} is not a valid settings file (${d.message}); fix it or delete it to return to the defaults — study will not overwrite it`);
  return d.config;
}

/** For `study doctor`: the settings file's state in words, never throwing. */
export function describeConfig(path: string): { state: 'missing' | 'valid' | 'invalid'; detail: string } {
  const r = readConfigText(path);
  if (!r.ok) return r.missing ? { state: 'missing', detail: 'not created yet (defaults in use; study config set KEY VALUE creates it)' } : { state: 'invalid', detail: `unreadable: ${r.message}` };
  const d = decodeConfig(r.text);
  return d.ok ? { state: 'valid', detail: 'valid' } : { state: 'invalid', detail: `invalid: ${sanitizeLine(d.message)} — every command that reads settings stops until it is fixed or deleted` };
}
