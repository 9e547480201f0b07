// Startup and scale benchmarks. Each case is timed against a bare `node -e 0` measured in the same
// run, alternating the two (median of RUNS each), and printed as a ratio. No assertions: numbers
// are reported, not enforced (timings are noisy; the README lists the latest results and targets).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'study.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const work = mkdtempSync(join(tmpdir(), 'study-bench-'));
const env = { PATH: process.env.PATH, HOME: join(work, 'home'), NO_COLOR: '1' };

function timeOnce(args, extraEnv = {}) {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { env: { ...env, ...extraEnv }, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function bench(name, args, target, extraEnv) {
  timeOnce(args, extraEnv); // warm-up: file cache, compiled-curriculum cache
  const base = [];
  const study = [];
  for (let i = 0; i < RUNS; i++) {
    base.push(timeOnce(['-e', '0']));
    study.push(timeOnce(args, extraEnv));
  }
  const ratio = median(study) / median(base);
  const ok = ratio <= target;
  console.log(`${ok ? 'ok  ' : 'SLOW'} ${name.padEnd(44)} ${median(study).toFixed(1).padStart(7)} ms vs node -e 0 ${median(base).toFixed(1).padStart(6)} ms  ratio ${ratio.toFixed(2)} (target <= ${target})`);
  return { name, ratio, target, ok };
}

/** The real curriculum copied ten times, with ids suffixed so they stay unique. */
function tenfoldCurriculum() {
  const src = join(ROOT, 'curriculum');
  const dir = join(work, 'curriculum-10x');
  mkdirSync(dir);
  const modules = readdirSync(src).filter((d) => /^\d\d-/.test(d));
  let n = 0;
  for (let copy = 0; copy < 10; copy++) {
    for (const m of modules) {
      n++;
      const mdir = join(dir, `${String(n).padStart(2, '0')}-m${copy}-${m.slice(3)}`);
      cpSync(join(src, m), mdir, { recursive: true });
      for (const f of readdirSync(mdir)) {
        const p = join(mdir, f);
        let text = readFileSync(p, 'utf8');
        // Module, section, topic and question ids (indented up to 6 spaces); interview-internal ids stay.
        text = text.replace(/^( {0,6}(?:- )?id: )([a-z0-9-]+)(\.)?/gm, (all, pre, id, dot) => `${pre}${id}-c${copy}${dot ?? ''}`);
        text = text.replace(/^(\s*)number: (\d+)/gm, (all, sp, num) => `${sp}number: ${f === 'module.yaml' ? n : Number(num) + copy * 100}`);
        writeFileSync(p, text);
      }
    }
  }
  return dir;
}

/** A progress file with `count` answer events over the real curriculum's questions. */
function bigProgress(count) {
  const curriculum = JSON.parse(spawnSync(process.execPath, [BIN, 'topics', '--json'], { env, encoding: 'utf8' }).stdout);
  const topics = curriculum.modules.flatMap((m) => m.sections.flatMap((s) => s.topics.map((t) => t.id)));
  const start = Date.parse('2025-01-01T00:00:00Z');
  const events = Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    type: 'answer',
    at: new Date(start + i * 300_000).toISOString(),
    questionId: `${topics[i % topics.length]}.q${i % 12}`,
    topicId: topics[i % topics.length],
    correct: i % 3 !== 0,
    rating: i % 3 !== 0 ? 3 : 1,
    source: 'quiz',
    cram: false,
    ms: 4000 + (i % 5000),
  }));
  const file = join(work, 'progress-100k.json');
  writeFileSync(file, JSON.stringify({ version: 1, createdAt: '2025-01-01T00:00:00.000Z', settings: { desiredRetention: 0.9 }, events, cards: {} }));
  return file;
}

try {
  const results = [
    bench('study --version', [BIN, '--version'], 1.3),
    bench('study topics --json (real curriculum)', [BIN, 'topics', '--json'], 1.6),
    bench('study topics --json (10x curriculum)', [BIN, 'topics', '--json'], 3, { STUDY_CURRICULUM: tenfoldCurriculum() }),
    bench('study progress --json (100,000 events)', [BIN, 'progress', '--json'], 2, { STUDY_PROGRESS: bigProgress(100_000) }),
  ];
  const slow = results.filter((r) => !r.ok).length;
  console.log(slow ? `${slow} of ${results.length} above target` : `all ${results.length} within target`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
