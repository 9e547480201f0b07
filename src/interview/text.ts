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
const PIECE = /\|\||->|=>|→|⇒|—|–|\s-\s|[\p{L}\p{N}]+(?:[/.][\p{L}\p{N}]+)*|[.,;:!?()[\]=<>~≈×∝+|·•&]/gu;

/** Words dropped before matching, so "predict the distribution" = "predict a distribution". */
const ARTICLES = new Set(['a', 'an', 'the']);

/** Ends a clause (for negation scope). Commas do not: "skip shadow, canary and kill switch" stays negated. */
const BOUNDARY = new Set(['.', ';', ':', '!', '?', '(', ')', '[', ']', '->', '=>', '→', '⇒', '—', '–', ' - ', 'but', 'because', 'since', 'so', 'although', 'though', 'whereas', 'however', 'yet', 'b/c', 'bc']);

/** Negate what follows them in the clause. */
const NEGATORS = new Set(['not', 'no', 'never', 'without', 'w/o', 'dont', 'doesnt', 'didnt', 'wont', 'wouldnt', 'shouldnt', 'cant', 'cannot', 'couldnt', 'isnt', 'arent', 'wasnt', 'werent', 'neither', 'nor', 'skip', 'skipping', 'skipped', 'forgo', 'ditch']);

/** Negate the clause before them ("switchbacks are overkill"). */
const DISMISSALS = new Set(['overkill', 'unnecessary', 'needless', 'pointless', 'useless', 'premature', 'irrelevant', 'waste', 'unneeded', 'optional', 'negligible', 'ignored', 'ignore']);
/** Dismiss the clause before them when a negator precedes them ("calibration is not needed"). */
const NEGATED_DISMISSALS = new Set(['needed', 'necessary', 'required', 'worth', 'matter', 'matters', 'important', 'useful', 'helpful', 'needs', 'need', 'relevant', 'essential', 'issue', 'issues', 'problem', 'problems', 'concern', 'concerns', 'priority', 'deal', 'bother']);
/** "… is too complex", "… can wait": a dismissal when the first word comes right before. */
const PAIRED_DISMISSALS: Record<string, Set<string>> = { too: new Set(['complex', 'complicated', 'expensive', 'slow', 'heavy', 'much']), can: new Set(['wait']) };

/** Words that open a condition. */
const CONDITIONS = new Set(['if', 'when', 'whenever', 'unless', 'once', 'until']);

/** "to avoid", "to keep": an infinitive of purpose is a reason. */
const PURPOSE_VERB = /^(avoid|prevent|keep|reduce|catch|limit|cut|stop|protect|ensure|make|get|handle|bound|fit|hit|meet|stay|save|detect|spot)/;

/** "avoid" negates ("we avoid switchbacks") unless it states a purpose ("… to avoid leakage"). */
const PURPOSE_BEFORE_AVOID = new Set(['to', 'and', 'help', 'helps', 'which', 'that', 'it', 'would']);

/** Reason, mechanism, condition and comparison words, and symbols that show a relation. */
const REASONS = new Set([
  'because', 'since', 'so', 'therefore', 'thus', 'hence', 'otherwise', 'else', 'means', 'meaning', 'which', 'why', 'due', 'via', 'through',
  'when', 'whenever', 'if', 'unless', 'until', 'once', 'then', 'avoid', 'avoids', 'avoiding', 'prevent', 'prevents', 'preventing', 'reduce', 'reduces',
  'keep', 'keeps', 'ensure', 'ensures', 'lets', 'allows', 'enables', 'gives', 'causes', 'leads', 'drives', 'makes', 'biases', 'biased', 'vs', 'versus',
  'than', 'tradeoff', 'trade-off', 'instead', 'rather', 'b/c', 'bc', 'cuz', 'i.e', 'e.g', 'whereas', 'while', 'inflates', 'hides', 'breaks', 'limits',
  'bounds', 'caps', 'cuts', 'protects', 'guarantees', 'catches', 'measures', 'depends', 'affects', 'reacts', 'respond', 'responds', 'against',
  // Mechanism: how one thing is done with or from another.
  'using', 'with', 'from', 'given',
  '->', '=>', '→', '⇒', '=', '<', '>', '≈', '~', '×', '∝',
]);

/**
 * Words that make a sentence a clause rather than a list of terms: pronouns, auxiliaries and verbs
 * that are rarely nouns in design notes ("bid", "log", "score", "cache" are left out: in a list of
 * terms they are nouns).
 */
const CLAUSE_WORDS = new Set([
  'we', 'i', 'it', 'they', 'you', 'he', 'she', 'this', 'that', 'these', 'those', 'who', 'our', 'their', 'my', 'your', 'there',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'will', 'would', 'should', 'shall', 'can', 'could', 'may', 'might', 'must', 'do', 'does',
  'did', 'has', 'have', 'had', 'get', 'gets', 'got', 'need', 'needs', 'want', 'wants', 'use', 'uses', 'used', 'using', 'predict', 'predicts', 'learn',
  'learns', 'learned', 'trains', 'trained', 'serve', 'serves', 'served', 'fetch', 'fetches', 'fetched', 'compute', 'computes', 'computed', 'send',
  'sends', 'sent', 'read', 'reads', 'write', 'writes', 'written', 'publish', 'publishes', 'published', 'consume', 'consumes', 'runs', 'call', 'calls',
  'called', 'return', 'returns', 'take', 'takes', 'give', 'make', 'let', 'pick', 'picks', 'choose', 'chooses', 'joins', 'drops', 'dropped', 'remove',
  'removes', 'removed', 'measure', 'compare', 'compares', 'tune', 'tuned', 'fits', 'become', 'becomes', 'happen', 'happens', 'works', 'help', 'helps',
  'depend', 'drive', 'react', 'changes', 'changed', 'increase', 'increases', 'decrease', 'decreases', 'lowers', 'raise', 'raises', 'grow', 'grows',
  'falls', 'fail', 'fails', 'wait', 'waits', 'arrive', 'arrives', 'look', 'looks', 'find', 'finds', 'checks', 'include', 'includes', 'exclude',
  'excludes', 'treat', 'treats', 'capture', 'captures', 'represent', 'represents', 'encode', 'encodes', 'combine', 'combines', 'blend', 'blends',
  'corrects', 'adjust', 'adjusts', 'add', 'adds', 'added', 'put', 'puts', 'build', 'builds', 'built', 'go', 'goes', 'come', 'comes', 'see', 'sees',
  'know', 'think', 'assume', 'assumes', 'expect', 'expects', 'propose', 'suggest', 'prefer', 'hold', 'holds', 'carry', 'carries', 'cover', 'covers',
  'contain', 'contains', 'show', 'shows', 'shift', 'shifts', 'chase', 'chases', 'moves', 'charges', 'locks', 'locked', 'convert', 'converts', 'turn',
  'turns', 'explain', 'explains', 'mean', 'beat', 'beats', 'handle', 'handles', 'generate', 'generates', 'saves', 'pays', 'passes', 'reach', 'reaches',
  'stay', 'stays', 'leaks', 'starts', 'stops', 'splits', 'feeds', 'hashes', 'hashed', 'embeds', 'stores', 'stored', 'cached', 'logs', 'logged', 'ships',
  'launches', 'retrain', 'retrains', 'refresh', 'refreshes', 'estimates', 'forecasts', 'smooths', 'capped', 'scores', 'scored', 'ranks', 'ranked', 'retrieve',
  'retrieves', 'filtered', 'randomise', 'randomize', 'labelled', 'labeled', 'bids', 'paces', 'spends', 'wins', 'loses', 'ask', 'asks', 'ignore', 'ignores',
  'misses', 'replace', 'replaces', 'lives', 'sits', 'owns', 'owned', 'matches', 'fills', 'pulls', 'pushes', 'goes', 'gets', 'keeps', 'comes', 'borrow',
  'borrows', 'reserve', 'answered', 'answer', 'flow', 'flows', 'come', 'thought', 'costs', 'counts', 'shown', 'bought', 'clicked', 'seen', 'sees',
  // Prepositions that relate terms ("prior from similar campaigns"): a list of buzzwords has none.
  'from', 'for', 'with', 'within', 'over', 'into', 'onto', 'across', 'between', 'toward', 'towards', 'after', 'before', 'without',
]);

/** Separators between the items of a list sentence. */
const ITEM_SEPARATORS = new Set([',', ';', '|', '·', '•', '+', '&']);

/** Note-taking shorthand written out, so "req path" = "request path" (whole words only). */
const SHORTHAND: Record<string, string> = {
  req: 'request', reqs: 'requests', svc: 'service', svcs: 'services', feat: 'feature', feats: 'features', fcst: 'forecast', fcsts: 'forecasts',
  mult: 'multiplier', mults: 'multipliers', cand: 'candidate', cands: 'candidates', regr: 'regression', resid: 'residual', resids: 'residuals',
  dur: 'duration', seg: 'segment', segs: 'segments', imp: 'impression', imps: 'impressions', conv: 'conversion', convs: 'conversions', neg: 'negative',
  negs: 'negatives', recal: 'recalibration', perf: 'performance', 'w/': 'with', 'b/w': 'between', 't/o': 'timeout', gw: 'gateway', eval: 'evaluation',
  evals: 'evaluations', approx: 'approximately', avg: 'average', hr: 'hour', hrs: 'hours', mo: 'month', wk: 'week', wks: 'weeks', pred: 'prediction',
  preds: 'predictions', emb: 'embedding', embs: 'embeddings', idx: 'index', db: 'database', recs: 'recommendations', infra: 'infrastructure',
  ctx: 'context', prob: 'problem', probs: 'problems', sep: 'separate', '||': 'parallel', asym: 'asymmetric', pos: 'position', cal: 'calibration',
  thru: 'through', bc: 'because', 'b/c': 'because', cuz: 'because', '&': 'and',
};

/** Terms whose slash is part of the term. */
const SLASH_TERMS = new Set(['a/b', 'pub/sub', 'w/o', 'w/', 't/o', 'b/c', 'b/w', 'i/o', 'n/a', 'tcp/ip', 'req/s', 'requests/s', 'and/or']);

/** Number words as digits, so "two problems" = "2 problems". */
const NUMBER_WORDS: Record<string, string> = { one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10', hundred: '100', thousand: '1000', million: '1000000', billion: '1000000000' };

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
