/**
 * The grader: notes in, one state per checklist point with the evidence out. The live debrief,
 * `study interview grade` and follow-up answers all call `gradeNotes`. Pure.
 *
 * A point is described by 2-3 facets (each a list of synonyms). It is
 * - `explained` when every facet appears, not negated, within one sentence or two adjacent ones,
 *   and those sentences give a reason, mechanism or number ("because", "so", "→", "to avoid", 50 ms);
 * - `mentioned` when every facet appears without a reason (or inside one item of a list of
 *   terms), or when the point's first facet (its own idea) appears in a sentence that is not a list;
 * - `missed` otherwise.
 * A point counts wherever it was said; its own phase is preferred for the evidence quoted.
 * Scores: explained = 1, mentioned = 0.5, missed = 0, averaged over the points.
 */
import { sanitizeLine } from '../sanitize.js';
import type { Lexicon } from './lexicon.js';
import { prepareText, type Sentence } from './text.js';

export const STATUSES = ['explained', 'mentioned', 'missed'] as const;
export type Status = (typeof STATUSES)[number];
export const STATUS_VALUE: Readonly<Record<Status, number>> = { explained: 1, mentioned: 0.5, missed: 0 };

/** What the grader needs of a checklist point (a curriculum ChecklistPoint is one). */
export interface GradablePoint {
  id: string;
  phase: string;
  point: string;
  facets: readonly (readonly string[])[];
}

/** What the grader needs of a problem (a curriculum Interview is one). */
export interface GradableProblem {
  phases: readonly { id: string; title: string }[];
  checklist: readonly GradablePoint[];
}

/** A stretch of notes; `phase` is the phase id it was written under, or null when unknown. */
export interface NotesBlock {
  phase: string | null;
  text: string;
}

export interface PointGrade {
  id: string;
  phase: string;
  point: string;
  status: Status;
  /** The sentence(s) that earned the credit, sanitised and on one line; null when missed. */
  evidence: string | null;
  /** The phase whose notes held the evidence (null for notes without phase headings or when missed). */
  foundIn: string | null;
}

export interface Grade {
  points: PointGrade[];
  /** Per phase of the problem: the mean value of its own points, 0..1. */
  phases: { id: string; score: number }[];
  /** Mean value over all points, 0..1. */
  score: number;
  /** The notes had no words at all. */
  empty: boolean;
}

/** Longest evidence quoted, in characters. */
export const EVIDENCE_CHARS = 240;

type Facet = string[][];

function compile(p: GradablePoint, lex: Lexicon): Facet[] {
  return p.facets.map((f) => f.flatMap((t) => lex.alternatives(t)));
}

/**
 * The list items of `s` where `facet` occurs, not negated (prose sentences have item 0 only; -1 is
 * the label of a "label: item, item" line, shared by every item). A token negated by a cue inside
 * the matched phrase itself still matches ("no history", "without an id").
 */
function hits(s: Sentence, facet: Facet): Set<number> {
  const out = new Set<number>();
  const t = s.tokens;
  for (const alt of facet) {
    for (let i = 0; i + alt.length <= t.length; i++) {
      let ok = true;
      for (let j = 0; j < alt.length && ok; j++) {
        const tok = t[i + j]!;
        ok = tok.stem === alt[j] && (!tok.negated || (alt.length > 1 && tok.cue >= i && tok.cue < i + alt.length)) && (!s.list || tok.item === t[i]!.item);
      }
      if (ok) out.add(s.list ? t[i]!.item : 0);
    }
  }
  return out;
}

/** The items of a list sentence where every facet occurs (the label counts in every item). */
function sharedItems(s: Sentence, h: readonly Set<number>[]): number[] {
  const items = new Set<number>([-1, ...s.tokens.map((t) => t.item)]);
  return [...items].filter((item) => h.every((set) => set.has(item) || set.has(-1)));
}

interface Found {
  status: Status;
  evidence: string;
  block: number;
}

/** The best state of one point in one block of sentences. */
function inBlock(sentences: Sentence[], facets: Facet[]): Omit<Found, 'block'> | undefined {
  const per = sentences.map((s) => facets.map((f) => hits(s, f)));
  let mention: string | undefined;
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    const h = per[i]!;
    const has = (k: number) => h[k]!.size > 0;
    if (s.list) {
      // All facets inside one item of a list: a mention.
      if (sharedItems(s, h).length) mention ??= s.text;
    } else {
      const alone = facets.every((_, k) => has(k));
      if (alone && s.reasoned) return { status: 'explained', evidence: s.text };
      if (alone || has(0)) mention ??= s.text;
    }
    // Two adjacent sentences that together hold every facet, each some of it, one a reasoned clause.
    const n = sentences[i + 1];
    const explains = (x: Sentence) => !x.list && x.reasoned;
    if (n && (explains(s) || explains(n))) {
      const hn = per[i + 1]!;
      const together = facets.every((_, k) => has(k) || hn[k]!.size > 0);
      if (together && h.some((x) => x.size > 0) && hn.some((x) => x.size > 0)) return { status: 'explained', evidence: `${s.text} ${n.text}` };
    }
  }
  return mention === undefined ? undefined : { status: 'mentioned', evidence: mention };
}

function quote(text: string): string {
  const one = sanitizeLine(text).replace(/\s+/g, ' ').trim();
  return one.length > EVIDENCE_CHARS ? `${one.slice(0, EVIDENCE_CHARS - 1).trimEnd()}…` : one;
}

/** Grades notes against every checklist point of `problem`. */
export function gradeNotes(problem: GradableProblem, blocks: readonly NotesBlock[], lex: Lexicon): Grade {
  const prepared = blocks.map((b) => prepareText(b.text));
  const empty = prepared.every((p) => p.length === 0);
  const points = problem.checklist.map((p): PointGrade => {
    const facets = compile(p, lex);
    let best: Found | undefined;
    for (const [i, sentences] of prepared.entries()) {
      const f = inBlock(sentences, facets);
      if (!f) continue;
      const better = !best || STATUS_VALUE[f.status] > STATUS_VALUE[best.status] || (f.status === best.status && blocks[i]!.phase === p.phase && blocks[best.block]!.phase !== p.phase);
      if (better) best = { ...f, block: i };
    }
    return {
      id: p.id,
      phase: p.phase,
      point: p.point,
      status: best?.status ?? 'missed',
      evidence: best ? quote(best.evidence) : null,
      foundIn: best ? blocks[best.block]!.phase : null,
    };
  });
  return { points, phases: phaseScores(problem, points), score: mean(points.map((p) => STATUS_VALUE[p.status])), empty };
}

/**
 * Grades one text (a follow-up answer, a probe's reply) against some points only, e.g. the points
 * a follow-up targets. Same rules as `gradeNotes`.
 */
export function gradePoints(points: readonly GradablePoint[], text: string, lex: Lexicon): PointGrade[] {
  return gradeNotes({ phases: [], checklist: points }, [{ phase: null, text }], lex).points;
}

function mean(v: readonly number[]): number {
  return v.length ? v.reduce((a, b) => a + b, 0) / v.length : 0;
}

function phaseScores(problem: GradableProblem, points: readonly { phase: string; status: Status }[]): Grade['phases'] {
  return problem.phases.map((ph) => ({ id: ph.id, score: mean(points.filter((p) => p.phase === ph.id).map((p) => STATUS_VALUE[p.status])) }));
}

/** A user's corrections: point id → the state they believe is right. */
export type Flips = Readonly<Record<string, Status>>;

/** The grade as the user sees it after their flips (flips of unknown points are ignored). */
export function withFlips(problem: GradableProblem, g: Grade, flips: Flips): { points: (PointGrade & { flipped: Status | null })[]; phases: Grade['phases']; score: number } {
  const points = g.points.map((p) => {
    const f = flips[p.id];
    return { ...p, flipped: f !== undefined && f !== p.status ? f : null };
  });
  const view = points.map((p) => ({ phase: p.phase, status: p.flipped ?? p.status }));
  return { points, phases: phaseScores(problem, view), score: mean(view.map((p) => STATUS_VALUE[p.status])) };
}
