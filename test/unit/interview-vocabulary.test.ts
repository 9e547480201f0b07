/** The shared grading vocabulary (curriculum/vocabulary.yaml): true synonyms meet, collisions stay apart. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildLexicon } from '../../src/interview/lexicon.js';
import { gradePoints } from '../../src/interview/grade.js';
import { ROOT } from '../helpers.js';

const vocab = parse(readFileSync(join(ROOT, 'curriculum', 'vocabulary.yaml'), 'utf8')) as { groups: string[][] };
const lex = buildLexicon(vocab.groups);
/** Does a facet naming `term` credit notes that say `said`? */
const meets = (term: string, said: string) =>
  gradePoints([{ id: 'p', phase: 'x', point: 'p', facets: [[term]] }], `We use ${said} here.`, lex)[0]!.status !== 'missed';

describe('vocabulary groups', () => {
  it.each([
    ['fan out', 'fanout'],
    ['friends of friends', 'FoF'],
    ['friends of friends', 'two-hop'],
    ['friends of friends', 'second-degree connections'],
    ['personalized pagerank', 'random walk with restart'],
    ['gnn', 'GraphSAGE'],
    ['watch time', 'minutes watched'],
    ['perceptual hash', 'PhotoDNA'],
    ['prevalence', 'the violating view rate'],
    ['metric learning', 'InfoNCE'],
    ['hard negatives', 'hard negative mining'],
    ['nms', 'non-maximum suppression'],
    ['llm', 'a large language model'],
    ['distillation', 'a student model'],
    ['fine tune', 'finetuning'],
    ['rerank', 'a second-stage ranker'],
    ['rrf', 'reciprocal rank fusion'],
    ['llm as judge', 'a judge model'],
    ['acl', 'entitlements'],
    ['ttft', 'time to first token'],
    ['tpot', 'inter-token latency'],
    ['continuous batching', 'in-flight batching'],
    ['pagedattention', 'paged KV'],
    ['prefix caching', 'RadixAttention'],
    ['lora', 'PEFT'],
    ['3ds', '3D Secure'],
    ['manual review', 'a human review queue'],
    ['quantization', 'AWQ'],
    ['quantization', 'FP8'],
    ['quantization', 'int4'],
    ['quantization', 'PQ'],
    ['monitor', 'paging the on-call'],
  ])('%j meets %j', (term, said) => expect(meets(term, said)).toBe(true));

  it.each([
    // A KV cache is not a key-value store; RRF is not MRR; fp16 is not quantized.
    ['redis', 'a KV cache'],
    ['key value store', 'the KV cache'],
    ['mrr', 'reciprocal rank fusion'],
    ['quantization', 'fp16 weights'],
    // Stems Porter would merge.
    ['pagedattention', 'a page of results'],
    ['monitor', 'paged attention'],
    ['dependencies', 'it depends'],
    ['timing attack', 'time to first token'],
    ['lora', 'adapt the model'],
  ])('%j does not meet %j', (term, said) => expect(meets(term, said)).toBe(false));
});
