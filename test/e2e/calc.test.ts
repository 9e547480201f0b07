/**
 * In a real terminal: a calculator that asks for its missing inputs (a menu of models, then a
 * typed value checked by the unit parser), and a drill whose answers land in the progress file
 * the moment they are given, including when the user presses Ctrl-C.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isolatedEnv, tempDir } from '../helpers.js';
import { KEY, startStudy } from './pty.js';

describe('study calc in a terminal', () => {
  it('offers a menu, asks for the missing shape and validates what is typed', async () => {
    const s = startStudy(['calc'], isolatedEnv(tempDir()));
    await s.waitFor('Which calculator?');
    await s.waitFor('navigate');
    s.write(KEY.down.repeat(2) + KEY.enter); // train, infer, kv
    await s.waitFor('Which model?');
    await s.waitFor('navigate');
    s.write(KEY.up + KEY.enter); // the last choice: enter the shape
    await s.waitFor('(--layers)');
    s.mark();
    s.write(`32x${KEY.enter}`);
    await s.waitFor('unknown unit "x"');
    s.write(`${KEY.backspace}${KEY.enter}`);
    await s.waitFor('(--kv-heads)');
    s.write(`8${KEY.enter}`);
    await s.waitFor('(--head-dim)');
    s.write(`128${KEY.enter}`);
    await s.waitFor('Change the optional inputs (dtype, context, batch)?');
    s.write(KEY.enter); // no: keep the defaults
    const screen = await s.waitFor('Assumptions');
    expect(screen).toContain('2 × 32 layers × 8 KV heads × 128 × 2 B');
    expect(await s.exited).toBe(0);
    expect(s.output()).toContain('537 MB (512 MiB)');
  });
});

describe('study calc offers the optional inputs with their defaults', () => {
  it('asks for the GPU count and MFU instead of ending with "pass --gpus N"', async () => {
    const s = startStudy(['calc', 'train'], isolatedEnv(tempDir()));
    await s.waitFor('(--params)');
    s.write(`7B${KEY.enter}`);
    await s.waitFor('(--tokens)');
    s.write(`2T${KEY.enter}`);
    await s.waitFor('Change the optional inputs (gpu, gpus, mfu, zero, gpu-hour-price)?');
    s.write(`y${KEY.enter}`);
    await s.waitFor('Which GPU?');
    await s.waitFor('navigate');
    s.write(KEY.enter); // the default, h100
    await s.waitFor('(--gpus; empty keeps the default)');
    s.write(`256${KEY.enter}`);
    await s.waitFor('(--mfu)');
    s.write(KEY.enter); // keep 40%
    await s.waitFor('(--zero)');
    s.write(KEY.enter);
    await s.waitFor('(--gpu-hour-price)');
    s.write(KEY.enter);
    await s.waitFor('Assumptions');
    expect(await s.exited).toBe(0);
    const out = s.output();
    expect(out).toContain('Wall clock');
    expect(out).toMatch(/= 8\.4e22 FLOPs \/ \(395\.6 TFLOP\/s × 3,600\)/);
    expect(out).not.toMatch(/pass --|More with/);
  });
});

describe('calculator screens at 60 columns', () => {
  it.each([
    [['calc', 'serve', '--model', 'llama-3.1-8b', '--qps', '20']],
    [['calc', 'infer', '--model', 'deepseek-v3', '--gpu', 'h200', '--dtype', 'fp8', '--prompt-tokens', '2000']],
    [['calc', 'train', '--model', 'llama-3.1-70b', '--tokens', '15T', '--gpus', '1024', '--tp', '8', '--pp', '4', '--zero', '1']],
    [['calc', 'kv', '--model', 'gpt-oss-120b', '--context', '131072']],
  ])('%j: nothing overflows, no word is split', async (args) => {
    const s = startStudy(args, isolatedEnv(tempDir()), { cols: 60, rows: 50 });
    expect(await s.exited).toBe(0);
    const rows = await s.screen();
    expect(rows.some((r) => r.text.includes('Assumptions'))).toBe(true);
    expect(rows.filter((r) => r.wrapped).map((r) => r.text)).toEqual([]);
  });
});

describe('study drill in a terminal', () => {
  it('grades each answer, shows the derivation, and records drill events as they are given', async () => {
    const home = tempDir();
    const progress = join(home, 'data', 'ai-design-study', 'progress.json');
    const s = startStudy(['drill', 'kv', '--count', '3', '--seed', '11'], isolatedEnv(home));
    await s.waitFor('Problem 1 of 3');
    await s.waitFor('Your estimate');
    s.mark();
    s.write(`abc${KEY.enter}`);
    await s.waitFor('expected');
    s.write(`${KEY.backspace.repeat(3)}1 TB${KEY.enter}`);
    await s.waitFor('Problem 2 of 3');
    await s.waitFor('Your estimate');
    const first = JSON.parse(readFileSync(progress, 'utf8')).events;
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ type: 'drill', kind: 'kv', given: 1000, unit: 'GB' });
    expect(s.output()).toMatch(/(Excellent|Pass|Miss) — .*the answer is/);
    expect(s.output()).toContain('KV cache per token');
    s.write(`100${KEY.enter}`);
    await s.waitFor('Problem 3 of 3');
    await s.waitFor('Your estimate');
    s.write(KEY.ctrlC);
    expect(await s.exited).toBe(130);
    expect(s.output()).toMatch(/Interrupted — 2 drill answers saved/);
    const events = JSON.parse(readFileSync(progress, 'utf8')).events;
    expect(events.map((e: { given: number }) => e.given)).toEqual([1000, 100]);
    for (const e of events) expect(['excellent', 'pass', 'miss']).toContain(e.grade);
  });
});

describe('study calc menu at 60 columns', () => {
  it('hangs each long summary under its own text, never back at column 0', async () => {
    const s = startStudy(['calc'], isolatedEnv(tempDir()), { cols: 60 });
    await s.waitFor('Which calculator?');
    await s.waitFor('navigate');
    const rows = (await s.screen()).map((r) => r.text);
    const start = rows.findIndex((r) => r.includes('Which calculator?'));
    const menu = rows.slice(start + 1, rows.findIndex((r, i) => i > start && r.includes('navigate')));
    expect(menu.length).toBeGreaterThan(8);
    for (const r of menu.filter((x) => x.trim() !== '')) expect(r, r).toMatch(/^(❯ |  )(train|infer|kv|serve|storage|egress|capacity) +\S|^ {12}\S/);
    // train's summary goes on, under its own text, on the next row.
    expect(menu[1]).toMatch(/^ {12}\S.*Chinchilla/);
    s.write(KEY.ctrlC);
    await s.exited;
  });
});
