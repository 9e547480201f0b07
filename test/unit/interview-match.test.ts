/** Coverage matching: normalisation, stemming and whole-phrase rules, as a table. */
import { describe, expect, it } from 'vitest';
import { containsPhrase, prepare, stem, tokenize } from '../../src/interview/match.js';
import { assessCoverage } from '../../src/interview/coverage.js';
import type { Interview } from '../../src/curriculum/schema.js';

const matches = (notes: string, keyword: string) => containsPhrase(prepare(notes), keyword);

describe('keyword matching', () => {
  it.each([
    // notes, keyword, matches?
    ['Caches in front of the DB', 'cache', true],
    ['add a cache', 'caches', true],
    ['caching layer', 'cache', true],
    ['we cached results', 'caching', true],
    ['KAFKA', 'kafka', true],
    ['A/B test the ranker', 'a/b testing', true],
    ['run an a/b-test', 'A/B test', true],
    ['AB test', 'a/b test', false],
    ['p99 latency under 50 ms', 'p99', true],
    ['p99 latency', 'p95', false],
    ['point in time features', 'point-in-time', true],
    ['use a k-ring', 'k ring', true],
    ['queries per second', 'query', true],
    ['latency budgets per stage', 'latency budget', true],
    ['labelled data', 'label', true],
    ['labeling', 'labels', true],
    ['embed ids', 'embeddings', true],
    ['embeddings', 'embedding', true],
    ['bidding agent', 'bid', true],
    ['the bias term', 'biases', true],
    ['loss', 'losses', true],
    ['priced by hex', 'pricing', true],
    ['Personalized ranking', 'personalized', true],
    ['personalised ranking', 'personalized', false], // spelling variants are synonyms in the content
    ['Driver’s earnings', 'drivers earnings', true],
    ['caf\u00e9 caching', 'cafe', true],
    ['addition', 'ad', false],
    ['add budget', 'ad', false],
    ['capacity', 'cap', false],
    ['uncapped', 'cap', false],
    ['caps on surge', 'cap', true],
    ['shadow mode then canary', 'shadow', true],
    ['routing\nengine', 'routing engine', false], // a phrase does not span lines
    ['routing engine', 'routing engine', true],
    ['engine routing', 'routing engine', false],
    ['replicas behind LB', 'replica', true],
    ['H3 res 8', 'h3', true],
    ['status page', 'statu', false],
  ] as const)('%j contains %j: %s', (notes, keyword, expected) => {
    expect(matches(notes, keyword)).toBe(expected);
  });

  it.each([
    ['Caches, queues & A/B-tests.', ['caches', 'queues', 'a/b', 'tests']],
    ["driver's p99 (0.74 km²)", ['drivers', 'p99', '0.74', 'km2']],
  ] as const)('tokenizes %j', (text, tokens) => expect(tokenize(text)).toEqual(tokens));

  it.each([
    ['caches', 'cach'],
    ['cache', 'cach'],
    ['queries', 'query'],
    ['ads', 'ad'],
    ['bias', 'bias'],
    ['analysis', 'analysis'],
    ['status', 'status'],
    ['modelling', 'model'],
    ['model', 'model'],
    ['speed', 'speed'],
    ['string', 'string'],
    ['p99', 'p99'],
  ] as const)('stems %s to %s', (word, s) => expect(stem(word)).toBe(s));

  it('never matches an empty keyword', () => {
    expect(matches('anything', '  --  ')).toBe(false);
  });
});

describe('checklist coverage', () => {
  const iv = {
    phases: [
      { id: 'a', title: 'A' },
      { id: 'b', title: 'B' },
    ],
    checklist: [
      { id: 'one', phase: 'a', point: 'P1', why: 'W1', keywords: ['kafka', 'stream'] },
      { id: 'two', phase: 'a', point: 'P2', why: 'W2', keywords: ['switchback'] },
      { id: 'three', phase: 'b', point: 'P3', why: 'W3', keywords: ['shadow mode'] },
    ],
  } as unknown as Interview;

  it('credits a point found in another phase and says where', () => {
    const cov = assessCoverage(iv, new Map([['a', 'Streams into flink'], ['b', 'switchback tests\nno shadow']]));
    expect(cov.phases[0]!.points.map((p) => [p.point.id, p.covered, p.keyword, p.foundIn])).toEqual([
      ['one', true, 'stream', 'a'],
      ['two', true, 'switchback', 'b'],
    ]);
    expect(cov.phases[1]!.points[0]!.covered).toBe(false);
    expect([cov.covered, cov.total, cov.share]).toEqual([2, 3, 2 / 3]);
  });

  it('covers nothing with no notes', () => {
    expect(assessCoverage(iv, new Map()).share).toBe(0);
  });
});
