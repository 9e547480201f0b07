/**
 * A prompt for putting items in order: ↑↓ move the cursor, space picks an item up and drops it,
 * while held ↑↓ move the item; Enter submits. Resolves to the original indexes in chosen order.
 */
import { createPrompt, useKeypress, usePrefix, useState, isDownKey, isEnterKey, isSpaceKey, isUpKey, makeTheme } from '@inquirer/core';

export interface OrderConfig {
  message: string;
  /** Items in the order they are first shown. */
  items: string[];
  /** Colour for the held item (identity when colour is off). */
  highlight?: (s: string) => string;
}

/** Moves the element at `from` one step (`delta` = ±1), returning a new array. Pure. */
export function moveItem(order: number[], from: number, delta: -1 | 1): number[] {
  const to = from + delta;
  if (to < 0 || to >= order.length) return order;
  const out = [...order];
  [out[from], out[to]] = [out[to]!, out[from]!];
  return out;
}

export const orderPrompt = createPrompt<number[], OrderConfig>((config, done) => {
  const theme = makeTheme({ prefix: { idle: '?', done: '›' } });
  const [order, setOrder] = useState<number[]>(config.items.map((_, i) => i));
  const [cursor, setCursor] = useState(0);
  const [held, setHeld] = useState(false);
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const prefix = usePrefix({ status, theme });
  const mark = config.highlight ?? ((s: string) => s);

  useKeypress((key) => {
    if (isEnterKey(key)) {
      setStatus('done');
      done(order);
      return;
    }
    if (isSpaceKey(key)) {
      setHeld(!held);
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
  const lines = order.map((item, pos) => {
    const text = `${pos + 1}. ${config.items[item]}`;
    if (pos !== cursor) return `  ${text}`;
    return held ? mark(`⇅ ${text}`) : `❯ ${text}`;
  });
  const help = theme.style.help(held ? '↑↓ move the item · space drop · ⏎ submit' : '↑↓ choose · space pick up · ⏎ submit');
  return `${prefix} ${message}\n${lines.join('\n')}\n${help}`;
});
