/** Drill problems: reproducible by seed, answers from the calculators, graded by ratio. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradeEstimate } from '../../src/drill/grade.js';
import { DRILL_KINDS, generateProblems } from '../../src/drill/problems.js';
import { loadPresets } from '../../src/cli/calc/presets-load.js';
import { readEstimate } from '../../src/cli/calc/drill-session.js';
import { seededRng } from '../../src/quiz/rng.js';
import { ROOT } from '../helpers.js';
import { renderDerivation } from '../../src/ui/render/calc.js';
import { offBy } from '../../src/ui/render/calc-drill.js';
import { plainTheme } from '../../src/ui/theme.js';

const presets = loadPresets({ curriculumDir: join(ROOT, 'curriculum') });

describe('generateProblems', () => {
  it('gives the same problems for the same seed', () => {
    const a = generateProblems('mixed', 10, seededRng(42), presets);
    const b = generateProblems('mixed', 10, seededRng(42), presets);
    expect(a.map((p) => [p.prompt, p.answer])).toEqual(b.map((p) => [p.prompt, p.answer]));
  });
  it.each(DRILL_KINDS)('%s: positive finite answers with a unit and a derivation', (kind) => {
    for (const p of generateProblems(kind, 40, seededRng(7), presets)) {
      expect(Number.isFinite(p.answer) && p.answer > 0).toBe(true);
      expect(p.unit).not.toBe('');
      if (kind !== 'mixed') expect(p.kind).toBe(kind);
      expect(p.derivation.steps.length).toBeGreaterThan(0);
      expect(p.prompt).not.toMatch(/NaN|undefined|Infinity/);
    }
  });
  it('mixed draws several kinds', () => {
    expect(new Set(generateProblems('mixed', 30, seededRng(1), presets).map((p) => p.kind)).size).toBeGreaterThan(2);
  });
});

describe('grading by ratio', () => {
  it.each([
    [100, 100, 'excellent'],
    [109, 100, 'excellent'],
    [91, 100, 'excellent'],
    [150, 100, 'pass'],
    [50, 100, 'pass'],
    [201, 100, 'miss'],
    [49, 100, 'miss'],
  ] as const)('%d for %d is %s', (given, answer, grade) => expect(gradeEstimate(given, answer).grade).toBe(grade));

  it('reads estimates in the problem unit and converts others', () => {
    expect(readEstimate('GB', '2 GiB')).toEqual({ ok: true, value: 2 ** 31 / 1e9 });
    expect(readEstimate('GB', '140')).toEqual({ ok: true, value: 140 });
    expect(readEstimate('days', '2 mo')).toEqual({ ok: true, value: 60 });
    expect(readEstimate('FLOPs', '3e23')).toEqual({ ok: true, value: 3e23 });
    expect(readEstimate('USD', '$1.2k')).toEqual({ ok: true, value: 1200 });
    expect(readEstimate('GB', '0').ok).toBe(false);
    expect(readEstimate('GB', '-3').ok).toBe(false);
  });
});

describe('derivations show only the steps the problem asks for, with its own inputs', () => {
  const all = DRILL_KINDS.filter((k) => k !== 'mixed').flatMap((k) => generateProblems(k, 30, seededRng(3), presets));
  const text = (p: (typeof all)[number]) => renderDerivation(p.derivation, plainTheme, 100);
  it('never advises flags, and never shows a step the question does not need', () => {
    const advice = all.flatMap((p) => text(p).split('\n').filter((l) => /pass --|More with|--[a-z]/.test(l)));
    expect(advice).toEqual([]);
    for (const p of all) expect(p.derivation.hints ?? []).toEqual([]);
    const storageOnly = all.find((p) => p.kind === 'capacity' && p.unit === 'TB')!;
    expect(text(storageOnly)).not.toMatch(/QPS|requests per user|Servers/);
    expect(storageOnly.derivation.steps.map((s) => s.id)).toEqual(['per-day', 'storage']);
    const flops = all.find((p) => p.kind === 'train' && p.unit === 'FLOPs')!;
    expect(flops.derivation.steps.map((s) => s.id)).toEqual(['flops']);
  });
  it('zero: the ZeRO formula for the stage asked (K = 12)', () => {
    for (const p of all.filter((x) => x.kind === 'zero')) {
      const { params: n, gpus: nd, zero } = p.inputs as { params: number; gpus: number; zero: number };
      const want = [16 * n, 4 * n + (12 * n) / nd, 2 * n + (14 * n) / nd, (16 * n) / nd][zero]!;
      expect(p.answer * 1e9).toBeCloseTo(want, -3);
      expect(p.derivation.steps.map((s) => s.id)).toEqual(['parallel', 'weights', 'grads', 'optimizer', 'per-gpu']);
    }
  });
  it('moe: 6 × active parameters × tokens', () => {
    for (const p of all.filter((x) => x.kind === 'moe')) expect(p.answer).toBe(6 * (p.inputs.activeParams as number) * (p.inputs.tokens as number));
  });
  it('ttft: 2 · N · prompt / (GPUs · peak · MFU), in ms', () => {
    for (const p of all.filter((x) => x.kind === 'ttft')) {
      const gpu = presets.gpus.find((g) => g.id === p.inputs.gpu)!;
      const { params, promptTokens, gpus } = p.inputs as { params: number; promptTokens: number; gpus: number };
      expect(p.answer).toBeCloseTo(((2 * params * promptTokens) / (gpus * gpu.bf16Tflops * 1e12 * 0.4)) * 1000, 6);
      expect(p.unit).toBe('ms');
    }
  });
  it('serve: replicas = ⌈QPS × output tokens / tokens per second per replica⌉', () => {
    const served = all.filter((x) => x.kind === 'serve');
    expect(served.length).toBeGreaterThan(0);
    for (const p of served) {
      expect(Number.isInteger(p.answer)).toBe(true);
      expect(p.derivation.steps.map((s) => s.id)).toEqual(['tpot', 'per-replica', 'need', 'replicas']);
      // The answer follows from the numbers the prompt shows (64 / 11.2 ms = 5,714 tokens/s, not the unrounded 5,690).
      const m = /a batch of (\d+) at ([\d.]+) ms per token \(\1 \/ \2 ms = ([\d,]+) tokens\/s per replica\)\. Serving ([\d,]+) requests\/s of ([\d,]+) output tokens/.exec(p.prompt)!;
      expect(m).not.toBeNull();
      const [batch, ms, perReplica, qps, out] = m.slice(1).map((x) => Number(x.replace(/,/g, '')));
      expect(perReplica).toBe(Math.round(batch! / (ms! / 1000)));
      expect(p.answer).toBe(Math.ceil((qps! * out!) / perReplica!));
    }
  });
  it('prompts name accelerators and storage tiers as said in a sentence', () => {
    for (const seed of [1, 2, 3, 7, 42]) {
      for (const p of generateProblems('mixed', 60, seededRng(seed), presets)) {
        // Not the preset's long display name ("2 × NVIDIA GB200 NVL72, per Blackwell GPU (1200 W)").
        expect(p.prompt).not.toMatch(/NVIDIA|AMD Instinct|Google Cloud| × [A-Z]|\) \(|per chip|per Blackwell/);
        expect(p.prompt).not.toMatch(/\ba 8/);
      }
    }
    const serve = generateProblems('serve', 60, seededRng(1), presets).find((p) => p.inputs.gpu === 'gb200');
    expect(serve!.prompt).toMatch(/on \d+ GB200 GPUs? per replica decodes/);
    const tpu = generateProblems('train', 200, seededRng(1), presets).find((p) => String(p.inputs.gpu).startsWith('tpu'));
    expect(tpu!.prompt).toMatch(/with [\d,]+ TPU v\de chips \(/);
  });
});

describe('grade wording', () => {
  it.each([
    [1 / 1.7, '1.7× too low'],
    [2.3, '2.3× too high'],
    [1.05, 'within 10 %'],
    [0.95, 'within 10 %'],
    [1, 'within 10 %'],
  ])('%d reads "%s"', (ratio, words) => expect(offBy(ratio)).toBe(words));
});

describe('drill summary at 60 columns', () => {
  it('wraps each row under its own text and keeps numbers with their units', async () => {
    const { renderDrillSummary } = await import('../../src/ui/render/calc-drill.js');
    const { plainTheme } = await import('../../src/ui/theme.js');
    const problems = generateProblems('mixed', 6, seededRng(5), presets);
    const answers = problems.map((problem, i) => ({ problem, given: problem.answer * [1e-9, 2, 1, 0.6, 3e3, 1.05][i]!, ratio: [1e-9, 2, 1, 0.6, 3e3, 1.05][i]!, grade: 'miss' as const }));
    const text = renderDrillSummary(answers, 'study drill mixed --count 6 --seed 5', plainTheme, 60);
    const rows = text.split('\n').slice(3, -2);
    expect(rows.length).toBeGreaterThanOrEqual(6);
    for (const r of text.split('\n')) expect(r.length, r).toBeLessThanOrEqual(59);
    for (const r of rows) expect(r, r).toMatch(/^  miss {6}\S+ +\S|^ {21}\S/);
    expect(text).toContain('1e9× too low');
    expect(text).toMatch(/Same problems again: study drill mixed --count 6 --seed 5\n$/);
  });
});
