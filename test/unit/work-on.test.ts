/** "Work on next" (src/interview/work-on.ts): ties in self-scores broken by the grade, then named. */
import { describe, expect, it } from 'vitest';
import type { RubricDimension } from '../../src/interview/debrief.js';
import type { PointGrade, Status } from '../../src/interview/grade.js';
import { workOnNext, workOnText } from '../../src/interview/work-on.js';

const levels = ['1', '2', '3', '4'];
const dim = (id: string, phases?: string[]): RubricDimension => ({ id, title: id.toUpperCase(), levels, ...(phases ? { phases } : {}) });
/** `explained` points of a phase out of `total`, the rest missed. */
const phase = (id: string, explained: number, total: number): PointGrade[] =>
  Array.from({ length: total }, (_, i) => ({ id: `${id}-${i}`, phase: id, point: id, status: (i < explained ? 'explained' : 'missed') as Status, evidence: null, foundIn: null }));
const coverage = { points: [...phase('data', 1, 4), ...phase('model', 3, 4), ...phase('serving', 2, 4)] };
const ids = (w: ReturnType<typeof workOnNext>) => ({ picked: w.picked.map((r) => r.dimension.id), tied: w.tied.map((r) => r.dimension.id) });

describe('workOnNext', () => {
  it('picks the lowest self-scores', () => {
    const rubric = [dim('a', ['data']), dim('b', ['model']), dim('c', ['serving'])];
    expect(ids(workOnNext(rubric, { a: 3, b: 1, c: 2 }, coverage))).toEqual({ picked: ['b', 'c'], tied: [] });
  });

  it('breaks equal scores by less coverage in the dimension\'s phases, not by rubric order', () => {
    const rubric = [dim('model-dim', ['model']), dim('serving-dim', ['serving']), dim('data-dim', ['data'])];
    const w = workOnNext(rubric, { 'model-dim': 2, 'serving-dim': 2, 'data-dim': 2 }, coverage);
    expect(ids(w)).toEqual({ picked: ['data-dim', 'serving-dim'], tied: [] });
    expect(workOnText(w, (s) => `*${s}*`)).toBe('Work on next: *DATA-DIM* and *SERVING-DIM* (self-score 2 of 4; checklist grade in their phases: DATA-DIM 25 %, SERVING-DIM 50 %).');
  });

  it('names dimensions that are still equal as ties', () => {
    const rubric = [dim('a'), dim('b'), dim('c')]; // no phases: all of them, so equal evidence
    const w = workOnNext(rubric, { a: 2, b: 2, c: 2 }, coverage);
    expect(ids(w)).toEqual({ picked: ['a', 'b'], tied: ['c'] });
    expect(workOnText(w, (s) => s)).toMatch(/Tied with C \(same score and coverage\)\.$/);
  });

  it('says nothing when nothing was scored', () => {
    expect(workOnText(workOnNext([dim('a')], {}, coverage), (s) => s)).toBe('');
  });
});
