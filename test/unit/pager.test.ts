/** The pager: pages of whole sections, $PAGER first with a fallback, short text printed as is. */
import { describe, expect, it } from 'vitest';
import { paginate, showPaged, type PagerIO } from '../../src/cli/pager.js';

const section = (name: string, lines: number) => [name, ...Array.from({ length: lines - 1 }, (_, i) => `${name} ${i + 1}`)].join('\n');

function io(answers: ('next' | 'quit')[], extra: Partial<PagerIO> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const asked: string[] = [];
  const value: PagerIO = {
    out: (t) => void out.push(t),
    err: (t) => void err.push(t),
    rows: 12,
    ask: async (hint) => {
      asked.push(hint);
      return answers.shift() ?? 'next';
    },
    ...extra,
  };
  return { io: value, out, err, asked };
}

describe('paginate', () => {
  it('packs whole sections into pages of rows - 2 lines, a blank line between them', () => {
    const pages = paginate([section('A', 3), section('B', 4), section('C', 6)], 12);
    expect(pages).toEqual([`${section('A', 3)}\n\n${section('B', 4)}`, section('C', 6)]);
    for (const p of pages) expect(p.split('\n').length).toBeLessThanOrEqual(10);
  });

  it('cuts a section taller than a page at line ends, losing nothing', () => {
    const big = section('W', 25);
    const pages = paginate([section('A', 2), big], 12);
    expect(pages.map((p) => p.split('\n').length)).toEqual([2, 10, 10, 5]);
    expect(pages.slice(1).join('\n')).toBe(big);
  });
});

describe('showPaged', () => {
  const sections = [section('A', 6), section('B', 6), section('C', 6)];

  it('prints text that fits on the screen without asking', async () => {
    const t = io([]);
    await showPaged([section('A', 3), section('B', 3)], 'plain', t.io);
    expect(t.asked).toEqual([]);
    expect(t.out.join('')).toBe(`${section('A', 3)}\n\n${section('B', 3)}\n`);
  });

  it('shows a page, asks, and shows the next until the last (no prompt after it)', async () => {
    const t = io(['next', 'next']);
    await showPaged(sections, 'plain', t.io);
    expect(t.asked).toEqual(['⏎ next section · q quit  (1/3)', '⏎ next section · q quit  (2/3)']);
    expect(t.out).toEqual([`${sections[0]}\n`, `\n${sections[1]}\n`, `\n${sections[2]}\n`]);
  });

  it('stops at q', async () => {
    const t = io(['quit']);
    await showPaged(sections, 'plain', t.io);
    expect(t.out).toEqual([`${sections[0]}\n`]);
  });

  it('hands the plain text to $PAGER, and shows nothing itself when it succeeds', async () => {
    const runs: [string, string][] = [];
    const t = io([], { pager: 'less -R', runPager: async (c, text) => (runs.push([c, text]), 0) });
    await showPaged(sections, 'PLAIN', t.io);
    expect(runs).toEqual([['less -R', 'PLAIN\n']]);
    expect(t.out).toEqual([]);
  });

  it.each([
    [127, '$PAGER (nope) exited with status 127; showing the lesson here instead\n'],
    [new Error('spawn /bin/sh ENOENT'), '$PAGER (nope) could not start: spawn /bin/sh ENOENT; showing the lesson here instead\n'],
  ])('falls back to the built-in pages when $PAGER fails (%s)', async (result, message) => {
    const t = io(['next', 'next'], { pager: 'nope', runPager: async () => result });
    await showPaged(sections, 'PLAIN', t.io);
    expect(t.err).toEqual([message]);
    expect(t.out).toHaveLength(3);
  });
});
