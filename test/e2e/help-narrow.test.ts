/**
 * Help in a narrow terminal: every line fits the width (the terminal wraps none of them) and no
 * word is split, whether the layout is two columns or a description under its flag.
 */
import { describe, expect, it } from 'vitest';
import { isolatedEnv, tempDir } from '../helpers.js';
import { startStudy } from './pty.js';

async function helpScreen(args: string[], cols: number): Promise<{ text: string; wrapped: boolean }[]> {
  const s = startStudy(args, isolatedEnv(tempDir()), { cols, rows: 40 });
  expect(await s.exited).toBe(0);
  return (await s.screen()).filter((r) => r.text.trim() !== '');
}

const words = (rows: { text: string }[]) => new Set(rows.flatMap((r) => r.text.split(/\s+/).filter(Boolean)));

describe('help at 60 columns', () => {
  for (const args of [['--help'], ['help', 'calc'], ['calc', 'train', '--help'], ['help', 'interview'], ['help', 'config'], ['help', 'completion'], ['help', 'review']]) {
    it(`study ${args.join(' ')}: fits, no word split`, async () => {
      const narrow = await helpScreen(args, 60);
      expect(narrow.filter((r) => r.wrapped).map((r) => r.text)).toEqual([]);
      expect(narrow.filter((r) => r.text.length > 60).map((r) => r.text)).toEqual([]);
      // Every word on the narrow screen is a whole word of the wide one.
      const wide = words(await helpScreen(args, 200));
      expect([...words(narrow)].filter((w) => !wide.has(w))).toEqual([]);
    });
  }

  it('puts a description under its flag when two columns do not fit', async () => {
    const text = (await helpScreen(['--help'], 60)).map((r) => r.text);
    const at = text.indexOf('  calc [options] [kind]');
    expect(at).toBeGreaterThan(0);
    expect(text[at + 1]).toMatch(/^ {6}back-of-envelope calculators/);
  });
});
