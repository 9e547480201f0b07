/**
 * What every command gets: resolved global options, output streams, a clock, and the two data
 * locations (curriculum folder, progress file). The only place that reads global flags and env.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataError, UsageError } from '../errors.js';
import { hasControl, visible } from '../sanitize.js';
import { colorSetting } from '../config/file.js';
import { plainTheme, wantsColor, type Theme } from '../ui/plain.js';

/** Global flags as commander parsed them. */
export interface GlobalFlags {
  curriculum?: string;
  progress?: string;
  color?: boolean;
  debug?: boolean;
}

export interface Context {
  flags: GlobalFlags;
  env: NodeJS.ProcessEnv;
  theme: Theme;
  /** Writes to stdout (a trailing newline is the caller's). */
  out: (text: string) => void;
  /** Writes to stderr. */
  err: (text: string) => void;
  /** True when both stdin and stdout are terminals (interactive commands need it). */
  interactive: boolean;
  /** Terminal width, or 80 when not a terminal. */
  columns: number;
  now: () => Date;
  curriculumDir: string;
  progressPath: string;
}

/** The curriculum bundled with this program: `<package>/curriculum`. */
export function bundledCurriculumDir(): string {
  return join(packageRoot(), 'curriculum');
}

declare const __STUDY_DIST__: string | undefined;
/**
 * The package folder. The build defines `__STUDY_DIST__` as the dist folder of each bundled file;
 * unbundled (tests importing the source) it is two levels above this file.
 */
export function packageRoot(): string {
  return typeof __STUDY_DIST__ === 'string' ? dirname(__STUDY_DIST__) : fileURLToPath(new URL('../..', import.meta.url));
}

/** Resolves where progress lives: --progress, STUDY_PROGRESS, XDG_DATA_HOME, ~/.local/share. */
export function resolveProgressPath(flags: GlobalFlags, env: NodeJS.ProcessEnv): string {
  // An empty --progress is a mistake (an unset shell variable), not a request for the default.
  if (flags.progress === '') throw new UsageError('--progress needs a file path (got an empty value); omit it to use the default place');
  const explicit = flags.progress || env.STUDY_PROGRESS;
  if (explicit) return resolve(explicit);
  const xdg = env.XDG_DATA_HOME;
  if (xdg && xdg.startsWith('/')) return join(xdg, 'ai-design-study', 'progress.json');
  // No guessing from the password database: a missing HOME is said plainly.
  if (!env.HOME) throw new DataError('cannot tell where to keep progress: HOME is not set; set HOME or STUDY_PROGRESS, or pass --progress FILE');
  return join(env.HOME, '.local', 'share', 'ai-design-study', 'progress.json');
}

/** Environment variables that name files: a control character in one is refused, as in an argument. */
const PATH_VARIABLES = ['STUDY_PROGRESS', 'STUDY_CURRICULUM', 'STUDY_CACHE_DIR', 'XDG_DATA_HOME', 'XDG_CACHE_HOME', 'HOME'] as const;

export async function makeContext(flags: GlobalFlags, env: NodeJS.ProcessEnv = process.env): Promise<Context> {
  // Messages print paths sanitised, so a path with an escape in it would be shown as another file.
  const tainted = PATH_VARIABLES.find((v) => env[v] !== undefined && hasControl(env[v]!));
  if (tainted) throw new UsageError(`${tainted} ("${visible(env[tainted]!)}") contains a terminal control character; set it without one`);
  if (flags.progress === '') throw new UsageError('--progress needs a file path (got an empty value); omit it to use the default place');
  if (flags.curriculum === '') throw new UsageError('--curriculum needs a folder (got an empty value); omit it to use the bundled curriculum');
  const curriculumDir = resolve(flags.curriculum || env.STUDY_CURRICULUM || bundledCurriculumDir());
  let progressPath: string | undefined;
  // `study config set color always|never` (NO_COLOR and --no-color still win).
  const setting = flags.color === false ? 'never' : colorSetting(() => resolveProgressPath(flags, env));
  const stream = setting === 'always' ? { isTTY: true } : process.stdout;
  return {
    flags,
    env,
    // chalk is loaded only when colour will actually be used.
    theme: wantsColor(setting !== 'never', stream) ? (await import('../ui/theme.js')).makeTheme(true, stream) : plainTheme,
    out: (t) => void process.stdout.write(t),
    err: (t) => void process.stderr.write(t),
    // stdout first: when it is not a terminal, stdin (a stream Node builds on first use) is never touched.
    interactive: Boolean(process.stdout.isTTY && process.stdin.isTTY),
    columns: process.stdout.isTTY ? process.stdout.columns || 80 : 80,
    now: clockFrom(env),
    curriculumDir,
    // Resolved on first use, so commands that never touch progress work without a HOME.
    get progressPath() {
      progressPath ??= resolveProgressPath(flags, env);
      return progressPath;
    },
  };
}

/**
 * The wall clock, or a fixed one for tests: STUDY_NOW=2026-03-02T09:00:00Z (test-only; documented
 * in the README's Development section) lets end-to-end tests act "the next day".
 */
function clockFrom(env: NodeJS.ProcessEnv): () => Date {
  const fixed = env.STUDY_NOW ? new Date(env.STUDY_NOW) : undefined;
  if (fixed && !Number.isNaN(fixed.getTime())) {
    // The same window the progress file accepts for events.
    if (fixed.getUTCFullYear() < 2000 || fixed.getUTCFullYear() > 2999) throw new UsageError(`STUDY_NOW: ${fixed.toISOString()} is outside the years 2000-2999 (test-only; unset it for the real clock)`);
    return () => new Date(fixed.getTime());
  }
  return () => new Date();
}
