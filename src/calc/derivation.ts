/**
 * What every calculator returns: exact numbers for `--json`, and the derivation as data (each step
 * a formula, the numbers substituted, the result; then the assumptions), which a pure renderer in
 * `ui/render/calc.ts` lays out like a whiteboard. Pure.
 */
import { UsageError } from '../errors.js';
import { whole } from './units.js';

export interface Step {
  /** A stable name for the step, so a drill can show only the steps its question needs. */
  id?: string;
  /** What this step finds ("Training compute"). */
  label: string;
  /** The formula in symbols ("C = 6 · N · D"). */
  formula?: string;
  /** The same formula with the numbers put in ("6 × 7B × 2T"). */
  substitution?: string;
  /** The result, humanised ("8.4e22 FLOPs"). */
  result: string;
  /** One line of interpretation or caveat. */
  note?: string;
}

export interface Table {
  title: string;
  head: string[];
  rows: string[][];
  /** Columns to right-align (numbers). */
  right?: number[];
}

export interface Derivation {
  title: string;
  /** The inputs as given, humanised: "params N = 7B". */
  given: string[];
  steps: Step[];
  assumptions: string[];
  /** What else the calculator could work out with more flags ("pass --gpus N for the wall clock"). Shown by `study calc` only. */
  hints?: string[];
  tables?: Table[];
}

/**
 * The derivation cut to the steps named in `ids` (in the calculator's order), with the given lines
 * replaced, no hints or tables, and only the assumptions `keep` accepts (all when omitted).
 */
export function focus(d: Derivation, ids: readonly string[], given: string[], keep?: (assumption: string) => boolean): Derivation {
  return {
    title: d.title,
    given,
    steps: d.steps.filter((s) => s.id !== undefined && ids.includes(s.id)),
    assumptions: keep ? d.assumptions.filter(keep) : d.assumptions,
  };
}

export interface CalcResult<J> {
  json: J;
  derivation: Derivation;
}

/**
 * Refuses results that overflowed: inputs each valid on their own can still multiply past what a
 * double holds, and NaN or Infinity is never printed.
 */
export function assertFinite(json: unknown, what: string): void {
  const bad = findNonFinite(json);
  if (bad !== undefined) throw new UsageError(`calc ${what}: the inputs are too large (${bad || 'the result'} overflows); use smaller values`);
}

function findNonFinite(v: unknown, path = ''): string | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? undefined : path;
  if (Array.isArray(v)) {
    for (const [i, x] of v.entries()) {
      const r = findNonFinite(x, `${path}[${i}]`);
      if (r !== undefined) return r;
    }
  } else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      const r = findNonFinite(x, path ? `${path}.${k}` : k);
      if (r !== undefined) return r;
    }
  }
  return undefined;
}

/** "1 GPU", "8 GPUs". */
export function count(n: number, word: string, many = `${word}s`): string {
  return `${whole(n)} ${n === 1 ? word : many}`;
}
