/** `review --optimize` when the optional optimizer cannot load: one line, exit 1. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { optimizeParameters } from '../../src/cli/review-optimize.js';
import type { Context } from '../../src/cli/context.js';
import { plainTheme } from '../../src/ui/plain.js';
import { progressWith, syntheticHistory } from '../fixtures/synthetic-history.js';
import { tempDir } from '../helpers.js';

vi.mock('@open-spaced-repetition/binding', () => {
  throw new Error('Cannot find native binding. npm has a bug related to optional dependencies\n    at long stack');
});

describe('review --optimize without the optimizer', () => {
  it('says in one line that it could not load, and how to fix it (exit 1)', async () => {
    const path = join(tempDir(), 'progress.json');
    writeFileSync(path, progressWith(syntheticHistory({ seed: 5, cards: 150, perCard: 8 })));
    const ctx = { theme: plainTheme, columns: 80, out: () => undefined, err: () => undefined, now: () => new Date('2026-12-01T10:00:00Z'), progressPath: path } as unknown as Context;
    const e = (await optimizeParameters({ apply: false, json: false }, ctx).catch((x: unknown) => x)) as { message: string; exitCode: number };
    expect(e.exitCode).toBe(1);
    expect(e.message).toMatch(/^the FSRS optimizer \(@open-spaced-repetition\/binding 0\.5\.0, an optional dependency\) could not be loaded \(.+\); reinstall with: npm install --include=optional$/);
    expect(e.message).not.toContain('\n');
  });
});
