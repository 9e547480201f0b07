/**
 * The entry point, kept tiny and built on its own (no shared chunks): `study --version` answers
 * without loading anything else; every other invocation loads the commander program. The only
 * place that calls `process.exit`.
 */
import { runShutdownHooks } from './shutdown.js';

declare const __STUDY_VERSION__: string;

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
  try {
    process.stderr.write(`\n${name === 'SIGINT' ? 'Interrupted' : `Stopped (${name})`} — ${what}.\n`);
  } catch {
    // No terminal to tell.
  }
  process.exit(128 + n);
}

if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  process.stdout.write(`${typeof __STUDY_VERSION__ === 'string' ? __STUDY_VERSION__ : '0.0.0-dev'}\n`);
  process.exit(0);
}

void import('./program.js')
  .then(({ main }) => main(argv))
  // A pipe is not always written synchronously (output over the 64 KiB pipe buffer was cut when
  // a slow reader such as `| jq` lagged), so exit only once everything written has been flushed.
  .then((code) => {
    if (process.stdout.writableLength === 0) return process.exit(code);
    process.stdout.write('', () => process.exit(code));
  });
