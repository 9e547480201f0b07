/**
 * Where the settings live, and reading them. Kept apart from writing (store.ts), which loads the
 * progress store: the home screen, `study progress` and `study plan` read settings without it.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DataError } from '../errors.js';
import { decodeConfig, emptyConfig, type Config } from './settings.js';

/** `config.json` in the progress file's folder. */
export function configPath(progressPath: string): string {
  return join(dirname(progressPath), 'config.json');
}

/** The `color` setting (auto when absent, unreadable or invalid: a bad file is reported by the commands that read it). */
export function colorSetting(progressPath: () => string): 'auto' | 'always' | 'never' {
  try {
    const c = (JSON.parse(readFileSync(configPath(progressPath()), 'utf8')) as { color?: unknown }).color;
    return c === 'always' || c === 'never' ? c : 'auto';
  } catch {
    return 'auto';
  }
}

/** The settings (defaults when the file is missing); a file that cannot be read stops the command. */
export function readConfig(path: string): Config {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return emptyConfig();
    throw new DataError(`cannot read the settings file ${path} (${code ?? 'error'})`);
  }
  const r = decodeConfig(text);
  if (!r.ok) throw new DataError(`${path} is not a valid settings file (${r.message}); fix it or delete it to return to the defaults — study will not overwrite it`);
  return r.config;
}
