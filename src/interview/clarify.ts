/**
 * Free-text clarifying questions matched to the problem's question bank by token overlap, with
 * the grader's text handling (normalised, stemmed words; see text.ts). A question that matches
 * nothing gets "assume what is reasonable and say it". Asking earns no checklist point. Pure.
 */
import type { Interview } from '../curriculum/schema.js';
import { termStems } from './text.js';

export type Clarification = Interview['clarifyingQuestions'][number];

export const UNKNOWN_ANSWER = "I don't have more detail on that: assume what is reasonable and say it.";

/** Words that carry no topic in a question. */
const STOP = new Set(
  'what which who whom whose how when where why is are was were do does did can could should would will shall may might we you i they it its our your their there this that these those of to in on for at by with from about as and or any many much more most some per be been being have has had get got does there s the a an if than then so not no yes please tell me us need want know like kind sort type'
    .split(' ')
    .map((w) => termStems(w)[0] ?? w),
);

const content = (text: string) => [...new Set(termStems(text).filter((s) => !STOP.has(s) && s.length > 1))];

export interface Match {
  question: Clarification | null;
  /** Shared content words with the best bank question. */
  shared: number;
}

/** The bank question a typed question asks, or null when none is close enough. */
export function matchQuestion(text: string, bank: readonly Clarification[]): Match {
  const asked = content(text);
  if (!asked.length) return { question: null, shared: 0 };
  let best: { q: Clarification; shared: number; share: number } | undefined;
  for (const q of bank) {
    const words = new Set([...content(q.question), ...content(q.id.replace(/-/g, ' '))]);
    const shared = asked.filter((w) => words.has(w)).length;
    const share = shared / asked.length;
    if (!best || shared > best.shared || (shared === best.shared && share > best.share)) best = { q, shared, share };
  }
  const enough = best && (best.shared >= 2 || (best.shared === 1 && (asked.length <= 2 || best.share >= 0.5)));
  return enough ? { question: best!.q, shared: best!.shared } : { question: null, shared: best?.shared ?? 0 };
}
