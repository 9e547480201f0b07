/**
 * Notes as the grader reads them: sentences of stemmed tokens, each token marked when it sits in a
 * negated clause, each sentence marked when it gives a reason, mechanism or number and when it is
 * only a list of terms. Pure; table-tested in test/unit/interview-text.test.ts.
 *
 * - case, accents, apostrophes and British/American spellings are folded ("Optimise" = "optimize");
 * - numbers are split from units and written out ("50ms" = "50 ms", "35k" = "35,000" = "35000");
 * - words are stemmed with the Porter stemmer (npm `stemmer`), so "routing" meets "routes";
 * - a negation cue ("not", "no", "don't", "without", "instead of", "rather than", "skip", "avoid",
 *   "no need for"…) negates the rest of its clause; a dismissal ("… is overkill", "… isn't needed")
 *   negates the clause before it. Negated tokens never match a facet;
 * - a sentence with no verb, pronoun or reason word is a list of terms (its items are split at
 *   commas, semicolons, bullets and plus signs); facets must then meet inside one item.
 */
import { stemmer } from 'stemmer';
import {
  ARTICLES,
  BOUNDARY,
  NEGATORS,
  DISMISSALS,
  NEGATED_DISMISSALS,
  PAIRED_DISMISSALS,
  CONDITIONS,
  PURPOSE_VERB,
  PURPOSE_BEFORE_AVOID,
  REASONS,
  CLAUSE_WORDS,
  ITEM_SEPARATORS,
  SHORTHAND,
  SLASH_TERMS,
  NUMBER_WORDS,
  SPELLING,
} from './words.js';

/** One word of a sentence, stemmed, with its place in the sentence's list items. */
export interface Token {
  stem: string;
  /** Inside a negated clause: never credited. */
  negated: boolean;
  /** Index of the list item (comma- or bullet-separated part) the token belongs to. */
  item: number;
}

/** A sentence of the notes, ready for matching. */
export interface Sentence {
  /** The text as written (trimmed), for evidence. */
  text: string;
  tokens: Token[];
  /** Gives a reason, mechanism, condition, comparison or a number. */
  reasoned: boolean;
  /** Only a list of terms (no verb, no pronoun, no reason word): at most a mention. */
  list: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:[/.][\p{L}\p{N}]+)*/u;
const PIECE = /\|\||->|=>|→|⇒|—|–|\s-\s|[\p{L}\p{N}]+(?:[/.][\p{L}\p{N}]+)*|[.,;:!?()[\]=<>~≈×∝+|·•&]/gu;

/** Lower case, no accents or apostrophes, hyphens as spaces, spellings folded, numbers normalised. */
export function normalise(text: string): string {
  let t = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    // Thousands separators and magnitude suffixes, before lower-casing ("35k", "20M", "3B", "35,000").
    .replace(/(\d),(?=\d{3}\b)/g, '$1')
    .replace(/\b(\d+(?:\.\d+)?)\s?([kKMB]|bn)\b/g, (_, n: string, s: string) => scaled(n, s))
    .toLowerCase()
    .replace(/['’`]/g, '')
    // "no-id traffic", "no-bid": a compound adjective, not a negation.
    .replace(/\bno-(?=\p{L})/gu, 'no')
    // A slash between words means "and", "or" or "per": "demand/supply" = "demand supply" (known terms stay whole).
    .replace(/(?<![\p{L}\p{N}/])(\p{L}[\p{L}\p{N}.]*(?:\/[\p{L}\p{N}.]+)+)/gu, (m: string) => (SLASH_TERMS.has(m) ? m : m.replace(/\//g, ' ')))
    // A hyphen or underscore inside a word joins parts of one term: "k-ring" = "k ring".
    .replace(/(?<=[\p{L}\p{N}])[-_](?=[\p{L}\p{N}])/gu, ' ');
  for (const [re, to] of SPELLING) t = t.replace(re, to);
  // A number followed by letters is a quantity and its unit: "50ms" = "50 ms", "3x" = "3 x".
  return t.replace(/\b(\d+(?:\.\d+)?)(\p{L}+)\b/gu, (m: string, n: string, u: string) => (/^(st|nd|rd|th)$/.test(u) ? m : `${n} ${u}`));
}

function scaled(n: string, suffix: string): string {
  const factor = suffix === 'k' || suffix === 'K' ? 1e3 : suffix === 'M' ? 1e6 : 1e9;
  const v = Number(n) * factor;
  return Number.isFinite(v) ? String(Math.round(v * 1000) / 1000) : n;
}

/** The Porter stem of one normalised word; words with digits or "/" are kept whole ("p99", "a/b"). */
export function stemWord(word: string): string {
  return /^\p{L}+$/u.test(word) ? stemmer(word) : word;
}

/** A piece with shorthand and number words written out (a shorthand may become two words). */
function expand(piece: string): string {
  return SHORTHAND[piece] ?? NUMBER_WORDS[piece] ?? piece;
}

/** The stems of a term (word or phrase) as the matcher compares them; articles dropped. */
export function termStems(term: string): string[] {
  return (normalise(term).match(PIECE) ?? [])
    .map(expand)
    .flatMap((w) => w.split(' '))
    .filter((w) => WORD.test(w) && !ARTICLES.has(w))
    .map(stemWord);
}

/** Splits text into sentences: at line ends, and at ". ", "! " or "? " inside a line. */
export function splitSentences(text: string): string[] {
  return text
    .split('\n')
    // "e.g. x" and "vs. y" do not end a sentence.
    .map((line) => line.replace(/\b(e\.g|i\.e|vs|etc|approx|incl|esp|cf)\.(?=\s)/gi, '$1'))
    .flatMap((line) => line.split(/(?<=[.!?])\s+(?=\S)/))
    .map((s) => s.replace(/^\s*(?:[-*•·>]+|\d+[.)])\s+/, '').trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
}

const isNumber = (w: string) => /^\d+(?:\.\d+)?$/.test(w);

/** One sentence prepared for matching. */
export function prepareSentence(text: string): Sentence {
  const pieces = (normalise(text).match(PIECE) ?? []).map(expand);
  const words: { w: string; negated: boolean; item: number }[] = [];
  let negating = false;
  // Inside "if …" / "when …" a negation states a condition ("only observed when the rider doesn't
  // cancel"), not a rejection.
  let conditional = false;
  // The comma-separated stretches of the current clause; a dismissal reaches back over the ones
  // that are bare terms ("query understanding, spell correction are unnecessary").
  let stretches = [{ start: 0, clause: false }];
  const scopeStart = () => {
    let k = stretches.length - 1;
    while (k > 0 && !stretches[k - 1]!.clause) k--;
    return stretches[k]!.start;
  };
  let item = 0;
  let reasoned = false;
  let worded = false; // a reason word or symbol, not just a number
  let clause = false;
  let paren = false;
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!.trim() || pieces[i]!;
    const next = pieces[i + 1];
    const prev = words.at(-1)?.w;
    const reasonWord = REASONS.has(p) || (p === 'by' && next?.endsWith('ing')) || (p === 'to' && next !== undefined && PURPOSE_VERB.test(next));
    if (reasonWord) worded = true;
    if (reasonWord || isNumber(p)) reasoned = true;
    if (p === '(') paren = true;
    if (p === ')') paren = false;
    // A parenthetical clause after a design choice is its reason: "BM25 + ANN (each covers the other's gaps)".
    if (paren && CLAUSE_WORDS.has(p)) worded = reasoned = true;
    if (CLAUSE_WORDS.has(p)) {
      clause = true;
      stretches.at(-1)!.clause = true;
    }
    if (ITEM_SEPARATORS.has(p)) {
      item++;
      if (p === ',') stretches.push({ start: words.length, clause: false });
    }
    if (BOUNDARY.has(p)) {
      negating = false;
      conditional = false;
      stretches = [{ start: words.length, clause: false }];
      if (!WORD.test(p)) continue;
    }
    if (!WORD.test(p)) continue;
    if (ARTICLES.has(p)) continue;
    const avoidNegates = p === 'avoid' && !(prev && PURPOSE_BEFORE_AVOID.has(prev));
    // "forget H3" dismisses; "drivers forget to end trips" does not (a subject comes first).
    const forgetNegates = p === 'forget' && words.length === stretches.at(-1)!.start;
    if (CONDITIONS.has(p)) conditional = true;
    else if (!conditional && (NEGATORS.has(p) || avoidNegates || forgetNegates || (p === 'instead' && next === 'of') || (p === 'rather' && next === 'than'))) negating = true;
    const dismissed = !conditional && (DISMISSALS.has(p) || (NEGATED_DISMISSALS.has(p) && words.slice(-3).some((x) => NEGATORS.has(x.w))) || (prev !== undefined && PAIRED_DISMISSALS[prev]?.has(p) === true));
    if (dismissed) for (let j = scopeStart(); j < words.length; j++) words[j]!.negated = true;
    words.push({ w: p, negated: negating || dismissed, item });
  }
  return {
    text: text.trim(),
    tokens: words.map((x) => ({ stem: stemWord(x.w), negated: x.negated, item: x.item })),
    reasoned,
    // Numbers do not make a list of terms into reasoning: "Kafka, 50 ms, H3" is still a list.
    list: !worded && !clause,
  };
}

/** Every sentence of a text, prepared. */
export function prepareText(text: string): Sentence[] {
  return splitSentences(text).map(prepareSentence);
}
