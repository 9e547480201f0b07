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
const PIECE = /->|=>|→|⇒|—|–|\s-\s|[\p{L}\p{N}]+(?:[/.][\p{L}\p{N}]+)*|[.,;:!?()[\]=<>~≈×+|·•&]/gu;

/** Words dropped before matching, so "predict the distribution" = "predict a distribution". */
const ARTICLES = new Set(['a', 'an', 'the']);

/** Ends a clause (for negation scope). Commas do not: "skip shadow, canary and kill switch" stays negated. */
const BOUNDARY = new Set(['.', ';', ':', '!', '?', '(', ')', '[', ']', '->', '=>', '→', '⇒', '—', '–', ' - ', 'but', 'because', 'since', 'so', 'although', 'though', 'whereas', 'however', 'yet', 'b/c', 'bc']);

/** Negate what follows them in the clause. */
const NEGATORS = new Set(['not', 'no', 'never', 'without', 'w/o', 'dont', 'doesnt', 'didnt', 'wont', 'wouldnt', 'shouldnt', 'cant', 'cannot', 'couldnt', 'isnt', 'arent', 'wasnt', 'werent', 'neither', 'nor', 'skip', 'skipping', 'skipped', 'nothing', 'none', 'forgo', 'ditch']);

/** Negate the clause before them ("switchbacks are overkill"). */
const DISMISSALS = new Set(['overkill', 'unnecessary', 'needless', 'pointless', 'useless', 'premature', 'irrelevant', 'waste', 'unneeded', 'optional']);
/** Dismiss the clause before them when a negator precedes them ("calibration is not needed"). */
const NEGATED_DISMISSALS = new Set(['needed', 'necessary', 'required', 'worth', 'matter', 'matters', 'important', 'useful', 'helpful', 'needs', 'need', 'relevant', 'essential']);

/** "avoid" negates ("we avoid switchbacks") unless it states a purpose ("… to avoid leakage"). */
const PURPOSE_BEFORE_AVOID = new Set(['to', 'and', 'help', 'helps', 'which', 'that', 'it', 'would']);

/** Reason, mechanism, condition and comparison words, and symbols that show a relation. */
const REASONS = new Set([
  'because', 'since', 'so', 'therefore', 'thus', 'hence', 'otherwise', 'else', 'means', 'meaning', 'which', 'why', 'due', 'via', 'through',
  'when', 'whenever', 'if', 'unless', 'until', 'once', 'then', 'avoid', 'avoids', 'avoiding', 'prevent', 'prevents', 'preventing', 'reduce', 'reduces',
  'keep', 'keeps', 'ensure', 'ensures', 'lets', 'allows', 'enables', 'gives', 'causes', 'leads', 'drives', 'makes', 'biases', 'biased', 'vs', 'versus',
  'than', 'tradeoff', 'trade-off', 'instead', 'rather', 'b/c', 'bc', 'cuz', 'i.e', 'e.g', 'whereas', 'while', 'inflates', 'hides', 'breaks', 'limits',
  'bounds', 'caps', 'cuts', 'protects', 'guarantees', 'catches', 'measures', 'depends', 'affects', 'reacts', 'respond', 'responds', 'against',
  '->', '=>', '→', '⇒', '=', '<', '>', '≈', '~', '×',
]);

/** Words that make a sentence a clause rather than a list of terms: pronouns, auxiliaries, common verbs. */
const CLAUSE_WORDS = new Set([
  'we', 'i', 'it', 'they', 'you', 'he', 'she', 'this', 'that', 'these', 'those', 'who', 'what', 'our', 'their', 'its', 'my', 'your', 'there',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'will', 'would', 'should', 'shall', 'can', 'could', 'may', 'might', 'must', 'do', 'does',
  'did', 'has', 'have', 'had', 'get', 'gets', 'got', 'need', 'needs', 'want', 'wants', 'use', 'uses', 'used', 'using', 'predict', 'predicts', 'learn',
  'learns', 'train', 'trains', 'trained', 'serve', 'serves', 'served', 'fetch', 'fetches', 'fetched', 'compute', 'computes', 'computed', 'send', 'sends',
  'read', 'reads', 'write', 'writes', 'publish', 'publishes', 'published', 'consume', 'consumes', 'run', 'runs', 'call', 'calls', 'called', 'return',
  'returns', 'take', 'takes', 'give', 'make', 'let', 'pick', 'picks', 'choose', 'chooses', 'join', 'joins', 'drop', 'drops', 'dropped', 'remove',
  'removes', 'removed', 'measure', 'compare', 'compares', 'tune', 'tuned', 'fit', 'fits', 'become', 'becomes', 'happen', 'happens', 'work', 'works',
  'help', 'helps', 'depend', 'drive', 'react', 'change', 'changes', 'changed', 'increase', 'increases', 'decrease', 'decreases', 'lower', 'lowers',
  'raise', 'raises', 'grow', 'grows', 'fall', 'falls', 'fail', 'fails', 'wait', 'waits', 'arrive', 'arrives', 'look', 'looks', 'find', 'finds', 'check',
  'checks', 'include', 'includes', 'exclude', 'excludes', 'treat', 'treats', 'capture', 'captures', 'represent', 'represents', 'encode', 'encodes',
  'combine', 'combines', 'blend', 'blends', 'corrects', 'adjust', 'adjusts', 'add', 'adds', 'added', 'put', 'puts', 'build', 'builds', 'built', 'go',
  'goes', 'come', 'comes', 'see', 'sees', 'know', 'think', 'assume', 'assumes', 'expect', 'expects', 'propose', 'suggest', 'prefer', 'hold', 'holds',
  'carry', 'carries', 'cover', 'covers', 'contain', 'contains', 'show', 'shows', 'shift', 'shifts', 'chase', 'chases', 'move', 'moves', 'charge',
  'charges', 'lock', 'locks', 'locked', 'convert', 'converts', 'turn', 'turns', 'explain', 'explains', 'mean', 'beat', 'beats', 'handle', 'handles',
  'generate', 'generates', 'save', 'saves', 'pay', 'pays', 'pass', 'passes', 'reach', 'reaches', 'stay', 'stays', 'leak', 'leaks', 'start', 'starts',
  'stop', 'stops', 'set', 'sets', 'split', 'splits', 'feed', 'feeds', 'hash', 'hashes', 'hashed', 'embed', 'embeds', 'store', 'stores', 'stored',
  'cache', 'caches', 'cached', 'log', 'logs', 'logged', 'ship', 'ships', 'launch', 'launches', 'retrain', 'retrains', 'refresh', 'refreshes', 'estimate',
  'estimates', 'forecast', 'forecasts', 'smooth', 'smooths', 'smoothed', 'cap', 'capped', 'score', 'scores', 'scored', 'rank', 'ranks', 'ranked',
  'retrieve', 'retrieves', 'filter', 'filters', 'filtered', 'randomise', 'randomize', 'randomised', 'randomized', 'label', 'labels', 'labelled',
  'labeled', 'bid', 'bids', 'pace', 'paces', 'spend', 'spends', 'win', 'wins', 'lose', 'loses', 'ask', 'asks', 'ignore', 'ignores', 'miss', 'misses',
  'replace', 'replaces', 'upgrade', 'matters', 'matter', 'live', 'lives', 'sit', 'sits', 'own', 'owns', 'owned', 'matches', 'match', 'fill', 'fills',
  'like', 'also', 'only', 'just', 'first', 'each', 'every', 'all', 'both', 'any', 'some', 'most', 'more', 'less', 'same', 'other', 'how', 'where',
]);

/** Separators between the items of a list sentence. */
const ITEM_SEPARATORS = new Set([',', ';', '|', '·', '•', '+', '&']);

/** British spellings folded to American ones before stemming (only where Porter keeps them apart). */
const SPELLING: [RegExp, string][] = [
  [/\b(optim|random|normal|minim|maxim|personal|priorit|categor|summar|token|general|regular|special|util|real|recogn|organ|visual|standard|custom|initial|serial|parallel|vector|quant|bucket|discret|amort|penal|stabil|synchron|local|central|decentral|character|sanit|legal|monet|incentiv|anonym|memor|emphas|capital|final|factor|modern|operational|author|industrial|harmon|familiar|neutral|hospital|critic|prior|budget|itemi|lemmat|contextual|democrat|jeopard|rational)is(e|es|ed|ing|ation|ations|er|ers)\b/g, '$1iz$2'],
  [/\b(neighb|behavi|col|fav|lab|flav|harb|hon|rum|hum|arm)our/g, '$1or'],
  [/\bfulfilment/g, 'fulfillment'],
  [/\bcatalogue/g, 'catalog'],
  [/\b(cent|met|lit|fib|theat)re(s?)\b/g, '$1er$2'],
  [/\banalys(e|es|ed|ing)\b/g, 'analyz$1'],
  [/\blicence/g, 'license'],
  [/\bdefence/g, 'defense'],
  [/\bgrey/g, 'gray'],
  [/\bprogramme/g, 'program'],
  [/\b(model|label|cancel|travel|signal|fuel|level|channel)l(ing|ed|er|ers)\b/g, '$1$2'],
];

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
    // A hyphen or underscore inside a word joins parts of one term: "k-ring" = "k ring".
    .replace(/(?<=[\p{L}\p{N}])[-_](?=[\p{L}\p{N}])/gu, ' ');
  for (const [re, to] of SPELLING) t = t.replace(re, to);
  // A number followed by letters is a quantity and its unit: "50ms" = "50 ms", "3x" = "3 x".
  return t.replace(/\b(\d+(?:\.\d+)?)(\p{L}+)\b/gu, '$1 $2');
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

/** The stems of a term (word or phrase) as the matcher compares them; articles dropped. */
export function termStems(term: string): string[] {
  return (normalise(term).match(new RegExp(WORD.source, 'gu')) ?? []).filter((w) => !ARTICLES.has(w)).map(stemWord);
}

/** Splits text into sentences: at line ends, and at ". ", "! " or "? " inside a line. */
export function splitSentences(text: string): string[] {
  return text
    .split('\n')
    .flatMap((line) => line.split(/(?<=[.!?])\s+(?=\S)/))
    .map((s) => s.replace(/^\s*(?:[-*•·>]+|\d+[.)])\s+/, '').trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
}

const isNumber = (w: string) => /^\d+(?:\.\d+)?$/.test(w);

/** One sentence prepared for matching. */
export function prepareSentence(text: string): Sentence {
  const pieces = normalise(text).match(PIECE) ?? [];
  const words: { w: string; negated: boolean; item: number }[] = [];
  let negating = false;
  let clauseStart = 0; // index in `words` where the current comma-delimited stretch began
  let item = 0;
  let reasoned = false;
  let clause = false;
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!.trim() || pieces[i]!;
    const next = pieces[i + 1];
    const prev = words.at(-1)?.w;
    if (REASONS.has(p) || isNumber(p) || (p === 'by' && next?.endsWith('ing')) || (p === 'to' && next !== undefined && /^(avoid|prevent|keep|reduce|catch|limit|cut|stop|protect|ensure|make|get|handle|bound)/.test(next))) reasoned = true;
    if (CLAUSE_WORDS.has(p)) clause = true;
    if (ITEM_SEPARATORS.has(p)) {
      item++;
      if (p === ',' || p === ';') clauseStart = words.length;
    }
    if (BOUNDARY.has(p)) {
      negating = false;
      clauseStart = words.length;
      if (!WORD.test(p)) continue;
    }
    if (!WORD.test(p)) continue;
    if (ARTICLES.has(p)) continue;
    const avoidNegates = p === 'avoid' && !(prev && PURPOSE_BEFORE_AVOID.has(prev));
    if (NEGATORS.has(p) || avoidNegates || (p === 'instead' && next === 'of') || (p === 'rather' && next === 'than')) negating = true;
    const dismissed = DISMISSALS.has(p) || (NEGATED_DISMISSALS.has(p) && words.slice(-3).some((x) => NEGATORS.has(x.w)));
    if (dismissed) for (let j = clauseStart; j < words.length; j++) words[j]!.negated = true;
    words.push({ w: p, negated: negating || dismissed, item });
  }
  return {
    text: text.trim(),
    tokens: words.map((x) => ({ stem: stemWord(x.w), negated: x.negated, item: x.item })),
    reasoned,
    list: !reasoned && !clause,
  };
}

/** Every sentence of a text, prepared. */
export function prepareText(text: string): Sentence[] {
  return splitSentences(text).map(prepareSentence);
}
