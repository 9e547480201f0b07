import { describe, expect, it } from 'vitest';

import { firstControl, hasControl, sanitize, sanitizeLine } from '../../src/sanitize.js';

describe('sanitize', () => {
  it.each([
    ['OSC title', 'a\u001b]0;title\u0007b', 'ab'],
    ['CSI clear and colour', 'a\u001b[2Jb\u001b[31mc', 'abc'],
    ['OSC 8 link', '\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\', 'link'],
    ['lone CR', 'a\rb', 'a\nb'],
    ['C0, BEL and 8-bit CSI', 'tab\tnl\nx\u0000\u0007\u009b31m', 'tab\tnl\nx'],
    ['plain unicode untouched', 'ünï € ✔', 'ünï € ✔'],
    ['bidi override', 'abc\u202edef', 'abcdef'],
  ])('%s', (_name, input, output) => {
    expect(sanitize(input)).toBe(output);
  });

  it('folds to one line for names', () => {
    expect(sanitizeLine('a\nb\tc')).toBe('a b c');
  });

  it('finds the first control character, allowing tab, newline and CRLF', () => {
    expect(firstControl('ab\u001bc')).toBe(2);
    expect(hasControl('ok\r\nnext\tline\n')).toBe(false);
    expect(hasControl('x\u202e')).toBe(true);
  });
});
