/**
 * config.json beside the progress file: read (missing means defaults), and read-modify-write under
 * its own lock with the progress store's atomic write. A file that cannot be read is never
 * overwritten: the command stops and says what to do.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataError } from '../errors.js';
import { acquireLock, writeAtomic } from '../progress/store.js';
import { decodeConfig, emptyConfig, encodeConfig, type Config } from './settings.js';

export { configPath } from './path.js';

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

/** Changes the settings under a lock; the new text is decoded again before it is written. */
export async function updateConfig(path: string, change: (c: Config) => Config): Promise<Config> {
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  } catch (e) {
    throw new DataError(`cannot create the folder of ${path} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const release = await acquireLock(`${path}.lock`, 15_000);
  try {
    const next = change(readConfig(path));
    const text = encodeConfig(next);
    const check = decodeConfig(text);
    if (!check.ok) throw new DataError(`refusing to save settings that could not be read back (${check.message}); nothing was changed`);
    writeAtomic(path, text);
    return check.config;
  } finally {
    release();
  }
}
