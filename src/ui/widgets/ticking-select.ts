/**
 * A one-choice list under a line that is redrawn every second (a countdown), for menus that run
 * on the interview clock: ↑↓ move, ⏎ picks. Long choices wrap under their text.
 */
import { createPrompt, isDownKey, isEnterKey, isUpKey, makeTheme, useEffect, usePagination, usePrefix, useRef, useState } from '@inquirer/core';
import { useKeypress } from '@inquirer/core';
import { contentWidth, hang } from '../text.js';

export interface TickingSelectConfig<T> {
  message: string;
  choices: { name: string; value: T; short?: string }[];
  /** Read on every draw and shown before the message ("⏱ 4:12 left · "). */
  ticker: () => string;
  tickMs?: number;
  pageSize?: number;
  columns?: number;
}

export const tickingSelect = createPrompt(<T>(config: TickingSelectConfig<T>, done: (value: T) => void) => {
  const theme = makeTheme({ prefix: { idle: '?', done: '›' } });
  const [active, setActive] = useState(0);
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [, setTick] = useState(0);
  const ticks = useRef(0);
  const prefix = usePrefix({ status, theme });
  const n = config.choices.length;

  useEffect(() => {
    const timer = setInterval(() => setTick(++ticks.current), config.tickMs ?? 1000);
    return () => clearInterval(timer);
  }, []);

  useKeypress((key) => {
    if (isEnterKey(key)) {
      setStatus('done');
      done(config.choices[active]!.value);
    } else if (isUpKey(key)) setActive((active - 1 + n) % n);
    else if (isDownKey(key)) setActive((active + 1) % n);
  });

  const message = theme.style.message(config.message, status);
  if (status === 'done') {
    const c = config.choices[active]!;
    return `${prefix} ${message} ${theme.style.answer(c.short ?? c.name)}`;
  }
  const width = contentWidth(config.columns ?? process.stdout.columns ?? 80);
  const page = usePagination({
    items: config.choices,
    active,
    pageSize: config.pageSize ?? 12,
    loop: true,
    renderItem: ({ item, isActive }) => (isActive ? theme.style.highlight(hang('❯ ', item.name, width)) : hang('  ', item.name, width)),
  });
  return `${prefix} ${config.ticker()}${message}\n${page}\n${theme.style.help('↑↓ choose · ⏎ pick')}`;
});
