/**
 * Writing config.json beside the progress file: read-modify-write under its own lock with the
 * progress store's atomic write. A file that cannot be read is never overwritten: the command
 * stops and says what to do (reading is in path.ts).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataError } from '../errors.js';
import { acquireLock, writeAtomic } from '../progress/store.js';
import { decodeConfig, encodeConfig, type Config } from './settings.js';

import { readConfig } from './path.js';

export { configPath, readConfig } from './path.js';

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
