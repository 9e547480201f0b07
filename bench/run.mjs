// Startup and scale benchmarks. Each case is timed against a bare `node -e 0` measured in the same
// run, alternating the two (median of RUNS each), and printed as a ratio. No assertions: numbers
// are reported, not enforced (timings are noisy; the README lists the latest results and targets).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

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

/** Two commands timed alternately (median of RUNS each): the ratio of the first to the second. */
function compare(name, args, baseArgs, target, extraEnv) {
  timeOnce(args, extraEnv);
  timeOnce(baseArgs, extraEnv);
  const a = [];
  const b = [];
  for (let i = 0; i < RUNS; i++) {
    b.push(timeOnce(baseArgs, extraEnv));
    a.push(timeOnce(args, extraEnv));
  }
  const ratio = median(a) / median(b);
  const ok = ratio <= target;
  console.log(`${ok ? 'ok  ' : 'SLOW'} ${name.padEnd(44)} ${median(a).toFixed(1).padStart(7)} ms vs ${median(b).toFixed(1).padStart(6)} ms  ratio ${ratio.toFixed(2)} (target <= ${target})`);
  return { name, ratio, target, ok };
}

/** Every question of the real curriculum, by topic (read from the YAML with the bundled parser). */
function realQuestions() {
  const { parse } = require('yaml');
  const src = join(ROOT, 'curriculum');
  const out = [];
  for (const m of readdirSync(src).filter((d) => /^\d\d-/.test(d)))
    for (const f of readdirSync(join(src, m)).filter((f) => f !== 'module.yaml' && f.endsWith('.yaml')))
      for (const t of parse(readFileSync(join(src, m, f), 'utf8')).topics ?? []) for (const q of t.questions ?? []) out.push({ topic: t.id, id: q.id });
  return out;
}

/**
 * A progress file where every question has been learned and reviewed (an FSRS card each, due over
 * the next weeks), for the plan benchmark: 60 days of simulation over all the cards.
 */
function everyCardProgress(now) {
  const { fsrs, createEmptyCard } = require('ts-fsrs');
  const f = fsrs({ enable_fuzz: false });
  const qs = realQuestions();
  const events = [];
  const cards = {};
  qs.forEach((q, i) => {
    let card = createEmptyCard(new Date(now - 40 * 86_400_000));
    let t = now - (40 - (i % 20)) * 86_400_000;
    for (let k = 0; k < 3; k++) {
      const at = new Date(t);
      const rating = (i + k) % 7 === 0 ? 1 : 3;
      card = f.next(card, at, rating).card;
      events.push({ id: randomUUID(), type: 'answer', at: at.toISOString(), questionId: q.id, topicId: q.topic, correct: rating > 1, rating, source: 'review', cram: false });
      t += 2 * 86_400_000;
    }
    const { due, last_review, ...rest } = card;
    cards[q.id] = { ...rest, due: due.toISOString(), last_review: last_review.toISOString() };
  });
  events.sort((a, b) => a.at.localeCompare(b.at));
  const file = join(work, 'progress-all-cards.json');
  writeFileSync(file, JSON.stringify({ version: 1, createdAt: '2025-01-01T00:00:00.000Z', settings: { desiredRetention: 0.9 }, events, cards }));
  return { file, cards: qs.length };
}

/** `count` review answers by a simulated learner (seeded), for the optimizer benchmark. */
function reviewHistory(count) {
  const { fsrs, createEmptyCard, default_w } = require('ts-fsrs');
  const sched = fsrs({ enable_fuzz: false });
  const truth = fsrs({ w: default_w.map((w, i) => (i < 4 ? w * 0.3 : w)), enable_fuzz: false });
  let seed = 12345;
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const events = [];
  const start = Date.parse('2025-01-01T09:00:00Z');
  for (let c = 0; events.length < count; c++) {
    let a = createEmptyCard(new Date(start));
    let m = createEmptyCard(new Date(start));
    let t = start + (c % 60) * 86_400_000;
    for (let k = 0; k < 10 && events.length < count; k++) {
      const at = new Date(t);
      const p = k === 0 ? 0.6 : truth.get_retrievability(m, at, false);
      const rating = rnd() < p ? 3 : 1;
      events.push({ id: randomUUID(), type: 'answer', at: at.toISOString(), questionId: `bench.q${c}`, topicId: 'bench', correct: rating > 1, rating, source: 'review', cram: false });
      a = sched.next(a, at, rating).card;
      m = truth.next(m, at, rating).card;
      t = Math.max(a.due.getTime(), t + 86_400_000);
    }
  }
  events.sort((x, y) => x.at.localeCompare(y.at));
  const file = join(work, 'progress-10k-reviews.json');
  writeFileSync(file, JSON.stringify({ version: 1, createdAt: '2025-01-01T00:00:00.000Z', settings: { desiredRetention: 0.9 }, events, cards: {} }));
  return file;
}

/** Wall time of one run, median of a few (the optimizer is seconds, not milliseconds). */
function absolute(name, args, targetMs, extraEnv, runs = 3) {
  const times = Array.from({ length: runs }, () => timeOnce(args, extraEnv));
  const ms = median(times);
  const ok = ms <= targetMs;
  console.log(`${ok ? 'ok  ' : 'SLOW'} ${name.padEnd(44)} ${ms.toFixed(0).padStart(7)} ms  (target <= ${targetMs} ms)`);
  return { name, ratio: ms / targetMs, target: targetMs, ok };
}

try {
  const now = Date.parse('2026-12-01T10:00:00Z');
  const all = everyCardProgress(now);
  const planEnv = { STUDY_PROGRESS: all.file, STUDY_NOW: new Date(now).toISOString() };
  const interview = new Date(now + 60 * 86_400_000).toISOString().slice(0, 10);
  const results = [
    compare(`study plan (60 days, ${all.cards} cards) / progress`, [BIN, 'plan', '--interview', interview], [BIN, 'progress'], 1.5, planEnv),
    absolute('study review --optimize (10,000 reviews)', [BIN, 'review', '--optimize', '--json'], 10_000, { STUDY_PROGRESS: reviewHistory(10_000) }),
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
