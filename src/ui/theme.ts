/**
 * Colours in one place. Renderers take a `Theme`, so tests pass `plainTheme` and compare text;
 * chalk is imported nowhere else, and only when colour is on.
 */
import { Chalk } from 'chalk';
import { plainTheme, wantsColor, type Theme } from './plain.js';

export { plainTheme, stripAnsi, type Theme } from './plain.js';

/** Colour when wanted and the stream supports it; otherwise `plainTheme`. */
export function makeTheme(wantColor: boolean, stream: { isTTY?: boolean } = process.stdout): Theme {
  if (!wantsColor(wantColor, stream)) return plainTheme;
  const c = new Chalk({ level: 1 });
  return {
    ...plainTheme,
    color: true,
    ok: c.green,
    bad: c.red,
    warn: c.yellow,
    dim: c.dim,
    bold: c.bold,
    accent: c.cyan,
    heading: (s) => c.bold.cyan(s),
  };
}
