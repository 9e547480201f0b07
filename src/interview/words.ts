/**
 * The word tables the grader reads notes with (see text.ts): negation cues, dismissals, reason and
 * mechanism words, clause words, shorthand, spellings. Data only; extend here, not in the logic.
 */

/** Words dropped before matching, so "predict the distribution" = "predict a distribution". */
export const ARTICLES = new Set(['a', 'an', 'the']);

/** Ends a clause (for negation scope). Commas do not: "skip shadow, canary and kill switch" stays negated. */
export const BOUNDARY = new Set(['.', ';', ':', '!', '?', '(', ')', '[', ']', '->', '=>', '→', '⇒', '—', '–', ' - ', 'but', 'because', 'since', 'so', 'although', 'though', 'whereas', 'however', 'yet', 'b/c', 'bc']);

/** Negate what follows them in the clause. */
export const NEGATORS = new Set(['not', 'no', 'never', 'without', 'w/o', 'dont', 'doesnt', 'didnt', 'wont', 'wouldnt', 'shouldnt', 'cant', 'cannot', 'couldnt', 'isnt', 'arent', 'wasnt', 'werent', 'neither', 'nor', 'forgo', 'ditch']);

/** Negate the clause before them ("switchbacks are overkill"). */
export const DISMISSALS = new Set(['overkill', 'unnecessary', 'needless', 'pointless', 'useless', 'premature', 'irrelevant', 'waste', 'unneeded', 'optional', 'negligible']);

/**
 * "ignore" is the candidate's decision only after these ("we ignore X", "just ignore X", "X can be
 * ignored", "X is safely ignored"); "shown many times and ignored" or "users ignore it" describe
 * behaviour and negate nothing.
 */
export const IGNORE_WORDS = new Set(['ignore', 'ignores', 'ignored', 'ignoring']);
export const IGNORE_DECIDERS = new Set(['we', 'i', 'just', 'simply', 'safely', 'can', 'could', 'would', 'will', 'should', 'be', 'been', 'is', 'are', 'lets', 'let']);

/**
 * "skip" negates at the start of a clause or after a decider ("skip calibration", "we skip hubs",
 * "and skip the canary"), not after another subject ("users skip the video" is a label).
 */
export const SKIP_WORDS = new Set(['skip', 'skips', 'skipping', 'skipped']);
export const SKIP_DECIDERS = new Set([...IGNORE_DECIDERS, 'and', 'to', 'or', 'then']);

/** After a comma, a clause of its own starts with a subject ("…, we ship raw scores"). */
export const SUBJECTS = new Set(['we', 'i', 'it', 'they', 'you', 'he', 'she', 'this', 'that', 'these', 'those', 'there', 'our', 'their', 'my', 'your']);

/**
 * End a negation without ending the clause for dismissals: "needs no generation, then …",
 * "instead of reserving the maximum, which wastes memory".
 */
export const NEGATION_ENDS = new Set(['then', 'which', 'while']);

/**
 * A sentence opened by one of these starts with an adverbial phrase; a negation inside it ends at
 * the comma that closes it when a clause follows ("For a new policy with no labels, an LLM labels
 * the queue"; "Rather than each team training its own, one shared embedding").
 */
export const INTRO_WORDS = new Set(['for', 'with', 'without', 'rather', 'instead', 'unlike', 'in', 'on', 'at', 'after', 'before', 'during', 'by', 'given', 'as', 'to']);

/** "without X" negates its noun phrase only: a verb after it ends the scope ("without a click gets discounted"). */
export const PHRASE_NEGATORS = new Set(['without', 'w/o']);
/** So does "no" after these ("users with no history get popularity", "we have no labels for it"). */
export const BEFORE_PHRASE_NO = new Set(['with', 'for', 'of', 'in', 'on', 'at', 'by', 'has', 'have', 'had', 'having']);
/** Prepositions among the clause words (they do not end a "without" phrase). */
export const PREPOSITIONS = new Set(['from', 'for', 'with', 'within', 'over', 'into', 'onto', 'across', 'between', 'toward', 'towards', 'after', 'before', 'without']);
/** Dismiss the clause before them when a negator precedes them ("calibration is not needed"). */
export const NEGATED_DISMISSALS = new Set(['needed', 'necessary', 'required', 'worth', 'matter', 'matters', 'important', 'useful', 'helpful', 'needs', 'need', 'relevant', 'essential', 'issue', 'issues', 'problem', 'problems', 'concern', 'concerns', 'priority', 'deal', 'bother']);
/** "… is too complex", "… can wait": a dismissal when the first word comes right before. */
export const PAIRED_DISMISSALS: Record<string, Set<string>> = { too: new Set(['complex', 'complicated', 'expensive', 'slow', 'heavy', 'much']), can: new Set(['wait']), out: new Set(['later']), for: new Set(['later']) };

/** Words that open a condition. */
export const CONDITIONS = new Set(['if', 'when', 'whenever', 'unless', 'once', 'until']);

/** "to avoid", "to keep": an infinitive of purpose is a reason. */
export const PURPOSE_VERB = /^(avoid|prevent|keep|reduce|catch|limit|cut|stop|protect|ensure|make|get|handle|bound|fit|hit|meet|stay|save|detect|spot)/;

/** "avoid" negates ("we avoid switchbacks") unless it states a purpose ("… to avoid leakage"). */
export const PURPOSE_BEFORE_AVOID = new Set(['to', 'and', 'help', 'helps', 'which', 'that', 'it', 'would']);

/** Reason, mechanism, condition and comparison words, and symbols that show a relation. */
export const REASONS = new Set([
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
export const CLAUSE_WORDS = new Set([
  'we', 'i', 'it', 'they', 'you', 'he', 'she', 'this', 'that', 'these', 'those', 'who', 'our', 'their', 'my', 'your', 'there',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'will', 'would', 'should', 'shall', 'can', 'could', 'may', 'might', 'must', 'do', 'does',
  'did', 'has', 'have', 'had', 'get', 'gets', 'got', 'need', 'needs', 'want', 'wants', 'use', 'uses', 'used', 'using', 'predict', 'predicts', 'learn',
  'learns', 'learned', 'trains', 'trained', 'serve', 'serves', 'served', 'fetch', 'fetches', 'fetched', 'compute', 'computes', 'computed', 'send',
  'sends', 'sent', 'reads', 'writes', 'written', 'publish', 'publishes', 'published', 'consume', 'consumes', 'runs', 'call', 'calls',
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

/**
 * Stems Porter merges that mean different things in design notes: "paged attention" is not "page the
 * on-call", a "dependency" is not "it depends", "timing" (a side channel) is not "time", an "adapter" (LoRA) is not "adapt".
 */
export const STEM_OVERRIDES: Record<string, string> = {
  paged: 'paged', paging: 'paging',
  dependency: 'dependenc', dependencies: 'dependenc', dependence: 'dependenc', dependent: 'dependent', dependents: 'dependent',
  timing: 'timing', timings: 'timing',
  // A LoRA adapter is not "adapt the model".
  adapter: 'adapter', adapters: 'adapter',
};

/** Separators between the items of a list sentence. */
export const ITEM_SEPARATORS = new Set([',', ';', '|', '·', '•', '+', '&']);

/** Note-taking shorthand written out, so "req path" = "request path" (whole words only). */
export const SHORTHAND: Record<string, string> = {
  req: 'request', reqs: 'requests', svc: 'service', svcs: 'services', feat: 'feature', feats: 'features', fcst: 'forecast', fcsts: 'forecasts',
  mult: 'multiplier', mults: 'multipliers', cand: 'candidate', cands: 'candidates', regr: 'regression', resid: 'residual', resids: 'residuals',
  dur: 'duration', seg: 'segment', segs: 'segments', imp: 'impression', imps: 'impressions', conv: 'conversion', convs: 'conversions', neg: 'negative',
  negs: 'negatives', recal: 'recalibration', perf: 'performance', 'w/': 'with', 'b/w': 'between', 't/o': 'timeout', gw: 'gateway', eval: 'evaluation',
  evals: 'evaluations', approx: 'approximately', avg: 'average', hr: 'hour', hrs: 'hours', mo: 'month', wk: 'week', wks: 'weeks', pred: 'prediction',
  preds: 'predictions', emb: 'embedding', embs: 'embeddings', idx: 'index', db: 'database', recs: 'recommendations', infra: 'infrastructure',
  ctx: 'context', prob: 'problem', probs: 'problems', sep: 'separate', '||': 'parallel', asym: 'asymmetric', pos: 'position', cal: 'calibration',
  thru: 'through', deps: 'dependencies', bc: 'because', 'b/c': 'because', cuz: 'because', '&': 'and',
};

/** Terms whose slash is part of the term. */
export const SLASH_TERMS = new Set(['a/b', 'pub/sub', 'w/o', 'w/', 't/o', 'b/c', 'b/w', 'i/o', 'n/a', 'tcp/ip', 'req/s', 'requests/s', 'and/or']);

/** Number words as digits, so "two problems" = "2 problems". */
export const NUMBER_WORDS: Record<string, string> = { one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10', hundred: '100', thousand: '1000', million: '1000000', billion: '1000000000' };

/** British spellings folded to American ones before stemming (only where Porter keeps them apart). */
export const SPELLING: [RegExp, string][] = [
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
