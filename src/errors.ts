/**
 * Typed errors carrying an exit code and a message meant for a person. Thrown anywhere;
 * mapped to output and exit codes in exactly one place (`src/cli/main.ts`).
 */

/** Exit codes: 0 ok, 1 failure (invalid data, I/O), 2 usage or bad input, 130 interrupted. */
export const EXIT = { ok: 0, failure: 1, usage: 2, interrupted: 130 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class StudyError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.failure,
  ) {
    super(message);
    this.name = 'StudyError';
  }
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
  constructor(message = 'Interrupted.') {
    super(message, EXIT.interrupted);
    this.name = 'InterruptedError';
  }
}
