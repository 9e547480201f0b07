/** Plain-text layout helpers: wrapping to a width, bars. Pure. */
import { stripAnsi } from './plain.js';

/**
 * Wraps `text` to `width` columns. The first line starts with `first`, later lines with `rest`
 * (a hanging indent). Existing newlines are kept as paragraph breaks.
 */
export function wrap(text: string, width: number, first = '', rest = first): string {
  const out: string[] = [];
  const paragraphs = text.split(/\n/);
  let lead = first;
  for (const para of paragraphs) {
    const words = para.split(/\s+/).filter(Boolean);
    let line = lead;
    let lineHasWord = false;
    for (const word of words) {
      const candidate = lineHasWord ? `${line} ${word}` : `${line}${word}`;
      if (lineHasWord && stripAnsi(candidate).length > width) {
        out.push(line);
        line = `${rest}${word}`;
      } else {
        line = candidate;
      }
      lineHasWord = true;
    }
    out.push(line);
    lead = rest;
  }
  return out.join('\n');
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
