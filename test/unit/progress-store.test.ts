import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildWriter } from '../fixtures/writer.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeProgress, emptyProgress, encodeProgress, mergeEvents, type Migration, type ProgressEvent } from '../../src/progress/model.js';
import { readProgress, updateProgress } from '../../src/progress/store.js';
import { tempDir } from '../helpers.js';

const NOW = new Date('2026-03-01T10:00:00.000Z');
const answer = (id: string, at = NOW.toISOString()): ProgressEvent => ({
  id,
  type: 'answer',
  at,
  questionId: 'dns.ttl',
  topicId: 'dns',
  correct: true,
  rating: 3,
  source: 'quiz',
  cram: false,
});

let writer = '';
beforeAll(async () => {
  writer = await buildWriter();
});

describe('progress model', () => {
  it('round-trips through encode and decode', () => {
    const p = { ...emptyProgress(NOW), events: [answer('e-00000001')] };
    expect(decodeProgress(encodeProgress(p))).toEqual({ ok: true, progress: p });
  });

  it('migrates an older version through each step of the chain', () => {
    // A pretend history: version 1 kept answers under "answers"; version 2 added settings; 3 is current.
    const migrations: Record<number, Migration> = {
      1: ({ answers, ...raw }) => ({ ...raw, version: 2, events: answers }),
      2: (raw) => ({ ...raw, version: 3, settings: { desiredRetention: 0.85 } }),
    };
    const old = JSON.stringify({ version: 1, createdAt: NOW.toISOString(), answers: [answer('e-00000001')], cards: {} });
    const r = decodeProgress(old, migrations, 3);
    expect(r).toMatchObject({ ok: true, migratedFrom: 1, progress: { version: 3, settings: { desiredRetention: 0.85 } } });
    if (r.ok) expect(r.progress.events.map((e) => e.id)).toEqual(['e-00000001']);
    // A gap in the chain is reported, not guessed over.
    expect(decodeProgress(old, { 1: migrations[1]! }, 3)).toEqual({ ok: false, reason: 'invalid', message: 'no migration from version 2' });
  });

  it('refuses a newer version and says which', () => {
    expect(decodeProgress(JSON.stringify({ version: 99 }))).toEqual({ ok: false, reason: 'newer', version: 99 });
  });

  it('merges events by id, so a second merge adds nothing', () => {
    const p = { ...emptyProgress(NOW), events: [answer('e-00000001')] };
    const once = mergeEvents(p, [answer('e-00000001'), answer('e-00000002', '2026-02-01T00:00:00.000Z')]);
    expect(once.added).toBe(1);
    expect(once.progress.events.map((e) => e.id)).toEqual(['e-00000002', 'e-00000001']);
    expect(mergeEvents(once.progress, [answer('e-00000002')]).added).toBe(0);
  });
});

describe('progress store', () => {
  it('reads a missing file as empty and writes with mode 0600', async () => {
    const path = join(tempDir(), 'nested', 'progress.json');
    expect(readProgress(path, { now: () => NOW }).events).toEqual([]);
    await updateProgress(path, (p) => void p.events.push(answer('e-00000001')), { now: () => NOW });
    expect(readProgress(path).events).toHaveLength(1);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(path, '..'))).toEqual(['progress.json']); // no temp or lock files left
  });

  it('keeps a corrupt file aside and never overwrites it', async () => {
    const dir = tempDir();
    const path = join(dir, 'progress.json');
    writeFileSync(path, '{"version": 1, "events": [trunc');
    await expect(updateProgress(path, (p) => void p.events.push(answer('e-00000001')), { now: () => NOW })).rejects.toThrow(
      /is not a valid progress file \(not valid JSON.*a copy was kept at .*progress\.json\.corrupt-[0-9a-f]{16}\b/,
    );
    expect(readFileSync(path, 'utf8')).toBe('{"version": 1, "events": [trunc');
    const copies = readdirSync(dir).filter((f) => f.startsWith('progress.json.corrupt-'));
    expect(copies).toHaveLength(1);
    expect(readFileSync(join(dir, copies[0]!), 'utf8')).toBe('{"version": 1, "events": [trunc');
  });

  it('keeps a schema-invalid file and names the field', () => {
    const path = join(tempDir(), 'progress.json');
    writeFileSync(path, JSON.stringify({ ...emptyProgress(NOW), events: [{ id: 'x', type: 'answer' }] }));
    expect(() => readProgress(path, { now: () => NOW })).toThrow(/events\.0\./);
  });

  it('refuses a newer file and leaves it untouched', async () => {
    const path = join(tempDir(), 'progress.json');
    writeFileSync(path, '{"version": 7}');
    await expect(updateProgress(path, () => undefined)).rejects.toThrow(/newer version of study \(progress version 7/);
    expect(readFileSync(path, 'utf8')).toBe('{"version": 7}');
    expect(readdirSync(join(path, '..'))).toEqual(['progress.json']);
  });

  it('loses nothing when two processes write 100 events each at once', async () => {
    const path = join(tempDir(), 'progress.json');
    const runOne = (tag: string) =>
      new Promise<string[]>((resolve, reject) => {
        const child = spawn(process.execPath, [writer, path, '100', tag], { stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        child.on('error', reject);
        child.on('exit', (code) => (code === 0 ? resolve(out.trim().split('\n')) : reject(new Error(`writer exited ${code}`))));
      });
    const [a, b] = await Promise.all([runOne('a'), runOne('b')]);
    const ids = new Set(readProgress(path).events.map((e) => e.id));
    expect(ids.size).toBe(200);
    for (const id of [...a, ...b]) expect(ids.has(id)).toBe(true);
  });

  it('reuses what it last wrote, yet never misses a write by another process or an edit', async () => {
    const path = join(tempDir(), 'progress.json');
    await updateProgress(path, (p) => void p.events.push(answer('e-mine-001')));
    await updateProgress(path, (p) => void p.events.push(answer('e-mine-002')));
    spawnSync(process.execPath, [writer, path, '1', 'other']); // another process appends one
    await updateProgress(path, (p) => void p.events.push(answer('e-mine-003')));
    const ids = readProgress(path).events.map((e) => e.id);
    expect(ids.filter((id) => id.startsWith('e-mine'))).toEqual(['e-mine-001', 'e-mine-002', 'e-mine-003']);
    expect(ids.some((id) => id.startsWith('other-'))).toBe(true);
    // A hand edit in place (same inode) is seen too.
    const edited = readFileSync(path, 'utf8').replace('"desiredRetention":0.9', '"desiredRetention":0.8');
    writeFileSync(path, edited);
    const after = await updateProgress(path, () => undefined);
    expect(after.settings.desiredRetention).toBe(0.8);
  });

  it('leaves a valid file when a writer is killed with SIGKILL mid-write', async () => {
    const path = join(tempDir(), 'progress.json');
    // Seed it so there is something to lose.
    spawnSync(process.execPath, [writer, path, '5', 'seed']);
    const saved: string[] = [];
    await new Promise<void>((resolve) => {
      const child = spawn(process.execPath, [writer, path, '100000', 'k'], { stdio: ['ignore', 'pipe', 'inherit'] });
      child.stdout.on('data', (d: Buffer) => {
        saved.push(...d.toString().trim().split('\n'));
        if (saved.length >= 20) child.kill('SIGKILL');
      });
      child.on('exit', () => resolve());
    });
    const after = readProgress(path);
    const ids = new Set(after.events.map((e) => e.id));
    for (const id of saved) expect(ids.has(id)).toBe(true);
    expect(after.events.length).toBeGreaterThanOrEqual(25);
    // The dead writer's lock does not block the next one.
    await updateProgress(path, (p) => void p.events.push(answer('e-after-kill')), { lockTimeoutMs: 5_000 });
    expect(readProgress(path).events.some((e) => e.id === 'e-after-kill')).toBe(true);
    expect(existsSync(`${path}.lock`)).toBe(false);
  });
});
