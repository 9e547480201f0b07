/** Calculators against published figures, through the same flag parsing the CLI uses. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calculate } from '../../src/calc/calculate.js';
import { MissingInput, type Raw } from '../../src/calc/inputs.js';
import type { CalcKind } from '../../src/calc/flags.js';
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
  it('int4 halves int8 weights; without a shape the cache is the 20 % rule of thumb', () => {
    const a = calc('infer', { params: '70B', dtype: 'int4' });
    expect(a.weightBytes).toBe(35e9);
    expect(a.kvEstimated).toBe(true);
    expect(a.totalBytes).toBeCloseTo(1.2 * 35e9, 0);
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
  it('reads like a whiteboard: formula, substitution, result, assumptions', () => {
    const text = renderDerivation(calculate('train', { params: '175B', tokens: '300B' }, presets).derivation, plainTheme, 100);
    expect(text).toContain('C = 6 · N · D');
    expect(text).toContain('= 6 × 175B × 300B');
    expect(text).toContain('= 3.15e23 FLOPs');
    expect(text).toMatch(/Assumptions\n  • 16 bytes per parameter/);
    expect(text).not.toMatch(/NaN|Infinity|undefined/);
  });
});
