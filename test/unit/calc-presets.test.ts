/** Presets: the bundled files are valid and complete, --presets files override by id, problems are positioned. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPresets } from '../../src/calc/presets.js';
import { parseYaml } from '../../src/curriculum/yaml.js';
import { loadPresets } from '../../src/cli/calc/presets-load.js';
import { ROOT, tempDir } from '../helpers.js';

const bundled = { curriculumDir: join(ROOT, 'curriculum') };

describe('bundled presets', () => {
  const p = loadPresets(bundled);
  it('have the stable ids the issue lists', () => {
    expect(p.gpus.map((g) => g.id)).toEqual(expect.arrayContaining(['a100-40gb', 'a100-80gb', 'h100', 'h200', 'l4', 't4']));
    expect(p.models.map((m) => m.id)).toEqual(expect.arrayContaining(['llama-2-7b', 'llama-2-13b', 'llama-2-70b', 'llama-3-8b', 'llama-3-70b', 'llama-3.1-405b', 'mistral-7b']));
    expect(p.storage.map((s) => s.id)).toEqual(expect.arrayContaining(['s3-standard', 's3-standard-ia', 's3-glacier-instant', 's3-glacier-deep-archive', 'ebs-gp3']));
    expect(p.egress.map((e) => e.id)).toContain('internet');
  });
  it('give every value a source and an as-of date', () => {
    for (const entry of [...p.gpus, ...p.models, ...p.storage, ...p.egress]) {
      expect(entry.source.length).toBeGreaterThan(3);
      expect(entry.asOf).toMatch(/^\d{4}(-\d{2})?/);
    }
    for (const g of p.gpus) expect(g.price?.asOf).toMatch(/^\d{4}/);
  });
  it('use dense, not sparsity, throughput and parse units', () => {
    const h100 = p.gpus.find((g) => g.id === 'h100')!;
    expect(h100.bf16Tflops).toBe(989);
    expect(h100.memory).toBe(80e9);
    expect(h100.bandwidth).toBe(3.35e12);
    expect(p.models.find((m) => m.id === 'llama-2-7b')!.params).toBe(6.74e9);
  });
});

describe('--presets FILE', () => {
  it('overrides an entry by id and adds new ones', () => {
    const file = join(tempDir(), 'mine.yaml');
    writeFileSync(file, 'format: 1\ngpus:\n  - { id: h100, name: H100 cheap, bf16Tflops: 989, memory: 80 GB, bandwidth: 3350 GB/s, tdpWatts: 700, source: my contract, asOf: 2026-02, price: { usdPerHour: 1.5, source: my contract, asOf: 2026-02 } }\n  - { id: b200, name: B200, bf16Tflops: 2250, memory: 192 GB, bandwidth: 8 TB/s, tdpWatts: 1000, source: NVIDIA, asOf: 2025-01 }\n');
    const p = loadPresets(bundled, file);
    expect(p.gpus.find((g) => g.id === 'h100')!.price!.usdPerHour).toBe(1.5);
    expect(p.gpus.map((g) => g.id)).toContain('b200');
    expect(p.gpus.filter((g) => g.id === 'h100')).toHaveLength(1);
  });
  it('reports a bad value as file:line:col', () => {
    const text = 'format: 1\nmodels:\n  - id: tiny\n    name: Tiny\n    params: lots\n    layers: 2\n    hidden: 64\n    heads: 2\n    kvHeads: 2\n    headDim: 32\n    source: me\n    asOf: 2026\n';
    const { problems } = buildPresets([parseYaml('bad.yaml', text)]);
    expect(problems[0]).toMatchObject({ file: 'bad.yaml', line: 5, col: 13 });
    expect(problems[0]!.message).toMatch(/^models\.0\.params: expected a number/);
  });
  it('refuses an unknown field, a missing source and unordered tiers', () => {
    const text = 'format: 1\nstorage:\n  - id: x\n    name: X\n    colour: red\n    tiers: [{ upToGb: 10, usdPerGbMonth: 1 }, { upToGb: 5, usdPerGbMonth: 1 }, { usdPerGbMonth: 1 }]\n    asOf: 2026\n';
    const messages = buildPresets([parseYaml('x.yaml', text)]).problems.map((p) => p.message).join('\n');
    expect(messages).toMatch(/colour/);
    expect(messages).toMatch(/source/);
    expect(messages).toMatch(/upToGb must increase/);
  });
});
