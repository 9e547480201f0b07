/** How the grader reads notes: normalising, stemming, negation scope, reasons and list lines, as tables. */
import { describe, expect, it } from 'vitest';
import { buildLexicon } from '../../src/interview/lexicon.js';
import { gradeNotes, gradePoints, withFlips, type GradableProblem } from '../../src/interview/grade.js';
import { normalise, prepareSentence, splitSentences, termStems } from '../../src/interview/text.js';
import { parseNotes, phaseOfHeading } from '../../src/interview/notes.js';

describe('normalising', () => {
  it.each([
    ['50ms', '50 ms'],
    ['35k QPS', '35000 qps'],
    ['35,000 qps', '35000 qps'],
    ['20M trips', '20000000 trips'],
    ['1.5x cap', '1.5 x cap'],
    ['k-ring', 'k ring'],
    ['Optimise the neighbours', 'optimize the neighbors'],
    ['don’t', 'dont'],
    ['Café', 'cafe'],
    ['p99 and h3', 'p99 and h3'],
    ["I'd push, we're done, it's fine", 'i would push, we are done, it is fine'],
  ])('%j → %j', (raw, want) => expect(normalise(raw)).toBe(want));

  it('stems words so forms meet, keeps tokens with digits or slashes whole', () => {
    expect(termStems('routing engines')).toEqual(termStems('route engine'));
    expect(termStems('the A/B tests')).toEqual(['a/b', 'test']);
    expect(termStems('Labelled')).toEqual(termStems('labeling'));
    expect(termStems('p99')).toEqual(['p99']);
    expect(termStems('team deps')).toEqual(termStems('team dependencies'));
  });

  it('carries a "label:" line into the bullets under it', () => {
    expect(splitSentences('monitor:\n- accept rate\n- reject rate\nnext line\n- other')).toEqual(['monitor:', 'monitor: accept rate', 'monitor: reject rate', 'next line', 'other']);
    expect(splitSentences('- latency split:\n  - retrieval 40 ms\n- ranking')).toEqual(['latency split:', 'latency split: retrieval 40 ms', 'ranking']);
    expect(splitSentences('The plan is simple: we start small.\n- a thing')).toEqual(['The plan is simple: we start small.', 'a thing']);
  });

  it('splits sentences at line ends and sentence stops, not at decimals, and drops bullets', () => {
    expect(splitSentences('- one thing. Two things!\n* 0.74 km² cells\n\n  ')).toEqual(['one thing.', 'Two things!', '0.74 km² cells']);
  });
});

const negated = (text: string) =>
  prepareSentence(text)
    .tokens.filter((t) => t.negated)
    .map((t) => t.stem)
    .join(' ');

describe('negation scope', () => {
  it.each([
    ["we don't need switchbacks", 'we dont need switchback'],
    ['skip calibration, it is fine', 'skip calibr'],
    ['no need for a feature store', 'no need for featur store'],
    ['use switchbacks instead of rider-level A/B', 'instead of rider level a/b'],
    ['predict duration directly rather than a residual', 'rather than residu'],
    ['avoid calibration', 'avoid calibr'],
    ['smooth across neighbours to avoid cliffs', ''],
    ['switchbacks are overkill here', 'switchback ar overkil'],
    ['calibration is not needed, we ship raw scores', 'calibr is not need'],
    ['calibration is not needed. We ship calibrated scores', 'calibr is not need'],
    ['not a global A/B: riders share drivers', 'not global a/b'],
    ['without the model we fall back, so the router answers', 'without model'],
  ])('%j negates %j', (text, want) => expect(negated(text)).toBe(want));
});

describe('negation ends at a clause boundary, covers a plain list', () => {
  it.each([
    // A comma followed by a new clause (a subject) ends it; a list after a comma stays negated.
    ['we skip calibration, switchbacks and canaries', 'skip calibr switchback and canari'],
    ['no feature store, we compute features in the request', 'no featur store'],
    ['skip Kafka and Flink, a nightly batch job is enough', 'skip kafka and flink nightli batch job is enough'],
    // An opening adverbial phrase ends at its comma.
    ['For a new policy with no labels, a large language model labels the queue', 'no label'],
    ['For a new policy with no labels, a large language model prompted with the policy text labels items zero-shot or few-shot', 'no label'],
    ["Rather than each surface training its own, I'd push for a single unified embedding", 'rather than each surfac train it own'],
    ['Without labels, we bootstrap with an LLM', 'without label'],
    // …but a list inside the opening phrase stays negated.
    ['With no time for calibration, shadow traffic or the kill switch, we ship', 'no time for calibr shadow traffic or kill switch'],
    // "then", "which", "while" end a negation.
    ['instead of reserving the maximum length, which wastes memory, allocate blocks', 'instead of reserv maximum length'],
    ['it needs no generation, then the ranker reads the cache', 'no gener'],
    // "without" negates its noun phrase; a verb after it ends the scope.
    ['suggested many times without a click gets discounted', 'without click'],
    ['we ship without calibration, canaries or shadow traffic', 'without calibr canari or shadow traffic'],
    // Conditions still do not negate; "… out later" dismisses.
    ['when the rider does not cancel, we keep the trip', ''],
    ['we can sort the legal side out later', 'we can sort legal side out later'],
  ])('%j negates %j', (text, want) => expect(negated(text)).toBe(want));
});

describe('"ignore" and "skip" negate a decision, not user behaviour', () => {
  it.each([
    ['shown many times and ignored, so the score decays', ''],
    ['users ignore the suggestion', ''],
    ['users skip the video, a negative label', ''],
    ['we ignore position bias', 'ignor posit bia'],
    ['position bias can be ignored', 'posit bia can be ignor'],
    ['cold start for new members can be ignored', 'cold start for new member can be ignor'],
    ['skip the two-stage design', 'skip 2 stage design'],
    ['we retrain nightly and skip the canary', 'skip canari'],
    ['we skipped calibration', 'skip calibr'],
    ['clicks count, and a skipped result counts as a weak negative', ''],
    ['skipped videos are negatives', ''],
  ])('%j negates %j', (text, want) => expect(negated(text)).toBe(want));
});

describe('stems that mean different things stay apart', () => {
  it.each([
    ['paged attention', 'page'],
    ['KV paging', 'pages'],
    ['team dependencies', 'depends on'],
    ['dependency', 'it depends'],
    ['timing attack', 'time attack'],
  ])('%j does not meet %j', (a, b) => expect(termStems(a).join(' ')).not.toBe(termStems(b).join(' ')));

  it('keeps the forms of one meaning together', () => {
    expect(termStems('dependencies')).toEqual(termStems('dependency'));
    expect(termStems('pages')).toEqual(termStems('page'));
  });

  it('reads words that are also Object properties as words', () => {
    expect(prepareSentence('the constructor can wait').tokens.map((t) => t.stem)).toEqual(['constructor', 'can', 'wait']);
    expect(termStems('constructor toString')).toEqual(['constructor', 'tostr']);
  });
});

describe('reasons and lists', () => {
  it.each([
    ['DeepETA, residual, MAE, Kafka, Flink, H3, switchback, canary', { list: true, reasoned: false }],
    ['- Switchback experiments', { list: true, reasoned: false }],
    ['Predict the residual because the router already knows distance', { list: false, reasoned: true }],
    ['router ETA → learned correction', { list: false, reasoned: true }],
    ['p99 under 50 ms', { list: true, reasoned: true }],
    ['We use Kafka', { list: false, reasoned: false }],
    // "read" and "write" are nouns in a keyword line ("fan-out on read").
    ['fan-out on read, fan-out on write, hybrid', { list: true, reasoned: false }],
    // A labelled breakdown of numbers is reasoning; a labelled list of terms is still a list.
    ['latency split: KV 10, fresh expansion 30, feats 35, rank 35, filters 10 ms', { list: false, reasoned: true }],
    ['monitor: accept rate, reject rate, report rate', { list: true, reasoned: false }],
    ['scale: Kafka, 50 ms, H3', { list: true, reasoned: true }],
    // A contraction is a subject and a verb.
    ["I'd push for a single embedding", { list: false, reasoned: false }],
  ])('%j', (text, want) => {
    const s = prepareSentence(text);
    expect({ list: s.list && !s.reasoned, reasoned: s.reasoned }).toEqual({ list: want.list && !want.reasoned, reasoned: want.reasoned });
  });
});

const problem: GradableProblem = {
  phases: [
    { id: 'framing', title: 'ML framing and metrics' },
    { id: 'deep-dive', title: 'Deep dive' },
  ],
  checklist: [
    { id: 'residual', phase: 'framing', point: 'Residual over the router', facets: [['residual', 'correction'], ['router', 'base eta']] },
    { id: 'switchback', phase: 'deep-dive', point: 'Switchbacks for interference', facets: [['switchback'], ['interference', 'shared drivers']] },
  ],
};
const lex = buildLexicon([['router', 'routing engine'], ['gbdt', 'boosted trees', 'xgboost']]);
const grade = (text: string) => gradeNotes(problem, [{ phase: null, text }], lex);
const states = (text: string) => grade(text).points.map((p) => p.status);

describe('grading', () => {
  it.each([
    ['The routing engine gives a physics estimate, so the model learns the correction on top.', ['explained', 'missed']],
    ['residual over the router, switchback for interference', ['mentioned', 'mentioned']],
    ['residual, router, switchback, interference', ['missed', 'missed']],
    ['residual, switchback', ['missed', 'missed']],
    ['We predict a residual.', ['mentioned', 'missed']],
    ["We don't need switchbacks because interference is small.", ['missed', 'missed']],
    ['Switchbacks by city and hour.\nBecause riders and drivers are shared drivers across arms, interference biases a rider A/B.', ['missed', 'explained']],
    ['Switchbacks by city and hour.\nLatency is 50 ms.', ['missed', 'missed']],
    ['We run switchbacks by city and hour.\nLatency is 50 ms.', ['missed', 'mentioned']],
    ['', ['missed', 'missed']],
    // The label of "label: item, item" belongs to every item.
    ['interference: switchback, shared drivers', ['missed', 'mentioned']],
    ['switchback: city, interference', ['missed', 'mentioned']],
    ['the switchback: city, interference', ['missed', 'mentioned']],
    ['switchback, city, interference', ['missed', 'missed']],
  ] as const)('%j → %j', (text, want) => expect(states(text)).toEqual(want));

  it('quotes the evidence, sanitised, and scores explained 1, mentioned 0.5', () => {
    const g = grade('We predict a residual \u001b[31mover\u001b[0m the router so the base stays a fallback.\nswitchback for interference');
    expect(g.points[0]).toMatchObject({ status: 'explained', evidence: 'We predict a residual over the router so the base stays a fallback.' });
    expect(g.score).toBe(0.75);
    expect(g.phases).toEqual([{ id: 'framing', score: 1 }, { id: 'deep-dive', score: 0.5 }]);
  });

  it('grades one answer against chosen points only (follow-ups)', () => {
    const [p] = gradePoints([problem.checklist[1]!], 'Switchbacks, because shared drivers make a rider split biased.', lex);
    expect(p).toMatchObject({ id: 'switchback', status: 'explained', foundIn: null });
  });

  it('marks empty notes and applies flips to the user view only', () => {
    const g = grade('  \n ');
    expect(g.empty).toBe(true);
    const v = withFlips(problem, g, { switchback: 'explained', nosuch: 'explained' });
    expect([g.score, v.score]).toEqual([0, 0.5]);
    expect(v.points.map((p) => p.flipped)).toEqual([null, 'explained']);
  });
});

describe('facet phrases that hold a negation word', () => {
  const cold: GradableProblem = {
    phases: [],
    checklist: [{ id: 'cold', phase: 'x', point: 'Cold start', facets: [['no history', 'without an id'], ['popularity', 'contextual']] }],
  };
  const state = (text: string) => gradeNotes(cold, [{ phase: null, text }], lex).points[0]!.status;
  it.each([
    ['users with no history get popularity, because we know nothing else', 'explained'],
    ['traffic without an id is bid on contextual features, so consent holds', 'explained'],
    // Negated from outside the phrase: still never credited.
    ["we don't handle users with no history, popularity is fine", 'missed'],
    ['no need for contextual features for traffic without an id', 'missed'],
  ] as const)('%j → %j', (text, want) => expect(state(text)).toBe(want));
});

describe('notes by phase', () => {
  const phases = [
    { id: 'clarify', title: 'Clarify requirements' },
    { id: 'data', title: 'Data, labels and features' },
    { id: 'deep-dive', title: 'Deep dive' },
  ];
  it.each([
    ['Data', 'data'],
    ['4. Labels', 'data'],
    ['deep-dive', 'deep-dive'],
    ['Deep dive:', 'deep-dive'],
    ['Clarifying requirements', 'clarify'],
    ['Random thoughts', null],
  ])('heading %j → %j', (h, want) => expect(phaseOfHeading(h, phases)).toBe(want));

  it('splits free notes at headings and reads only the fenced notes of a study transcript', () => {
    expect(parseNotes('intro\n## Data\nlabels\n# Misc\nx', phases).blocks).toEqual([
      { phase: null, text: 'intro' },
      { phase: 'data', text: 'labels' },
      { phase: null, text: 'x' },
    ]);
    const md = ['# Mock interview: T', '', '- Capstone: `capstone-x`', '', '## 1. Clarify requirements', '', '### Notes', '', '```text', 'my note', '```', '', '### Checklist', '', '- [x] a point — explained', ''].join('\n');
    expect(parseNotes(md, phases)).toEqual({ capstone: 'capstone-x', transcript: true, blocks: [{ phase: 'clarify', text: 'my note' }] });
  });
});
