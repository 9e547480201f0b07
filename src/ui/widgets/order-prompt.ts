/**
 * A prompt for putting items in order, three ways:
 * - type the order as numbers ("3 1 4 2 5", or "31425" when there are at most 9 items; commas
 *   work too), then ⏎; the list previews the typed order as you type, backspace edits;
 * - or the arrows: ↑↓ move the cursor, space picks an item up and drops it, while held ↑↓ move it;
 * - ⏎ with nothing typed submits the list as shown.
 * Resolves to the original indexes in the chosen order. Long items wrap under their text.
 */
import { createPrompt, useKeypress, usePrefix, useState, isDownKey, isEnterKey, isSpaceKey, isUpKey, makeTheme } from '@inquirer/core';
import { contentWidth, hang } from '../text.js';

export interface OrderConfig {
  message: string;
  /** Items in the order they are first shown. */
  items: string[];
  /** Colour for the held item (identity when colour is off). */
  highlight?: (s: string) => string;
  /** Terminal width for wrapping long items (default: stdout's). */
  columns?: number;
}

/** Moves the element at `from` one step (`delta` = ±1), returning a new array. Pure. */
export function moveItem(order: number[], from: number, delta: -1 | 1): number[] {
  const to = from + delta;
  if (to < 0 || to >= order.length) return order;
  const out = [...order];
  [out[from], out[to]] = [out[to]!, out[from]!];
  return out;
}

export type TypedOrder = { ok: true; positions: number[]; complete: boolean } | { ok: false; error: string };

/**
 * Reads a typed order of `n` items: 1-based positions separated by spaces or commas; for at most
 * 9 items each digit is one position, separated or not. Returns the 0-based positions typed so far and whether all `n` are
 * there (the last one may be left out: it can only go last). Pure.
 */
export function parseTypedOrder(text: string, n: number): TypedOrder {
  const t = text.trim();
  if (t === '') return { ok: true, positions: [], complete: false };
  // Up to 9 items every digit is one item ("31 2" is 3, 1, 2); beyond, numbers are separated.
  const parts = n > 9 ? t.split(/[\s,]+/).filter(Boolean) : [...t.replace(/[\s,]+/g, '')];
  const positions: number[] = [];
  for (const p of parts) {
    if (!/^\d+$/.test(p)) return { ok: false, error: `"${p}" is not an item number; type numbers from 1 to ${n}` };
    const k = Number(p);
    if (k < 1 || k > n) return { ok: false, error: `there is no item ${k}; type numbers from 1 to ${n}` };
    if (positions.includes(k - 1)) return { ok: false, error: `${k} is typed twice; each item once` };
    positions.push(k - 1);
  }
  if (positions.length === n - 1) positions.push([...Array(n).keys()].find((i) => !positions.includes(i))!);
  return { ok: true, positions, complete: positions.length === n };
}

/** `order` rearranged so the typed positions come first, in the typed order, then the rest as they were. */
export function applyTyped(order: number[], positions: number[]): number[] {
  const first = positions.map((p) => order[p]!);
  return [...first, ...order.filter((_, i) => !positions.includes(i))];
}

export const orderPrompt = createPrompt<number[], OrderConfig>((config, done) => {
  const theme = makeTheme({ prefix: { idle: '?', done: '›' } });
  const [order, setOrder] = useState<number[]>(config.items.map((_, i) => i));
  const [cursor, setCursor] = useState(0);
  const [held, setHeld] = useState(false);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const prefix = usePrefix({ status, theme });
  const mark = config.highlight ?? ((s: string) => s);
  const n = config.items.length;
  const reading = parseTypedOrder(typed, n);

  useKeypress((key, rl) => {
    if (isEnterKey(key)) {
      // readline has taken the line; what was typed is in `typed`.
      if (typed.trim() === '') {
        setStatus('done');
        done(order);
        return;
      }
      setTyped('');
      if (!reading.ok) return setError(`${reading.error}; type the order again`);
      if (!reading.complete) return setError(`type all ${n} numbers (or ${n - 1}: the last goes last), or use the arrows`);
      const chosen = applyTyped(order, reading.positions);
      setOrder(chosen);
      setStatus('done');
      done(chosen);
      return;
    }
    // Typed text lives in readline's line (so editing keys work); space on an empty line picks up.
    const line = rl.line;
    if (isSpaceKey(key) && line.trim() === '') {
      rl.clearLine(0);
      setTyped('');
      setHeld(!held);
      return;
    }
    if (line !== '' || typed !== '') {
      setTyped(line);
      setError(undefined);
      return;
    }
    const delta = isUpKey(key) ? -1 : isDownKey(key) ? 1 : 0;
    if (delta === 0) return;
    const next = cursor + delta;
    if (next < 0 || next >= order.length) return;
    if (held) setOrder(moveItem(order, cursor, delta));
    setCursor(next);
  });

  const message = theme.style.message(config.message, status);
  if (status === 'done') return `${prefix} ${message} ${theme.style.answer(order.map((i) => config.items[i]).join(' → '))}`;
  const width = contentWidth(config.columns ?? process.stdout.columns ?? 80);
  // While typing, the list shows the order typed so far: typed items first, numbered by their old place.
  const shown = reading.ok && typed.trim() !== '' ? applyTyped(order, reading.positions) : order;
  const lines = shown.map((item, pos) => {
    const label = `${order.indexOf(item) + 1}. `;
    const text = config.items[item]!;
    if (typed.trim() !== '') return hang(`${pos < (reading.ok ? reading.positions.length : 0) ? '✓ ' : '  '}${label}`, text, width);
    if (pos !== cursor) return hang(`  ${label}`, text, width);
    return held ? mark(hang(`⇅ ${label}`, text, width)) : hang(`❯ ${label}`, text, width);
  });
  const help = theme.style.help(
    typed !== '' ? `order: ${typed.trim()} · ⏎ submit · backspace edits` : held ? '↑↓ move the item · space drop · ⏎ submit' : `type the order (${exampleOrder(n)}) · or ↑↓ and space · ⏎ submit`,
  );
  const problem = error ?? (reading.ok ? undefined : reading.error);
  const err = problem ? `\n${theme.style.error(problem)}` : '';
  return `${prefix} ${message}\n${lines.join('\n')}\n${help}${err}`;
});

/** An example of a typed order: "2 1 3 4", "2 1 3 …". */
function exampleOrder(n: number): string {
  return n <= 4 ? [2, 1, 3, 4].slice(0, Math.max(2, n)).join(' ') : '2 1 3 …';
}
