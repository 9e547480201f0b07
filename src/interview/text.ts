/**
 * Notes as the grader reads them: sentences of stemmed tokens, each token marked when it sits in a
 * negated clause, each sentence marked when it gives a reason, mechanism or number and when it is
 * only a list of terms. Pure; table-tested in test/unit/interview-text.test.ts.
 *
 * - case, accents, apostrophes and British/American spellings are folded ("Optimise" = "optimize");
 * - numbers are split from units and written out ("50ms" = "50 ms", "35k" = "35,000" = "35000");
 * - words are stemmed with the Porter stemmer (npm `stemmer`), so "routing" meets "routes"; a few
 *   stems it merges wrongly are kept apart ("paged" ≠ "page", "dependency" ≠ "depends");
 * - a negation cue ("not", "no", "don't", "without", "instead of", "rather than", "skip", "avoid",
 *   "no need for"…) negates the rest of its clause: up to ". ; : → but so because then which
 *   while", or a comma that opens a new clause (a subject follows: "…, we ship raw scores"; or the
 *   comma closes an opening phrase: "For a policy with no labels, an LLM labels"), but over a plain
 *   list ("skip calibration, switchbacks and canaries"). "without X" and "with no X" negate their
 *   noun phrase only. "skip" and "ignore" negate the candidate's decision ("we skip hubs", "X can
 *   be ignored"), not behaviour ("users skip the video", "shown often and ignored"). A dismissal
 *   ("… is overkill", "… isn't needed", "… out later") negates the clause before it. Negated
 *   tokens never match a facet, except a facet phrase holding its own cue ("no history");
 * - a sentence with no verb, pronoun or reason word is a list of terms (its items are split at
 *   commas, semicolons, bullets and plus signs); facets must then meet inside one item, and the
 *   label of "label: item, item" belongs to every item. A labelled breakdown of numbers
 *   ("latency split: retrieval 40, ranking 50 ms") is reasoning, not a list.
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
  IGNORE_WORDS,
  IGNORE_DECIDERS,
  SKIP_WORDS,
  SKIP_DECIDERS,
  SUBJECTS,
  PHRASE_NEGATORS,
  BEFORE_PHRASE_NO,
  PREPOSITIONS,
  INTRO_WORDS,
  NEGATION_ENDS,
  SHORTHAND,
  STEM_OVERRIDES,
  SLASH_TERMS,
  NUMBER_WORDS,
  SPELLING,
} from './words.js';

/** One word of a sentence, stemmed, with its place in the sentence's list items. */
export interface Token {
  stem: string;
  /** Inside a negated clause: never credited. */
  negated: boolean;
  /**
   * Index of the negator whose scope holds this token, -1 when not negated or negated by a
   * dismissal; a facet phrase that holds the negator itself ("no history", "without an id") matches.
   */
  cue: number;
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

/** Contractions after a pronoun, written out ("I'd" = "i would"). */
const CONTRACTIONS: Record<string, string> = { d: 'would', ll: 'will', m: 'am', re: 'are', ve: 'have', s: 'is' };

/** Lower case, no accents or apostrophes, hyphens as spaces, spellings folded, numbers normalised. */
export function normalise(text: string): string {
  let t = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    // Thousands separators and magnitude suffixes, before lower-casing ("35k", "20M", "3B", "35,000").
    .replace(/(\d),(?=\d{3}\b)/g, '$1')
    .replace(/\b(\d+(?:\.\d+)?)\s?([kKMB]|bn)\b/g, (_, n: string, s: string) => scaled(n, s))
    .toLowerCase()
    // "I'd push for", "we're", "it's": the subject and verb a clause needs, not one made-up word.
    .replace(/\b(i|we|you|they|it|that|there)['’](d|ll|m|re|ve|s)\b/g, (_, w: string, c: string) => `${w} ${CONTRACTIONS[c]}`)
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
  return Object.hasOwn(STEM_OVERRIDES, word) ? STEM_OVERRIDES[word]! : (/^\p{L}+$/u.test(word) ? stemmer(word) : word);
}

/** A piece with shorthand and number words written out (a shorthand may become two words). */
function expand(piece: string): string {
  return Object.hasOwn(SHORTHAND, piece) ? SHORTHAND[piece]! : Object.hasOwn(NUMBER_WORDS, piece) ? NUMBER_WORDS[piece]! : piece;
}

/** The stems of a term (word or phrase) as the matcher compares them; articles dropped. */
export function termStems(term: string): string[] {
  return (normalise(term).match(PIECE) ?? [])
    .map(expand)
    .flatMap((w) => w.split(' '))
    .filter((w) => WORD.test(w) && !ARTICLES.has(w))
    .map(stemWord);
}

const BULLET = /^(\s*)(?:[-*•·]+|\d+[.)])\s+/;

/**
 * A short line ending in a colon ("monitor:", "- latency split:") labels the bullet lines under it:
 * each becomes "monitor: accept rate", as if written on one line.
 */
function carryLabels(lines: readonly string[]): string[] {
  let label: { text: string; indent: number; bullet: boolean } | null = null;
  return lines.map((line) => {
    const b = BULLET.exec(line);
    const indent = (b?.[1] ?? /^\s*/.exec(line)![0]).length;
    if (label && b && (!label.bullet || indent > label.indent)) return `${label.text} ${line.slice(b[0].length)}`;
    label = null;
    const body = (b ? line.slice(b[0].length) : line).trim();
    if (/^[^:]{1,40}:$/.test(body) && body.split(/\s+/).length <= 4) label = { text: body, indent, bullet: b !== null };
    return line;
  });
}

/**
 * Splits text into sentences: at line ends, and at ". ", "! " or "? " inside a line. Bullet lines
 * under a "label:" line carry the label.
 */
export function splitSentences(text: string): string[] {
  return carryLabels(text.split('\n'))
    // "e.g. x" and "vs. y" do not end a sentence.
    .map((line) => line.replace(/\b(e\.g|i\.e|vs|etc|approx|incl|esp|cf)\.(?=\s)/gi, '$1'))
    .flatMap((line) => line.split(/(?<=[.!?])\s+(?=\S)/))
    .map((s) => s.replace(/^\s*(?:[-*•·>]+|\d+[.)])\s+/, '').trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
}

const isNumber = (w: string) => /^\d+(?:\.\d+)?$/.test(w);

/** The stretch of pieces after index `i` up to the next comma, clause boundary or negation end. */
function stretchAfter(pieces: readonly string[], i: number): string[] {
  const out: string[] = [];
  for (let k = i + 1; k < pieces.length; k++) {
    const q = pieces[k]!.trim() || pieces[k]!;
    if (q === ',' || BOUNDARY.has(q) || NEGATION_ENDS.has(q)) break;
    if (WORD.test(q) && !ARTICLES.has(q)) out.push(q);
  }
  return out;
}

/** A stretch after a comma that is a clause of its own: it opens with a subject. */
const startsClause = (stretch: readonly string[]) => stretch[0] !== undefined && SUBJECTS.has(stretch[0]);

/** Words before a line's first colon, when they are a short label ("latency split: …"), else 0. */
function labelLength(pieces: readonly string[]): number {
  const colon = pieces.indexOf(':');
  if (colon < 1) return 0;
  const before = pieces.slice(0, colon);
  const words = before.filter((q) => !ARTICLES.has(q)).length;
  return before.every((q) => WORD.test(q)) && words >= 1 && words <= 4 ? colon : 0;
}

/** One sentence prepared for matching. */
export function prepareSentence(text: string): Sentence {
  const pieces = (normalise(text).match(PIECE) ?? []).map(expand);
  // cue: index of the negator whose scope holds this word, -1 when none (or when a dismissal negated it).
  const words: { w: string; negated: boolean; cue: number; item: number }[] = [];
  // The word that opened the negation in force, -1 when none.
  let opener = -1;
  // The negation in force covers a noun phrase only ("without a click", "with no history").
  let phrase = false;
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
  // "For a new policy with no labels, …": an opening adverbial phrase ends at its comma.
  const firstWord = pieces.find((q) => WORD.test(q));
  const intro = firstWord !== undefined && INTRO_WORDS.has(firstWord);
  let commas = 0;
  // "label: item, item": the label's words belong to every item (item -1).
  const label = labelLength(pieces);
  let item = label ? -1 : 0;
  const numbered = new Set<number>();
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
    if (isNumber(p)) numbered.add(item);
    if (p === '(') paren = true;
    if (p === ')') paren = false;
    // A parenthetical clause after a design choice is its reason: "BM25 + ANN (each covers the other's gaps)".
    if (paren && CLAUSE_WORDS.has(p)) worded = reasoned = true;
    if (CLAUSE_WORDS.has(p)) {
      clause = true;
      stretches.at(-1)!.clause = true;
    }
    if (label && i === label) item = 0;
    if (ITEM_SEPARATORS.has(p)) {
      item++;
      if (p === ',') {
        stretches.push({ start: words.length, clause: false });
        // A negation covers a plain list ("skip calibration, switchbacks and canaries") but not
        // the next clause ("no labels yet, so an LLM labels", "…, we ship raw scores").
        if (opener >= 0) {
          const after = stretchAfter(pieces, i);
          const listy = after.some((q) => q === 'and' || q === 'or' || q === 'nor');
          // After an opening phrase, a long stretch or one that is not "x or y" is the main clause.
          if (startsClause(after) || (intro && commas === 0 && (after.length >= 7 || (after.length >= 4 && !listy)))) opener = -1;
        }
        commas++;
      }
    }
    if (NEGATION_ENDS.has(p)) opener = -1;
    if (BOUNDARY.has(p)) {
      opener = -1;
      conditional = false;
      stretches = [{ start: words.length, clause: false }];
      if (!WORD.test(p)) continue;
    }
    if (!WORD.test(p)) continue;
    if (ARTICLES.has(p)) continue;
    const here = words.length;
    if (opener >= 0 && phrase && here > opener + 1 && CLAUSE_WORDS.has(p) && !PREPOSITIONS.has(p)) opener = -1;
    const avoidNegates = p === 'avoid' && !(prev && PURPOSE_BEFORE_AVOID.has(prev));
    // "forget H3" dismisses; "drivers forget to end trips" does not (a subject comes first).
    const atStart = here === stretches.at(-1)!.start;
    const forgetNegates = p === 'forget' && atStart;
    // "a skipped result", "skipped videos are negatives", "users skip it": behaviour, not a decision.
    const skipNegates =
      SKIP_WORDS.has(p) && !ARTICLES.has(pieces[i - 1] ?? '') && (((atStart || prev === undefined) && (p === 'skip' || p === 'skipping')) || (prev !== undefined && SKIP_DECIDERS.has(prev)));
    // "we ignore X" / "X can be ignored" is a decision; "shown many times and ignored" is behaviour.
    const ignoreDecided = IGNORE_WORDS.has(p) && (atStart || (prev !== undefined && IGNORE_DECIDERS.has(prev)));
    const ignoreBackward = ignoreDecided && (next === undefined || !WORD.test(next) || BOUNDARY.has(next) || ['be', 'been', 'is', 'are', 'was', 'were'].includes(prev ?? ''));
    if (CONDITIONS.has(p)) conditional = true;
    else if (!conditional && opener < 0 && (NEGATORS.has(p) || avoidNegates || forgetNegates || skipNegates || (ignoreDecided && !ignoreBackward) || (p === 'instead' && next === 'of') || (p === 'rather' && next === 'than'))) {
      opener = here;
      phrase = PHRASE_NEGATORS.has(p) || (p === 'no' && prev !== undefined && BEFORE_PHRASE_NO.has(prev));
    }
    const dismissed =
      !conditional &&
      (DISMISSALS.has(p) || ignoreBackward || (NEGATED_DISMISSALS.has(p) && words.slice(-3).some((x) => NEGATORS.has(x.w))) || (prev !== undefined && Object.hasOwn(PAIRED_DISMISSALS, prev) && PAIRED_DISMISSALS[prev]!.has(p)));
    if (dismissed) for (let j = scopeStart(); j < here; j++) words[j]!.negated = true;
    words.push({ w: p, negated: dismissed || opener >= 0, cue: dismissed ? -1 : opener, item });
  }
  // "latency split: retrieval 40, ranking 50 ms": a labelled breakdown of numbers is reasoning.
  const items = Math.max(item, 0) + 1;
  const numberedItems = [...numbered].filter((k) => k >= 0).length;
  const breakdown = label > 0 && numberedItems >= 3 && numberedItems * 2 >= items;
  return {
    text: text.trim(),
    tokens: words.map((x) => ({ stem: stemWord(x.w), negated: x.negated, cue: x.negated ? x.cue : -1, item: x.item })),
    reasoned,
    // Numbers do not make a list of terms into reasoning: "Kafka, 50 ms, H3" is still a list.
    list: !worded && !clause && !breakdown,
  };
}

/** Every sentence of a text, prepared. */
export function prepareText(text: string): Sentence[] {
  return splitSentences(text).map(prepareSentence);
}
