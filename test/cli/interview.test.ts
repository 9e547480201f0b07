/** `study interview` through the built binary: --list --json shape, exit codes, history without a terminal. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { BIN, isolatedEnv, runCli, tempDir } from '../helpers.js';

const CAPSTONES = ['eta-pricing', 'ad-bidding', 'ecommerce-search'];
/** The library's ids are fixed by issue 16 (scripts refer to them). */
const LIBRARY = ['video-recommendation', 'feed-ranking', 'harmful-content', 'visual-search', 'payment-fraud', 'people-you-may-know', 'rag-assistant', 'llm-serving', 'street-view-blurring'];

describe('study interview (no terminal)', () => {
  it('--list --json prints exactly the documented shape', () => {
    const r = runCli(['interview', '--list', '--json']);
    expect(r.status).toBe(0);
    const list = JSON.parse(r.stdout) as Record<string, unknown>[];
    // The course's three capstones first, then the library (issue 16), in file order.
    expect(list.map((c) => c.id)).toEqual([...CAPSTONES, ...LIBRARY]);
    expect(list.map((c) => c.source)).toEqual([...CAPSTONES.map(() => 'capstone'), ...LIBRARY.map(() => 'library')]);
    for (const c of list) {
      expect(Object.keys(c)).toEqual(['id', 'title', 'topicId', 'phases', 'clarifyingQuestions', 'checklist', 'followUps', 'designMinutes', 'frameMinutes', 'staffPoints', 'rubric', 'midRoundChange', 'source']);
      expect(c.topicId).toBe(c.source === 'capstone' ? `capstone-${c.id}` : c.id);
      const phases = c.phases as Record<string, unknown>[];
      expect(phases.length).toBeGreaterThanOrEqual(3);
      for (const p of phases) expect(Object.keys(p)).toEqual(['id', 'title', 'minutes45', 'minutes60', 'kind']);
      expect(c.clarifyingQuestions).toBeGreaterThanOrEqual(8);
      expect(c.checklist).toBeGreaterThanOrEqual(20);
      expect(c.followUps).toBeGreaterThanOrEqual(8);
    }
  });

  it.each([
    [['interview', '--minutes', '50'], 'study: --minutes: "50" is not valid; expected one of 45, 60'],
    [['interview', '--json'], 'study: --json goes with --list, --history or grade'],
    [['interview', 'nosuch'], `study: no interview problem "nosuch"; expected one of ${[...CAPSTONES, ...LIBRARY].join(', ')} (or a capstone's topic id or number)`],
    [['interview', '--resume', 'eta-pricing'], 'study: --resume continues the saved interview with its own capstone and format; only --out may be added'],
  ])('%j exits 2 with one line', (args, line) => {
    const r = runCli(args);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([line]);
  });

  it('refuses a real interview without a terminal: exit 2, one line', () => {
    for (const args of [['interview', 'eta-pricing'], ['interview']]) {
      const r = runCli(args);
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^study: study interview needs an interactive terminal/);
    }
  });

  it('rejects a bad test-only minute length with one line', () => {
    const r = runCli(['interview', 'eta-pricing'], { env: isolatedEnv(tempDir(), { STUDY_INTERVIEW_SECONDS_PER_MINUTE: 'fast' }) });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^study: STUDY_INTERVIEW_SECONDS_PER_MINUTE: "fast" is not valid/);
  });

  it('--history works without a terminal, empty and with a recorded interview', () => {
    const home = tempDir();
    const env = isolatedEnv(home);
    expect(runCli(['interview', '--history'], { env }).stdout).toMatch(/No mock interviews yet/);
    const dir = join(home, 'data', 'ai-design-study');
    mkdirSync(dir, { recursive: true });
    const event = {
      id: 'aaaaaaaa-0000-4000-8000-000000000001',
      type: 'interview',
      at: '2025-01-02T10:45:00.000Z',
      startedAt: '2025-01-02T10:00:00.000Z',
      capstone: 'capstone-eta-pricing',
      minutes: 45,
      practice: false,
      phases: [{ id: 'clarify', plannedSeconds: 300, usedSeconds: 320, coverage: 0.5, hintsUsed: 1 }],
      coverage: 0.25,
      covered: ['two-problems'],
      checklistTotal: 24,
      hintsUsed: 1,
      clarifyingAsked: 3,
      rubric: { communication: 3, 'serving-scale': 2 },
      followUps: ['new-city'],
    };
    writeFileSync(join(dir, 'progress.json'), JSON.stringify({ version: 1, createdAt: '2025-01-01T00:00:00.000Z', events: [event], cards: {} }));
    const text = runCli(['interview', '--history'], { env });
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/Design a ride-hailing ETA/);
    const json = JSON.parse(runCli(['interview', '--history', '--json'], { env }).stdout);
    expect(json.interviews).toHaveLength(1);
    expect(json.interviews[0]).toMatchObject({ capstone: 'capstone-eta-pricing', coverage: 0.25, score: 2.5, hintsUsed: 1 });
    expect(json.dimensions[0]).toMatchObject({ id: 'serving-scale', average: 2 });
  });

  it('--history names each dimension as the interview\'s own problem does, not another problem sharing its id', () => {
    const home = tempDir();
    const env = isolatedEnv(home);
    const dir = join(home, 'data', 'ai-design-study');
    mkdirSync(dir, { recursive: true });
    const event = {
      id: 'aaaaaaaa-0000-4000-8000-000000000002', type: 'interview', at: '2025-01-02T10:45:00.000Z', startedAt: '2025-01-02T10:00:00.000Z',
      capstone: 'capstone-eta-pricing', minutes: 45, practice: false, phases: [], coverage: 0, covered: [], checklistTotal: 32, hintsUsed: 0, clarifyingAsked: 0,
      rubric: { 'data-features': 3 }, followUps: [],
    };
    writeFileSync(join(dir, 'progress.json'), JSON.stringify({ version: 1, createdAt: '2025-01-01T00:00:00.000Z', events: [event], cards: {} }));
    const json = JSON.parse(runCli(['interview', '--history', '--json'], { env }).stdout);
    expect(json.dimensions).toEqual([expect.objectContaining({ id: 'data-features', title: 'Data and features' })]);
  });

  it('--list groups the capstones and the library, every id aligned, nothing over the width', () => {
    const out = runCli(['interview', '--list']).stdout;
    const lines = out.split('\n');
    expect(out).toMatch(/^Problems for mock interviews/);
    expect(lines.indexOf('Capstones')).toBeLessThan(lines.indexOf('Problem library'));
    const col = (id: string) => lines.find((l) => l.startsWith(`${id} `))!.search(/ \S/) ;
    expect(new Set([...CAPSTONES, ...LIBRARY].map(col)).size).toBe(1);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(79);
  });

  it('show names the topics to study first by title, with the command to open each, and fits the width', () => {
    const out = runCli(['interview', 'show', 'rag-assistant']).stdout;
    expect(out).toMatch(/Study first\n {2}• Data ingestion and chunking pipeline \(study learn rag-chunking\)/);
    for (const l of out.split('\n')) expect(l.length).toBeLessThanOrEqual(79);
  });

  it('prints long JSON whole through a slow pipe (show --json is over the 64 KiB pipe buffer)', () => {
    const sh = `"${process.execPath}" "${BIN}" interview show harmful-content --json | (sleep 0.5; cat)`;
    const r = spawnSync('sh', ['-c', sh], { encoding: 'utf8', env: isolatedEnv(tempDir()), timeout: 60_000 });
    expect(r.stdout.length).toBeGreaterThan(65_536);
    expect(JSON.parse(r.stdout).id).toBe('harmful-content');
  });
});
