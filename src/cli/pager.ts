/**
 * Shows long text a screen at a time: through `$PAGER` when it is set (the plain text on its
 * stdin), else page by page with a "⏎ next section · q quit" prompt, pages made of whole sections.
 * Text that fits on the screen is simply printed. The I/O is injected, so tests drive it directly.
 */
import { spawn } from 'node:child_process';

export interface PagerIO {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Terminal height in rows. */
  rows: number;
  /** Asks whether to go on after a page ("next") or stop ("quit"). */
  ask: (hint: string) => Promise<'next' | 'quit'>;
  /** The user's `$PAGER`, when set and not empty. */
  pager?: string;
  /** Runs `command` with `text` on its stdin; resolves with its exit code, or an error if it could not start. */
  runPager?: (command: string, text: string) => Promise<number | Error>;
}

/** Lines a page may take: the screen less a blank row above it and the prompt's row below. */
const budget = (rows: number) => Math.max(5, rows - 2);
const height = (s: string) => s.split('\n').length;

/**
 * Groups `sections` into pages of at most `rows - 2` lines, one blank line between sections; a
 * section taller than a page is cut into page-sized pieces at line ends. Pure.
 */
export function paginate(sections: string[], rows: number): string[] {
  const max = budget(rows);
  const pages: string[] = [];
  let page = '';
  for (const section of sections) {
    const joined = page ? `${page}\n\n${section}` : section;
    if (height(joined) <= max) {
      page = joined;
      continue;
    }
    if (page) pages.push(page);
    const lines = section.split('\n');
    while (lines.length > max) pages.push(lines.splice(0, max).join('\n'));
    page = lines.join('\n');
  }
  if (page) pages.push(page);
  return pages;
}

/**
 * Shows `sections` (rendered for the terminal); `plain` is the same text without colour, for
 * `$PAGER`. If the pager fails, says so in one line and falls back to the built-in pages.
 */
export async function showPaged(sections: string[], plain: string, io: PagerIO): Promise<void> {
  const whole = sections.join('\n\n');
  if (height(whole) <= budget(io.rows)) {
    io.out(`${whole}\n`);
    return;
  }
  if (io.pager && io.runPager) {
    const r = await io.runPager(io.pager, `${plain}\n`);
    if (r === 0) return;
    io.err(`$PAGER (${io.pager}) ${r instanceof Error ? `could not start: ${r.message}` : `exited with status ${r}`}; showing the lesson here instead\n`);
  }
  const pages = paginate(sections, io.rows);
  for (let i = 0; i < pages.length; i++) {
    io.out(`${i > 0 ? '\n' : ''}${pages[i]}\n`);
    if (i === pages.length - 1) break;
    if ((await io.ask(`⏎ next section · q quit  (${i + 1}/${pages.length})`)) === 'quit') break;
  }
}

/**
 * Runs `$PAGER` through the shell (it may carry flags, "less -R"), the text on its stdin and the
 * terminal as its output. Ctrl-C goes to the pager while it runs; `LESS` defaults to FRX as git does.
 */
export function runPager(command: string, text: string, env: NodeJS.ProcessEnv): Promise<number | Error> {
  return new Promise((resolve) => {
    const ignore = () => {};
    process.on('SIGINT', ignore);
    const done = (r: number | Error) => {
      process.removeListener('SIGINT', ignore);
      resolve(r);
    };
    const child = spawn('/bin/sh', ['-c', command], { stdio: ['pipe', 'inherit', 'inherit'], env: { ...env, LESS: env.LESS ?? 'FRX' } });
    child.on('error', (e) => done(e));
    child.on('close', (code, signal) => done(code ?? (signal ? 128 : 1)));
    // A pager that quits before reading everything closes its stdin: not an error.
    child.stdin.on('error', ignore);
    child.stdin.end(text);
  });
}
