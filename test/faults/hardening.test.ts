/**
 * Issue 14, "never lose, never leak": each failure class found by trying the store and the inputs
 * as an attacker and as an unlucky user would, as a spawn-the-binary test (a few in-process where
 * the binary cannot reach the case). Nearly-full disks are small tmpfs mounts (root, as in CI).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bootId, processStart } from '../../src/progress/lock.js';
import { isolatedEnv, ROOT, runCli, tempDir } from '../helpers.js';
import { canMount, needsMount, tmpfs, umount } from './tmpfs.js';

const MINI = join(ROOT, 'test/fixtures/mini');
const ESC = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

const answer = (id: string, at = '2026-03-01T09:00:00.000Z', extra: Record<string, unknown> = {}) => ({ id, type: 'answer', at, questionId: 'kv-cache.single', topicId: 'kv-cache', correct: true, rating: 3, source: 'quiz', cram: false, ...extra });
const progressDoc = (events: unknown[], cards: Record<string, unknown> = {}) => ({ version: 1, createdAt: '2026-03-01T00:00:00.000Z', settings: { desiredRetention: 0.9 }, events, cards });

/** A home with a progress file of two answers and the mini curriculum. */
function seeded() {
  const home = tempDir();
  const file = join(home, 'progress.json');
  const env = isolatedEnv(home, { STUDY_PROGRESS: file, STUDY_CURRICULUM: MINI, STUDY_NOW: '2026-03-02T09:00:00.000Z' });
  const text = JSON.stringify(progressDoc([answer('aaaaaaaa-1'), answer('aaaaaaaa-2', '2026-03-01T09:30:00.000Z')]));
  writeFileSync(file, text, { mode: 0o600 });
  return { home, file, env, text };
}

function importFile(home: string, doc: unknown, name = 'import.json'): string {
  const p = join(home, name);
  writeFileSync(p, typeof doc === 'string' ? doc : JSON.stringify(doc));
  return p;
}

const oneLine = (s: string) => s.trim().split('\n');

if (!canMount && !process.env.CI) console.warn('hardening.test: mount is not permitted here; the nearly-full-disk test is skipped');

/** Fills the tmpfs at `dir`, then frees `freeKiB` so the next write runs out part-way (a short write). */
function nearlyFull(dir: string, freeKiB: number): void {
  const filler = join(dir, 'filler');
  spawnSync('sh', ['-c', `dd if=/dev/zero of=${filler} bs=4k 2>/dev/null; truncate -s -${freeKiB}K ${filler}`]);
}

describe('1. short writes on a nearly full disk', () => {
  needsMount('import, export, export --out and an answer each fail cleanly, leaving the old files whole', async () => {
    const dir = tmpfs('size=256k');
    expect(dir).not.toBeNull();
    try {
      const file = join(dir!, 'progress.json');
      const original = JSON.stringify(progressDoc([answer('aaaaaaaa-1')]));
      writeFileSync(file, original);
      const oldExport = join(dir!, 'backup.json');
      writeFileSync(oldExport, 'previous export\n');
      const guide = join(dir!, 'guide.md');
      writeFileSync(guide, 'previous guide\n');
      nearlyFull(dir!, 12);
      const home = tempDir();
      const env = isolatedEnv(home, { STUDY_PROGRESS: file, STUDY_CURRICULUM: MINI, STUDY_NOW: '2026-03-02T09:00:00.000Z' });
      // 400 events is about 60 KB: more than the 12 KB left, less than the disk.
      const many = Array.from({ length: 400 }, (_, i) => answer(`fill-${String(i).padStart(6, '0')}`));
      const imp = runCli(['progress', '--import', importFile(home, progressDoc(many))], { env });
      expect(imp.status).toBe(1);
      expect(oneLine(imp.stderr)).toEqual([expect.stringMatching(/^study: cannot write .*progress\.json: no space left on the disk; nothing was changed/)]);
      expect(readFileSync(file, 'utf8')).toBe(original);

      // Fill the progress file up to the free space so that its export (indented) cannot fit.
      const big = join(tempDir(), 'big.json');
      writeFileSync(big, JSON.stringify(progressDoc(many.slice(0, 200))));
      const ex = runCli(['progress', '--export', oldExport], { env: { ...env, STUDY_PROGRESS: big } });
      expect(ex.status).toBe(1);
      expect(oneLine(ex.stderr)).toEqual([expect.stringMatching(/^study: cannot write .*backup\.json: no space left on the disk; any previous file there was left as it was$/)]);
      expect(readFileSync(oldExport, 'utf8')).toBe('previous export\n');

      const md = runCli(['export', '--format', 'markdown', '--out', guide], { env: { ...env, STUDY_CURRICULUM: join(ROOT, 'curriculum') } });
      expect(md.status).toBe(1);
      expect(oneLine(md.stderr)).toEqual([expect.stringMatching(/no space left on the disk/)]);
      expect(readFileSync(guide, 'utf8')).toBe('previous guide\n');

      // An answer, through the store as the quiz writes it.
      const { updateProgress } = await import('../../src/progress/store.js');
      const { writeTranscript } = await import('../../src/cli/interview/files.js');
      const filler = Array.from({ length: 200 }, (_, i) => answer(`more-${String(i).padStart(6, '0')}`));
      await expect(updateProgress(file, (p) => void p.events.push(...(filler as never[])))).rejects.toThrow(/no space left on the disk; nothing was changed/);
      expect(readFileSync(file, 'utf8')).toBe(original);
      expect(() => writeTranscript(join(dir!, 'interviews', 't.md'), 'x'.repeat(64 * 1024))).toThrow(/no space left on the disk/);
      expect(readdirSync(dir!).filter((f) => f.includes('.tmp-'))).toEqual([]);
      expect(existsSync(join(dir!, 'interviews', 't.md'))).toBe(false);
    } finally {
      umount(dir!);
    }
  });
});

describe('2. never writing what cannot be read', () => {
  it('refuses an import with a far-future or pre-2000 event; the file and every later command still work', () => {
    const a = seeded();
    for (const at of ['9999-12-31T23:59:59Z', '2026-03-04T09:00:00Z', '1999-12-31T23:59:59Z']) {
      const r = runCli(['progress', '--import', importFile(a.home, progressDoc([answer('bbbbbbbb-1', at)]))], { env: a.env });
      expect(r.status).toBe(1);
      expect(oneLine(r.stderr)).toEqual([expect.stringMatching(/is not a study progress export: event bbbbbbbb-1: .* is (after|before) .*nothing was changed$/)]);
      expect(readFileSync(a.file, 'utf8')).toBe(a.text);
    }
    expect(runCli(['progress', '--json'], { env: a.env }).status).toBe(0);
    expect(runCli(['progress', '--export', join(a.home, 'e.json')], { env: a.env }).status).toBe(0);
  });

  it('refuses a drill answer whose ratio would not read back (1e-310), not the file', async () => {
    const { readEstimate } = await import('../../src/cli/calc/drill-session.js');
    expect(readEstimate('GB', '1e-310')).toMatchObject({ ok: false });
    expect(readEstimate('GB', '1e400')).toMatchObject({ ok: false });
    const { updateProgress, readProgress } = await import('../../src/progress/store.js');
    const a = seeded();
    const drill = { id: 'cccccccc-1', type: 'drill', at: '2026-03-02T09:00:00.000Z', kind: 'train', prompt: 'p', answer: 1e25, given: 1e-310, unit: 'FLOPs', ratio: 1e-310 / 1e25, grade: 'miss' };
    await expect(updateProgress(a.file, (p) => void p.events.push(drill as never))).rejects.toThrow(/refused to save this change .*it would not read back \(events\.2\.ratio: .*\); the file was left as it was/);
    expect(readFileSync(a.file, 'utf8')).toBe(a.text);
    expect(readProgress(a.file).events).toHaveLength(2);
  });
});

describe('3. outputs aimed at the user data', () => {
  it('refuses progress --export, export --out and interview --out onto the progress file, its lock or a transcript', () => {
    const a = seeded();
    const interviews = join(a.home, 'interviews');
    mkdirSync(interviews);
    writeFileSync(join(interviews, '2026-03-01-eta.md'), 'transcript\n');
    writeFileSync(`${a.file}.lock`, 'pid 1 start 1 boot -\n');
    symlinkSync(a.file, join(a.home, 'alias.json'));
    const cases: string[][] = [
      ['progress', '--export', a.file],
      ['progress', '--export', `${a.file}.lock`],
      ['progress', '--export', join(a.home, 'alias.json')],
      ['progress', '--export', join(interviews, '2026-03-01-eta.md')],
      ['export', '--format', 'anki', '--out', a.file],
      ['export', '--format', 'markdown', '--out', interviews],
      ['interview', 'eta-pricing', '--out', a.file],
      ['interview', 'eta-pricing', '--out', join(interviews, '2026-03-01-eta.md')],
    ];
    for (const args of cases) {
      const r = runCli(args, { env: { ...a.env, STUDY_CURRICULUM: join(ROOT, 'curriculum') } });
      expect(r.status, args.join(' ')).toBe(2);
      expect(oneLine(r.stderr), args.join(' ')).toEqual([expect.stringMatching(/^study: --(export|out): .* (is your progress file|is a companion of your progress file[^;]*|is one of your saved interviews or transcripts|is the folder of your mock-interview transcripts|is a folder); /)]);
    }
    expect(readFileSync(a.file, 'utf8')).toBe(a.text);
    expect(readFileSync(join(interviews, '2026-03-01-eta.md'), 'utf8')).toBe('transcript\n');
    expect(readFileSync(`${a.file}.lock`, 'utf8')).toBe('pid 1 start 1 boot -\n');
  });

  it('refuses outputs onto the settings file (config.json) beside the progress file and its lock', () => {
    const a = seeded();
    const set = runCli(['config', 'set', 'retention', '0.85'], { env: a.env });
    expect(set.status, set.stderr).toBe(0);
    const config = join(a.home, 'config.json');
    const before = readFileSync(config, 'utf8');
    writeFileSync(`${config}.lock`, 'pid 1 start 1 boot -\n');
    const cases: string[][] = [
      ['progress', '--export', config],
      ['progress', '--export', `${config}.lock`],
      ['export', '--format', 'anki', '--out', config],
      ['export', '--format', 'revlog', '--out', `${config}.lock`],
      ['interview', 'eta-pricing', '--out', config],
    ];
    for (const args of cases) {
      const r = runCli(args, { env: { ...a.env, STUDY_CURRICULUM: join(ROOT, 'curriculum') } });
      expect(r.status, args.join(' ')).toBe(2);
      expect(oneLine(r.stderr), args.join(' ')).toEqual([expect.stringMatching(/^study: --(export|out): .* is (your settings file \(config\.json\)|a companion of your settings file[^;]*); study will not write over it/)]);
    }
    expect(readFileSync(config, 'utf8')).toBe(before);
    expect(readFileSync(`${config}.lock`, 'utf8')).toBe('pid 1 start 1 boot -\n');
  });

  it('--progress "" and --export= / --import= / --out= with an empty value are usage errors', () => {
    const a = seeded();
    for (const args of [['--progress', '', 'progress'], ['progress', '--export='], ['progress', '--import='], ['export', '--format', 'anki', '--out=']]) {
      const r = runCli(args, { env: a.env });
      expect(r.status, args.join(' ')).toBe(2);
      expect(oneLine(r.stderr)).toEqual([expect.stringMatching(/needs a (file name|file path) \(got an empty value\)/)]);
    }
    expect(readFileSync(a.file, 'utf8')).toBe(a.text);
  });
});

describe('4. time', () => {
  it('mixed offsets sort by instant and replay; an answer after an import from a clock running ahead is kept', async () => {
    const a = seeded();
    const q = 'kv-cache.tf';
    const events = [
      answer('dddddddd-1', '2026-03-02T08:00:00+14:00', { questionId: q }), // 2026-03-01T18:00Z
      answer('dddddddd-2', '2026-03-01T19:00:00Z', { questionId: q }),
      answer('dddddddd-3', '2026-03-01T08:00:00-12:00', { questionId: q }), // 2026-03-01T20:00Z
      // 20 hours ahead of STUDY_NOW: within the day allowed for clock skew.
      answer('dddddddd-4', '2026-03-03T05:00:00Z', { questionId: q, rating: 4 }),
    ];
    const r = runCli(['progress', '--import', importFile(a.home, progressDoc(events))], { env: a.env });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const saved = JSON.parse(readFileSync(a.file, 'utf8'));
    expect(saved.events.map((e: { id: string }) => e.id)).toEqual(['aaaaaaaa-1', 'aaaaaaaa-2', 'dddddddd-1', 'dddddddd-2', 'dddddddd-3', 'dddddddd-4']);
    expect(saved.cards[q].reps).toBe(4);
    // The next answer comes at STUDY_NOW, before the imported last review: it is recorded.
    const { updateProgress } = await import('../../src/progress/store.js');
    const { review } = await import('../../src/review/fsrs.js');
    const now = new Date('2026-03-02T09:00:00.000Z');
    const p = await updateProgress(a.file, (p) => {
      p.events.push(answer('eeeeeeee-1', now.toISOString(), { questionId: q }) as never);
      p.cards[q] = review(p.cards[q], 1, now);
    });
    expect(p.events).toHaveLength(7);
    expect(runCli(['progress', '--json'], { env: a.env }).status).toBe(0);
    // STUDY_NOW earlier than every event: reading and reporting still work.
    expect(runCli(['progress', '--json'], { env: { ...a.env, STUDY_NOW: '2026-01-01T00:00:00Z' } }).status).toBe(0);
  });
});

describe('4. time (the scheduler)', () => {
  it('an answer dated before the last review counts as given at it: elapsed time 0, history kept', async () => {
    const { review } = await import('../../src/review/fsrs.js');
    const a = review(undefined, 3, new Date('2026-03-05T00:00:00Z'));
    const b = review(a, 3, new Date('2026-03-06T00:00:00Z'));
    const c = review(b, 3, new Date('2026-03-01T00:00:00Z'));
    expect(c.reps).toBe(b.reps + 1);
    expect(c.last_review).toBe('2026-03-06T00:00:00.000Z');
  });
});

describe('6. terminal escape injection', () => {
  const evil = '\u001b]0;pwned\u0007\u001b[2J\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\';

  it('an import with control characters in any text is refused', () => {
    const a = seeded();
    for (const ev of [answer('ffffffff-1', undefined, { given: evil }), { id: 'ffffffff-2', type: 'drill', at: '2026-03-01T09:00:00.000Z', kind: 'infer', prompt: evil, answer: 1, given: 1, unit: 'GB', ratio: 1, grade: 'pass' }]) {
      const r = runCli(['progress', '--import', importFile(a.home, progressDoc([ev]))], { env: a.env });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/contains control characters or escape sequences; nothing was changed/);
      expect(r.stderr).not.toMatch(ESC);
    }
  });

  it('text already in the file, in arguments and in paths never reaches the terminal raw', () => {
    const a = seeded();
    const transcript = `/tmp/${evil}.md`;
    const iv = { id: 'gggggggg-1', type: 'interview', at: '2026-03-01T10:00:00.000Z', startedAt: '2026-03-01T09:15:00.000Z', capstone: 'capstone-eta-pricing', minutes: 45, practice: false, phases: [], coverage: 0.5, covered: [], checklistTotal: 2, hintsUsed: 0, clarifyingAsked: 0, rubric: {}, followUps: [], transcript };
    writeFileSync(a.file, JSON.stringify(progressDoc([answer('aaaaaaaa-1', undefined, { given: evil }), iv])));
    const env = { ...a.env, STUDY_CURRICULUM: join(ROOT, 'curriculum') };
    for (const args of [['progress'], ['interview', '--history'], [], ['doctor'], ['progress', '--import', `/nope/${evil}`], ['progress', '--export', `/nope/${evil}/x.json`], ['quiz', '--topic', evil], [`--${evil}`]]) {
      const r = runCli(args, { env });
      expect(`${r.stdout}${r.stderr}`, args.join(' ')).not.toMatch(ESC);
    }
    const weird = join(a.home, `p${evil}.json`);
    const d = runCli(['doctor', '--progress', weird], { env });
    expect(`${d.stdout}${d.stderr}`).not.toMatch(ESC);
  });

  it('validate reports control characters in curriculum text as errors at file:line:col', () => {
    const dir = tempDir();
    spawnSync('cp', ['-r', join(MINI, '01-basics'), dir]);
    const section = join(dir, '01-basics', '01-caching.yaml');
    const lines = readFileSync(section, 'utf8').split('\n');
    const i = lines.findIndex((l) => /^\s+title: /.test(l));
    lines[i] = lines[i]!.replace(/title: .*/, 'title: "Caching \\e]0;owned\\a \\x1b[2J"');
    writeFileSync(section, lines.join('\n'));
    const r = runCli(['validate', dir]);
    expect(r.status).toBe(1);
    expect(`${r.stdout}${r.stderr}`).toMatch(new RegExp(`01-caching\\.yaml:${i + 1}:\\d+: text contains a control character \\(U\\+001B`));
    expect(`${r.stdout}${r.stderr}`).not.toMatch(ESC);
  });
});

describe('7. prototype keys', () => {
  it('an import keyed by __proto__ is refused; "constructor" (a valid slug) lands in a null-prototype map', async () => {
    const a = seeded();
    const docs = [
      progressDoc([answer('hhhhhhhh-1', undefined, { topicId: '__proto__' })]),
      `{"version":1,"createdAt":"2026-03-01T00:00:00.000Z","events":[],"cards":{"__proto__":{"polluted":true}}}`,
      `{"version":1,"createdAt":"2026-03-01T00:00:00.000Z","events":[{"__proto__":{"polluted":true},"id":"hhhhhhhh-3","type":"answer","at":"2026-03-01T09:00:00.000Z","questionId":"kv-cache.single","topicId":"kv-cache","correct":true,"rating":3,"source":"quiz","cram":false}],"cards":{}}`,
    ];
    for (const doc of docs) {
      const r = runCli(['progress', '--import', importFile(a.home, doc)], { env: a.env });
      expect(r.status).toBe(1);
      expect(oneLine(r.stderr)).toEqual([expect.stringMatching(/is not a study progress export: .*(slug|"__proto__" is not allowed)/)]);
    }
    const { readImport } = await import('../../src/progress/transfer.js');
    for (const doc of docs) expect(readImport(typeof doc === 'string' ? doc : JSON.stringify(doc)).ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const ctor = runCli(['progress', '--import', importFile(a.home, progressDoc([answer('hhhhhhhh-2', undefined, { topicId: 'constructor', questionId: 'constructor.x' })]))], { env: a.env });
    expect(ctor.status).toBe(0);
    const { summarize } = await import('../../src/progress/summary.js');
    const { readProgress } = await import('../../src/progress/store.js');
    const s = summarize(readProgress(a.file));
    expect(Object.getPrototypeOf(s.topics)).toBeNull();
    expect(s.topics.constructor).toMatchObject({ answered: 1, correct: 1 });
    expect(s.topics['kv-cache']).toMatchObject({ answered: 2 });
  });
});

describe('8. files that are not regular files', () => {
  it('a FIFO as the progress path: every command answers at once (doctor too)', () => {
    const a = seeded();
    const fifo = join(a.home, 'fifo.json');
    spawnSync('mkfifo', [fifo]);
    const env = { ...a.env, STUDY_PROGRESS: fifo };
    const r = runCli(['progress', '--json'], { env });
    expect(r.status).toBe(1);
    expect(oneLine(r.stderr)).toEqual([expect.stringMatching(/cannot use .*fifo\.json as the progress file: it is a named pipe \(FIFO\), not a regular file/)]);
    const imp = runCli(['progress', '--import', importFile(a.home, progressDoc([answer('iiiiiiii-1')]))], { env });
    expect(imp.status).toBe(1);
    const d = runCli(['doctor'], { env });
    expect(d.status).toBe(0);
    expect(d.stdout).toMatch(/file +not a regular file \(a pipe, device or socket\), not a progress file/);
  });

  it('a FIFO, a folder or /dev/zero as config.json beside the progress file: one line at once, and doctor names it', () => {
    for (const make of ['fifo', 'dir', 'zero'] as const) {
      const a = seeded();
      const config = join(a.home, 'config.json');
      if (make === 'fifo') spawnSync('mkfifo', [config]);
      else if (make === 'dir') mkdirSync(config);
      else symlinkSync('/dev/zero', config);
      for (const args of [['progress'], ['config'], ['plan', '--interview', '2026-03-20'], []]) {
        const r = runCli(args, { env: a.env });
        expect(r.status, `${make} ${args.join(' ')}`).toBe(1);
        expect(oneLine(r.stderr)).toEqual([expect.stringMatching(/^study: cannot read the settings file .*config\.json: it is (a named pipe \(FIFO\)|a folder|a device), not a regular file; move it away or delete it/)]);
      }
      // Colour is decided from the settings on every command: that read must not block either.
      expect(runCli(['topics'], { env: a.env }).status).toBe(0);
      const d = runCli(['doctor'], { env: a.env });
      expect(d.status).toBe(0);
      expect(d.stdout).toMatch(/settings +.*config\.json\n.*status +unreadable: it is (a named pipe|a folder|a device)/);
    }
  });

  it('--import /dev/zero, --presets /dev/zero and a curriculum section linked to /dev/zero are refused without reading', () => {
    const a = seeded();
    const imp = runCli(['progress', '--import', '/dev/zero'], { env: a.env });
    expect(imp.status).toBe(1);
    expect(oneLine(imp.stderr)).toEqual(['study: --import: cannot read /dev/zero: it is a device, not a regular file; expected a file written by study progress --export']);
    const pre = runCli(['calc', 'presets', '--presets', '/dev/zero'], { env: a.env });
    expect(pre.status).toBe(1);
    expect(oneLine(pre.stderr)).toEqual([expect.stringMatching(/--presets: cannot read "\/dev\/zero" \(it is a device, not a regular file\)/)]);
    const dir = tempDir();
    spawnSync('cp', ['-r', join(MINI, '01-basics'), dir]);
    symlinkSync('/dev/zero', join(dir, '01-basics', '02-zero.yaml'));
    const v = runCli(['validate', dir]);
    expect(v.status).toBe(1);
    expect(oneLine(v.stderr)).toEqual([expect.stringMatching(/02-zero\.yaml is a link to a file outside the curriculum folder/)]);
  });

  it('a FIFO inside the curriculum folder is refused by validate and doctor without blocking', () => {
    const dir = tempDir();
    spawnSync('cp', ['-r', join(MINI, '01-basics'), dir]);
    spawnSync('mkfifo', [join(dir, '01-basics', '02-pipe.yaml')]);
    const v = runCli(['validate', dir]);
    expect(v.status).toBe(1);
    expect(oneLine(v.stderr)).toEqual([expect.stringMatching(/cannot read .*02-pipe\.yaml: it is a named pipe \(FIFO\), not a regular file/)]);
    const d = runCli(['doctor', '--curriculum', dir]);
    expect(d.status).toBe(0);
    expect(d.stdout).toMatch(/validity +cannot read .*02-pipe\.yaml: it is a named pipe/);
  });

  it('reads stop at the cap whatever stat says, and never block on a FIFO', async () => {
    const { readRegular } = await import('../../src/progress/files.js');
    const dir = tempDir();
    writeFileSync(join(dir, 'big'), 'x'.repeat(5000));
    expect(readRegular(join(dir, 'big'), 4096)).toMatchObject({ ok: false, reason: 'too-large' });
    expect(readRegular(join(dir, 'big'), 5000)).toMatchObject({ ok: true });
    spawnSync('mkfifo', [join(dir, 'fifo')]);
    expect(readRegular(join(dir, 'fifo'), 4096)).toMatchObject({ ok: false, reason: 'not-regular' });
    // /proc files claim a size of 0 but have content: read up to the cap.
    expect(readRegular('/proc/self/status', 1 << 20)).toMatchObject({ ok: true });
    expect(readRegular('/proc/self/status', 10)).toMatchObject({ ok: false, reason: 'too-large' });
  });
});

describe('9. links out of the curriculum folder', () => {
  it('a section linked outside is refused and its content is never echoed', () => {
    const outside = join(tempDir(), 'secret.yaml');
    writeFileSync(outside, 'root: $6$SECRET-HASH-CONTENT\nsecret-key-line: 1\n');
    const dir = tempDir();
    spawnSync('cp', ['-r', join(MINI, '01-basics'), dir]);
    symlinkSync(outside, join(dir, '01-basics', '02-linked.yaml'));
    for (const args of [['validate', dir], ['topics', '--curriculum', dir], ['doctor', '--curriculum', dir]]) {
      const r = runCli(args);
      expect(`${r.stdout}${r.stderr}`).toMatch(/02-linked\.yaml is a link to a file outside the curriculum folder/);
      expect(`${r.stdout}${r.stderr}`).not.toMatch(/SECRET|secret-key/);
    }
  });
});

describe('10. one copy per damaged file', () => {
  it('three runs on the same damaged file keep one copy; a different damage gets its own', () => {
    const a = seeded();
    writeFileSync(a.file, '{"version": 1, "events": [damaged');
    for (let i = 0; i < 3; i++) expect(runCli(['progress', '--json'], { env: a.env }).status).toBe(1);
    const copies = () => readdirSync(a.home).filter((f) => f.startsWith('progress.json.corrupt-'));
    expect(copies()).toHaveLength(1);
    expect(readFileSync(join(a.home, copies()[0]!), 'utf8')).toBe('{"version": 1, "events": [damaged');
    writeFileSync(a.file, '\u0000\u0001\u00ff binary damage');
    expect(runCli(['progress', '--json'], { env: a.env }).status).toBe(1);
    expect(copies()).toHaveLength(2);
    expect(readFileSync(a.file, 'utf8')).toBe('\u0000\u0001\u00ff binary damage');
  });
});

describe('11. symlinked progress file', () => {
  it('a write updates the target beside it and keeps the link', () => {
    const a = seeded();
    const sync = join(a.home, 'dotfiles');
    mkdirSync(sync);
    const target = join(sync, 'progress.json');
    writeFileSync(target, a.text);
    const link = join(a.home, 'link.json');
    symlinkSync('dotfiles/progress.json', link);
    const env = { ...a.env, STUDY_PROGRESS: link };
    const r = runCli(['progress', '--import', importFile(a.home, progressDoc([answer('jjjjjjjj-1')]))], { env });
    expect(r.stderr).toBe('');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('dotfiles/progress.json');
    expect(JSON.parse(readFileSync(target, 'utf8')).events).toHaveLength(3);
    expect(readdirSync(sync).filter((f) => f !== 'progress.json')).toEqual([]);
    // A dangling link: the first write creates the target.
    const dangling = join(a.home, 'dangling.json');
    symlinkSync(join(sync, 'new.json'), dangling);
    expect(runCli(['progress', '--import', importFile(a.home, progressDoc([answer('jjjjjjjj-2')]))], { env: { ...env, STUDY_PROGRESS: dangling } }).status).toBe(0);
    expect(lstatSync(dangling).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(sync, 'new.json'), 'utf8')).events).toHaveLength(1);
  });
});

describe('12. stale locks', () => {
  it('a lock naming pid 1, a reused pid, an older format or another boot does not block writes; doctor says stale', () => {
    const a = seeded();
    const me = process.pid;
    const records = [
      `pid 1 start 1 boot ${bootId() || '-'}\n`, // pid 1 is alive, but it did not start at tick 1
      `pid ${me} start ${Number(processStart(me) || 7) + 1} boot ${bootId() || '-'}\n`, // a live pid, another process
      '1\n', // the older pid-only format: cannot be checked
      `pid ${me} start ${processStart(me) || '-'} boot 00000000-0000-0000-0000-000000000000\n`, // before a reboot
    ];
    for (const [i, rec] of records.entries()) {
      writeFileSync(`${a.file}.lock`, rec);
      const d = runCli(['doctor'], { env: a.env });
      expect(d.stdout, rec).toMatch(/lock +stale: the process that took it( \(pid \d+\))? is no longer running; it is removed automatically on the next write/);
      const r = runCli(['progress', '--import', importFile(a.home, progressDoc([answer(`kkkkkkkk-${i}`)]))], { env: a.env });
      expect(r.stderr, rec).toBe('');
      expect(r.status).toBe(0);
      expect(existsSync(`${a.file}.lock`)).toBe(false);
    }
  });

  it('a lock held by a live process is reported as held', () => {
    const a = seeded();
    writeFileSync(`${a.file}.lock`, `pid ${process.pid} start ${processStart(process.pid) || '-'} boot ${bootId() || '-'}\n`);
    expect(runCli(['doctor'], { env: a.env }).stdout).toMatch(new RegExp(`lock +held by a running study \\(pid ${process.pid}\\)`));
  });
});

describe('13. odd state', () => {
  it('doctor on a folder, an unreadable file and a path through a file: one line each, no crash', () => {
    const a = seeded();
    const dir = join(a.home, 'adir');
    mkdirSync(dir);
    const d1 = runCli(['doctor', '--progress', dir], { env: a.env });
    expect(d1.status).toBe(0);
    expect(d1.stdout).toMatch(/file +a folder, not a progress file; move it away or pass --progress FILE/);
    const d2 = runCli(['doctor', '--progress', join(a.file, 'inside.json')], { env: a.env });
    expect(d2.status).toBe(0);
    expect(d2.stdout).toMatch(/file +cannot be examined: a part of the path is not a folder/);
    // Unreadable: a file with mode 000. Root reads anything, so as root run doctor without the
    // capabilities that override file permissions (setpriv drops them from the bounding set).
    chmodSync(a.file, 0o000);
    const asRoot = process.getuid?.() === 0;
    const cmd = asRoot ? ['setpriv', '--bounding-set=-dac_override,-dac_read_search', '--', process.execPath] : [process.execPath];
    const r = spawnSync(cmd[0]!, [...cmd.slice(1), join(ROOT, 'bin/study.js'), 'doctor'], { env: a.env, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/contents +cannot be read: permission denied/);
    expect(r.stderr).toBe('');
  });
});

describe('15. messages (the store side)', () => {
  it('export --out into a missing folder says so, without a --progress hint', () => {
    const r = runCli(['export', '--format', 'anki', '--out', '/missing/dir/x.tsv']);
    expect(r.status).toBe(2);
    expect(oneLine(r.stderr)).toEqual(['study: --out: the folder /missing/dir does not exist; create it first or choose a file in an existing folder']);
  });
});
