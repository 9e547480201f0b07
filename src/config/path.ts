/**
 * Where the settings live, and reading them. Kept apart from writing (store.ts), which loads the
 * progress store: the home screen, `study progress` and `study plan` read settings without it.
 */
import { DataError } from '../errors.js';
import { readConfigText } from './file.js';
import { sanitizeLine } from '../sanitize.js';
import { decodeConfig, emptyConfig, type Config } from './settings.js';

export { colorSetting, configPath, readConfigText } from './file.js';

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
