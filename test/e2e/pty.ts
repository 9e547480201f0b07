/**
 * Drives the built binary in a real pseudo-terminal (node-pty): type keys, wait for text on the
 * screen, read the exit code. Waits are bounded by a deadline and fail with the screen so far.
 */
import { spawn, type IPty } from 'node-pty';
import xterm from '@xterm/headless';
import { BIN } from '../helpers.js';
import { stripAnsi } from '../../src/ui/theme.js';

export const KEY = {
  enter: '\r',
  up: '\u001b[A',
  down: '\u001b[B',
  space: ' ',
  ctrlC: '\u0003',
  backspace: '\u007f',
} as const;

export interface Session {
  pty: IPty;
  /** Everything printed so far, ANSI stripped. */
  output: () => string;
  /** Everything printed so far, escape codes included. */
  raw: () => string;
  /** Output printed since the last `mark()`. */
  sinceMark: () => string;
  mark: () => void;
  write: (keys: string) => void;
  /**
   * Resolves when `pattern` appears in the output after the mark, and moves the mark to the end of
   * the match (so the next wait looks only at what came after); rejects after `timeoutMs`.
   */
  waitFor: (pattern: RegExp | string, timeoutMs?: number) => Promise<string>;
  /** Resolves with the exit code. */
  exited: Promise<number>;
  /**
   * The terminal as a person sees it (scrollback included), from a headless xterm fed the same
   * bytes: each row's text and whether it is the continuation of a row that overflowed the width.
   */
  screen: () => Promise<{ text: string; wrapped: boolean }[]>;
}

export function startStudy(args: string[], env: NodeJS.ProcessEnv, opts: { cols?: number; rows?: number } = {}): Session {
  const pty = spawn(process.execPath, [BIN, ...args], {
    name: 'xterm-256color',
    cols: opts.cols ?? 100,
    rows: opts.rows ?? 40,
    env: env as Record<string, string>,
  });
  let raw = '';
  let markAt = 0;
  const term = new xterm.Terminal({ cols: opts.cols ?? 100, rows: opts.rows ?? 40, scrollback: 5000, allowProposedApi: true });
  pty.onData((d) => {
    raw += d;
    term.write(d);
  });
  const screen = () =>
    new Promise<{ text: string; wrapped: boolean }[]>((resolve) =>
      term.write('', () => {
        const buf = term.buffer.active;
        const rows: { text: string; wrapped: boolean }[] = [];
        for (let i = 0; i < buf.length; i++) {
          const line = buf.getLine(i);
          if (line) rows.push({ text: line.translateToString(true), wrapped: line.isWrapped });
        }
        resolve(rows);
      }),
    );
  const exited = new Promise<number>((resolve) => pty.onExit(({ exitCode }) => resolve(exitCode)));
  // Marks are positions in the ANSI-stripped text.
  const output = () => stripAnsi(raw);
  const sinceMark = () => output().slice(markAt);
  const find = (pattern: RegExp | string): { text: string; end: number } | null => {
    const text = sinceMark();
    if (typeof pattern === 'string') {
      const i = text.indexOf(pattern);
      return i < 0 ? null : { text, end: i + pattern.length };
    }
    const m = pattern.exec(text);
    return m ? { text, end: m.index + m[0].length } : null;
  };
  return {
    pty,
    output,
    raw: () => raw,
    sinceMark,
    mark: () => {
      markAt = output().length;
    },
    write: (keys) => pty.write(keys),
    exited,
    screen,
    waitFor: (pattern, timeoutMs = 15_000) =>
      new Promise((resolve, reject) => {
        const test = () => {
          const hit = find(pattern);
          if (!hit) return false;
          markAt += hit.end;
          resolve(hit.text);
          return true;
        };
        if (test()) return;
        const deadline = setTimeout(() => {
          sub.dispose();
          reject(new Error(`timed out waiting for ${String(pattern)}; screen since mark:\n${sinceMark().slice(-3000)}`));
        }, timeoutMs);
        const sub = pty.onData(() => {
          if (test()) {
            clearTimeout(deadline);
            sub.dispose();
          }
        });
      }),
  };
}

/** Types `keys`, then waits for `pattern` in what appears after them; returns the output since. */
export async function step(s: Session, keys: string, pattern: RegExp | string): Promise<string> {
  s.mark();
  s.write(keys);
  return s.waitFor(pattern);
}
