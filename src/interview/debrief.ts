/**
 * The debrief as data: coverage per phase, time against plan, the follow-up draw, the weakest
 * rubric dimensions, and the progress event that records the interview. Pure.
 */
import type { InterviewEvent } from '../progress/model.js';
import { seededRng, shuffle } from '../quiz/rng.js';
import type { Capstone } from './catalog.js';
import { assessCoverage, type Coverage } from './coverage.js';
import type { Session } from './session.js';

/** How many follow-up questions a debrief asks. */
export const FOLLOW_UPS = 3;

export type FollowUp = Capstone['interview']['followUps'][number];
export type RubricDimension = Capstone['interview']['rubric'][number];

/** Each phase's notes as one text; the first phase also carries the clarifying questions asked. */
export function phaseTexts(s: Session, c: Capstone): Map<string, string> {
  const asked = s.clarifying.flatMap((id) => c.interview.clarifyingQuestions.filter((q) => q.id === id).map((q) => q.question));
  return new Map(s.phases.map((p, i) => [p.id, [...(i === 0 ? asked : []), ...p.notes].join('\n')]));
}

export function sessionCoverage(s: Session, c: Capstone): Coverage {
  return assessCoverage(c.interview, phaseTexts(s, c));
}

/** The follow-ups this session asks: a seeded draw, so resuming asks the same ones. */
export function drawFollowUps(s: Session, c: Capstone, n = FOLLOW_UPS): FollowUp[] {
  return shuffle(c.interview.followUps, seededRng(s.seed)).slice(0, n);
}

/** The `n` lowest self-scored dimensions; ties keep rubric order. Unscored dimensions are skipped. */
export function weakest(rubric: readonly RubricDimension[], scores: Readonly<Record<string, number>>, n = 2): RubricDimension[] {
  return rubric
    .filter((d) => scores[d.id] !== undefined)
    .map((d, i) => ({ d, i, score: scores[d.id]! }))
    .sort((a, b) => a.score - b.score || a.i - b.i)
    .slice(0, n)
    .map((x) => x.d);
}

/** Total hints revealed across phases. */
export function hintsUsed(s: Session): number {
  return s.phases.reduce((n, p) => n + p.hintsShown, 0);
}

/** The progress entry for a finished session. `at` is when it finished. */
export function interviewEvent(s: Session, c: Capstone, cov: Coverage, at: Date, transcript?: string): InterviewEvent {
  const byPhase = new Map(cov.phases.map((p) => [p.phaseId, p]));
  return {
    id: s.id,
    type: 'interview',
    at: at.toISOString(),
    startedAt: s.startedAt,
    capstone: c.topicId,
    minutes: s.minutes,
    practice: s.practice,
    phases: s.phases.map((p) => {
      const pc = byPhase.get(p.id);
      return {
        id: p.id,
        plannedSeconds: Math.round(p.plannedMs / 1000),
        usedSeconds: Math.round(p.usedMs / 1000),
        coverage: pc && pc.total ? pc.covered / pc.total : 0,
        hintsUsed: p.hintsShown,
      };
    }),
    coverage: cov.share,
    covered: cov.phases.flatMap((p) => p.points.filter((r) => r.covered).map((r) => r.point.id)),
    checklistTotal: cov.total,
    hintsUsed: hintsUsed(s),
    clarifyingAsked: s.clarifying.length,
    rubric: { ...s.rubric },
    followUps: s.followUps.map((f) => f.id),
    ...(transcript ? { transcript } : {}),
  };
}

/** Mean of the scores given, or undefined when none. */
export function meanScore(scores: Readonly<Record<string, number>>): number | undefined {
  const v = Object.values(scores);
  return v.length ? v.reduce((a, b) => a + b, 0) / v.length : undefined;
}
