/** Spawn tests of the data commands: progress export/import/reset, search, export, doctor, home without a terminal. */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, isolatedEnv, runCli, tempDir } from '../helpers.js';

const MINI = join(ROOT, 'test/fixtures/mini');

function seeded() {
  const home = tempDir();
  const file = join(home, 'progress.json');
  const env = isolatedEnv(home, { STUDY_PROGRESS: file, STUDY_CURRICULUM: MINI });
  const event = (id: string, q: string) => ({ id, type: 'answer', at: '2026-03-01T09:00:00.000Z', questionId: q, topicId: 'kv-cache', correct: true, rating: 3, source: 'quiz', cram: false });
  writeFileSync(file, JSON.stringify({ version: 1, createdAt: '2026-03-01T00:00:00.000Z', settings: { desiredRetention: 0.9 }, events: [event('aaaaaaaa-1', 'kv-cache.single'), event('aaaaaaaa-2', 'kv-cache.tf')], cards: {} }));
  return { home, file, env, event };
}

describe('progress data commands', () => {
  it('exports, and imports into another machine once (twice changes nothing)', () => {
    const a = seeded();
    const out = join(a.home, 'export.json');
    const ex = runCli(['progress', '--export', out], { env: a.env });
    expect(ex.status).toBe(0);
    expect(ex.stdout).toContain('Exported 2 events');

    const b = tempDir();
    const envB = isolatedEnv(b, { STUDY_PROGRESS: join(b, 'p.json'), STUDY_CURRICULUM: MINI });
    const first = runCli(['progress', '--import', out], { env: envB });
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('Imported 2 new events');
    const second = runCli(['progress', '--import', out], { env: envB });
    expect(second.stdout).toContain('Imported 0 new events from');
    expect(second.stdout).toContain('(2 already present)');
    const json = JSON.parse(runCli(['progress', '--json'], { env: envB }).stdout);
    expect(json).toMatchObject({ answered: 2, correct: 2, topics: { 'kv-cache': { answered: 2, correct: 2 } } });
    expect(Object.keys(JSON.parse(readFileSync(join(b, 'p.json'), 'utf8')).cards).sort()).toEqual(['kv-cache.single', 'kv-cache.tf']);
  });

  it('settings travel with an export: restored where there are none, never over your own', () => {
    const seed = seeded();
    // A fixed clock: the planned interview date must stay in the future.
    const NOW = { STUDY_NOW: '2026-03-02T09:00:00Z' };
    const a = { ...seed, env: { ...seed.env, ...NOW } };
    expect(runCli(['config', 'set', 'retention', '0.85'], { env: a.env }).status).toBe(0);
    expect(runCli(['config', 'set', 'plan.interview', '2026-04-15'], { env: a.env }).status).toBe(0);
    const out = join(a.home, 'export.json');
    expect(runCli(['progress', '--export', out], { env: a.env }).stdout).toContain('Exported 2 events and your settings to');
    expect(JSON.parse(readFileSync(out, 'utf8')).settings).toMatchObject({ desiredRetention: 0.85, plan: { interview: '2026-04-15' } });

    // A new machine: no settings yet, so the export's are restored.
    const b = tempDir();
    const envB = isolatedEnv(b, { STUDY_PROGRESS: join(b, 'p.json'), STUDY_CURRICULUM: MINI, ...NOW });
    const r = runCli(['progress', '--import', out], { env: envB });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Settings restored from the export');
    expect(JSON.parse(readFileSync(join(b, 'config.json'), 'utf8'))).toMatchObject({ desiredRetention: 0.85, plan: { interview: '2026-04-15' } });
    expect(runCli(['progress', '--import', out], { env: envB }).stdout).toContain('Its settings match yours.');

    // A machine with settings of its own keeps them; what it has not set is filled in.
    const c = tempDir();
    const envC = isolatedEnv(c, { STUDY_PROGRESS: join(c, 'p.json'), STUDY_CURRICULUM: MINI, ...NOW });
    expect(runCli(['config', 'set', 'retention', '0.95'], { env: envC }).status).toBe(0);
    const kept = runCli(['progress', '--import', out], { env: envC });
    expect(kept.stdout).toContain('Imported 2 new events');
    expect(kept.stdout).toContain('Settings restored from the export: the plan; your own kept where they differ: retention');
    expect(JSON.parse(readFileSync(join(c, 'config.json'), 'utf8'))).toMatchObject({ desiredRetention: 0.95, plan: { interview: '2026-04-15' } });
    expect(runCli(['progress', '--import', out], { env: envC }).stdout).toContain('Your own settings were kept; where the export’s differ, yours stay: retention');

    // Bad settings in an export are left out with a line; the progress still comes in.
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    doc.settings = { version: 1, desiredRetention: 5 };
    const bad = join(a.home, 'bad-settings.json');
    writeFileSync(bad, JSON.stringify(doc));
    const d = tempDir();
    const envD = isolatedEnv(d, { STUDY_PROGRESS: join(d, 'p.json'), STUDY_CURRICULUM: MINI, ...NOW });
    const partial = runCli(['progress', '--import', bad], { env: envD });
    expect(partial.status).toBe(0);
    expect(partial.stdout).toContain('Imported 2 new events');
    expect(partial.stdout).toMatch(/Its settings were not applied: .*retention/i);
    expect(() => readFileSync(join(d, 'config.json'))).toThrow();
  });

  it('refuses a bad import with one line and changes nothing', () => {
    const a = seeded();
    const bad = join(a.home, 'bad.json');
    writeFileSync(bad, '{"hello": 1}');
    const before = readFileSync(a.file, 'utf8');
    const r = runCli(['progress', '--import', bad], { env: a.env });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^study: --import: .*bad\.json is not a study progress export: .*nothing was changed$/)]);
    expect(readFileSync(a.file, 'utf8')).toBe(before);
    expect(runCli(['progress', '--import', join(a.home, 'missing.json')], { env: a.env }).status).toBe(1);
    const zip = join(a.home, 'backup.zip');
    writeFileSync(zip, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0xff, 0xfe, 0x00, 0x01]));
    const bin = runCli(['progress', '--import', zip], { env: a.env });
    expect(bin.status).toBe(1);
    expect(bin.stderr).toMatch(/^study: --import: \S+backup\.zip is not a study progress export: it holds binary data, not the JSON text of an export; nothing was changed\n$/);
  });

  it('resets only with --yes (no terminal) and keeps a backup', () => {
    const a = seeded();
    const refused = runCli(['progress', '--reset'], { env: a.env });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('confirm with --yes');
    const r = runCli(['progress', '--reset', '--yes'], { env: a.env });
    expect(r.status).toBe(0);
    const backup = readdirSync(a.home).find((f) => f.startsWith('progress.json.backup-'));
    expect(backup).toBeDefined();
    expect(JSON.parse(readFileSync(join(a.home, backup!), 'utf8')).events).toHaveLength(2);
    expect(JSON.parse(readFileSync(a.file, 'utf8')).events).toHaveLength(0);
  });

  it('prints the progress report and the dashboard without a terminal', () => {
    const a = seeded();
    const report = runCli(['progress'], { env: a.env });
    expect(report.status).toBe(0);
    expect(report.stdout).toContain('Answered 2 (100% right)');
    const home = runCli([], { env: a.env });
    expect(home.status).toBe(0);
    expect(home.stdout).toContain('Next up:');
    expect(home.stdout).not.toMatch(/\u001b\[/);
  });

  it('refuses a corrupt progress file with one line, keeps a copy and the original', () => {
    const a = seeded();
    writeFileSync(a.file, '{"version":1,"events":[');
    const r = runCli(['progress', '--json'], { env: a.env });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/is not a valid progress file .* a copy was kept at .*corrupt-/);
    expect(readFileSync(a.file, 'utf8')).toBe('{"version":1,"events":[');
  });
});

describe('review settings', () => {
  it('saves a desired retention, and refuses one out of range', () => {
    const a = seeded();
    const r = runCli(['review', '--retention', '85%'], { env: a.env });
    expect(r.stdout).toContain('Desired retention set to 85%');
    // Kept in the settings beside the progress file (study config get retention).
    expect(JSON.parse(readFileSync(join(a.home, 'config.json'), 'utf8')).desiredRetention).toBe(0.85);
    expect(r.status).toBe(0); // saved as asked; the review itself needs a terminal, and the output says so
    expect(r.stdout).toContain("The review itself needs a terminal");
    const bad = runCli(['review', '--retention', '0.5'], { env: a.env });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('study: --retention: "0.5" is not valid; expected a fraction from 0.70 to 0.99 (or 70% to 99%)\n');
  });
});

describe('search, export, doctor', () => {
  it('search --json ranks the matching topic first', () => {
    const r = runCli(['search', 'kafka', '--json']);
    expect(r.status).toBe(0);
    const data = JSON.parse(r.stdout);
    expect(data.results.length).toBeGreaterThan(3);
    expect(data.results[0]).toMatchObject({ command: expect.stringMatching(/^study (learn|quiz --question) /) });
    expect(runCli(['search']).status).toBe(2);
  });

  it('export writes an Anki file and a Markdown guide', () => {
    const dir = tempDir();
    const anki = runCli(['export', '--format', 'anki', '--out', join(dir, 'cards.tsv')]);
    expect(anki.status).toBe(0);
    expect(anki.stderr).toMatch(/Wrote \d+ cards/);
    expect(readFileSync(join(dir, 'cards.tsv'), 'utf8').split('\n')[0]).toBe('#separator:tab');
    const md = runCli(['export', '--format', 'markdown', '--module', '2']);
    expect(md.stdout).toContain('## Module 2 — The Machine Learning Systems Lifecycle');
    expect(md.stdout).not.toContain('## Module 1');
    const bad = runCli(['export', '--format', 'pdf']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('study: --format: "pdf" is not valid; expected one of anki, markdown, revlog\n');
  });

  it('doctor reports paths, validity and the lock', () => {
    const a = seeded();
    const r = runCli(['doctor', '--json'], { env: a.env });
    expect(r.status).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d.progress.value).toBe(a.file);
    expect(d.validity).toMatchObject({ ok: true });
    expect(d.contents.value).toMatch(/version 2, 2 events/);
    expect(d.lock.value).toBe('free');
    // Unambiguous names per section too.
    expect(d['progress.contents']).toEqual(d.contents);
    expect(d['settings.status'].value).toMatch(/not created yet/);
    expect(d['progress.folder']).toMatchObject({ ok: true, value: expect.stringMatching(/is writable$/) });
  });
});
