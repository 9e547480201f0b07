/** Presets: the bundled files are valid and complete, --presets files override by id, problems are positioned. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPresets } from '../../src/calc/presets.js';
import { parseYaml } from '../../src/curriculum/yaml.js';
import { loadPresets } from '../../src/cli/calc/presets-load.js';
import { nativeDtypes } from '../../src/calc/dtype.js';
import { renderPresets } from '../../src/ui/render/calc-presets.js';
import { plainTheme } from '../../src/ui/plain.js';
import { ROOT, tempDir } from '../helpers.js';

const bundled = { curriculumDir: join(ROOT, 'curriculum') };

describe('bundled presets', () => {
  const p = loadPresets(bundled);
  it('have the stable ids the issue lists', () => {
    expect(p.gpus.map((g) => g.id)).toEqual(expect.arrayContaining(['a100-40gb', 'a100-80gb', 'h100', 'h200', 'l4', 't4']));
    expect(p.models.map((m) => m.id)).toEqual(expect.arrayContaining(['llama-2-7b', 'llama-2-13b', 'llama-2-70b', 'llama-3-8b', 'llama-3-70b', 'llama-3.1-405b', 'mistral-7b']));
    expect(p.storage.map((s) => s.id)).toEqual(expect.arrayContaining(['s3-standard', 's3-standard-ia', 's3-glacier-instant', 's3-glacier-deep-archive', 'ebs-gp3']));
    expect(p.egress.map((e) => e.id)).toContain('internet');
    expect(p.gpus.map((g) => g.id)).toEqual(expect.arrayContaining(['b200', 'gb200', 'mi300x', 'mi355x', 'tpu-v5e', 'tpu-v6e', 'h800']));
    expect(p.models.map((m) => m.id)).toEqual(expect.arrayContaining(['deepseek-v3', 'llama-3.1-8b', 'llama-3.1-70b', 'llama-4-scout', 'llama-4-maverick', 'qwen3-235b-a22b', 'gpt-oss-120b']));
  });
  it('carry the model shapes from the configs: MLA, MoE and sliding windows', () => {
    const m = (id: string) => p.models.find((x) => x.id === id)!;
    expect(m('deepseek-v3')).toMatchObject({ layers: 61, hidden: 7168, heads: 128, attention: 'mla', kvLoraRank: 512, ropeHeadDim: 64, params: 671e9, activeParams: 37e9, experts: 256, expertsPerToken: 8 });
    expect(m('qwen3-235b-a22b')).toMatchObject({ layers: 94, hidden: 4096, heads: 64, kvHeads: 4, headDim: 128, params: 235e9, activeParams: 22e9 });
    expect(m('gpt-oss-120b')).toMatchObject({ layers: 36, hidden: 2880, heads: 64, kvHeads: 8, headDim: 64, slidingWindow: 128, slidingWindowLayers: 18 });
    expect(m('llama-4-scout')).toMatchObject({ layers: 48, hidden: 5120, heads: 40, kvHeads: 8, params: 109e9, activeParams: 17e9, slidingWindow: 8192, contextLength: 10485760 });
    expect(m('llama-4-maverick')).toMatchObject({ params: 400e9, activeParams: 17e9, experts: 128 });
  });
  it('state dense throughput per format and the formats each chip runs natively', () => {
    const g = (id: string) => p.gpus.find((x) => x.id === id)!;
    expect(g('b200')).toMatchObject({ bf16Tflops: 2250, fp8Tflops: 4500, fp4Tflops: 9000, memory: 180e9, bandwidth: 8e12 });
    expect(g('gb200')).toMatchObject({ bf16Tflops: 2500, fp8Tflops: 5000, fp4Tflops: 10000, memory: 186e9 });
    expect(g('mi300x')).toMatchObject({ bf16Tflops: 1307, fp8Tflops: 2615, memory: 192e9, bandwidth: 5.3e12 });
    expect(g('mi355x')).toMatchObject({ memory: 288e9, bandwidth: 8e12 });
    expect(g('tpu-v6e')).toMatchObject({ bf16Tflops: 918, memory: 32e9 });
    expect(g('h800')).toMatchObject({ bf16Tflops: 989, memory: 80e9, bandwidth: 3.35e12 });
    expect(g('h100').dtypes).not.toContain('fp4');
    expect(g('b200').dtypes).toContain('fp4');
  });
  it('give every value a source and an as-of date', () => {
    for (const entry of [...p.gpus, ...p.models, ...p.storage, ...p.egress]) {
      expect(entry.source.length).toBeGreaterThan(3);
      expect(entry.asOf).toMatch(/^\d{4}(-\d{2})?/);
    }
    for (const g of p.gpus) if (g.price) expect(g.price.asOf).toMatch(/^\d{4}/);
    // A price is optional (no sourced rental price for MI355X or the TPUs), but most GPUs carry one.
    expect(p.gpus.filter((g) => g.price).length).toBeGreaterThanOrEqual(10);
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

describe('study calc presets fits the terminal', () => {
  const p = loadPresets(bundled);
  const render = (columns: number) => renderPresets(p, plainTheme, columns).split('\n');

  for (const columns of [60, 80, 100, 120]) {
    it(`every line fits ${columns} columns`, () => {
      expect(render(columns).filter((l) => l.length > columns - 1)).toEqual([]);
    });
  }

  it('at 100 columns keeps the GPU table, each GPU’s native formats on an indented line under it', () => {
    const lines = render(100);
    const at = lines.findIndex((l) => l.startsWith('  id ') && l.includes('BF16 TFLOPS'));
    expect(lines[at]).toMatch(/\$\/GPU-h$/);
    for (const [i, g] of p.gpus.entries()) {
      expect(lines[at + 1 + 2 * i]).toMatch(new RegExp(`^  ${g.id} +\\d`));
      expect(lines[at + 2 + 2 * i]).toBe(`      native formats: ${nativeDtypes(g).join(' ')}`);
    }
    // The models table with the attention's particulars under the few rows that have any.
    expect(lines).toContain('      attention: mla 512+64');
  });

  it('at 60 columns one entry per GPU, a heading never apart from its value', () => {
    const lines = render(60);
    expect(lines.filter((l) => /^\s*·/.test(l))).toEqual([]);
    for (const g of p.gpus) {
      const at = lines.findIndex((l) => l.startsWith(`  ${g.id} `));
      const entry = lines.slice(at, at + 5).join('\n');
      expect(entry).toMatch(/memory \d+ GB/);
      expect(entry).toMatch(/bandwidth [\d.]+ [GT]B\/s/);
      expect(entry).toContain(`native formats ${nativeDtypes(g).join(' ')}`);
    }
    expect(lines.join('\n')).not.toMatch(/attention gqa ·[^\n]*attention gqa/);
  });
});
