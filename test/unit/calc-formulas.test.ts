/** Calculators against published figures, through the same flag parsing the CLI uses. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calculate } from '../../src/calc/calculate.js';
import { MissingInput, parseNumber, type Raw } from '../../src/calc/inputs.js';
import { FIELDS, type CalcKind, type Field, type FieldKey } from '../../src/calc/flags.js';
import { loadPresets } from '../../src/cli/calc/presets-load.js';
import { renderDerivation } from '../../src/ui/render/calc.js';
import { plainTheme } from '../../src/ui/theme.js';
import { ROOT } from '../helpers.js';

const presets = loadPresets({ curriculumDir: join(ROOT, 'curriculum') });
const calc = (kind: CalcKind, raw: Raw) => calculate(kind, raw, presets).json as Record<string, any>;

describe('train', () => {
  it('GPT-3: 175B parameters × 300B tokens ≈ 3.15e23 FLOPs', () => {
    const j = calc('train', { params: '175B', tokens: '300B' });
    expect(j.flops).toBeCloseTo(3.15e23, -20);
    expect(j.trainingMemoryBytes).toBe(16 * 175e9);
  });
  it('memory that does not fit suggests recomputation only when activations are in the sum', () => {
    const note = (raw: Raw) => calculate('train', raw, presets).derivation.steps.find((x) => x.id === 'per-gpu')!.note!;
    // Model states only: recomputing activations cannot shrink them.
    expect(note({ params: '7B', tokens: '2T', gpu: 'h100', gpus: '256' })).toBe('does not fit one h100 (80 GB): a higher ZeRO stage or more tensor or pipeline parallelism would bring it down');
    expect(note({ model: 'llama-3-70b', tokens: '2T', gpu: 'h100', gpus: '256', zero: '1' })).toBe(
      'does not fit one h100 (80 GB): a higher ZeRO stage, more tensor or pipeline parallelism, or recomputing activations would bring it down',
    );
    // ZeRO-3 and full recomputation already used: only more model parallelism is left.
    expect(note({ model: 'llama-3-70b', tokens: '2T', gpu: 'h100', gpus: '8', zero: '3', recompute: 'full' })).toBe('does not fit one h100 (80 GB): more tensor or pipeline parallelism would bring it down');
  });
  it('GPU-hours, days and cost follow from peak × MFU', () => {
    const j = calc('train', { params: '7B', tokens: '2T', gpu: 'a100-80gb', mfu: '50%', gpus: '512', gpuHourPrice: '$2' });
    const hours = (6 * 7e9 * 2e12) / (312e12 * 0.5 * 3600);
    expect(j.gpuHours).toBeCloseTo(hours, 6);
    expect(j.wallClockDays).toBeCloseTo(hours / (512 * 24), 6);
    expect(j.costUsd).toBeCloseTo(hours * 2, 4);
  });
  it('--compute alone gives the Chinchilla split (D = 20·N, C = 6·N·D)', () => {
    const j = calc('train', { compute: '5.76e23' });
    expect(j.params).toBeCloseTo(Math.sqrt(5.76e23 / 120), 0);
    expect(j.tokens / j.params).toBeCloseTo(20, 9);
    expect(6 * j.params * j.tokens).toBeCloseTo(5.76e23, -10);
  });
  it('omits cost and days it cannot know', () => {
    const j = calc('train', { params: '7B', tokens: '1T', peakTflops: '100' });
    expect(j).not.toHaveProperty('costUsd');
    expect(j).not.toHaveProperty('wallClockDays');
  });
  it('asks for what is missing', () => {
    expect(() => calc('train', { tokens: '1T' })).toThrow(MissingInput);
    expect(() => calc('train', { compute: '1e23', params: '7B' })).toThrow(/--compute goes alone/);
  });
});

describe('kv', () => {
  it('Llama-2-7B at 4,096 tokens in fp16 = 2 GiB', () => {
    const j = calc('kv', { model: 'llama-2-7b' });
    expect(j.bytesPerToken).toBe(2 * 32 * 32 * 128 * 2);
    expect(j.totalBytes).toBe(2_147_483_648);
  });
  it('Llama-3-8B (GQA, 8 KV heads) at 4,096 tokens = 0.5 GiB', () => {
    expect(calc('kv', { model: 'llama-3-8b' }).totalBytes).toBe(2 ** 29);
  });
  it('an explicit shape gives the same as the preset', () => {
    expect(calc('kv', { layers: '32', kvHeads: '8', headDim: '128', context: '8192', batch: '4' }).totalBytes).toBe(calc('kv', { model: 'llama-3-8b', context: '8192', batch: '4' }).totalBytes);
  });
  it('a sliding window caps the cache (Mistral 7B v0.1, window 4,096)', () => {
    expect(calc('kv', { model: 'mistral-7b', context: '32768' }).cachedTokens).toBe(4096);
  });
});

describe('infer', () => {
  it('weights, cache, GPUs, 2·N FLOPs and bandwidth-bound decode', () => {
    const j = calc('infer', { model: 'llama-2-70b', gpu: 'h100' });
    expect(j.weightBytes).toBe(69e9 * 2);
    expect(j.kvBytes).toBe(4096 * 2 * 80 * 8 * 128 * 2);
    expect(j.gpusNeeded).toBe(2);
    expect(j.flopsPerToken).toBe(2 * 69e9);
    expect(j.decodeTokensPerSecond).toBeCloseTo((2 * 3350e9) / (j.weightBytes + j.kvBytes), 6);
    expect(j.costPerMillionTokensUsd).toBeCloseTo(((2.99 * 2) / 3600 / j.decodeTokensPerSecond) * 1e6, 6);
  });
  it('int4 halves int8 weights; without a shape the cache follows batch × context (dense MHA heuristic)', () => {
    const a = calc('infer', { params: '70B', dtype: 'int4' });
    expect(a.weightBytes).toBe(35e9);
    expect(a.kvEstimated).toBe(true);
    const d = Math.cbrt((128 * 70e9) / 12);
    expect(a.kvBytes).toBeCloseTo(4096 * 2 * (d / 128) * d * 2, 0);
    const b = calc('infer', { params: '70B', dtype: 'int4', batch: '4', context: '8192' });
    expect(b.kvBytes).toBeCloseTo(8 * a.kvBytes, 0);
  });
  it('issue bug 1: 13B at batch 1, context 1 reads 26 GB per token, ≈129 tokens/s on an H100 (3.35 TB/s)', () => {
    const j = calc('infer', { params: '13B', batch: '1', context: '1' });
    expect(j.kvBytes).toBeLessThan(1e6);
    expect(j.totalBytes).toBeLessThan(26.001e9);
    expect(j.decodeTokensPerSecond).toBeCloseTo(3.35e12 / 26e9, 0);
    expect(Math.round(j.decodeTokensPerSecond)).toBe(129);
    // The heuristic shape lands on Llama 2 13B's real cache (40 layers × 5,120 × 2 × 2 B = 819 KB per token) within 3 %.
    expect(j.kvBytes / (2 * 40 * 5120 * 2)).toBeCloseTo(1, 1);
  });
  it('issue bug 2: --gpus 1 is kept for a model that does not fit, and says so', () => {
    const j = calc('infer', { model: 'llama-3.1-70b', gpus: '1' });
    expect(j.gpus).toBe(1);
    expect(j.gpusNeeded).toBe(2);
    expect(j.fits).toBe(false);
    const text = renderDerivation(calculate('infer', { model: 'llama-3.1-70b', gpus: '1' }, presets).derivation, plainTheme, 100);
    expect(text).toMatch(/does not fit: 1 GPU holds 72 GB usable; it needs 2/);
    expect(calc('infer', { model: 'llama-3.1-70b' })).toMatchObject({ gpus: 2, fits: true });
  });
  it('prefill is 2·N·prompt / (GPUs · peak · MFU), compute-bound; decode at batch 1 is memory-bound', () => {
    const j = calc('infer', { model: 'llama-3.1-70b', gpu: 'h100', gpus: '2', promptTokens: '2000', outputTokens: '500' });
    expect(j.prefillSeconds).toBeCloseTo((2 * 70.6e9 * 2000) / (2 * 989e12 * 0.4), 9);
    expect(j.prefillBound).toBe('compute');
    expect(j.decodeBound).toBe('memory');
    expect(j.ridgeFlopsPerByte).toBeCloseTo(989e12 / 3350e9, 6);
    expect(j.context).toBe(2500);
    expect(j.requestSeconds).toBeCloseTo(j.prefillSeconds + 500 * j.timePerOutputTokenSeconds, 9);
    expect(j.mfu).toBe(0.4);
    expect(j.maxBatch).toBe(Math.floor((2 * 0.9 * 80e9 - j.weightBytes) / j.kvBytesPerSequence));
    expect(j.throughputByBatch.at(-1).batch).toBe(j.maxBatch);
  });
  it('a mixture of experts: FLOPs follow active parameters, memory all of them (DeepSeek-V3: 37B of 671B)', () => {
    const j = calc('infer', { model: 'deepseek-v3', gpu: 'h200', dtype: 'fp8' });
    expect(j.flopsPerToken).toBe(2 * 37e9);
    expect(j.weightBytes).toBe(671e9);
    expect(j.gpusNeeded).toBe(6);
    const batch1 = j.decodeTokensPerSecond;
    // At batch 1 a token touches 8 of 256 routed experts, so it reads far less than all 671 GB.
    expect(batch1).toBeGreaterThan((6 * 4.8e12) / 671e9);
  });
  it('fp4 runs at the FP4 peak where it is native (B200) and at BF16 where it is not (H100)', () => {
    expect(calc('infer', { model: 'llama-3.1-8b', gpu: 'b200', dtype: 'fp4' }).peakFlopsPerSecond).toBe(9000e12);
    expect(calc('infer', { model: 'llama-3.1-8b', gpu: 'h100', dtype: 'fp4' }).peakFlopsPerSecond).toBe(989e12);
    expect(calc('infer', { model: 'llama-3.1-8b', gpu: 'h100', dtype: 'fp8' }).peakFlopsPerSecond).toBe(1979e12);
  });
});

describe('training memory per GPU: ZeRO (Rajbhandari et al. 2020, Figure 1)', () => {
  // 7.5B parameters, Nd = 64, mixed-precision Adam (K = 12): 120 GB, 31.4 GB, 16.6 GB, 1.88 GB per GPU.
  it.each([
    ['0', 120e9],
    ['1', 31.4e9],
    ['2', 16.6e9],
    ['3', 1.875e9],
  ])('stage %s', (zero, bytes) => {
    const j = calc('train', { params: '7.5B', tokens: '300B', gpus: '64', zero });
    expect(j.activationsCounted).toBe(false);
    expect(j.memoryPerGpuBytes / bytes).toBeCloseTo(1, 2);
    expect(j.dp).toBe(64);
  });
  it('the split: weights, gradients, optimizer states', () => {
    const j = calc('train', { params: '7.5B', tokens: '300B', gpus: '64', zero: '2' });
    expect(j.memoryPerGpu).toEqual({ weightsBytes: 15e9, gradientsBytes: (2 * 7.5e9) / 64, optimizerBytes: (12 * 7.5e9) / 64, activationsBytes: 0 });
  });
  it('TP and PP divide the parameters before ZeRO divides by Nd = GPUs / (TP · PP)', () => {
    const j = calc('train', { params: '70B', tokens: '2T', gpus: '512', tp: '8', pp: '4', zero: '1' });
    expect(j.dp).toBe(16);
    expect(j.memoryPerGpu.weightsBytes).toBeCloseTo((2 * 70e9) / 32, 0);
    expect(j.memoryPerGpu.optimizerBytes).toBeCloseTo((12 * 70e9) / 32 / 16, 0);
  });
  it('activations per micro-batch follow Korthikanti et al. 2022: s·b·h·(34 + 5·a·s/h) per layer without TP', () => {
    const j = calc('train', { model: 'llama-3.1-8b', tokens: '1T', seqLen: '4096' });
    const perLayer = 4096 * 1 * 4096 * (34 + (5 * 32 * 4096) / 4096);
    expect(j.memoryPerGpu.activationsBytes).toBe(32 * perLayer);
    expect(calc('train', { model: 'llama-3.1-8b', tokens: '1T', recompute: 'selective' }).memoryPerGpu.activationsBytes).toBe(32 * 4096 * 4096 * 34);
    expect(calc('train', { model: 'llama-3.1-8b', tokens: '1T', recompute: 'true' }).memoryPerGpu.activationsBytes).toBe(32 * 2 * 4096 * 4096);
  });
  it('adafactor and sgd keep less optimizer state than Adam', () => {
    expect(calc('train', { params: '1B', tokens: '1T', optimizer: 'adafactor' }).bytesPerParam).toBe(8);
    expect(calc('train', { params: '1B', tokens: '1T', optimizer: 'sgd' }).bytesPerParam).toBe(12);
  });
  it('expert parallelism splits the routed experts (DeepSeek-V3: 256 experts, 8 per token)', () => {
    const one = calc('train', { model: 'deepseek-v3', tokens: '14.8T', gpus: '2048', pp: '16', zero: '1' });
    const ep = calc('train', { model: 'deepseek-v3', tokens: '14.8T', gpus: '2048', pp: '16', ep: '64', zero: '1' });
    expect(ep.memoryPerGpu.weightsBytes).toBeLessThan(one.memoryPerGpu.weightsBytes / 10);
    expect(ep.ep).toBe(64);
  });
  it('refuses layouts that do not tile the GPUs', () => {
    expect(() => calc('train', { params: '7B', tokens: '1T', gpus: '12', tp: '8' })).toThrow(/not a multiple of --tp × --pp = 8/);
    expect(() => calc('train', { params: '7B', tokens: '1T', gpus: '16', tp: '8', ep: '4' })).toThrow(/--ep 4 must divide the data-parallel degree 2/);
    expect(() => calc('train', { params: '7B', tokens: '1T', zero: '3' })).toThrow(MissingInput);
  });
});

describe('published training runs', () => {
  it('Llama 3.1 405B on 15.6T tokens ≈ 3.8e25 FLOPs (Llama 3 Herd of Models, §3.1)', () => {
    expect(calc('train', { model: 'llama-3.1-405b', tokens: '15.6T' }).flops / 3.8e25).toBeCloseTo(1, 1);
  });
  it('DeepSeek-V3: 6 × 37B active × 14.8T ≈ 3.3e24 FLOPs; 180K H800 GPU-hours per trillion tokens is 3.7 days on 2,048 GPUs', () => {
    expect(calc('train', { model: 'deepseek-v3', tokens: '14.8T' }).flops).toBeCloseTo(6 * 37e9 * 14.8e12, -20);
    // The report's 180K GPU-hours per 1T tokens implies ~34.6 % MFU against the dense BF16 peak.
    const mfu = (6 * 37e9 * 1e12) / (180e3 * 3600 * 989e12);
    const j = calc('train', { model: 'deepseek-v3', tokens: '1T', gpu: 'h800', gpus: '2048', mfu: String(mfu) });
    expect(j.gpuHours).toBeCloseTo(180e3, 0);
    expect(j.wallClockDays).toBeCloseTo(3.7, 1);
    // 2.788M GPU-hours at the report's $2 per H800-hour = $5.576M.
    expect(calc('train', { params: '37B', tokens: '1T', gpu: 'h800', mfu: String((6 * 37e9 * 1e12) / (2.788e6 * 3600 * 989e12)) }).costUsd).toBeCloseTo(5.576e6, -3);
  });
});

describe('KV cache from the model configs', () => {
  it.each([
    ['llama-3.1-8b', 2 * 32 * 8 * 128 * 2, 'gqa'],
    ['llama-3.1-70b', 2 * 80 * 8 * 128 * 2, 'gqa'],
    ['qwen3-235b-a22b', 2 * 94 * 4 * 128 * 2, 'gqa'],
    ['deepseek-v3', 61 * (512 + 64) * 2, 'mla'],
    ['gpt-oss-120b', 2 * 36 * 8 * 64 * 2, 'gqa'],
    ['llama-2-7b', 2 * 32 * 32 * 128 * 2, 'mha'],
  ])('%s: %d bytes per token (%s)', (model, perToken, attention) => {
    const j = calc('kv', { model, context: '1' });
    expect(j.bytesPerToken).toBe(perToken);
    expect(j.attention).toBe(attention);
  });
  it('DeepSeek-V3 MLA: 70,272 B per token, 4.5 × d_h per layer (DeepSeek-V2 report, Table 1) — 128k tokens ≈ 9.2 GB', () => {
    const j = calc('kv', { model: 'deepseek-v3', context: '131072' });
    expect((512 + 64) / 128).toBe(4.5);
    expect(j.totalBytes).toBe(131072 * 70_272);
  });
  it('sliding-window layers: gpt-oss-120b keeps 128 tokens in half its layers', () => {
    const j = calc('kv', { model: 'gpt-oss-120b', context: '131072' });
    expect(j.totalBytes).toBe((18 * 131072 + 18 * 128) * 2 * 8 * 64 * 2);
    const scout = calc('kv', { model: 'llama-4-scout', context: '1M' });
    expect(scout.totalBytes).toBe((12 * 1e6 + 36 * 8192) * 2 * 8 * 128 * 2);
  });
  it('Llama 4 is worded as chunked attention, not a sliding window (same cache size)', () => {
    const text = (model: string) => JSON.stringify(calculate('kv', { model, context: '32768' }, presets).derivation);
    for (const model of ['llama-4-scout', 'llama-4-maverick']) {
      expect(text(model)).toContain('36 of 48 layers with 8,192-token chunked attention');
      expect(text(model)).toContain('36 of 48 layers attend only within their current 8,192-token chunk');
      expect(text(model)).not.toMatch(/windowed|last 8,192/);
    }
    expect(calc('kv', { model: 'llama-4-scout', context: '32768' }).totalBytes).toBe((12 * 32768 + 36 * 8192) * 2 * 8 * 128 * 2);
    // A true sliding window keeps its wording.
    expect(text('gpt-oss-120b')).toContain('18 of 36 layers windowed to 128 tokens');
    expect(text('mistral-7b')).toContain('sliding window: only the last 4,096 of 32,768 tokens are cached');
  });
});

describe('serve', () => {
  it('prints exactly the documented fields, and Little’s law holds', () => {
    const j = calc('serve', { model: 'llama-3.1-8b', qps: '20' });
    expect(Object.keys(j)).toEqual(expect.arrayContaining(['gpus', 'replicas', 'concurrency', 'latencySeconds', 'utilisation', 'costPerMillionTokensUsd']));
    expect(j.concurrency).toBeCloseTo(20 * j.latencySeconds, 9);
    expect(j.gpus).toBe(j.replicas * j.gpusPerReplica);
    expect(j.replicas).toBe(Math.ceil(20 / j.maxQpsPerReplica));
    expect(j.costPerMillionTokensUsd).toBeCloseTo(((j.gpus * 2.99) / 3600 / (20 * 250)) * 1e6, 9);
  });
  it('a time-per-token target caps the batch and adds replicas', () => {
    const loose = calc('serve', { model: 'llama-3.1-70b', qps: '50' });
    const tight = calc('serve', { model: 'llama-3.1-70b', qps: '50', sloTpot: '30ms' });
    expect(tight.replicas).toBeGreaterThan(loose.replicas);
    expect(tight.timePerOutputTokenSeconds).toBeLessThanOrEqual(0.03);
    expect(tight.limitedBy).toBe('slo-tpot');
  });
  it('refuses a target no load can meet, and a replica that cannot hold the model', () => {
    expect(() => calc('serve', { model: 'llama-3.1-70b', qps: '1', sloTpot: '1ms' })).toThrow(/no load meets --slo-tpot 1 ms: one sequence alone takes/);
    expect(() => calc('serve', { model: 'llama-3.1-70b', qps: '1', gpus: '1' })).toThrow(/does not fit 1 GPU \(h100, 72 GB usable\); a replica needs at least 2: pass --gpus 2 or more/);
  });
});

describe('storage, egress, capacity', () => {
  it('storage: S3 Standard tiers, growth and replicas', () => {
    const j = calc('storage', { size: '100TB', tier: 's3-standard', months: '2', growthPerMonth: '10%', replicas: '2' });
    expect(j.monthly[0].storedBytes).toBe(200e12);
    expect(j.monthly[0].costUsd).toBeCloseTo(50_000 * 0.023 + 150_000 * 0.022, 6);
    expect(j.finalSizeBytes).toBeCloseTo(110e12, 0);
    expect(j.totalCostUsd).toBeCloseTo(j.monthly[0].costUsd + j.monthly[1].costUsd, 6);
  });
  it('storage without a tier compares every tier', () => {
    const j = calc('storage', { size: '1TB' });
    expect(j.comparison.map((c: { tier: string }) => c.tier)).toEqual(['s3-standard', 's3-standard-ia', 's3-glacier-instant', 's3-glacier-deep-archive', 'ebs-gp3']);
    expect(j.totalCostUsd).toBeCloseTo(12 * 1000 * 0.023, 6);
  });
  it('egress: 100 GB free, then $0.09 to 10 TB, then $0.085', () => {
    expect(calc('egress', { size: '20TB' }).costUsd).toBeCloseTo(9900 * 0.09 + 10_000 * 0.085, 6);
    expect(calc('egress', { size: '50GB' }).costUsd).toBe(0);
  });
  it('capacity: QPS, peak, storage over retention × replicas, servers', () => {
    const j = calc('capacity', { dau: '10M', requestsPerUser: '20', writesPerUser: '2', bytesPerWrite: '1KB', responseBytes: '10KB', retentionYears: '1', replicas: '3' });
    expect(j.avgQps).toBeCloseTo(2e8 / 86_400, 9);
    expect(j.peakQps).toBeCloseTo((2 * 2e8) / 86_400, 9);
    expect(j.storageBytesPerDay).toBe(2e10);
    expect(j.storageBytes).toBe(2e10 * 365 * 3);
    expect(j.egressBytesPerSecond).toBeCloseTo((2e8 / 86_400) * 1e4, 6);
    expect(j.servers).toBe(5);
  });
});

describe('derivation text', () => {
  it('carries intermediates unrounded, so each line checks ("2,315 × 2 = 4,630 QPS")', () => {
    const text = renderDerivation(calculate('capacity', { dau: '10M', requestsPerUser: '20' }, presets).derivation, plainTheme, 100);
    expect(text).toContain('= 2,315 × 2');
    expect(text).toContain('= 4,630 QPS');
  });
  it('the latency lines of serve and infer check: TTFT + output × TPOT as shown gives the result as shown', () => {
    const ms = (x: string) => {
      const m = /^([\d.,]+) (µs|ms|s|min)$/.exec(x.trim())!;
      return Number(m[1]!.replace(/,/g, '')) * { µs: 1e-6, ms: 1e-3, s: 1, min: 60 }[m[2] as 'µs' | 'ms' | 's' | 'min'];
    };
    const cases: [CalcKind, Raw, string][] = [
      ['serve', { model: 'llama-2-7b', qps: '20' }, 'latency'],
      ['serve', { model: 'llama-3.1-8b', qps: '20' }, 'latency'],
      ['serve', { model: 'llama-3.1-70b', qps: '3', outputTokens: '700' }, 'latency'],
      ['infer', { params: '13B', batch: '1', context: '1' }, 'request'],
      ['infer', { model: 'llama-3.1-70b', gpus: '2', batch: '16', outputTokens: '900' }, 'request'],
    ];
    for (const [kind, raw, id] of cases) {
      const d = calculate(kind, raw, presets).derivation;
      const step = d.steps.find((x) => x.id === id) ?? d.steps.find((x) => /TTFT \+ output tokens/.test(x.formula ?? ''))!;
      const m = /^(.+) \+ ([\d,]+) × (.+)$/.exec(step.substitution!)!;
      expect(m, step.substitution).not.toBeNull();
      const sum = ms(m[1]!) + Number(m[2]!.replace(/,/g, '')) * ms(m[3]!);
      const shown = ms(step.result);
      // The result is rounded to 3 significant figures: the sum of what is shown must round to it.
      expect(Number(sum.toPrecision(3)), `${step.substitution} = ${step.result}`).toBeCloseTo(shown, 9);
    }
  });
  it('reads like a whiteboard: formula, substitution, result, assumptions', () => {
    const d = calculate('train', { params: '175B', tokens: '300B' }, presets).derivation;
    const text = renderDerivation(d, plainTheme, 100);
    expect(d.assumptions).toContain('adam: bf16 weights 2 + bf16 gradients 2 + fp32 master weights, Adam m and v: 4 + 4 + 4 bytes per parameter (K = 12)');
    expect(text).toContain('C = 6 · N · D');
    expect(text).toContain('= 6 × 175B × 300B');
    expect(text).toContain('= 3.15e23 FLOPs');
    expect(text).toMatch(/Assumptions\n  • MFU 40%/);
    expect(text).not.toMatch(/NaN|Infinity|undefined/);
  });
});

describe('every numeric flag is bounded', () => {
  const numeric = (Object.keys(FIELDS) as FieldKey[]).filter((k) => !['gpu', 'model', 'tier', 'dtype', 'choice'].includes(FIELDS[k].type));
  it.each(numeric)('%s has a maximum, and a value past it says the accepted range', (key) => {
    const f: Field = FIELDS[key];
    expect(f.max).toBeGreaterThan(0);
    expect(() => parseNumber(key, String(f.max! * 10 + 10), presets)).toThrow(new RegExp(`^${f.flag}: ".*" is out of range \\(more than .*\\); accepted: .* from (0|1|more than 0) to `));
  });
  it('a peak factor below 1 (a peak under the average) is refused with the range', () => {
    expect(() => parseNumber('peakFactor', '0.5', presets)).toThrow(/^--peak-factor: "0.5" is out of range \(less than 1\); accepted: a number from 1 to /);
    expect(parseNumber('peakFactor', '1', presets)).toBe(1);
  });
});

describe('calc help text', () => {
  it('folds to the width given, hangs continuation lines and keeps an optional [group] whole', async () => {
    const { calcHelp, kindHelp, CALC_KINDS } = await import('../../src/calc/flags.js');
    for (const width of [59, 78]) {
      const texts = [calcHelp(width), ...CALC_KINDS.map((k) => kindHelp(k, width))];
      for (const text of texts) {
        for (const line of text.split('\n')) {
          expect(line.length, line).toBeLessThanOrEqual(width);
          // No "[--flag" split from its "VALUE]" across lines.
          expect((line.match(/\[/g) ?? []).length, line).toBe((line.match(/\]/g) ?? []).length);
        }
      }
      const general = calcHelp(width).split('\n');
      // Every line is a heading, blank, an indented row or a continuation: nothing restarts at column 0 mid-entry.
      for (const line of general) expect(line, line).toMatch(/^(Kinds|Numbers|Examples:|$| )/);
    }
    expect(calcHelp(59)).toContain('[--recompute [none|selective|full]]');
  });
});
