import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadCurriculumDir } from '../../src/cli/curriculum/load-dir.js';
import { emptyProgress, type AnswerEvent, type Progress } from '../../src/progress/model.js';
import { dayKey, progressJson, progressReport as reportFromSummary, streak } from '../../src/progress/report.js';
import { summarize } from '../../src/progress/summary.js';
import { curriculumIndex } from '../../src/curriculum/index.js';
import type { Curriculum } from '../../src/curriculum/schema.js';
import { mergeProgress, readImport, exportDocument } from '../../src/progress/transfer.js';
import { review } from '../../src/review/fsrs.js';
import { renderDashboard, renderProgress, sparkline } from '../../src/ui/render/dashboard.js';
import { plainTheme, stripAnsi, makeTheme } from '../../src/ui/theme.js';
import { ROOT } from '../helpers.js';

const mini = loadCurriculumDir(join(ROOT, 'test/fixtures/mini')).curriculum!;
const full = loadCurriculumDir(join(ROOT, 'curriculum')).curriculum!;
const now = new Date('2026-03-10T12:00:00');
/** The report from full data, as the commands build it from the cached index and summary. */
const progressReport = (c: Curriculum, p: Progress, at: Date) => reportFromSummary(curriculumIndex(c), summarize(p), at);

const answer = (id: string, questionId: string, at: string, correct: boolean): AnswerEvent => ({
  id: `event-${id}`,
  type: 'answer',
  at: new Date(at).toISOString(),
  questionId,
  topicId: questionId.split('.')[0]!,
  correct,
  rating: correct ? 3 : 1,
  source: 'quiz',
  cram: false,
});

function withAnswers(events: AnswerEvent[]): Progress {
  const p: Progress = { ...emptyProgress(now), events };
  for (const e of events) p.cards[e.questionId] = review(p.cards[e.questionId], e.rating as 1 | 3, new Date(e.at));
  return p;
}

describe('progress report', () => {
  it('counts streaks of consecutive days, ending today or yesterday', () => {
    const days = new Set(['2026-03-08', '2026-03-09', '2026-03-10', '2026-03-06']);
    expect(streak(days, now)).toBe(3);
    days.delete('2026-03-10');
    expect(streak(days, now)).toBe(2);
    expect(streak(new Set(['2026-03-01']), now)).toBe(0);
  });

  it('extends the quiz JSON shape and lists practised topics only', () => {
    const p = withAnswers([answer('e1', 'kv-cache.single', '2026-03-10T09:00:00', true), answer('e2', 'kv-cache.tf', '2026-03-09T09:00:00', false)]);
    const j = progressJson(curriculumIndex(mini), summarize(p), now);
    expect(j).toMatchObject({ answered: 2, correct: 1, topics: { 'kv-cache': { answered: 2, correct: 1 } }, streakDays: 2 });
    expect(Object.keys(j)).toEqual(expect.arrayContaining(['answered', 'correct', 'reviewsDue', 'topics', 'modules', 'streakDays', 'interviews', 'drills']));
    expect(j.activity).toHaveLength(30);
    expect(j.activity.at(-1)).toEqual({ date: dayKey(now), answers: 1 });
    expect(j.modules[0]).toMatchObject({ topics: 1, topicsPractised: 1, answered: 2, accuracy: 0.5 });
  });

  it('suggests due reviews first, then the weakest topic, then the next unstudied one', () => {
    expect(progressReport(full, emptyProgress(now), now).next).toMatchObject({ kind: 'learn', command: 'study learn virtual-machines' });
    const weak = withAnswers(['a', 'b', 'c'].map((x, i) => answer(`w${i}`, `dns.q${x}`, '2026-03-10T11:00:00', i === 0)));
    weak.cards = {};
    expect(progressReport(full, weak, now).next).toMatchObject({ kind: 'strengthen', command: 'study quiz --topic dns' });
    const due = withAnswers([answer('d1', 'dns.stale-connections', '2026-03-01T09:00:00', false)]);
    expect(progressReport(full, due, now).next).toMatchObject({ kind: 'review', command: 'study review' });
  });
});

describe('renderers', () => {
  const p = withAnswers([answer('e1', 'dns.stale-connections', '2026-03-10T09:00:00', true)]);
  const r = progressReport(full, p, now);

  it('renders the dashboard with a bar per module and the next step, within 80 and 60 columns', () => {
    for (const cols of [80, 60]) {
      const text = renderDashboard(r, plainTheme, now, cols);
      expect(text).toContain('M1 ');
      expect(text).toMatch(/1\/14/);
      expect(text).toMatch(/Next up: Review 1 due card → study review/);
      for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(Math.max(cols, 50));
    }
  });

  it('renders without escape codes when colour is off, and with them when on', () => {
    expect(renderProgress(r, plainTheme, now, 80)).not.toMatch(/\u001b\[/);
    const coloured = renderProgress(r, makeTheme(true, { isTTY: true }), now, 80);
    if (!process.env.NO_COLOR) expect(coloured).toMatch(/\u001b\[/);
    expect(stripAnsi(coloured)).toBe(renderProgress(r, plainTheme, now, 80));
  });

  it('draws activity as a sparkline', () => {
    expect(sparkline([0, 1, 2, 4, 8])).toBe('·▁▂▄█');
  });
});

describe('export and import', () => {
  const a = withAnswers([answer('e1', 'kv-cache.single', '2026-03-08T09:00:00', true), answer('e2', 'kv-cache.tf', '2026-03-09T09:00:00', false)]);

  it('round-trips through an export document', () => {
    const doc = JSON.stringify(exportDocument(a, now));
    expect(readImport(doc)).toEqual({ ok: true, progress: a });
  });

  it('merges by event id: new events added once, cards rebuilt, importing twice changes nothing', () => {
    const other = withAnswers([answer('e2', 'kv-cache.tf', '2026-03-09T09:00:00', false), answer('e3', 'kv-cache.tf', '2026-03-10T09:00:00', true)]);
    const once = mergeProgress(a, other);
    expect(once.added).toBe(1);
    expect(once.progress.events.map((e) => e.id)).toEqual(['event-e1', 'event-e2', 'event-e3']);
    const expected = review(review(undefined, 1, new Date('2026-03-09T09:00:00')), 3, new Date('2026-03-10T09:00:00'));
    expect(once.progress.cards['kv-cache.tf']).toEqual(expected);
    const twice = mergeProgress(once.progress, other);
    expect(twice.added).toBe(0);
    expect(twice.progress).toEqual(once.progress);
  });

  it('refuses an invalid import with a reason', () => {
    expect(readImport('{"kind":"study-progress-export","progress":{"version":1}}')).toMatchObject({ ok: false, message: expect.stringContaining('createdAt') });
    expect(readImport('nope')).toMatchObject({ ok: false, message: expect.stringContaining('not valid JSON') });
    expect(readImport('{"version": 42}')).toMatchObject({ ok: false, message: expect.stringContaining('newer study') });
  });

  it('never lists a topic answered all right among the weakest, and names topics and capstones by title', () => {
    const p = withAnswers([
      answer('w1', 'dns.a', '2026-03-10T09:00:00', true),
      answer('w2', 'dns.b', '2026-03-10T09:01:00', true),
      answer('w3', 'caching.a', '2026-03-10T09:02:00', false),
      answer('w4', 'caching.b', '2026-03-10T09:03:00', true),
    ]);
    p.events.push({
      id: 'interview-0001',
      type: 'interview',
      at: '2026-03-10T10:00:00Z',
      startedAt: '2026-03-10T09:15:00Z',
      capstone: 'capstone-ecommerce-search',
      minutes: 45,
      practice: false,
      phases: [],
      coverage: 0.5,
      covered: [],
      checklistTotal: 24,
      hintsUsed: 0,
      clarifyingAsked: 0,
      rubric: {},
      followUps: [],
    });
    const r = progressReport(full, p, now);
    expect(r.weakest.map((w) => w.id)).toEqual(['caching']);
    expect(r.topics.dns).toMatchObject({ title: 'DNS (domain name system)', number: 5, accuracy: 1 });
    expect(r.interviews.last).toMatchObject({ capstone: 'capstone-ecommerce-search', title: 'Design a personalized e-commerce search engine' });
    const text = renderProgress(r, plainTheme, now, 60);
    expect(text).toContain('5. DNS (domain name system)');
    expect(text).not.toMatch(/^ {2}dns\b/m);
    expect(text).toMatch(/last Design a\s+personalized\s+e-commerce\s+search/);
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(59);
  });
});

describe('numbers on the progress screens', () => {
  it('group large counts with thousands separators, as every other screen does', () => {
    const data = { answered: 123456, correct: 100000, reviewsDue: 2345, topics: {}, modules: [], streakDays: 0, activity: [], weakest: [], next: { kind: 'done', text: 'x', command: 'study' }, interviews: { count: 0, last: null, averageCoverage: 0 }, drills: { count: 0, excellent: 0, pass: 0, miss: 0 }, retention: { target: 0.9, measured: null, reviews: 0, buckets: [] } };
    const text = renderProgress(data as never, plainTheme, new Date('2026-12-01T00:00:00Z'), 100);
    expect(text).toContain('Answered 123,456 (81% right) · reviews due 2,345');
  });
});

describe('progress tables line up in fixed columns', () => {
  const day = (n: number) => new Date(Date.parse('2026-12-01T12:00:00Z') - n * 86_400_000).toISOString();
  const topic = (number: number, title: string, answered: number, accuracy: number, mastery: number, daysAgo: number) => ({ number, title, answered, correct: Math.round(answered * accuracy), accuracy, mastery, lastPractised: day(daysAgo) });
  const data = {
    answered: 200,
    correct: 150,
    reviewsDue: 0,
    topics: { a: topic(2, 'Containers (Docker)', 12, 0.67, 0, 1), b: topic(3, 'Container orchestration (Kubernetes)', 3, 1, 0.5, 9), c: topic(4, 'IP (internet protocol)', 140, 0.65, 0.25, 11), d: topic(10, 'Databases', 9, 0.05, 1, 120) },
    modules: [],
    streakDays: 0,
    activity: [],
    weakest: [
      { id: 'grpc', title: 'gRPC (gRPC remote procedure call)', accuracy: 0, command: 'study quiz --topic grpc' },
      { id: 'lb', title: 'Load balancing', accuracy: 0.5, command: 'study quiz --topic load-balancing' },
      { id: 'ip', title: 'IP (internet protocol)', accuracy: 1, command: 'study quiz --topic ip' },
    ],
    next: { kind: 'done', text: 'x', command: 'study' },
    interviews: { count: 0, last: null, averageCoverage: 0 },
    drills: { count: 0, excellent: 0, pass: 0, miss: 0 },
    retention: { target: 0.9, measured: null, reviews: 0, buckets: [] },
  };
  const section = (text: string, heading: string) => {
    const lines = text.split('\n');
    const from = lines.findIndex((l) => l.startsWith(heading));
    const to = lines.findIndex((l, i) => i > from && l === '');
    return lines.slice(from, to);
  };
  /** Where each column ends (numbers) or starts (the last column), per row. */
  const ends = (row: string) => [...row.matchAll(/(\d+%?)(?= {2})/g)].map((m) => m.index! + m[0].length);

  for (const columns of [80, 100]) {
    it(`practised topics at ${columns} columns: numbers right-aligned, "last" left-aligned, whatever its length`, () => {
      const text = renderProgress(data as never, plainTheme, new Date('2026-12-01T12:00:00Z'), columns);
      const [head, ...all] = section(text, 'Practised topics');
      // A title too long for its column continues on the next line, under itself.
      const rows = all.filter((r) => /\d/.test(r));
      expect(rows).toHaveLength(4);
      for (const r of all.filter((x) => !/\d/.test(x))) expect(r).toMatch(/^ {4}\S/);
      const lastAt = head!.indexOf('last');
      expect(head!.indexOf('answered') + 'answered'.length).toBe(ends(rows[0]!.replace(/^ {2}\d+\. \S+ \S+ */, (m) => ' '.repeat(m.length)))[0]);
      for (const r of rows) {
        expect(r.slice(lastAt)).toMatch(/^(yesterday|\d+ days ago)$/);
        expect(r.length).toBeLessThanOrEqual(columns - 1);
      }
      // The same column ends on every row, a short "last" or a long one.
      const numberEnds = rows.map((r) => ends(r.slice(head!.indexOf('answered') - 2)));
      for (const e of numberEnds) expect(e).toEqual(numberEnds[0]);
      expect(rows.map((r) => r.slice(lastAt))).toEqual(['yesterday', '9 days ago', '11 days ago', '120 days ago']);
    });

    it(`weakest topics at ${columns} columns: percentages right-aligned, commands in one column`, () => {
      const [, ...rows] = section(renderProgress(data as never, plainTheme, new Date('2026-12-01T12:00:00Z'), columns), 'Weakest topics');
      const at = rows.map((r) => r.indexOf('study quiz'));
      expect(new Set(at).size).toBe(1);
      const pctEnds = rows.map((r) => r.indexOf('%') + 1);
      expect(new Set(pctEnds).size).toBe(1);
    });
  }

  it('at 60 columns the numbers go under each title, still in columns', () => {
    const text = renderProgress(data as never, plainTheme, new Date('2026-12-01T12:00:00Z'), 60);
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(59);
    const [, head, ...rows] = section(text, 'Practised topics');
    const numbers = rows.filter((r) => /^ {6}/.test(r));
    expect(numbers).toHaveLength(4);
    const lastAt = head!.indexOf('last');
    expect(numbers.map((r) => r.slice(lastAt))).toEqual(['yesterday', '9 days ago', '11 days ago', '120 days ago']);
    for (const r of numbers) expect(ends(r)).toEqual(ends(numbers[0]!));
    expect(section(text, 'Weakest topics')).toContain('    study quiz --topic load-balancing');
  });
});
