/**
 * Parsing of typed option values shared by commands. Each failure is a UsageError naming the
 * flag, the input and what is accepted.
 */
import { UsageError } from '../errors.js';

/** A whole number within [min, max]. */
export function intOption(flag: string, raw: unknown, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (raw === undefined) return undefined;
  const s = String(raw).trim();
  const n = Number(s);
  if (!/^-?\d+$/.test(s) || !Number.isSafeInteger(n) || n < min || n > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `a whole number >= ${min}` : `a whole number from ${min} to ${max}`;
    throw new UsageError(`${flag}: "${s}" is not valid; expected ${range}`);
  }
  return n;
}

/** One of a fixed set of words. */
export function choiceOption<T extends string>(flag: string, raw: unknown, choices: readonly T[]): T | undefined {
  if (raw === undefined) return undefined;
  const s = String(raw).trim().toLowerCase();
  if (!(choices as readonly string[]).includes(s)) throw new UsageError(`${flag}: "${String(raw)}" is not valid; expected one of ${choices.join(', ')}`);
  return s as T;
}
