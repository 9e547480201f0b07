/** Wrapping and shortening (src/ui/text.ts): the rules every screen relies on. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentWidth, displayWidth, fit, hang, keep, menuName, truncate, withPath, wrap } from '../../src/ui/text.js';

const lines = (s: string) => s.split('\n');

describe('wrap', () => {
  it('hangs continuation lines under the text, not the label', () => {
    const out = hang('  3. ', 'Partition the topic by user id so one consumer sees each user in order', 30);
    expect(lines(out)).toEqual(['  3. Partition the topic by', '     user id so one consumer', '     sees each user in order']);
  });

  it('defaults the rest indent to the width of the first prefix', () => {
    expect(wrap('aaa bbb ccc', 9, '- ')).toBe('- aaa bbb\n  ccc');
  });

  it('never splits a word that fits on a line, at any width from 60 up', () => {
    const text = 'Covered 79% of the checklist; the interviewer asked about write amplification, p99 latency and a 3-way replication factor.';
    for (let w = 60; w <= 140; w++) {
      const out = wrap(text, w, '  ', '    ');
      for (const l of lines(out)) expect(displayWidth(l)).toBeLessThanOrEqual(w);
      expect(out.replace(/\s+/g, ' ').trim()).toBe(text);
    }
  });

  it('keeps a URL whole on a line of its own, even when longer than the width', () => {
    const url = 'https://github.com/open-spaced-repetition/ts-fsrs/blob/main/docs/a-very-long-path.md';
    const out = wrap(`See ${url} for details`, 40);
    expect(lines(out)).toEqual(['See', url, 'for details']);
  });

  it('cuts a non-URL word only when it is longer than a whole line', () => {
    expect(lines(wrap('x'.repeat(25), 10))).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
  });

  it('keeps kept text together and prints it with plain spaces', () => {
    const out = wrap(`Next up: Learn 1. Virtual machines (VMs) → ${keep('study learn virtual-machines')}`, 58);
    expect(lines(out)).toEqual(['Next up: Learn 1. Virtual machines (VMs) →', 'study learn virtual-machines']);
  });

  it('does not count colour codes and counts wide characters as two columns', () => {
    expect(displayWidth('\u001b[1mbold\u001b[22m')).toBe(4);
    expect(displayWidth('日本')).toBe(4);
    expect(lines(wrap('\u001b[32mgreen\u001b[39m words here', 11))).toEqual(['\u001b[32mgreen\u001b[39m words', 'here']);
  });

  it('keeps newlines as line breaks under the hanging indent', () => {
    expect(wrap('one\ntwo', 20, '* ')).toBe('* one\n  two');
  });

  it('property: no line is wider than the width and no word is lost or split', () => {
    const word = fc.stringMatching(/^[a-z]{1,12}$/);
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), fc.integer({ min: 20, max: 140 }), (words, w) => {
        const out = wrap(words.join(' '), w, '  • ', '    ');
        for (const l of lines(out)) expect(displayWidth(l)).toBeLessThanOrEqual(w);
        expect(out.split(/\s+/).filter((x) => x && x !== '•')).toEqual(words);
      }),
    );
  });
});

describe('truncate and fit', () => {
  it('shortens only when the text does not fit', () => {
    expect(truncate('Capstone: e-commerce search', 40)).toBe('Capstone: e-commerce search');
    expect(truncate('Capstone: e-commerce search', 12)).toBe('Capstone: e…');
    expect(fit('abc', 5)).toBe('abc  ');
    expect(displayWidth(fit('日本語のタイトル', 7))).toBe(7);
  });

  it('contentWidth stays within 40..100 and one less than the terminal', () => {
    expect([contentWidth(60), contentWidth(100), contentWidth(140), contentWidth(20), contentWidth(Number.NaN)]).toEqual([59, 99, 100, 40, 79]);
  });
});

describe('menuName', () => {
  it('hangs a long choice under its text (the cursor takes two columns), the echo kept plain', () => {
    const m = menuName('Continue: Plan (interview in 24 days): learn Virtual machines (VMs) (+2 more today)', 60, 'Continue');
    const rows = m.name.split('\n');
    expect(rows[0]).toBe('Continue: Plan (interview in 24 days): learn Virtual');
    expect(rows.slice(1).every((r) => r.startsWith('  ') && !r.startsWith('   '))).toBe(true);
    expect(rows.every((r, i) => r.length + (i === 0 ? 2 : 0) <= 59)).toBe(true);
    expect(m.short).toBe('Continue');
  });

  it('never parts a number from the short word after it ("24 days")', () => {
    // At 40 columns of text "…is in 24" fills the first row exactly; "24 days" moves down whole.
    const rows = menuName('Continue: Plan (the interview is in 24 days): learn Virtual machines', 41).name.split('\n');
    expect(rows[0]).toBe('Continue: Plan (the interview is in');
    expect(rows.some((r) => /\b24$/.test(r))).toBe(false);
    expect(rows.join(' ')).toContain('24 days');
  });

  it('keeps counts marked with keep() together', () => {
    const m = menuName(`2. The Machine Learning Systems Lifecycle  ${keep('0/17 topics practised')}`, 60);
    expect(m.name.split('\n')).toEqual(['2. The Machine Learning Systems Lifecycle', '  0/17 topics practised']);
  });
});

describe('withPath', () => {
  const path = '/tmp/tmp.abcdef/.local/share/ai-design-study/progress.json';
  it('stays one line when it fits', () => {
    expect(withPath(`Saved in ${path}.`, path, 99)).toBe(`Saved in ${path}.`);
  });
  it('puts the path on a line of its own, never split, when it does not fit', () => {
    expect(withPath(`Interrupted — 1 answer saved in ${path}.`, path, 79)).toBe(`Interrupted — 1 answer saved in\n  ${path}.`);
    // Longer than an indented line: at the margin.
    expect(withPath(`Interrupted — 1 answer saved in ${path}.`, path, 60)).toBe(`Interrupted — 1 answer saved in\n${path}.`);
  });
});

describe('a word longer than the line', () => {
  it('a path breaks after a slash, not inside a name', () => {
    const rows = wrap('/tmp/tmp.ejhckA8ekP/.local/share/ai-design-study/progress.json', 40, '', '').split('\n');
    expect(rows[0]).toBe('/tmp/tmp.ejhckA8ekP/.local/share/');
    expect(rows.slice(1).join('')).toBe('ai-design-study/progress.json');
  });
});
