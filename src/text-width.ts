/**
 * How many terminal columns a string takes: one per character, two for East Asian wide and
 * fullwidth characters and most emoji, none for combining marks and zero-width characters.
 * Box-drawing characters (U+2500-U+257F) take one. Pure, no dependencies; ANSI escapes are not
 * handled here (strip them first).
 */

/** Code point ranges drawn two columns wide (East Asian Wide/Fullwidth, emoji blocks). */
const WIDE: [number, number][] = [
  [0x1100, 0x115f], [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff],
  [0xa000, 0xa4cf], [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe30, 0xfe4f], [0xff00, 0xff60],
  [0xffe0, 0xffe6], [0x1f300, 0x1f64f], [0x1f900, 0x1f9ff], [0x20000, 0x3fffd],
];

const ZERO = /^[\p{Mn}\p{Me}\u200b-\u200f\u2060\ufe00-\ufe0f]$/u;

function columnsOf(ch: string): number {
  if (ZERO.test(ch)) return 0;
  const cp = ch.codePointAt(0)!;
  return WIDE.some(([lo, hi]) => cp >= lo && cp <= hi) ? 2 : 1;
}

/** Columns `s` takes on a terminal (a single line; a tab counts as one). */
export function displayWidth(s: string): number {
  let n = 0;
  for (const ch of s) n += columnsOf(ch);
  return n;
}
