/**
 * Free-text clarifying questions matched to the problem's question bank, with the grader's text
 * handling (normalised, stemmed words; see text.ts). A candidate asks in their own words ("How many
 * requests per second at peak?", "Who can see which documents?"), so words are first folded into
 * the families a clarifying question is about (traffic, latency, users, content, permissions…), and
 * a bank question is scored by the words it shares with the typed one: 2 for a word of the bank
 * question (or its id), 1 for a word found only in its answer. The best score of at least 2 wins;
 * one that matches nothing gets "assume what is reasonable and say it". Asking earns no checklist
 * point. Pure.
 */
import type { Interview } from '../curriculum/schema.js';
import { termStems } from './text.js';

export type Clarification = Interview['clarifyingQuestions'][number];

export const UNKNOWN_ANSWER = "I don't have more detail on that: assume what is reasonable and say it.";

const stem = (w: string) => termStems(w)[0] ?? w;

/** Words that carry no topic in a question. */
const STOP = new Set(
  'what which who whom whose how when where why is are was were do does did can could should would will shall may might we you i they it its our your their there this that these those of to in on for at by with from about as and or any many much more most some per be been being have has had get got does there s the a an if than then so not no yes please tell me us need want know like kind sort type also ok okay assume assumed roughly about around exactly'
    .split(' ')
    .map(stem),
);

/**
 * Families of words a clarifying question is about, across problems; each folds to its first
 * member. Kept to question vocabulary (how candidates ask), not to a problem's domain terms.
 */
const FAMILIES: readonly string[] = [
  'traffic qps rps tps request requests call calls query queries traffic throughput volume load peak peaky',
  'latency latencies fast faster quick quickly slow respond response responses millisecond milliseconds ms budget deadline slo slos sla',
  'user users people person employee employees viewer viewers customer customers member members dau mau audience',
  'document documents doc docs file files page pages content corpus item items',
  'permission permissions access acl acls see visibility visible restricted',
  'model models llm llms',
  'conversation conversations follow-up follow-ups followup multi-turn turn turns',
  'scope in-scope include included including cover covered',
  'legal law laws regulation regulations regulatory compliance constraint constraints limit limits cap caps',
  'rate rates rare percentage percent fraction share prevalence proportion fraudulent',
  'optimise optimize optimising optimizing objective objectives goal goals',
  'success successful judge measure measured',
  'gpu gpus hardware cluster clusters accelerator accelerators',
  'experiment experiments a/b test tests testing switchback switchbacks',
  'label labels labelled labeled outcome outcomes ground truth',
  'catalogue catalog inventory',
  'exist exists existing today current currently already',
];
const FAMILY = new Map<string, string>();
for (const f of FAMILIES) {
  const words = f.split(' ');
  const head = stem(words[0]!);
  for (const w of words) for (const s of termStems(w)) if (!FAMILY.has(s)) FAMILY.set(s, head);
}

/** "How many / how much / how big / how large" asks for a quantity: a word of its own. */
const QUANTITY = /\bhow (many|much|big|large)\b/i;

const content = (text: string) => [...new Set([...termStems(text).filter((s) => !STOP.has(s) && s.length > 1).map((s) => FAMILY.get(s) ?? s), ...(QUANTITY.test(text) ? ['#quantity'] : [])])];

export interface Match {
  question: Clarification | null;
  /** Shared content words with the best bank question (its question, id or answer). */
  shared: number;
}

/** The bank question a typed question asks, or null when none is close enough. */
export function matchQuestion(text: string, bank: readonly Clarification[]): Match {
  const asked = content(text);
  if (!asked.length) return { question: null, shared: 0 };
  let best: { q: Clarification; score: number; inQuestion: number; cover: number; shared: number } | undefined;
  for (const q of bank) {
    const own = new Set([...content(q.question), ...content(q.id.replace(/-/g, ' '))]);
    const answer = new Set(content(q.answer));
    const inQuestion = asked.filter((w) => own.has(w)).length;
    const inAnswer = asked.filter((w) => !own.has(w) && answer.has(w)).length;
    const score = 2 * inQuestion + inAnswer;
    // Ties go to more words in the bank question, then to the question they cover more of.
    const cover = own.size ? inQuestion / own.size : 0;
    if (!best || score > best.score || (score === best.score && (inQuestion > best.inQuestion || (inQuestion === best.inQuestion && cover > best.cover)))) best = { q, score, inQuestion, cover, shared: inQuestion + inAnswer };
  }
  return best && best.score >= 2 ? { question: best.q, shared: best.shared } : { question: null, shared: best?.shared ?? 0 };
}
