/**
 * The colourless theme and ANSI helpers, with no dependencies: output that is not coloured (pipes,
 * NO_COLOR, tests) never loads chalk. `theme.ts` adds colour.
 */
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

/** Whether output should be coloured: wanted, not disabled by NO_COLOR, and a terminal (or FORCE_COLOR). */
export function wantsColor(want: boolean, stream: { isTTY?: boolean } = process.stdout, env: NodeJS.ProcessEnv = process.env): boolean {
  const noColor = (env.NO_COLOR ?? '') !== '';
  const forced = (env.FORCE_COLOR ?? '') !== '' && env.FORCE_COLOR !== '0';
  return want && !noColor && Boolean(stream.isTTY || forced);
}

/** Removes ANSI escape sequences (for width calculations and tests). */
export function stripAnsi(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\u001b\[[0-9;?]*[ -/]*[@-~]/g, '');
}
