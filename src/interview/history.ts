/**
 * Past interviews and their trend: coverage and self-scores over time, average per rubric
 * dimension, and the checklist points missed most often. Pure.
 */
import type { InterviewEvent, ProgressEvent } from '../progress/model.js';
import type { Capstone } from './catalog.js';
import { meanScore } from './debrief.js';

export interface HistoryRow {
  id: string;
  at: string;
  capstone: string;
  title: string;
  minutes: number;
  practice: boolean;
  /** 0..1 */
  coverage: number;
  /** Mean self-score 1-4, or null when nothing was scored. */
  score: number | null;
  hintsUsed: number;
  usedSeconds: number;
  transcript: string | null;
  /** The level the grade showed (interviews from before issue 13 have none). */
  level: 'below-senior' | 'senior' | 'staff' | null;
  /** `live` for a round run in study, `notes` for notes graded with `interview grade --save`. */
  source: 'live' | 'notes';
}

export interface Trend {
  first: number;
  last: number;
  /** last − first. */
  change: number;
  average: number;
}

export interface History {
  /** Oldest first. */
  interviews: HistoryRow[];
  trend: { coverage: Trend | null; score: Trend | null };
  /** Average self-score per rubric dimension, weakest first. */
  dimensions: { id: string; title: string; average: number; last: number; count: number }[];
  /** Checklist points missed most often (at least twice, or once when there is one interview), up to 5. */
  missedMost: { id: string; capstone: string; point: string; missed: number; of: number }[];
}

function trend(values: number[]): Trend | null {
  if (values.length === 0) return null;
  const first = values[0]!;
  const last = values[values.length - 1]!;
  return { first, last, change: last - first, average: values.reduce((a, b) => a + b, 0) / values.length };
}

export function interviewHistory(events: readonly ProgressEvent[], all: readonly Capstone[]): History {
  const done = events.filter((e): e is InterviewEvent => e.type === 'interview').sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const byTopic = new Map(all.map((c) => [c.topicId, c]));
  const interviews = done.map(
    (e): HistoryRow => ({
      id: e.id,
      at: e.at,
      capstone: e.capstone,
      title: byTopic.get(e.capstone)?.title ?? e.capstone,
      minutes: e.minutes,
      practice: e.practice,
      coverage: e.coverage,
      score: meanScore(e.rubric) ?? null,
      hintsUsed: e.hintsUsed,
      usedSeconds: e.phases.reduce((n, p) => n + p.usedSeconds, 0),
      transcript: e.transcript ?? null,
      level: e.level ?? null,
      source: e.source ?? 'live',
    }),
  );
  const scores = interviews.flatMap((r) => (r.score === null ? [] : [r.score]));
  return {
    interviews,
    trend: { coverage: trend(interviews.map((r) => r.coverage)), score: trend(scores) },
    dimensions: dimensions(done, all),
    missedMost: missedMost(done, byTopic),
  };
}

function dimensions(done: readonly InterviewEvent[], all: readonly Capstone[]): History['dimensions'] {
  // Problems share dimension ids with different meanings ("modelling" is "Inference engine" in one
  // problem, "Retrieval and generation" in another): a dimension is a dimension id as the
  // interview's own problem titles it, so only like is averaged with like.
  const byTopic = new Map(all.map((c) => [c.topicId, c]));
  const seen = new Map<string, { id: string; title: string; scores: number[] }>();
  for (const e of done) {
    const rubric = byTopic.get(e.capstone)?.interview.rubric ?? [];
    for (const [id, v] of Object.entries(e.rubric)) {
      const title = rubric.find((d) => d.id === id)?.title ?? id;
      const key = `${id}\u0000${title}`;
      const row = seen.get(key) ?? { id, title, scores: [] };
      row.scores.push(v);
      seen.set(key, row);
    }
  }
  return [...seen.values()]
    .map(({ id, title, scores: v }) => ({ id, title, average: v.reduce((a, b) => a + b, 0) / v.length, last: v[v.length - 1]!, count: v.length }))
    .sort((a, b) => a.average - b.average || a.title.localeCompare(b.title));
}

function missedMost(done: readonly InterviewEvent[], byTopic: ReadonlyMap<string, Capstone>): History['missedMost'] {
  const counts = new Map<string, { id: string; capstone: string; point: string; missed: number; of: number }>();
  for (const e of done) {
    const c = byTopic.get(e.capstone);
    if (!c) continue;
    const covered = new Set(e.covered);
    for (const p of c.interview.checklist) {
      const key = `${c.topicId}/${p.id}`;
      const row = counts.get(key) ?? { id: p.id, capstone: c.topicId, point: p.point, missed: 0, of: 0 };
      row.of++;
      if (!covered.has(p.id)) row.missed++;
      counts.set(key, row);
    }
  }
  const min = done.length > 1 ? 2 : 1;
  return [...counts.values()]
    .filter((r) => r.missed >= min)
    .sort((a, b) => b.missed / b.of - a.missed / a.of || b.missed - a.missed || a.id.localeCompare(b.id))
    .slice(0, 5);
}
