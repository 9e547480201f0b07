/** fast-check properties: each result grows with each input, and no accepted input gives NaN or Infinity. */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capacity } from '../../src/calc/capacity.js';
import { calculate } from '../../src/calc/calculate.js';
import { CALC_KINDS, type CalcKind } from '../../src/calc/flags.js';
import { kv } from '../../src/calc/kv.js';
import { storage } from '../../src/calc/storage.js';
import { train } from '../../src/calc/train.js';
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

describe('no NaN or Infinity for any accepted input', () => {
  const text = fc.oneof(
    fc.double({ min: 0, max: 1e308, noNaN: true }).map(String),
    fc.tuple(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constantFrom('', 'k', 'M', 'B', 'T', 'P', ' GB', ' TiB', '%', ' PB', 'e300')).map(([n, u]) => `${n}${u}`),
  );
  const FLAGS: Record<CalcKind, string[]> = {
    train: ['params', 'tokens', 'mfu', 'gpus', 'gpuHourPrice'],
    infer: ['params', 'gpus', 'batch', 'context', 'gpuHourPrice'],
    kv: ['layers', 'kvHeads', 'headDim', 'context', 'batch'],
    storage: ['size', 'pricePerGbMonth', 'months', 'growthPerMonth', 'replicas'],
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
