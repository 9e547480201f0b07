import { describe, expect, it } from 'vitest';
import { buildCurriculum, type ModuleSource } from '../../src/curriculum/build.js';
import { parseYaml, MAX_YAML_BYTES } from '../../src/curriculum/yaml.js';

const moduleYaml = 'format: 1\nid: mod-a\nnumber: 1\ntitle: "Module A"\n';

/** A valid section file with one topic; `questions` is YAML for the topic's question list. */
function sectionYaml(questions = '[]', topicId = 'alpha', sectionId = 'sec-a'): string {
  return [
    'format: 1',
    `id: ${sectionId}`,
    'title: "Section A"',
    'topics:',
    `  - id: ${topicId}`,
    '    number: 1',
    '    title: "Alpha"',
    '    summary: "About alpha."',
    '    keyPoints: []',
    '    pitfalls: []',
    '    interviewTips: []',
    '    references: []',
    `    questions: ${questions}`,
    '',
  ].join('\n');
}

function build(sections: string[], mod = moduleYaml) {
  const src: ModuleSource = {
    dir: 'c/01-a',
    module: { path: 'c/01-a/module.yaml', text: mod },
    sections: sections.map((text, i) => ({ path: `c/01-a/0${i + 1}-s.yaml`, text })),
  };
  return buildCurriculum([src]);
}

const single = (id: string, answer: number) => `
      - id: ${id}
        type: single
        prompt: "Pick one"
        options: ["a", "b", "c"]
        answer: ${answer}
        explanation: "Because."
        difficulty: 1`;

describe('curriculum loader', () => {
  it('accepts a valid curriculum', () => {
    const r = build([sectionYaml(`${single('alpha.one', 2)}`)]);
    expect(r.problems).toEqual([]);
    expect(r.curriculum?.modules[0]?.sections[0]?.topics[0]?.questions).toHaveLength(1);
  });

  it('reports a YAML syntax error with its line and column', () => {
    const r = build(['format: 1\nid: x\ntitle: "unclosed\n']);
    expect(r.curriculum).toBeNull();
    expect(r.problems[0]).toMatchObject({ file: 'c/01-a/01-s.yaml', line: expect.any(Number) });
    expect(r.problems[0]!.line).toBeGreaterThanOrEqual(3);
  });

  it('maps a schema error back to the line of the offending field', () => {
    const text = sectionYaml(`${single('alpha.one', 0)}`).replace('difficulty: 1', 'difficulty: 7');
    const r = build([text]);
    const line = text.split('\n').findIndex((l) => l.includes('difficulty: 7')) + 1;
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ line, col: 21 });
    expect(r.problems[0]!.message).toContain('topics[0].questions[0].difficulty');
  });

  it('names a missing required field and an unknown field', () => {
    const text = sectionYaml().replace('    summary: "About alpha."\n', '    sumary: "typo"\n');
    const messages = build([text]).problems.map((p) => p.message);
    expect(messages).toContain('topics[0].summary: is required (string)');
    expect(messages).toContain('topics[0]: unknown field "sumary"');
  });

  it('refuses a newer format with one clear message', () => {
    const r = build([sectionYaml()], moduleYaml.replace('format: 1', 'format: 9'));
    expect(r.problems).toEqual([expect.objectContaining({ file: 'c/01-a/module.yaml', line: 1, message: expect.stringContaining('format 9 is newer') })]);
  });

  it('finds duplicate ids across files', () => {
    const r = build([sectionYaml('[]', 'alpha', 'sec-a'), sectionYaml('[]', 'alpha', 'sec-b').replace('number: 1', 'number: 2')]);
    expect(r.problems.map((p) => p.message)).toEqual([expect.stringMatching(/duplicate id "alpha" \(already used by a topic in c\/01-a\/01-s.yaml\)/)]);
    expect(r.problems[0]).toMatchObject({ file: 'c/01-a/02-s.yaml', line: 5 });
  });

  it('finds duplicate question ids and ids not owned by their topic', () => {
    const r = build([sectionYaml(`${single('alpha.one', 0)}${single('alpha.one', 1)}${single('beta.two', 1)}`)]);
    const m = r.problems.map((p) => p.message);
    expect(m).toContain('duplicate id "alpha.one" (already used by a question in c/01-a/01-s.yaml)');
    expect(m).toContain('question id "beta.two" must start with its topic id "alpha."');
  });

  it.each([
    ['a single answer out of range', single('alpha.one', 3), 'answer 3 is not an option index (0 to 2)'],
    [
      'a multi answer out of range',
      `\n      - {id: alpha.m, type: multi, prompt: p, options: [a, b, c], answers: [0, 5], explanation: e, difficulty: 2}`,
      'answers 5 not option indexes (0 to 2)',
    ],
    [
      'repeated multi answers',
      `\n      - {id: alpha.m, type: multi, prompt: p, options: [a, b, c], answers: [1, 1], explanation: e, difficulty: 2}`,
      'answers repeat an index',
    ],
    [
      'order items that are not a permutation of distinct items',
      `\n      - {id: alpha.o, type: order, prompt: p, items: [a, b, a], explanation: e, difficulty: 2}`,
      'items must be distinct so their order is well defined',
    ],
    [
      'a zero numeric tolerance',
      `\n      - {id: alpha.n, type: numeric, prompt: p, answer: 5, unit: GB, tolerance: {relative: 0}, explanation: e, difficulty: 2}`,
      'must be > 0',
    ],
    [
      'a negative absolute tolerance',
      `\n      - {id: alpha.n, type: numeric, prompt: p, answer: 5, unit: GPUs, tolerance: {absolute: -1}, explanation: e, difficulty: 2}`,
      'must be ≥ 0',
    ],
    [
      'an unknown question type',
      `\n      - {id: alpha.x, type: essay, prompt: p, explanation: e, difficulty: 2}`,
      '"type" must be one of single, multi, truefalse, numeric, order, recall',
    ],
  ])('rejects %s', (_name, q, message) => {
    const r = build([sectionYaml(q)]);
    expect(r.problems.map((p) => p.message).join('\n')).toContain(message);
    expect(r.problems[0]!.line).toBeGreaterThan(12);
  });

  it('refuses a billion-laughs alias bomb quickly', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      lines.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    // Expanding it would take 9^10 nodes; the alias limit stops it at once (the test timeout is the bound).
    const r = parseYaml('bomb.yaml', lines.join('\n'));
    expect(r.problems[0]?.message).toMatch(/cannot expand the document/);
  });

  it('refuses an oversized file without parsing it', () => {
    const r = parseYaml('big.yaml', '', MAX_YAML_BYTES + 1);
    expect(r.problems[0]?.message).toMatch(/MiB; the limit is 4.0 MiB/);
  });
});
