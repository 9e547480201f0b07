/**
 * The fast paths stay fast: `study progress`, `study` (home) and `study topics` must not bundle the
 * validator (zod) — a summary or compiled curriculum on disk is read without it. A value import
 * from the progress model into the summary once pulled all of zod into `progress`; this catches that.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

describe('fast-path command files', () => {
  it.each(['progress', 'home', 'topics'])('dist/commands/%s.cjs does not contain zod', (name) => {
    const code = readFileSync(join(ROOT, 'dist', 'commands', `${name}.cjs`), 'utf8');
    expect(code).not.toMatch(/ZodError/);
    // The summary read on a cache hit is small too.
    expect(code.length).toBeLessThan(100_000);
  });
});
