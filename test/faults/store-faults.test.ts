/**
 * The progress file under faults: SIGKILL at random moments in a loop, several writers at once,
 * a read-only folder, a full disk, a missing HOME, damaged and newer files.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeProgress } from '../../src/progress/model.js';
import { buildWriter } from '../fixtures/writer.js';
import { isolatedEnv, runCli, tempDir } from '../helpers.js';
import { seededRng } from '../../src/quiz/rng.js';
import { needsMount, tmpfs, umount } from './tmpfs.js';

let writer = '';
beforeAll(async () => {
  writer = await buildWriter();
});

/**
 * Runs the writer; with `killAfterMs`, kills it with SIGKILL that long after its first saved write
 * (so the kill lands while it is writing, however slow the machine is to start node). Resolves
 * with the ids it reported saved.
 */
function write(path: string, count: number, tag: string, killAfterMs?: number): Promise<string[]> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [writer, path, String(count), tag], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (d) => {
      out += d;
      if (killAfterMs !== undefined && timer === undefined) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.on('exit', () => {
      clearTimeout(timer);
      // A line without its newline was cut mid-report: its write may or may not have landed.
      resolve(out.split('\n').slice(0, -1));
    });
  });
}

function events(path: string): Set<string> {
  const decoded = decodeProgress(readFileSync(path, 'utf8'));
  if (!decoded.ok) throw new Error(`progress file does not validate: ${JSON.stringify(decoded)}`);
  return new Set(decoded.progress.events.map((e) => e.id));
}


describe('progress file under faults', () => {
  it('survives SIGKILL at 200 random moments: always valid, nothing reported saved is lost', async () => {
    const path = join(tempDir(), 'progress.json');
    const rng = seededRng(2026);
    const saved = new Set<string>();
    for (let run = 0; run < 200; run++) {
      for (const id of await write(path, 1000, `r${run}`, Math.floor(rng() * 40))) saved.add(id);
      if (run % 20 === 19 || run === 199) {
        const ids = events(path);
        for (const id of saved) expect(ids.has(id)).toBe(true);
      }
    }
    expect(saved.size).toBeGreaterThan(0);
    expect(events(path).size).toBeGreaterThanOrEqual(saved.size);
    // Temp files of killed writers are swept by the next write; after one clean run none is left.
    await write(path, 1, 'final');
    expect(readdirSync(join(path, '..')).filter((f) => f.includes('.tmp-') || f.endsWith('.lock'))).toEqual([]);
  }, 180_000);

  it.each([2, 4])('loses nothing with %i processes writing at once', async (n) => {
    const path = join(tempDir(), 'progress.json');
    const all = await Promise.all(Array.from({ length: n }, (_, i) => write(path, 60, `p${i}`)));
    const ids = events(path);
    expect(ids.size).toBe(60 * n);
    for (const id of all.flat()) expect(ids.has(id)).toBe(true);
  });

  needsMount('a read-only data folder: one clear line, exit 1, the file untouched', () => {
    const dir = tmpfs('size=64k');
    expect(dir).not.toBeNull();
    try {
      writeFileSync(join(dir!, 'progress.json'), '{"version":1,"createdAt":"2026-01-01T00:00:00.000Z","events":[],"cards":{}}');
      spawnSync('mount', ['-o', 'remount,ro', dir!]);
      const exportFile = join(tempDir(), 'e.json');
      writeFileSync(exportFile, JSON.stringify({ version: 1, createdAt: '2026-01-01T00:00:00.000Z', events: [{ id: 'abcdefgh-1', type: 'answer', at: '2026-01-01T00:00:00.000Z', questionId: 'dns.ttl', topicId: 'dns', correct: true, rating: 3, source: 'quiz', cram: false }], cards: {} }));
      const r = runCli(['progress', '--import', exportFile, '--progress', join(dir!, 'progress.json')]);
      expect(r.status).toBe(1);
      expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^study: cannot .*read-only file system; nothing was changed/)]);
      expect(JSON.parse(readFileSync(join(dir!, 'progress.json'), 'utf8')).events).toEqual([]);
    } finally {
      umount(dir!);
    }
  });

  needsMount('a full disk: one clear line, exit 1, the previous file intact', () => {
    const dir = tmpfs('size=64k');
    expect(dir).not.toBeNull();
    try {
      const path = join(dir!, 'progress.json');
      const original = JSON.stringify({ version: 1, createdAt: '2026-01-01T00:00:00.000Z', events: [], cards: {} });
      writeFileSync(path, original);
      // Fill the rest of the disk.
      spawnSync('sh', ['-c', `dd if=/dev/zero of=${join(dir!, 'filler')} bs=4k 2>/dev/null; true`]);
      const big = join(tempDir(), 'e.json');
      const evs = Array.from({ length: 2000 }, (_, i) => ({ id: `fill-${String(i).padStart(6, '0')}`, type: 'answer', at: '2026-01-01T00:00:00.000Z', questionId: 'dns.ttl', topicId: 'dns', correct: true, rating: 3, source: 'quiz', cram: false }));
      writeFileSync(big, JSON.stringify({ version: 1, createdAt: '2026-01-01T00:00:00.000Z', events: evs, cards: {} }));
      const r = runCli(['progress', '--import', big, '--progress', path]);
      expect(r.status).toBe(1);
      expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/no space left on the disk; nothing was changed/)]);
      expect(readFileSync(path, 'utf8')).toBe(original);
      expect(readdirSync(dir!).filter((f) => f.includes('.tmp-'))).toEqual([]);
    } finally {
      umount(dir!);
    }
  });

  it('missing HOME: one clear line, exit 1', () => {
    const env = isolatedEnv(tempDir(), { HOME: undefined, XDG_DATA_HOME: undefined });
    const r = runCli(['progress', '--json'], { env });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('study: cannot tell where to keep progress: HOME is not set; set HOME or STUDY_PROGRESS, or pass --progress FILE\n');
  });

  it('a newer-version file: a clear message, the original kept byte for byte', () => {
    const home = tempDir();
    const path = join(home, 'progress.json');
    writeFileSync(path, '{"version": 3, "future": true}');
    const r = runCli(['progress', '--json', '--progress', path], { env: isolatedEnv(home) });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/written by a newer version of study \(progress version 3; this one reads up to 2\); update study/);
    expect(readFileSync(path, 'utf8')).toBe('{"version": 3, "future": true}');
  });

  it('a damaged file in a nested folder: message names it, a copy is kept', () => {
    const home = tempDir();
    mkdirSync(join(home, 'deep'));
    const path = join(home, 'deep', 'progress.json');
    writeFileSync(path, '\u0000\u0001garbage');
    const r = runCli(['progress', '--progress', path], { env: isolatedEnv(home) });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(path);
    expect(readdirSync(join(home, 'deep')).some((f) => f.startsWith('progress.json.corrupt-'))).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe('\u0000\u0001garbage');
  });
});
