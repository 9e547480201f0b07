/**
 * Plain-text layout, the one place for it: display width, wrapping with hanging indents,
 * shortening to a width, bars. Pure; every renderer and prompt uses these.
 *
 * The rules, everywhere:
 * - a line never exceeds the width it is given (so the terminal never splits a word itself);
 * - words are never split, except a word longer than a whole line (then it is cut at the width);
 *   a URL is never cut, it gets a line of its own instead;
 * - `keep(s)` marks text that must stay on one line (a command to copy: `study learn dns`);
 * - continuation lines start under the text, not under the label (a hanging indent);
 * - widths count terminal columns: ANSI colour codes count 0, wide (CJK, emoji) characters 2.
 */
import { stripAnsi } from './plain.js';

/** The no-break space `keep` uses; wrap turns it back into a plain space. */
const NBSP = '\u00a0';

/** The widest text renderers use, even on a wider terminal (long lines are hard to read). */
export const MAX_TEXT_WIDTH = 100;

/**
 * The width to wrap to in a terminal of `columns`: one less than the terminal (the last column
 * makes some terminals wrap early), at most `max`, at least 40.
 */
export function contentWidth(columns: number, max = MAX_TEXT_WIDTH): number {
  const c = Number.isFinite(columns) && columns > 0 ? columns : 80;
  return Math.max(40, Math.min(c - 1, max));
}

/** Columns taken by one code point: 0 for combining marks, 2 for wide ones, else 1. */
function charWidth(cp: number): number {
  if ((cp >= 0x300 && cp <= 0x36f) || (cp >= 0x200b && cp <= 0x200f) || cp === 0xfe0f) return 0;
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  )
    return 2;
  return 1;
}

/** How many terminal columns `s` takes (ANSI codes excluded). */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of stripAnsi(s)) w += charWidth(ch.codePointAt(0)!);
  return w;
}

/** `s` kept on one line by `wrap` (a command, a number with its unit). */
export function keep(s: string): string {
  return s.replace(/ /g, NBSP);
}

/** The longest prefix of plain `s` that fits in `width` columns. */
function cutTo(s: string, width: number): string {
  let w = 0;
  let out = '';
  for (const ch of s) {
    const cw = charWidth(ch.codePointAt(0)!);
    if (w + cw > width) break;
    w += cw;
    out += ch;
  }
  return out;
}

/**
 * `s` shortened to `width` columns with "…" — only when it does not fit; otherwise unchanged.
 * Colour codes are dropped from a shortened string.
 */
export function truncate(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  if (width <= 0) return '';
  const plain = stripAnsi(s);
  return `${cutTo(plain, width - 1).trimEnd()}…`;
}

/** `s` in exactly `width` columns: shortened with "…" or padded with spaces. */
export function fit(s: string, width: number): string {
  const t = truncate(s, width);
  return t + ' '.repeat(Math.max(0, width - displayWidth(t)));
}

/** `s` padded with spaces to `width` columns (never shortened). */
export function padTo(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

const isUrl = (word: string) => /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S+$/i.test(stripAnsi(word).replace(/^[(<“"']+/, ''));

/** Splits a word longer than `room` into pieces that fit (not URLs: they stay whole). */
function pieces(word: string, room: number): string[] {
  if (displayWidth(word) <= room || isUrl(word) || room < 1) return [word];
  const plain = stripAnsi(word);
  const out: string[] = [];
  let rest = plain;
  while (displayWidth(rest) > room) {
    let head = cutTo(rest, room);
    // A path breaks after a "/" where one is in the latter half, not in the middle of a name.
    const slash = head.lastIndexOf('/');
    if (slash >= head.length / 2 && slash < head.length - 1) head = head.slice(0, slash + 1);
    out.push(head);
    rest = rest.slice(head.length);
  }
  if (rest) out.push(rest);
  return out;
}

/**
 * Wraps `text` to `width` columns. The first line starts with `first`, later lines with `rest`
 * (a hanging indent; by default as wide as `first`, in spaces). Newlines in `text` start new lines
 * (each under `rest`). Runs of spaces collapse to one.
 */
export function wrap(text: string, width: number, first = '', rest = ' '.repeat(displayWidth(first))): string {
  const out: string[] = [];
  let lead = first;
  for (const para of text.split('\n')) {
    let line = lead;
    let lineWidth = displayWidth(lead);
    let hasWord = false;
    const push = () => {
      out.push(line.trimEnd());
      line = rest;
      lineWidth = displayWidth(rest);
      hasWord = false;
    };
    for (const raw of para.split(/[ \t]+/).filter(Boolean)) {
      const room = width - displayWidth(rest);
      for (const word of pieces(raw, room)) {
        const w = displayWidth(word);
        if (hasWord && lineWidth + 1 + w > width) push();
        line += hasWord ? ` ${word}` : word;
        lineWidth += (hasWord ? 1 : 0) + w;
        hasWord = true;
      }
    }
    out.push(hasWord ? line : lead.trimEnd());
    lead = rest;
  }
  return out.join('\n').replace(/\u00a0/g, ' ');
}

/**
 * `label` followed by `text`, wrapped to `width` with every later line indented to where the text
 * began: `hang('  3. ', 'a long option …', 60)`.
 */
export function hang(label: string, text: string, width: number): string {
  return wrap(text, width, label, ' '.repeat(displayWidth(label)));
}

/**
 * `text` that names `path`, wrapped to `width`: when the line does not fit, the path goes on a line
 * of its own (indented by `indent`), so neither the terminal nor the wrapping splits it.
 */
export function withPath(text: string, path: string, width: number, indent = '  '): string {
  if (displayWidth(text) <= width) return text;
  const at = path ? text.indexOf(path) : -1;
  if (at < 0) return wrap(text, width);
  const before = text.slice(0, at).trimEnd();
  const after = text.slice(at + path.length);
  // A path too long to indent starts at the margin (longer than a line, it cannot help being split).
  const lead = displayWidth(indent + path + after) <= width ? indent : '';
  return `${wrap(before, width)}\n${lead}${path}${after}`;
}

/**
 * A menu choice wrapped for rows that start with the 2-column cursor ("❯ "): continuation lines
 * hang under the text, not at column 0. `short` is what the prompt echoes once chosen.
 */
export function menuName(text: string, columns: number, short = text): { name: string; short: string } {
  return { name: wrap(glueUnits(text), contentWidth(columns), '  ', '  ').slice(2), short: short.replace(/\u00a0/g, ' ') };
}

/** `text` with each number joined to a short word after it ("40 ms", "6 mo", "24 days"), so a wrap never parts them. */
export function glueUnits(text: string): string {
  return text.replace(/(\d) (?=[A-Za-zµ]{1,4}\b)/g, '$1\u00a0');
}

/** A bar of `width` cells filled to `fraction` (0..1): "███████░░░". */
export function bar(fraction: number, width: number): string {
  const f = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
  const full = Math.round(f * width);
  return '█'.repeat(full) + '░'.repeat(width - full);
}

/** "1 answer", "3 answers". */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** Milliseconds as "4m 05s" or "12s". */
export function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const m = Math.floor(s / 60);
  return m > 0 ? `${m}m ${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}
