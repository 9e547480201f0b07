import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCurriculumDir } from '../../src/cli/curriculum/load-dir.js';
import { diagramIssues, designIssues, lintItems, numbersIn, questionIssues } from '../../src/curriculum/lint-items.js';
import { COVERAGE, lintCoverage } from '../../src/curriculum/lint.js';
import type { Curriculum, Question, Topic, WorkedDesign } from '../../src/curriculum/schema.js';
import { displayWidth } from '../../src/text-width.js';
import { ROOT } from '../helpers.js';

const base = { id: 't.q', explanation: 'Because.', difficulty: 2 as const };
const single = (o: Partial<Extract<Question, { type: 'single' }>> = {}): Question => ({ ...base, type: 'single', prompt: 'Which one?', options: ['Alpha', 'Beta', 'Gamma'], answer: 0, ...o });
const tf = (prompt: string, answer = true): Question => ({ ...base, type: 'truefalse', prompt, answer });
const numeric = (o: Partial<Extract<Question, { type: 'numeric' }>>): Question => ({ ...base, type: 'numeric', prompt: 'How many?', answer: 10, tolerance: { relative: 0.05 }, ...o });
const rules = (q: Question) => questionIssues(q).map((v) => v.rule);

describe('item rules: one question', () => {
  it.each([
    ['the first option', 'single', true],
    ['so the last option is backwards', 'single', true],
    ['the second and fourth options are wrong', 'single', true],
    ['Option B is wrong', 'single', true],
    ['options A and C fail', 'single', true],
    ['none of the above apply', 'single', true],
    ['the choices listed above', 'single', true],
    ['the first item is DNS', 'order', true],
    ['the first option', 'truefalse', false], // not shuffled
    ['Redis is wrong because it is in memory', 'single', false],
    ['answer a question', 'single', false],
    ['Item A wins because its smoothed CTR is higher', 'single', false],
    ['so item 3 comes first', 'order', true],
    ['the first step is the resolver; the final answer is cached', 'order', false],
  ])('positional: %j in a %s explanation -> %s', (explanation, type, flagged) => {
    const q: Question =
      type === 'order' ? { ...base, type: 'order', prompt: 'Order them.', items: ['a', 'b', 'c'], explanation } : type === 'truefalse' ? { ...tf('X is Y.', false), explanation } : single({ explanation });
    expect(rules(q).includes('positional')).toBe(flagged);
  });

  it('finds positional options too ("None of the above" moves when shuffled)', () => {
    const v = questionIssues(single({ options: ['Alpha', 'Beta', 'None of the above'] }));
    expect(v).toEqual([{ field: 'options', rule: 'positional', message: 'option 3 says "None of the above", but they are shuffled when asked; say what it means' }]);
  });

  it.each([
    ['Which reduce skew? Choose all that apply.', true],
    ['Select all the correct statements.', true],
    ['True or false: Redis is in memory.', true],
    ['Which two fail? (Select two)', true],
    ['Pick one.', true],
    ['Select the correct option.', true],
    ['You must select a region for the bucket. Which region?', false],
    ['Which of these reduce skew?', false],
  ])('widget text: %j -> %s', (prompt, flagged) => {
    expect(rules(single({ prompt })).includes('widget-text')).toBe(flagged);
  });

  it('single and multi need three options, and multi a wrong one', () => {
    expect(rules(single({ options: ['A', 'B'] }))).toContain('few-options');
    expect(rules(single())).not.toContain('few-options');
    const multi: Question = { ...base, type: 'multi', prompt: 'Which?', options: ['A', 'B', 'C'], answers: [0, 1, 2] };
    expect(questionIssues(multi).map((v) => v.message)).toContain('every option is right; add at least one plausible wrong option');
  });

  it.each([
    ['A feature store can reduce skew.', true, true],
    ['Caches often help.', true, true],
    ['It might fail; it usually works; it sometimes does; it could; it may.', true, true],
    ['A feature store can reduce skew.', false, false], // false statements may hedge
    ["A replica can't accept writes.", true, false],
    ['The EU AI Act entered into force in May 2024? No: August.', true, false],
    ['Scanning a key range cancels the LRU benefit.', true, false],
    ['Canary releases cannot skip monitoring.', true, false],
  ])('hedged true: %j (answer %s) -> %s', (prompt, answer, flagged) => {
    expect(rules(tf(prompt, answer)).includes('hedged-true')).toBe(flagged);
  });

  it('names every hedge once', () => {
    const msg = questionIssues(tf('It can fail and it can often work.'))[0]!.message;
    expect(msg).toContain('"can", "often"');
  });
});

describe('item rules: numeric tolerances', () => {
  it.each([
    [{ difficulty: 1 as const, tolerance: { relative: 0.2 } }, 'loose-tolerance'],
    [{ difficulty: 2 as const, tolerance: { relative: 0.11 } }, 'loose-tolerance'],
    [{ difficulty: 3 as const, tolerance: { relative: 0.2 } }, undefined],
    [{ difficulty: 3 as const, tolerance: { relative: 0.3 } }, 'loose-tolerance'],
    [{ difficulty: 2 as const, tolerance: { relative: 0.1 } }, undefined],
  ])('%j -> %s', (o, rule) => {
    expect(rules(numeric({ answer: 1000, unit: 'GB', ...o }))[0]).toBe(rule);
  });

  it('a rounded count must reject its neighbours (data-ingestion.partition-count: 23 at ±10 % accepted 22)', () => {
    const q = numeric({ prompt: 'What is the minimum number of partitions?', answer: 23, unit: 'partitions', tolerance: { relative: 0.1 } });
    expect(questionIssues(q)[0]!.message).toContain('also accepts 22 and 24');
    expect(rules({ ...q, tolerance: { relative: 0.04 } } as Question)).toEqual([]);
    // Not rounded, a measure, a large count or not a whole number: neighbours may pass.
    expect(rules({ ...q, prompt: 'How many requests are in flight on average?' } as Question)).toEqual([]);
    expect(rules({ ...q, unit: 'GB' } as Question)).toEqual([]);
    expect(rules({ ...q, unit: 'times' } as Question)).toEqual([]);
    expect(rules({ ...q, answer: 230 } as Question)).toEqual([]);
    expect(rules({ ...q, answer: 22.5 } as Question)).toEqual([]);
    expect(rules({ ...q, unit: undefined } as Question)).toContain('accepts-slip');
  });

  it('an explanation that says only N is accepted needs a tolerance that accepts only N (virtual-machines.mig-fleet-size: 3 at ±10 % accepted 3.2)', () => {
    const q = numeric({ answer: 3, unit: 'GPUs', tolerance: { relative: 0.1 }, explanation: '16 / 7 = 2.29, rounded up to 3 GPUs (only 3 is accepted).' });
    const [v] = questionIssues(q);
    expect(v!.rule).toBe('only-accepted');
    expect(v!.message).toContain('accepts 2.7 to 3.3');
    expect(questionIssues({ ...q, tolerance: { absolute: 0 } } as Question)).toEqual([]);
    expect(rules({ ...q, tolerance: { absolute: 0.5 } } as Question)).toContain('only-accepted');
    expect(rules({ ...q, explanation: 'Tolerance ±10 % accepts only 3 GPUs; 2 is rejected.' } as Question)).toContain('only-accepted');
    expect(rules({ ...q, explanation: 'Only 3 GPUs are accepted.' } as Question)).toContain('only-accepted');
    // The stated number must be the answer.
    expect(questionIssues({ ...q, tolerance: { absolute: 0 }, explanation: 'Only 4 is accepted.' } as Question)[0]!.message).toContain('but the answer is 3');
    // No claim, no rule.
    expect(rules({ ...q, explanation: '16 / 7 = 2.29, rounded up to 3 GPUs.' } as Question)).toEqual([]);
  });

  it('an orders tolerance needs both ends of the range in the explanation', () => {
    const q = numeric({ answer: 1000, unit: 'GB', tolerance: { orders: 0.5 }, difficulty: 3, explanation: '10 × 100 = 1,000 GB.' });
    const [v] = questionIssues(q);
    expect(v!.rule).toBe('unstated-range');
    expect(v!.message).toContain('accepts 320 to 3,200 GB');
    for (const ok of ['Anything from 320 to 3,200 GB is accepted.', 'Accepted: 300 GB to 3.2k GB.', 'We accept 0.32 TB up to 3.2 TB.']) {
      expect(questionIssues({ ...q, explanation: ok } as Question)).toEqual([]);
    }
    expect(rules({ ...q, explanation: 'Anything from 100 to 3,200 GB.' } as Question)).toContain('unstated-range');
  });

  it.each([
    ['3,200 and 0.32', [3200, 0.32]],
    ['1.5k, 2 million, 7B', [1500, 2e6, 7e9]],
    ['3e9 or 10^9', [3e9, 1e9]],
    ['p99 of GPT-4', [4]],
    ['320GB to 3,200GB; 5ms; 100 B', [320, 3200, 5, 100]],
    ['2 million and 3 thousands', [2e6, 3]],
  ])('numbersIn(%j)', (text, nums) => {
    expect(numbersIn(text)).toEqual(nums);
  });
});

describe('item rules: diagrams and worked designs', () => {
  it('measures columns as a terminal does', () => {
    expect(displayWidth('┌──┐')).toBe(4);
    expect(displayWidth('数据')).toBe(4);
    expect(displayWidth('e\u0301')).toBe(1);
  });

  it.each([
    ['┌─┐\n└─┘\n', []],
    [`${'─'.repeat(76)}\n`, []],
    [`${'─'.repeat(77)}\n│\n${'─'.repeat(80)}`, ['art line 1 is 77 columns wide; at most 76', 'art line 3 is 80 columns wide; at most 76']],
    ['┌─┐\n│\t│\n', ['art line 2 has a tab; use spaces (tabs render at different widths)']],
    [' \n \n', ['art is blank']],
  ])('diagram %j', (art, messages) => {
    expect(diagramIssues({ title: 'T', art }).map((v) => v.message)).toEqual(messages);
  });

  it('worked designs say something in every field', () => {
    const mini = loadCurriculumDir(join(ROOT, 'test/fixtures/lint')).curriculum!;
    const good = mini.modules[0]!.sections[0]!.topics[0]!.workedDesigns![0]!;
    expect(designIssues(good)).toEqual([]);
    const fields = (w: WorkedDesign) => designIssues(w).map((v) => v.field);
    expect(fields({ ...good, framing: good.framing.replace(/online/gi, 'live') })).toEqual(['framing']);
    expect(fields({ ...good, model: good.model.replace(/baseline/g, 'reference') })).toEqual(['model']);
    expect(fields({ ...good, serving: good.serving.replace(/\d+ ms/g, 'quickly') })).toEqual(['serving']);
    expect(fields({ ...good, estimate: 'The estimate is large because there are many accounts and many features to store in memory.' })).toEqual(['estimate']);
    expect(fields({ ...good, tradeoffs: [good.tradeoffs[0]!, good.tradeoffs[0]!] })).toEqual(['tradeoffs']);
    expect(fields({ ...good, monitoring: good.data })).toEqual(['monitoring']);
  });
});

describe('lintItems on the fixture', () => {
  const { curriculum, problems } = loadCurriculumDir(join(ROOT, 'test/fixtures/lint'));
  it('loads, and the good section has no issues', () => {
    expect(problems).toEqual([]);
    const issues = lintItems(curriculum!);
    expect(issues.filter((i) => i.file.endsWith('01-good.yaml'))).toEqual([]);
  });
  it('finds every violation in the bad section, each naming its question and path', () => {
    const issues = lintItems(curriculum!).filter((i) => i.subject.startsWith('bad-items.'));
    expect(issues.map((i) => [i.subject, i.rule])).toEqual([
      ['bad-items.positional', 'positional'],
      ['bad-items.widget', 'widget-text'],
      ['bad-items.two-options', 'few-options'],
      ['bad-items.hedged', 'hedged-true'],
      ['bad-items.loose', 'loose-tolerance'],
      ['bad-items.slip', 'accepts-slip'],
      ['bad-items.range', 'unstated-range'],
    ]);
    expect(issues[0]!.path).toEqual(['topics', 0, 'questions', 0, 'explanation']);
  });
  it('keeps the first line of a diagram indented (art is not trimmed)', () => {
    const art = curriculum!.modules[0]!.sections[0]!.topics[0]!.diagrams![0]!.art;
    expect(art.startsWith('┌')).toBe(true);
    expect(art.split('\n')[3]).toMatch(/^ {5}│ stream/);
  });
});

describe('curriculum-wide counts', () => {
  const topic = (i: number, drawn: boolean, designed: boolean): Topic => ({
    id: `t${i}`, number: i, title: 'T', summary: 'S', keyPoints: [], pitfalls: [], interviewTips: [], references: [], questions: [],
    ...(drawn ? { diagrams: [{ title: 'D', art: '┌┐' }] } : {}),
    ...(designed ? { workedDesigns: [{ title: 'W', problem: 'p', framing: 'f', data: 'd', model: 'm', serving: 's', monitoring: 'm', tradeoffs: ['a', 'b'], estimate: 'e' }] } : {}),
  });
  const curriculum = (drawn: number, designedSections: boolean[]): Curriculum => ({
    format: 1,
    modules: [1, 2, 3].map((n) => ({
      format: 1, id: `m${n}`, number: n, title: 'M', dir: `m${n}`,
      sections: designedSections.map((d, si) => ({
        format: 1, id: `m${n}s${si}`, title: 'S', file: `m${n}/s${si}.yaml`, moduleId: `m${n}`,
        topics: Array.from({ length: 10 }, (_, ti) => {
          const i = n * 100 + si * 10 + ti;
          return topic(i, (n - 1) * designedSections.length * 10 + si * 10 + ti < drawn, d && ti === 0);
        }),
      })),
    })),
  });

  it('passes with 25 drawn lessons and a worked design in every module 2 and 3 section', () => {
    expect(COVERAGE.diagramLessons).toBe(25);
    expect(lintCoverage(curriculum(25, [true, true]))).toEqual([]);
  });

  it('says how many diagrams are missing and which sections lack a worked design', () => {
    const gaps = lintCoverage(curriculum(24, [true, false]));
    expect(gaps.map((g) => g.message)).toEqual([
      '24 of 60 lessons have a diagram; at least 25 must (1 more)',
      'section "m2s1" (module 2) has no worked design; add one to a topic\'s workedDesigns',
      'section "m3s1" (module 3) has no worked design; add one to a topic\'s workedDesigns',
    ]);
    expect(gaps[1]!.file).toBe('m2/s1.yaml');
  });
});
