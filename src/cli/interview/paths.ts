/**
 * Where interviews live beside the progress file, and a light look at a paused one for the home
 * screen (no schema loaded: the full check happens when it is resumed).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function interviewsDir(progressPath: string): string {
  return join(dirname(progressPath), 'interviews');
}

export function inProgressPath(progressPath: string): string {
  return join(interviewsDir(progressPath), 'in-progress.json');
}

/**
 * The capstone topic id of the paused interview: a string when one is saved (empty when the file
 * cannot be read as one — resuming says why), undefined when none is.
 */
export function pausedCapstone(progressPath: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(inProgressPath(progressPath), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const capstone = (JSON.parse(text) as { capstone?: unknown }).capstone;
    return typeof capstone === 'string' ? capstone : '';
  } catch {
    return '';
  }
}
