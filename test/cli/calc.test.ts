/** The built binary: calc and drill with --json, bad input (exit 2, one stderr line), help, presets. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers.js';

const json = (args: string[]) => {
  const r = runCli(args);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout);
};

describe('study calc --json', () => {
  it('train prints the documented fields in base units', () => {
    const j = json(['calc', 'train', '--params', '7B', '--tokens', '2T', '--gpus', '256', '--json']);
    expect(j.flops).toBe(8.4e22);
    expect(Object.keys(j)).toEqual(expect.arrayContaining(['flops', 'gpuHours', 'wallClockDays', 'costUsd', 'chinchilla', 'trainingMemoryBytes']));
    expect(Object.keys(j.chinchilla)).toEqual(['params', 'tokens']);
  });
  it('infer, kv, storage, egress and capacity print their fields', () => {
    expect(Object.keys(json(['calc', 'infer', '--model', 'llama-3-8b', '--json']))).toEqual(
      expect.arrayContaining(['weightBytes', 'kvBytes', 'totalBytes', 'gpusNeeded', 'flopsPerToken', 'decodeTokensPerSecond', 'costPerMillionTokensUsd']),
    );
    expect(json(['calc', 'kv', '--model', 'llama-2-7b', '--json'])).toMatchObject({ bytesPerToken: 524_288, totalBytes: 2_147_483_648 });
    const s = json(['calc', 'storage', '--size', '10TB', '--tier', 's3-standard', '--months', '3', '--json']);
    expect(s.monthly).toHaveLength(3);
    expect(Object.keys(s)).toEqual(expect.arrayContaining(['totalCostUsd', 'monthly', 'finalSizeBytes']));
    expect(json(['calc', 'egress', '--size', '1TB', '--json']).costUsd).toBeCloseTo(900 * 0.09, 6);
    expect(Object.keys(json(['calc', 'capacity', '--dau', '1M', '--requests-per-user', '10', '--json']))).toEqual(
      expect.arrayContaining(['avgQps', 'peakQps', 'writesPerSecond', 'storageBytesPerDay', 'storageBytes', 'egressBytesPerSecond', 'servers']),
    );
  });
  it('prints the derivation without --json', () => {
    const r = runCli(['calc', 'kv', '--model', 'llama-3-8b']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('2 × 32 layers × 8 KV heads × 128 × 2 B');
    expect(r.stdout).toContain('537 MB (512 MiB)');
  });
  it('lists presets, and --presets FILE overrides them', () => {
    const file = join(tempDir(), 'p.yaml');
    writeFileSync(file, 'format: 1\negress:\n  - { id: internet, name: Flat, tiers: [{ usdPerGb: 0.01 }], source: my CDN contract, asOf: 2026-03 }\n');
    expect(json(['calc', 'presets', '--json']).gpus.map((g: { id: string }) => g.id)).toContain('h200');
    expect(json(['calc', 'egress', '--size', '1TB', '--presets', file, '--json']).costUsd).toBeCloseTo(10, 6);
  });
  it('study calc KIND --help shows that calculator’s flags only', () => {
    const r = runCli(['calc', 'train', '--help']);
    expect(r.status).toBe(0);
    for (const flag of ['--params', '--tokens', '--tp', '--pp', '--zero', '--optimizer', '--recompute', '--json', '--presets']) expect(r.stdout).toContain(flag);
    for (const other of ['--kv-heads', '--growth-per-month', '--qps-per-server', '--slo-tpot', '--dau']) expect(r.stdout).not.toContain(other);
    expect(r.stdout).toContain('study calc train: training compute');
    expect(r.stdout.split('\n')[0]).toBe('Usage: study calc train [options]');
    const s = runCli(['calc', 'serve', '--help']);
    for (const flag of ['--qps', '--slo-ttft', '--slo-tpot', '--prompt-tokens']) expect(s.stdout).toContain(flag);
    expect(s.stdout).not.toContain('--tier');
    // presets takes only --presets and --json.
    const p = runCli(['calc', 'presets', '--help']);
    expect(p.status).toBe(0);
    const options = p.stdout.slice(p.stdout.indexOf('Options:'), p.stdout.indexOf('Kinds'));
    expect(options.match(/^ {2}--?[a-z-]+/gm)!.map((x) => x.trim())).toEqual(['--presets', '--json', '-h']);
  });
  it('serve and the new infer fields print as documented', () => {
    expect(Object.keys(json(['calc', 'serve', '--model', 'llama-3.1-8b', '--qps', '20', '--json']))).toEqual(expect.arrayContaining(['gpus', 'replicas', 'concurrency', 'latencySeconds', 'utilisation', 'costPerMillionTokensUsd']));
    const i = json(['calc', 'infer', '--model', 'llama-3.1-70b', '--gpus', '1', '--json']);
    expect(i).toMatchObject({ gpus: 1, fits: false, gpusNeeded: 2 });
    expect(Object.keys(i)).toEqual(expect.arrayContaining(['prefillSeconds', 'mfu', 'timePerOutputTokenSeconds', 'aggregateTokensPerSecond', 'fits', 'maxBatch']));
    const t = json(['calc', 'train', '--params', '7.5B', '--tokens', '300B', '--gpus', '64', '--zero', '3', '--json']);
    expect(t.memoryPerGpuBytes).toBe(1.875e9);
  });
  it('help lists every kind with its flags', () => {
    const r = runCli(['calc', '--help']);
    expect(r.status).toBe(0);
    for (const word of ['train', 'infer', 'serve', 'kv', 'storage', 'egress', 'capacity', 'presets', '--peak-tflops', '--kv-heads', '--growth-per-month', '--qps-per-server', '--slo-tpot']) expect(r.stdout).toContain(word);
  });
});

describe('bad input: exit 2 and one line naming the flag, the input and what is accepted', () => {
  it.each([
    [['calc', 'train', '--params', '7X', '--tokens', '1T'], /^study: --params: "7X" has an unknown unit "X"; expected a number such as/],
    [['calc', 'train', '--tokens', '1T'], /^study: --params and --tokens are required \(or --compute alone\); --params expects/],
    [['calc', 'infer', '--model', 'gpt-9'], /^study: --model: no preset "gpt-9"; expected one of llama-2-7b/],
    [['calc', 'storage', '--size', '-5TB'], /^study: --size: "-5TB" is negative; expected a size/],
    [['calc', 'capacity', '--dau', '1M', '--requests-per-user', '5', '--qps-per-server', '0'], /^study: --qps-per-server: "0" must be more than 0/],
    [['calc', 'train', '--params', '7B', '--tokens', '1T', '--mfu', '140%'], /^study: --mfu: "140%" is out of range \(more than 100%\); accepted: a percentage from more than 0 to 100%/],
    [['calc', 'train', '--params', '--tokens', '2T'], /^study: the value for --params is missing \(the next word is the flag --tokens\); expected --params N, e\.g\. --params 7B$/],
    [['calc', 'storage', '--size', '1TB', '--replicas', '1e300'], /^study: --replicas: "1e300" is out of range \(more than 1,000\); accepted: a whole number from 1 to 1,000$/],
    [['calc', 'infer', '--params', '1e300'], /^study: --params: "1e300" is out of range \(more than 1P\); accepted: a number from more than 0 to 1P$/],
    [['calc', 'infer', '--params', '7B', '--batch', '2.5'], /^study: --batch: "2.5" is not a whole number/],
    [['calc', 'train', '--params', '7B', '--tokens', '1T', '--zero', '4'], /^study: --zero: "4" is out of range \(more than 3\); accepted: a whole number from 0 to 3$/],
    [['calc', 'train', '--params', '7B', '--tokens', '1T', '--optimizer', 'lion'], /^study: --optimizer: "lion" is not valid; expected one of adam, adafactor, sgd$/],
    [['calc', 'train', '--params', '7B', '--tokens', '1T', '--gpus', '12', '--tp', '8'], /^study: --gpus 12 is not a multiple of --tp × --pp = 8/],
    [['calc', 'serve', '--model', 'llama-3.1-8b'], /^study: --qps is required/],
    [['calc', 'serve', '--model', 'llama-3.1-70b', '--qps', '5', '--gpus', '1'], /^study: calc serve: Llama 3\.1 70B in fp16 does not fit 1 GPU/],
    [['calc', 'kv', '--tokens', '1T'], /^study: --tokens does not apply to study calc kv/],
    [['calc', 'warp'], /^study: calc: unknown kind "warp"; expected one of train/],
    [['calc'], /^study: study calc needs a kind/],
    [['calc', 'storage', '--size', '1000EB', '--growth-per-month', '1000%', '--months', '1200'], /^study: calc storage: the inputs are too large/],
    [['drill', 'train'], /^study: study drill needs an interactive terminal/],
    [['drill', 'nope', '--json'], /^study: drill: unknown kind "nope"/],
    [['drill', '--count', '0', '--json'], /^study: --count: "0" is not valid/],
  ])('%j', (args, message) => {
    const r = runCli(args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });
});

describe('study drill --json', () => {
  it('prints reproducible problems with answers, without asking', () => {
    const a = json(['drill', 'kv', '--count', '3', '--seed', '5', '--json']);
    expect(a).toHaveLength(3);
    for (const p of a) {
      expect(Object.keys(p)).toEqual(['kind', 'prompt', 'inputs', 'answer', 'unit']);
      expect(p.kind).toBe('kv');
    }
    expect(json(['drill', 'kv', '--count', '3', '--seed', '5', '--json'])).toEqual(a);
  });
});
