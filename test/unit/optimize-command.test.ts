/** The shell of `review --optimize`: applies only when both metrics improve (or with --apply); one line when the optimizer cannot load. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { optimizeParameters } from '../../src/cli/review-optimize.js';
import { default_w } from 'ts-fsrs';
import type { Context } from '../../src/cli/context.js';
import { plainTheme } from '../../src/ui/plain.js';
import { progressWith, syntheticHistory } from '../fixtures/synthetic-history.js';
import { tempDir } from '../helpers.js';

/** What the mocked optimizer's fit does: fit for real, or return poor parameters. */
const mode = vi.hoisted(() => ({ value: 'real' as 'real' | 'worse' }));

vi.mock('@open-spaced-repetition/binding', async (importOriginal) => {
  const real = await importOriginal<typeof import('@open-spaced-repetition/binding')>();
  const worse = default_w.map((w, i) => (i < 4 ? w * 40 : w));
  return { ...real, computeParameters: (items: never, o: never) => (mode.value === 'worse' ? Promise.resolve(worse) : real.computeParameters(items, o)) };
});

function context(progress: string) {
  const dir = tempDir();
  const path = join(dir, 'progress.json');
  writeFileSync(path, progress);
  let out = '';
  const ctx = { theme: plainTheme, columns: 80, out: (t: string) => void (out += t), err: () => undefined, now: () => new Date('2026-12-01T10:00:00Z'), progressPath: path } as unknown as Context;
  return { ctx, config: join(dir, 'config.json'), output: () => out };
}

const history = progressWith(syntheticHistory({ seed: 5, cards: 200, perCard: 8 }));

describe('review --optimize (command shell)', () => {
  it('does not apply parameters that predict worse, unless --apply', async () => {
    mode.value = 'worse';
    const a = context(history);
    await optimizeParameters({ apply: false, json: true }, a.ctx);
    const j = JSON.parse(a.output());
    expect(j.applied).toBe(false);
    expect(j.after.logLoss).toBeGreaterThan(j.before.logLoss);
    expect(existsSync(a.config)).toBe(false);
    const b = context(history);
    await optimizeParameters({ apply: true, json: false }, b.ctx);
    expect(b.output()).toContain('Saved because of --apply, though not both metrics improved');
    expect(JSON.parse(readFileSync(b.config, 'utf8')).fsrs.parameters[0]).toBeCloseTo(default_w[0]! * 40);
  });

  it('applies a real fit that improves both metrics', async () => {
    mode.value = 'real';
    const a = context(history);
    await optimizeParameters({ apply: false, json: false }, a.ctx);
    expect(a.output()).toMatch(/Both improve: saved/);
    expect(JSON.parse(readFileSync(a.config, 'utf8')).fsrs).toMatchObject({ reviews: 1600, fittedAt: '2026-12-01T10:00:00.000Z' });
  });
});
