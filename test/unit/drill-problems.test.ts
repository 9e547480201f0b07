/** Drill problems: reproducible by seed, answers from the calculators, graded by ratio. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradeEstimate } from '../../src/drill/grade.js';
import { DRILL_KINDS, generateProblems } from '../../src/drill/problems.js';
import { loadPresets } from '../../src/cli/calc/presets-load.js';
import { readEstimate } from '../../src/cli/calc/drill-session.js';
import { seededRng } from '../../src/quiz/rng.js';
import { ROOT } from '../helpers.js';

const presets = loadPresets({ curriculumDir: join(ROOT, 'curriculum') });

describe('generateProblems', () => {
  it('gives the same problems for the same seed', () => {
    const a = generateProblems('mixed', 10, seededRng(42), presets);
    const b = generateProblems('mixed', 10, seededRng(42), presets);
    expect(a.map((p) => [p.prompt, p.answer])).toEqual(b.map((p) => [p.prompt, p.answer]));
  });
  it.each(DRILL_KINDS)('%s: positive finite answers with a unit and a derivation', (kind) => {
    for (const p of generateProblems(kind, 40, seededRng(7), presets)) {
      expect(Number.isFinite(p.answer) && p.answer > 0).toBe(true);
      expect(p.unit).not.toBe('');
      if (kind !== 'mixed') expect(p.kind).toBe(kind);
      expect(p.derivation.steps.length).toBeGreaterThan(0);
      expect(p.prompt).not.toMatch(/NaN|undefined|Infinity/);
    }
  });
  it('mixed draws several kinds', () => {
    expect(new Set(generateProblems('mixed', 30, seededRng(1), presets).map((p) => p.kind)).size).toBeGreaterThan(2);
  });
});

describe('grading by ratio', () => {
  it.each([
    [100, 100, 'excellent'],
    [109, 100, 'excellent'],
    [91, 100, 'excellent'],
    [150, 100, 'pass'],
    [50, 100, 'pass'],
    [201, 100, 'miss'],
    [49, 100, 'miss'],
  ] as const)('%d for %d is %s', (given, answer, grade) => expect(gradeEstimate(given, answer).grade).toBe(grade));

  it('reads estimates in the problem unit and converts others', () => {
    expect(readEstimate('GB', '2 GiB')).toEqual({ ok: true, value: 2 ** 31 / 1e9 });
    expect(readEstimate('GB', '140')).toEqual({ ok: true, value: 140 });
    expect(readEstimate('days', '2 mo')).toEqual({ ok: true, value: 60 });
    expect(readEstimate('FLOPs', '3e23')).toEqual({ ok: true, value: 3e23 });
    expect(readEstimate('USD', '$1.2k')).toEqual({ ok: true, value: 1200 });
    expect(readEstimate('GB', '0').ok).toBe(false);
    expect(readEstimate('GB', '-3').ok).toBe(false);
  });
});
