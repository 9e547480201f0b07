/** Where the settings live, and the one setting read before any command runs (colour). */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

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
