/**
 * The interviewer's probes: which follow-up to ask for the notes so far (the one whose targets
 * are thinnest), the second-level push, grading a probe's answer against its targets, and the
 * tiered hints in the order the interviewer gives them, with the cap for revealed points. Pure.
 */
import type { Interview, TieredHint } from '../curriculum/schema.js';
import { gradePoints, STATUS_VALUE, type Grade, type PointGrade, type Status } from './grade.js';
import type { Lexicon } from './lexicon.js';

export type FollowUp = Interview['followUps'][number];
export type PhaseDef = Interview['phases'][number];

/** How much of the targets is missing: 2 per missed target, 1 per mentioned one. */
export function thinness(targets: readonly string[], g: Grade): number {
  const by = new Map(g.points.map((p) => [p.id, p.status]));
  return targets.reduce((n, t) => n + (by.get(t) === 'missed' ? 2 : by.get(t) === 'mentioned' ? 1 : 0), 0);
}

export interface ProbeOptions {
  /** Follow-up ids already asked. */
  exclude?: readonly string[];
  /** Only targets in these phases count (the phases discussed so far); all when omitted. */
  phases?: readonly string[];
}

/**
 * The follow-ups an interviewer would ask next, thinnest first: each has at least one target
 * missed or only mentioned (never one whose targets are all explained). Ties keep file order.
 */
export function nextFollowUps(iv: Pick<Interview, 'followUps' | 'checklist'>, g: Grade, o: ProbeOptions = {}): FollowUp[] {
  const phaseOf = new Map(iv.checklist.map((p) => [p.id, p.phase]));
  const exclude = new Set(o.exclude ?? []);
  const inScope = (t: string) => phaseOf.has(t) && (!o.phases || o.phases.includes(phaseOf.get(t)!));
  return iv.followUps
    .map((f, i) => ({ f, i, targets: (f.targets ?? []).filter(inScope) }))
    .filter((x) => !exclude.has(x.f.id) && x.targets.length > 0)
    .map((x) => ({ ...x, thin: thinness(x.targets, g) / x.targets.length }))
    .filter((x) => x.thin > 0)
    .sort((a, b) => b.thin - a.thin || a.i - b.i)
    .map((x) => x.f);
}

/** The probe for a moment of the round: from the phases so far, else from any phase. */
export function chooseProbe(iv: Pick<Interview, 'followUps' | 'checklist'>, g: Grade, phasesSoFar: readonly string[], exclude: readonly string[] = []): FollowUp | undefined {
  return nextFollowUps(iv, g, { exclude, phases: phasesSoFar })[0] ?? nextFollowUps(iv, g, { exclude })[0];
}

/** A generic second-level push when no hint fits. */
export const GENERIC_PUSH = 'Go one level deeper: what number or mechanism makes that work, and what breaks first at 10x the load?';

/** The second-level push after the first answer: a question back on the thinnest target of the probe. */
export function secondLevelPush(iv: Pick<Interview, 'phases'>, probe: FollowUp, g: Grade): string {
  const by = new Map(g.points.map((p) => [p.id, p.status]));
  const open = (probe.targets ?? []).filter((t) => by.get(t) !== 'explained').sort((a, b) => STATUS_VALUE[by.get(a) ?? 'missed'] - STATUS_VALUE[by.get(b) ?? 'missed']);
  for (const t of open) {
    for (const ph of iv.phases) for (const h of ph.hints) if (typeof h !== 'string' && h.targets.includes(t)) return `Push: ${h.nudge}`;
  }
  return `Push: ${GENERIC_PUSH}`;
}

/** A probe's answer graded against the probe's targets only, with the same grader. */
export function gradeProbe(iv: Pick<Interview, 'checklist'>, probe: FollowUp, answer: string, lex: Lexicon): PointGrade[] {
  const targets = new Set(probe.targets ?? []);
  return gradePoints(iv.checklist.filter((p) => targets.has(p.id)), answer, lex);
}

export type Tier = 'nudge' | 'direction' | 'reveal' | 'hint';
export const TIER_LABEL: Readonly<Record<Tier, string>> = { nudge: 'Nudge', direction: 'Direction', reveal: 'Reveal', hint: 'Hint' };

export interface HintStep {
  tier: Tier;
  text: string;
  /** The points a reveal states (empty for other tiers). */
  reveals: string[];
}

const tiered = (h: string | TieredHint): h is TieredHint => typeof h !== 'string';

/**
 * The order the phase's hints are given in: the hint whose targets are thinnest in `g` first
 * (ties keep file order). Plain-string hints keep their place after the tiered ones.
 */
export function hintOrder(phase: PhaseDef, g: Grade): number[] {
  return phase.hints
    .map((h, i) => ({ i, thin: tiered(h) ? thinness(h.targets, g) / h.targets.length : -1 }))
    .sort((a, b) => b.thin - a.thin || a.i - b.i)
    .map((x) => x.i);
}

/** The hints as steps, one tier at a time: nudge, direction, reveal of one hint, then the next. */
export function hintSteps(phase: PhaseDef, order: readonly number[] = phase.hints.map((_, i) => i)): HintStep[] {
  const valid = order.filter((i) => i >= 0 && i < phase.hints.length);
  return valid.flatMap((i): HintStep[] => {
    const h = phase.hints[i]!;
    if (!tiered(h)) return [{ tier: 'hint', text: h, reveals: [] }];
    return [
      { tier: 'nudge', text: h.nudge, reveals: [] },
      { tier: 'direction', text: h.direction, reveals: [] },
      { tier: 'reveal', text: h.reveal, reveals: [...h.targets] },
    ];
  });
}

/** A step as the notes widget shows it: "Nudge — Who calls the ETA service…?" */
export function stepText(s: HintStep): string {
  return s.tier === 'hint' ? s.text : `${TIER_LABEL[s.tier]} — ${s.text}`;
}

/** The points a reveal gives away now: its targets the notes so far have not explained. */
export function newlyRevealed(step: HintStep, g: Grade): string[] {
  const by = new Map(g.points.map((p) => [p.id, p.status]));
  return step.reveals.filter((t) => by.get(t) !== 'explained');
}

/** The grade with each revealed point capped at `mentioned`; scores recomputed. */
export function capRevealed(iv: Pick<Interview, 'phases'>, g: Grade, revealed: readonly string[]): Grade {
  if (!revealed.length) return g;
  const cap = new Set(revealed);
  const points = g.points.map((p) => (cap.has(p.id) && p.status === 'explained' ? { ...p, status: 'mentioned' as Status } : p));
  const mean = (v: number[]) => (v.length ? v.reduce((a, b) => a + b, 0) / v.length : 0);
  return {
    ...g,
    points,
    phases: iv.phases.map((ph) => ({ id: ph.id, score: mean(points.filter((p) => p.phase === ph.id).map((p) => STATUS_VALUE[p.status])) })),
    score: mean(points.map((p) => STATUS_VALUE[p.status])),
  };
}
