/**
 * The problem library (curriculum/problems/, issue 16): loaded with the curriculum, checked like
 * the rest, listed after the capstones. The fixture is a copy of the real curriculum with one
 * problem file made from a capstone's interview block, so the test does not depend on the
 * library's content.
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCurriculumDir } from '../../src/cli/curriculum/load-dir.js';
import { libraryGaps, lintLibrary } from '../../src/curriculum/lint-library.js';
import type { Interview } from '../../src/curriculum/schema.js';
import { capstones, findCapstone, listing } from '../../src/interview/catalog.js';
import { ROOT, tempDir } from '../helpers.js';

const real = loadCurriculumDir(join(ROOT, 'curriculum')).curriculum!;
const base: Interview = capstones(real).find((c) => c.kind === 'capstone')!.interview;
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of the curriculum whose problems/ folder holds exactly `files` (name → data). */
function curriculumWith(files: Record<string, unknown>): string {
  const dir = join(tempDir('study-library-'), 'curriculum');
  dirs.push(dir);
  cpSync(join(ROOT, 'curriculum'), dir, { recursive: true });
  rmSync(join(dir, 'problems'), { recursive: true, force: true });
  mkdirSync(join(dir, 'problems'));
  for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, 'problems', name), stringify(data));
  return dir;
}

const problem = (id: string, extra: Record<string, unknown> = {}) => ({ format: 1, id, title: `Demo ${id}`, topics: ['caching', 'dns'], interview: base, ...extra });

describe('the problem library', () => {
  it('loads problems/ after the capstones, in file order, with their own ids', () => {
    const dir = curriculumWith({ '02-second.yaml': problem('second-demo'), '01-first.yaml': problem('first-demo') });
    const { curriculum, problems } = loadCurriculumDir(dir);
    expect(problems).toEqual([]);
    const all = capstones(curriculum!);
    expect(all.map((c) => c.kind)).toEqual(['capstone', 'capstone', 'capstone', 'library', 'library']);
    expect(all.slice(3).map((c) => c.id)).toEqual(['first-demo', 'second-demo']);
    const first = findCapstone(all, 'first-demo')!;
    expect(first).toMatchObject({ topicId: 'first-demo', topics: ['caching', 'dns'] });
    expect(first.number).toBeUndefined();
    expect(listing(all).map((l) => l.kind)).toEqual(['capstone', 'capstone', 'capstone', 'library', 'library']);
  });

  it.each([
    ['an unknown topic id', problem('x-demo', { topics: ['caching', 'no-such-topic'] }), /topic "no-such-topic" is not a topic/],
    ['an id taken by a topic', problem('caching'), /duplicate id "caching"/],
    ['an id taken by a capstone', problem('eta-pricing'), /also a capstone's id/],
    ['fewer than two topics', problem('y-demo', { topics: ['caching'] }), /at least 2 topic ids/],
    ['an unknown field', problem('z-demo', { extra: 1 }), /unknown field "extra"/],
  ])('refuses %s with file:line:col', (_what, data, message) => {
    const { problems } = loadCurriculumDir(curriculumWith({ '01-bad.yaml': data }));
    expect(problems.map((p) => p.message).join('\n')).toMatch(message);
    expect(problems.every((p) => p.file.endsWith(join('problems', '01-bad.yaml')) && p.line > 0)).toBe(true);
  });

  it('holds each problem to the library bar under --strict', () => {
    const thin: Interview = { ...base, rubric: base.rubric.map(({ senior: _s, staff: _t, ...r }) => r), followUps: base.followUps.map(({ targets: _t, ...f }) => f) };
    const gaps = libraryGaps(thin);
    expect(gaps.some((g) => /needs both a senior and a staff bar/.test(g))).toBe(true);
    expect(gaps.some((g) => /follow-up .*: no targets/.test(g))).toBe(true);
    const dir = curriculumWith({ '01-thin.yaml': problem('thin-demo', { interview: thin }) });
    const shortfalls = lintLibrary(loadCurriculumDir(dir).curriculum!);
    expect(shortfalls).toHaveLength(1);
    expect(shortfalls[0]).toMatchObject({ scope: 'problem', id: 'thin-demo' });
  });

  it('counts design minutes against 30-40 and 40-52', () => {
    const long: Interview = { ...base, phases: base.phases.map((p) => ({ ...p, minutes45: 20, minutes60: 20 })) };
    expect(libraryGaps(long).join('\n')).toMatch(/design phases sum to \d+ of 45 minutes, expected 30-40/);
  });
});
