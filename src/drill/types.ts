/** What a drill problem is. Pure types. */
import type { Derivation } from '../calc/derivation.js';

export type ProblemKind = 'train' | 'infer' | 'kv' | 'storage' | 'capacity' | 'zero' | 'moe' | 'ttft' | 'serve';

export interface Problem {
  kind: ProblemKind;
  prompt: string;
  /** The generated inputs, in base units or preset ids. */
  inputs: Record<string, number | string>;
  /** The true answer, in `unit`. */
  answer: number;
  /** The unit of the answer, as the unit parser reads it (a bare number typed means this unit). */
  unit: string;
  /** Only the steps the question needs, with the problem's own inputs as the given lines. */
  derivation: Derivation;
}
