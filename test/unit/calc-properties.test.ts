/** fast-check properties: each result grows with each input, and no accepted input gives NaN or Infinity. */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capacity } from '../../src/calc/capacity.js';
import { calculate } from '../../src/calc/calculate.js';
import { CALC_KINDS, type CalcKind } from '../../src/calc/flags.js';
import { kv } from '../../src/calc/kv.js';
import { storage } from '../../src/calc/storage.js';
import { DEFAULT_PARALLELISM, train } from '../../src/calc/train.js';
import type { Raw } from '../../src/calc/inputs.js';
import { UsageError } from '../../src/errors.js';
import { loadPresets } from '../../src/cli/calc/presets-load.js';
import { ROOT } from '../helpers.js';

const presets = loadPresets({ curriculumDir: join(ROOT, 'curriculum') });
const pos = (max = 1e15) => fc.double({ min: 1e-3, max, noNaN: true });
const int = (max = 1e5) => fc.integer({ min: 1, max });
const factor = fc.double({ min: 1.01, max: 10, noNaN: true });
const peak = { flopsPerSecond: 989e12 };

describe('monotonic in each input', () => {
  it('train: FLOPs, GPU-hours and memory grow with N and D; days fall with GPUs', () => {
    fc.assert(
      fc.property(pos(1e13), pos(1e14), factor, int(), (n, d, k, g) => {
        const a = train({ params: n, tokens: d, peak, mfu: 0.4, gpus: g }).json;
        const bigger = train({ params: n * k, tokens: d, peak, mfu: 0.4, gpus: g }).json;
        const more = train({ params: n, tokens: d * k, peak, mfu: 0.4, gpus: g }).json;
        const wider = train({ params: n, tokens: d, peak, mfu: 0.4, gpus: g + 1 }).json;
        const better = train({ params: n, tokens: d, peak, mfu: Math.min(1, 0.4 * k) }).json;
        return bigger.flops > a.flops && more.flops > a.flops && bigger.trainingMemoryBytes > a.trainingMemoryBytes && wider.wallClockDays! < a.wallClockDays! && better.gpuHours < a.gpuHours;
      }),
    );
  });
  it('kv: grows with layers, KV heads, head dim, context and batch', () => {
    fc.assert(
      fc.property(int(200), int(128), int(512), int(1e6), int(1024), fc.constantFrom('layers', 'kvHeads', 'headDim', 'context', 'batch'), (l, h, d, c, b, which) => {
        const base = { layers: l, kvHeads: h, headDim: d, context: c, batch: b };
        const up = { ...base, [which]: base[which] + 1 };
        const size = (x: typeof base) => kv({ shape: x, dtype: 'fp16', context: x.context, batch: x.batch }).json.totalBytes;
        return size(up) > size(base);
      }),
    );
  });
  it('storage: total cost grows with size, months, growth and replicas', () => {
    const tier = presets.storage[0]!;
    fc.assert(
      fc.property(pos(1e16), int(120), fc.double({ min: 0, max: 0.5, noNaN: true }), int(5), (size, months, g, r) => {
        const cost = (x: { size: number; months: number; g: number; r: number }) => storage({ sizeBytes: x.size, price: { tier }, months: x.months, growthPerMonth: x.g, replicas: x.r }).json.totalCostUsd;
        const base = { size, months, g, r };
        return cost({ ...base, size: size * 2 }) > cost(base) && cost({ ...base, months: months + 1 }) > cost(base) && cost({ ...base, r: r + 1 }) > cost(base) && cost({ ...base, g: g + 0.01 }) >= cost(base);
      }),
    );
  });
  it('capacity: QPS grows with users and requests; storage with writes, retention and replicas', () => {
    fc.assert(
      fc.property(pos(1e10), pos(1e4), pos(1e3), pos(1e6), factor, (dau, rpu, wpu, bpw, k) => {
        const base = { dau, requestsPerUser: rpu, peakFactor: 2, writesPerUser: wpu, bytesPerWrite: bpw, responseBytes: 1000, retentionYears: 1, replicas: 3, qpsPerServer: 1000, defaulted: [] };
        const a = capacity(base).json;
        const users = capacity({ ...base, dau: dau * k }).json;
        const writes = capacity({ ...base, writesPerUser: wpu * k }).json;
        const longer = capacity({ ...base, retentionYears: k }).json;
        return users.peakQps > a.peakQps && users.servers >= a.servers && writes.storageBytes > a.storageBytes && longer.storageBytes > a.storageBytes;
      }),
    );
  });
});

describe('serving and parallel memory: monotone, and never below the weights per GPU', () => {
  const models = presets.models.map((m) => m.id);
  const gpus = presets.gpus.map((g) => g.id);
  const run = (kind: CalcKind, raw: Raw) => calculate(kind, raw, presets).json as Record<string, any>;
  it('infer: memory and throughput grow with batch; time per token with batch and context', () => {
    fc.assert(
      fc.property(fc.constantFrom(...models), fc.constantFrom(...gpus), int(512), int(65_536), fc.constantFrom('fp16', 'fp8', 'int4'), (model, gpu, batch, context, dtype) => {
        const a = run('infer', { model, gpu, batch: String(batch), context: String(context), dtype });
        const b = run('infer', { model, gpu, batch: String(batch + 1), context: String(context), dtype, gpus: String(a.gpus) });
        const c = run('infer', { model, gpu, batch: String(batch), context: String(context + 1000), dtype, gpus: String(a.gpus) });
        return (
          b.kvBytes > a.kvBytes &&
          b.totalBytes > a.totalBytes &&
          b.aggregateTokensPerSecond >= a.aggregateTokensPerSecond * (1 - 1e-12) &&
          b.timePerOutputTokenSeconds >= a.timePerOutputTokenSeconds &&
          c.kvBytes >= a.kvBytes &&
          c.timePerOutputTokenSeconds >= a.timePerOutputTokenSeconds &&
          c.maxBatch <= a.maxBatch &&
          a.totalBytes / a.gpus >= a.weightBytes / a.gpus
        );
      }),
      { numRuns: 150 },
    );
  });
  it('serve: replicas and GPUs never fall as QPS rises; at the same replicas, neither do concurrency and latency', () => {
    fc.assert(
      fc.property(fc.constantFrom('llama-3.1-8b', 'llama-3.1-70b', 'mistral-7b', 'qwen3-235b-a22b'), fc.constantFrom('h100', 'h200', 'b200', 'mi300x'), fc.double({ min: 0.1, max: 2000, noNaN: true }), factor, (model, gpu, qps, k) => {
        const a = run('serve', { model, gpu, qps: String(qps) });
        const b = run('serve', { model, gpu, qps: String(qps * k) });
        // With the same replicas, more load means more in flight and a longer wait; one more replica may lower both.
        const same = b.replicas === a.replicas;
        return b.replicas >= a.replicas && b.gpus >= a.gpus && (!same || (b.concurrency >= a.concurrency * (1 - 1e-9) && b.latencySeconds >= a.latencySeconds * (1 - 1e-9))) && a.utilisation > 0 && a.utilisation <= 1 + 1e-9;
      }),
      { numRuns: 60 },
    );
  });
  it('serve: cost per token falls as one replica’s load rises', () => {
    const j = run('serve', { model: 'llama-3.1-8b', qps: '1' });
    const costs = j.loadTable.map((r: { costPerMillionTokensUsd: number }) => r.costPerMillionTokensUsd);
    for (let i = 1; i < costs.length; i++) expect(costs[i]).toBeLessThan(costs[i - 1]);
    expect(costs[0] / costs[costs.length - 1]).toBeCloseTo(20, 6);
  });
  it('train: memory per GPU is never below the weights per GPU (2 bytes × N / GPUs), and falls with each ZeRO stage', () => {
    fc.assert(
      fc.property(pos(1e12), fc.constantFrom(1, 2, 4, 8), fc.constantFrom(1, 2, 4), fc.constantFrom(1, 8, 64, 512), fc.constantFrom<0 | 1 | 2 | 3>(0, 1, 2, 3), (n, tp, pp, dp, zero) => {
        const gpus = tp * pp * dp;
        const at = (z: 0 | 1 | 2 | 3) => train({ params: n, tokens: 1e12, peak, mfu: 0.4, gpus, parallel: { ...DEFAULT_PARALLELISM, tp, pp, zero: z } }).json;
        const j = at(zero);
        const next = at(Math.min(3, zero + 1) as 0 | 1 | 2 | 3);
        return j.memoryPerGpuBytes >= (2 * n) / gpus - 1e-6 && next.memoryPerGpuBytes <= j.memoryPerGpuBytes;
      }),
    );
  });
});

describe('no NaN or Infinity for any accepted input', () => {
  const text = fc.oneof(
    fc.double({ min: 0, max: 1e308, noNaN: true }).map(String),
    fc.tuple(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constantFrom('', 'k', 'M', 'B', 'T', 'P', ' GB', ' TiB', '%', ' PB', 'e300')).map(([n, u]) => `${n}${u}`),
  );
  const FLAGS: Record<CalcKind, string[]> = {
    train: ['params', 'tokens', 'mfu', 'gpus', 'gpuHourPrice', 'activeParams', 'zero', 'seqLen'],
    infer: ['params', 'gpus', 'batch', 'context', 'gpuHourPrice', 'promptTokens', 'outputTokens', 'activeParams'],
    kv: ['layers', 'kvHeads', 'headDim', 'context', 'batch'],
    storage: ['size', 'pricePerGbMonth', 'months', 'growthPerMonth', 'replicas'],
    serve: ['params', 'qps', 'promptTokens', 'outputTokens', 'gpus', 'sloTpot'],
    egress: ['size'],
    capacity: ['dau', 'requestsPerUser', 'peakFactor', 'writesPerUser', 'bytesPerWrite', 'responseBytes', 'retentionYears', 'replicas', 'qpsPerServer'],
  };
  for (const kind of CALC_KINDS) {
    it(`${kind}: either a usage error or finite numbers`, () => {
      fc.assert(
        fc.property(fc.array(text, { minLength: FLAGS[kind].length, maxLength: FLAGS[kind].length }), (values) => {
          const raw = Object.fromEntries(FLAGS[kind].map((f, i) => [f, values[i]!]));
          try {
            const json = JSON.stringify(calculate(kind, raw, presets).json);
            return !/null|NaN|Infinity/.test(json);
          } catch (e) {
            expect(e).toBeInstanceOf(UsageError);
            expect((e as Error).message.split('\n')).toHaveLength(1);
            return true;
          }
        }),
        { numRuns: 200 },
      );
    });
  }
});
