/**
 * The entry point, kept tiny and built on its own (no shared chunks): `study --version` answers
 * without loading anything else; every other invocation loads the commander program. The only
 * place that calls `process.exit`.
 */
declare const __STUDY_VERSION__: string;

const EXIT_INTERRUPTED = 130;
const argv = process.argv.slice(2);

// A closed pipe (`study topics --json | head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
});

// Ctrl-C outside a prompt (prompts catch it themselves): every answer is already on disk, and
// writes are atomic, so stopping here loses nothing. Show the cursor again and exit 130.
process.on('SIGINT', () => {
  if (process.stdout.isTTY) process.stdout.write('\u001b[?25h');
  process.stderr.write('\nInterrupted — every answer given so far is saved.\n');
  process.exit(EXIT_INTERRUPTED);
});

if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  process.stdout.write(`${typeof __STUDY_VERSION__ === 'string' ? __STUDY_VERSION__ : '0.0.0-dev'}\n`);
  process.exit(0);
}

void import('./program.js')
  .then(({ main }) => main(argv))
  // stdout and stderr are synchronous for files, pipes and terminals on Linux, so nothing is cut.
  .then((code) => process.exit(code));
