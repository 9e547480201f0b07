/**
 * The mock-interview library (issue 16): `curriculum/problems/NN-<id>.yaml` files load with the
 * curriculum, are validated like the rest, and are listed after the capstones by every interview
 * command. The fixture is a copy of the real curriculum with one problem added in a temp folder.
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadCurriculumDir } from '../../src/cli/curriculum/load-dir.js';
import { capstones, findCapstone, listing } from '../../src/interview/catalog.js';
import { lintInterviews } from '../../src/curriculum/lint-interview.js';
import { libraryGaps, lintLibrary } from '../../src/curriculum/lint-library.js';
import { isolatedEnv, ROOT, runCli, tempDir } from '../helpers.js';

const real = loadCurriculumDir(join(ROOT, 'curriculum')).curriculum!;
const eta = capstones(real).find((c) => c.id === 'eta-pricing')!;

function withProblem(problem: Record<string, unknown>, name = '01-demo-problem.yaml'): string {
  const dir = join(tempDir(), 'curriculum');
  cpSync(join(ROOT, 'curriculum'), dir, { recursive: true });
  // Only the fixture's problem: the test must not depend on the library's own content.
  rmSync(join(dir, 'problems'), { recursive: true, force: true });
  mkdirSync(join(dir, 'problems'), { recursive: true });
  writeFileSync(join(dir, 'problems', name), stringify(problem));
  return dir;
}

const demo = { format: 1, id: 'demo-problem', title: 'A demo problem for the loader', topics: ['capstone-eta-pricing', 'capstone-ad-bidding'], interview: eta.interview };

describe('the problem library', () => {
  it('loads problems after the capstones, validated, complete under --strict, and usable by list, show and grade', () => {
    const dir = withProblem(demo);
    const built = loadCurriculumDir(dir);
    expect(built.problems).toEqual([]);
    const all = capstones(built.curriculum!);
    expect(all.map((c) => c.id)).toEqual(['eta-pricing', 'ad-bidding', 'ecommerce-search', 'demo-problem']);
    const p = findCapstone(all, 'demo-problem')!;
    expect(p).toMatchObject({ source: 'library', topicId: 'demo-problem', topics: ['capstone-eta-pricing', 'capstone-ad-bidding'] });
    expect(listing(all).at(-1)).toMatchObject({ id: 'demo-problem', source: 'library' });
    expect(lintInterviews(built.curriculum!).filter((s) => s.id === 'demo-problem')).toEqual([]);

    const env = isolatedEnv(tempDir());
    const list = JSON.parse(runCli(['interview', '--list', '--json', '--curriculum', dir], { env }).stdout);
    expect(list.map((x: { id: string }) => x.id)).toEqual(['eta-pricing', 'ad-bidding', 'ecommerce-search', 'demo-problem']);
    const show = JSON.parse(runCli(['interview', 'show', 'demo-problem', '--json', '--curriculum', dir], { env }).stdout);
    expect(show).toMatchObject({ id: 'demo-problem', source: 'library', topics: ['capstone-eta-pricing', 'capstone-ad-bidding'] });
    const notes = join(tempDir(), 'notes.md');
    writeFileSync(notes, 'Predict the residual over the routing engine, because it knows the roads and is the fallback.\n');
    const graded = runCli(['interview', 'grade', notes, '--capstone', 'demo-problem', '--json', '--save', '--curriculum', dir], { env });
    expect(graded.status).toBe(0);
    expect(JSON.parse(graded.stdout)).toMatchObject({ capstone: 'demo-problem' });
    const history = JSON.parse(runCli(['interview', '--history', '--json', '--curriculum', dir], { env }).stdout);
    expect(JSON.stringify(history)).toContain('demo-problem');
  });

  it('refuses an id taken by a capstone, unknown topics and fewer than two topics, with the file named', () => {
    const dup = loadCurriculumDir(withProblem({ ...demo, id: 'eta-pricing' }));
    expect(dup.curriculum).not.toBeNull();
    expect(dup.problems.map((p) => p.message).join('\n')).toMatch(/problem id "eta-pricing" is already used by the capstone capstone-eta-pricing/);
    const unknown = loadCurriculumDir(withProblem({ ...demo, topics: ['capstone-eta-pricing', 'no-such-topic'] }));
    expect(unknown.problems.map((p) => `${p.file}: ${p.message}`).join('\n')).toMatch(/problems\/01-demo-problem\.yaml: topic "no-such-topic" is not a topic/);
    const one = loadCurriculumDir(withProblem({ ...demo, topics: ['capstone-eta-pricing'] }));
    expect(one.curriculum).toBeNull();
    expect(one.problems.map((p) => p.message).join('\n')).toMatch(/at least 2 topics/);
  });

  it('holds a library problem to the library bar under --strict (issue 16 minimums)', () => {
    expect(libraryGaps(eta.interview)).toEqual([]);
    const thin = { ...eta.interview, checklist: eta.interview.checklist.slice(0, 17).map((p) => ({ ...p, level: 'senior' as const })), keyNumbers: eta.interview.keyNumbers.slice(0, 1) };
    const gaps = libraryGaps(thin);
    expect(gaps).toEqual(expect.arrayContaining(['17 checklist points, needs at least 18', '1 key numbers, needs at least 3', '0 staff-level points, needs at least 4']));
    const built = loadCurriculumDir(withProblem({ ...demo, interview: { ...eta.interview, keyNumbers: eta.interview.keyNumbers.slice(0, 1) } }));
    expect(lintLibrary(built.curriculum!)).toEqual([{ scope: 'problem', id: 'demo-problem', file: expect.stringContaining('01-demo-problem.yaml'), gaps: ['1 key numbers, needs at least 3'] }]);
  });
});
