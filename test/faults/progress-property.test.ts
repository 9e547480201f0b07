/**
 * The property behind issue 14: whatever sequence of imports (good, skewed, hostile), answers,
 * drill estimates and clock changes happens, the progress file is always one that `study progress`
 * reads. Each operation goes through the same functions the commands use; an operation may be
 * refused with a StudyError (that is the point), never fail any other way or damage the file.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isStudyError } from '../../src/errors.js';
import { readEstimate } from '../../src/cli/calc/drill-session.js';
import { loadCurriculumDir } from '../../src/cli/curriculum/load-dir.js';
import type { Context } from '../../src/cli/context.js';
import { importFrom } from '../../src/cli/progress-data.js';
import { curriculumIndex } from '../../src/curriculum/index.js';
import { gradeEstimate } from '../../src/drill/grade.js';
import { decodeProgress } from '../../src/progress/model.js';
import { progressJson } from '../../src/progress/report.js';
import { readProgress, updateProgress } from '../../src/progress/store.js';
import { summarize } from '../../src/progress/summary.js';
import { review, type RatingValue } from '../../src/review/fsrs.js';
import { BIN, ROOT, isolatedEnv, tempDir } from '../helpers.js';

const MINI = join(ROOT, 'test/fixtures/mini');
const QUESTIONS = ['kv-cache.single', 'kv-cache.tf', 'kv-cache.size', 'constructor.x', 'other-topic.q'];
const DAY = 24 * 3600 * 1000;
const START = Date.parse('2026-03-01T09:00:00Z');

/** An instant written with a UTC offset, as another machine might: 2026-03-02T08:00:00+14:00. */
function withOffset(ms: number, offsetMin: number): string {
  if (offsetMin === 0) return new Date(ms).toISOString();
  const local = new Date(ms + offsetMin * 60_000).toISOString().slice(0, 19);
  const sign = offsetMin > 0 ? '+' : '-';
  const a = Math.abs(offsetMin);
  return `${local}${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

const importedEvent = fc.record({
  id: fc.oneof({ arbitrary: fc.uuid(), weight: 12 }, { arbitrary: fc.constantFrom('__proto__', 'constructor-0001', 'short', 'x'.repeat(70), 'aaaaaaaa-same'), weight: 1 }),
  skewMs: fc.oneof({ arbitrary: fc.integer({ min: -3 * DAY, max: DAY }), weight: 12 }, { arbitrary: fc.constantFrom(2 * DAY, -30 * 365 * DAY, 8000 * 365 * DAY), weight: 1 }),
  offset: fc.constantFrom(0, 840, -720, 330),
  questionId: fc.oneof({ arbitrary: fc.constantFrom(...QUESTIONS), weight: 12 }, { arbitrary: fc.constantFrom('__proto__.x', 'Bad Id'), weight: 1 }),
  rating: fc.oneof({ arbitrary: fc.integer({ min: 1, max: 4 }), weight: 12 }, { arbitrary: fc.constantFrom(0, 5), weight: 1 }),
  given: fc.option(fc.oneof({ arbitrary: fc.string({ maxLength: 20 }), weight: 8 }, { arbitrary: fc.constant('\u001b]0;x\u0007'), weight: 1 }), { nil: undefined, freq: 2 }),
});

const op = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('import' as const), events: fc.array(importedEvent, { maxLength: 4 }) }), weight: 2 },
  // Two questions take most answers, so a card is often answered again after the clock moved back.
  { arbitrary: fc.record({ kind: fc.constant('answer' as const), q: fc.constantFrom(QUESTIONS[0]!, QUESTIONS[0]!, QUESTIONS[1]!, ...QUESTIONS), rating: fc.integer({ min: 1, max: 4 }), cram: fc.boolean() }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('drill' as const), given: fc.oneof(fc.double({ noNaN: false }), fc.constantFrom('1e-310', '1e400', '-5', '0', '3 GB', '7e24')), answer: fc.constantFrom(140, 1e25, 3.2e-3) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('clock' as const), deltaMs: fc.oneof(fc.integer({ min: -3 * DAY, max: 2 * DAY }), fc.constantFrom(-400 * DAY, 400 * DAY)) }), weight: 2 },
);

describe('progress file property', () => {
  it('any sequence of imports, answers, drills and clock changes leaves a file that study progress reads', async () => {
    const index = curriculumIndex(loadCurriculumDir(MINI).curriculum!);
    let runs = 0;
    const seen = { accepted: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 16 }), async (ops) => {
        const home = tempDir();
        const file = join(home, 'progress.json');
        let clock = START;
        const now = () => new Date(clock);
        const ctx = { progressPath: file, now, out: () => {}, err: () => {} } as unknown as Context;
        let n = 0;
        for (const o of ops) {
          try {
            if (o.kind === 'clock') clock = Math.min(Math.max(clock + o.deltaMs, Date.parse('2001-01-01T00:00:00Z')), Date.parse('2998-01-01T00:00:00Z'));
            else if (o.kind === 'import') {
              const events = o.events.map((e) => ({ id: e.id, type: 'answer', at: withOffset(clock + e.skewMs, e.offset), questionId: e.questionId, topicId: e.questionId.split('.')[0], correct: e.rating >= 3, rating: e.rating, source: 'quiz', cram: false, ...(e.given === undefined ? {} : { given: e.given }) }));
              const path = join(home, `import-${n++}.json`);
              writeFileSync(path, JSON.stringify({ kind: 'study-progress-export', exportedAt: now().toISOString(), progress: { version: 1, createdAt: now().toISOString(), events, cards: {} } }));
              await importFrom(path, ctx);
              seen.accepted++;
            } else if (o.kind === 'answer') {
              const at = now();
              await updateProgress(file, (p) => {
                p.events.push({ id: `answer-${n++}-${clock}`, type: 'answer', at: at.toISOString(), questionId: o.q, topicId: o.q.split('.')[0]!, correct: o.rating >= 3, rating: o.rating as RatingValue, source: 'quiz', cram: o.cram, ms: 1000 });
                if (!o.cram) p.cards[o.q] = review(p.cards[o.q], o.rating as RatingValue, at, p.settings.desiredRetention);
              });
            } else {
              const r = readEstimate('GB', String(o.given));
              if (!r.ok) continue;
              const { ratio, grade } = gradeEstimate(r.value, o.answer);
              await updateProgress(file, (p) => {
                p.events.push({ id: `drill-${n++}-${clock}`, type: 'drill', at: now().toISOString(), kind: 'infer', prompt: 'How much memory?', answer: o.answer, given: r.value, unit: 'GB', ratio, grade });
              });
            }
          } catch (e) {
            if (!isStudyError(e)) throw e;
            seen.refused++;
          }
          // After every step: the file reads, summarises and reports.
          const p = readProgress(file);
          const report = progressJson(index, summarize(p), now());
          expect(JSON.stringify(report)).not.toMatch(/NaN|Infinity/);
        }
        // Every few runs, the real binary reads it too.
        if (runs++ % 8 === 0) {
          const r = spawnSync(process.execPath, [BIN, 'progress', '--json'], { env: isolatedEnv(home, { STUDY_PROGRESS: file, STUDY_CURRICULUM: MINI, STUDY_NOW: now().toISOString() }), encoding: 'utf8' });
          expect(r.stderr).toBe('');
          expect(r.status).toBe(0);
        }
        try {
          expect(decodeProgress(readFileSync(file, 'utf8')).ok).toBe(true);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
        }
      }),
      { numRuns: 60, seed: 14 },
    );
    // The generators reach both sides: imports that go in, and changes that are refused.
    expect(seen.accepted).toBeGreaterThan(5);
    expect(seen.refused).toBeGreaterThan(5);
  }, 180_000);
});
