/**
 * Typed errors carrying an exit code and a message meant for a person. Thrown anywhere;
 * mapped to output and exit codes in exactly one place (`src/cli/main.ts`).
 */

/** Exit codes: 0 ok, 1 failure (invalid data, I/O), 2 usage or bad input, 130 interrupted. */
export const EXIT = { ok: 0, failure: 1, usage: 2, interrupted: 130 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class StudyError extends Error {
  /** A marker that survives bundling: each command is built as its own file, so `instanceof` across files fails. */
  readonly isStudyError = true;
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.failure,
  ) {
    super(message);
    this.name = 'StudyError';
  }
}

/** Is `e` one of ours (from any bundle)? Use this, not `instanceof`. */
export function isStudyError(e: unknown): e is StudyError {
  return e instanceof Error && (e as { isStudyError?: unknown }).isStudyError === true && typeof (e as { exitCode?: unknown }).exitCode === 'number';
}

/** Did the user press Ctrl-C at a prompt (inquirer's ExitPromptError)? */
export function isPromptCancel(e: unknown): e is Error {
  return e instanceof Error && e.name === 'ExitPromptError';
}

/** Did the user stop (Ctrl-C): our InterruptedError, or inquirer's ExitPromptError? */
export function isInterruption(e: unknown): e is Error {
  return e instanceof Error && (e.name === 'InterruptedError' || e.name === 'ExitPromptError');
}

/** Bad flags, arguments or typed input: exit 2. */
export class UsageError extends StudyError {
  constructor(message: string) {
    super(message, EXIT.usage);
    this.name = 'UsageError';
  }
}

/** Invalid data or failed I/O: exit 1. */
export class DataError extends StudyError {
  constructor(message: string) {
    super(message, EXIT.failure);
    this.name = 'DataError';
  }
}

/** The user pressed Ctrl-C; `saved` says how many answers were already written. Exit 130. */
export class InterruptedError extends StudyError {
  /** `path`: a file the message names (where the answers are), laid out on a line of its own when the message does not fit. */
  constructor(
    message = 'Interrupted.',
    readonly path?: string,
  ) {
    super(message, EXIT.interrupted);
    this.name = 'InterruptedError';
  }
}

/** The file an interruption message names, if any (a marker property: `instanceof` fails across bundles). */
export function interruptedPath(e: unknown): string | undefined {
  const path = e instanceof Error && e.name === 'InterruptedError' ? (e as { path?: unknown }).path : undefined;
  return typeof path === 'string' ? path : undefined;
}
