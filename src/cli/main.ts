/**
 * The entry point, kept tiny and built on its own (no shared chunks): `study --version` answers
 * without loading anything else; every other invocation loads the commander program. The only
 * place that calls `process.exit`.
 */
import { installCodeCache } from './code-cache.js';
import { runShutdownHooks } from './shutdown.js';

declare const __STUDY_VERSION__: string;
declare const __STUDY_DIST__: string | undefined;

const argv = process.argv.slice(2);

// A closed pipe (`study topics --json | head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
});

/**
 * Ctrl-C outside a prompt (prompts catch it themselves), `kill` and a closed terminal are handled
 * alike: every answer is already on disk and writes are atomic, so stopping loses nothing; a mock
 * interview in progress saves itself (shutdown hooks). The terminal gets its cursor and line mode
 * back, one line says what was kept, and the exit code is 128 + the signal's number.
 */
const SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;
for (const [name, n] of Object.entries(SIGNALS)) process.on(name, () => stop(name, n));

function stop(name: string, n: number): void {
  const said = runShutdownHooks();
  try {
    if (process.stdin.isTTY && process.stdin.isRaw) process.stdin.setRawMode(false);
    if (process.stdout.isTTY) process.stdout.write('\u001b[?25h');
  } catch {
    // The terminal is gone (SIGHUP): nothing to restore.
  }
  const what = said.length ? said.join('; ') : 'every answer given so far is saved';
  let line = `${name === 'SIGINT' ? 'Interrupted' : `Stopped (${name})`} — ${what}.`;
  try {
    // A prompt's footer may sit below the cursor: clear to the end of the screen first. A line too
    // long for the terminal breaks after its "; " parts, so a command is never cut in two.
    const tty = process.stderr.isTTY;
    if (tty && line.length > (process.stderr.columns || 80)) line = line.split('; ').join(';\n');
    process.stderr.write(`\n${tty ? '\u001b[J' : ''}${line}\n`);
  } catch {
    // No terminal to tell.
  }
  process.exit(128 + n);
}

if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  process.stdout.write(`${typeof __STUDY_VERSION__ === 'string' ? __STUDY_VERSION__ : '0.0.0-dev'}\n`);
  process.exit(0);
}

/**
 * Exits once everything written has left the process. Writes to a pipe can be asynchronous
 * (`study export --format markdown | less` printed only its first 64 KiB before this waited):
 * an empty write's callback runs after the writes queued before it.
 */
function exitAfterFlush(code: number): void {
  const flushed = (stream: NodeJS.WriteStream) => new Promise<void>((done) => (stream.writableLength > 0 && !stream.destroyed ? stream.write('', () => done()) : done()));
  void Promise.all([flushed(process.stdout), flushed(process.stderr)]).then(() => {
    writeCodeCache();
    process.exit(code);
  });
}

// Our bundles load through V8's code cache (bundled builds only; tests of the source import it directly).
const writeCodeCache = typeof __STUDY_DIST__ === 'string' ? installCodeCache(__STUDY_DIST__, process.env) : () => {};

void import('./program.js')
  .then(({ main }) => main(argv))
  .then(exitAfterFlush);
