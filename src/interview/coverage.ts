/**
 * Marks each checklist point covered or missed by finding its keywords in the notes. A point
 * counts wherever it was said (an interviewer credits Kafka mentioned during the deep dive), but
 * its own phase is searched first and the debrief says where it was found. The clarifying
 * questions the candidate asked count as part of the first phase's notes. Pure.
 */
import type { Interview } from '../curriculum/schema.js';
import { firstMatch, prepare, type PreparedText } from './match.js';

export type ChecklistPoint = Interview['checklist'][number];

export interface PointResult {
  point: ChecklistPoint;
  covered: boolean;
  /** The keyword that matched. */
  keyword?: string;
  /** The phase whose notes matched (may differ from the point's own phase). */
  foundIn?: string;
}

export interface PhaseCoverage {
  phaseId: string;
  title: string;
  points: PointResult[];
  covered: number;
  total: number;
}

export interface Coverage {
  phases: PhaseCoverage[];
  covered: number;
  total: number;
  /** covered / total, 0..1 (0 when there are no points). */
  share: number;
}

/** The text each phase contributed: phase id → notes (one string, lines separated by \n). */
export type PhaseTexts = ReadonlyMap<string, string>;

export function assessCoverage(iv: Interview, texts: PhaseTexts): Coverage {
  const prepared = new Map<string, PreparedText>();
  for (const p of iv.phases) prepared.set(p.id, prepare(texts.get(p.id) ?? ''));
  const phases = iv.phases.map((phase): PhaseCoverage => {
    const order = [phase.id, ...iv.phases.map((p) => p.id).filter((id) => id !== phase.id)];
    const points = iv.checklist
      .filter((c) => c.phase === phase.id)
      .map((point): PointResult => {
        for (const id of order) {
          const keyword = firstMatch(prepared.get(id)!, point.keywords);
          if (keyword !== undefined) return { point, covered: true, keyword, foundIn: id };
        }
        return { point, covered: false };
      });
    return { phaseId: phase.id, title: phase.title, points, covered: points.filter((p) => p.covered).length, total: points.length };
  });
  const covered = phases.reduce((n, p) => n + p.covered, 0);
  const total = phases.reduce((n, p) => n + p.total, 0);
  return { phases, covered, total, share: total ? covered / total : 0 };
}

/** 0..1 as a whole percentage. */
export function percent(share: number): number {
  return Math.round(share * 100);
}
