/**
 * Colours and symbols in one place. Renderers take a `Theme`, so tests pass `plainTheme` and
 * compare text; chalk is imported nowhere else.
 */
import { Chalk } from 'chalk';

type Paint = (s: string) => string;

export interface Theme {
  color: boolean;
  ok: Paint;
  bad: Paint;
  warn: Paint;
  dim: Paint;
  bold: Paint;
  accent: Paint;
  heading: Paint;
  /** Symbols that stay readable without colour. */
  sym: { ok: string; bad: string; bullet: string; arrow: string };
}

const id: Paint = (s) => s;

/** A theme with no escape codes at all (NO_COLOR, --no-color, pipes, tests). */
export const plainTheme: Theme = {
  color: false,
  ok: id,
  bad: id,
  warn: id,
  dim: id,
  bold: id,
  accent: id,
  heading: id,
  sym: { ok: '✔', bad: '✘', bullet: '•', arrow: '→' },
};

/** Colour when wanted and the stream supports it; otherwise `plainTheme`. */
export function makeTheme(wantColor: boolean, stream: { isTTY?: boolean } = process.stdout): Theme {
  const noColorEnv = (process.env.NO_COLOR ?? '') !== '';
  const forced = (process.env.FORCE_COLOR ?? '') !== '' && process.env.FORCE_COLOR !== '0';
  if (!wantColor || noColorEnv || !(stream.isTTY || forced)) return plainTheme;
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

/** Removes ANSI escape sequences (for width calculations and tests). */
export function stripAnsi(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\u001b\[[0-9;?]*[ -/]*[@-~]/g, '');
}
