/**
 * Start-up: V8's code cache for study's own bundled files.
 *
 * Node 20 compiles every required file from source on each run. That is about 4 ms of a 35 ms
 * `study topics --json`, and 18 ms before a mock interview's first prompt. V8 can instead load
 * code it compiled before. Node 22 does this itself (`module.enableCompileCache`); on Node 20 this
 * loader does it for `dist/**.cjs`, and leaves every other file to Node.
 *
 * The build writes the caches into `dist/cache/code` (see `STUDY_CODE_CACHE_WRITE` below). Each
 * cache is named after its bundle's path, size and modification time, so a rebuilt or edited bundle
 * never meets an old cache: it finds none and is compiled from source, as without this loader.
 * V8 rejects a cache made by another V8 version or with other flags, or for a source of another
 * length; the file is then compiled from source too. A cache never changes what runs, only how fast.
 *
 * Nothing here writes at run time except under `STUDY_CODE_CACHE_WRITE=<folder>`, which the build
 * sets: each bundle that ran gets a cache of all the code V8 compiled while it ran, and every other
 * bundle a cache of its top level.
 */
import { createRequire, Module } from 'node:module';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { Script } from 'node:vm';

type Loader = (module: NodeModule, filename: string) => void;
const extensions = (Module as unknown as { _extensions: Record<string, Loader> })._extensions;

/** What the loader did in this process (`study doctor` reports it). */
export interface CodeCacheStats {
  /** Bundles compiled from a cache. */
  used: number;
  /** Bundles with a cache that V8 refused (another Node version or flags). */
  rejected: number;
  /** Bundles with no cache for their current size and modification time. */
  missing: number;
}

const STATS_KEY = Symbol.for('study.code-cache');

/** The loader's counts, or undefined when it is not installed (tests of the source, Node with flags it skips). */
export function codeCacheStats(): CodeCacheStats | undefined {
  return (globalThis as { [STATS_KEY]?: CodeCacheStats })[STATS_KEY];
}

/** The cache file's name for a bundle: its path under dist and its size and modification time. */
export function cacheName(rel: string, size: number, mtimeMs: number): string {
  return `${rel.split(sep).join('+')}-${size}-${mtimeMs}.bin`;
}

// Node's own CommonJS wrapper, with the body on its own line so line numbers match the file
// (lineOffset -1) and columns on the first line are not shifted.
const HEAD = '(function (exports, require, module, __filename, __dirname) {\n';
const TAIL = '\n})';

function compile(source: string, filename: string, cachedData?: Buffer): Script {
  return new Script(HEAD + source + TAIL, { filename, lineOffset: -1, cachedData });
}

/**
 * A bundle that uses `import()` (inquirer, the FSRS optimizer) is left to Node: a script compiled
 * here could only reach the ES module loader through an experimental option that prints a warning.
 * The build checks this; at run time, a bundle with a cache is the very file the build checked.
 */
const DYNAMIC_IMPORT = /\bimport\s*\(/;

/** Node's `require` for a module, as its own loader would make it. */
function requireFor(module: NodeModule, filename: string): NodeJS.Require {
  const base = createRequire(filename);
  const req = ((id: string) => module.require(id)) as NodeJS.Require;
  req.resolve = base.resolve;
  req.cache = base.cache;
  req.main = base.main;
  req.extensions = base.extensions;
  return req;
}

/** Writes a file by renaming a finished temporary one into place (a reader never sees half a cache). */
function writeWhole(path: string, data: Buffer): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

/**
 * Loads `dist/**.cjs` through the code cache from now on. Returns the function to call just before
 * the process exits: in write mode it writes the caches, otherwise it does nothing.
 */
export function installCodeCache(distDir: string, env: NodeJS.ProcessEnv): () => void {
  const writeDir = env.STUDY_CODE_CACHE_WRITE || undefined;
  const cacheDir = writeDir ?? join(distDir, 'cache', 'code');
  const stats: CodeCacheStats = { used: 0, rejected: 0, missing: 0 };
  (globalThis as { [STATS_KEY]?: CodeCacheStats })[STATS_KEY] = stats;
  const ran = new Map<string, Script>();
  // Node always has a '.js' loader; '.cjs' files use it unless someone registered their own.
  const fallback = (extensions['.cjs'] ?? extensions['.js']) as Loader;
  const ours = (filename: string) => filename.startsWith(distDir + sep) && !filename.startsWith(join(distDir, 'cache') + sep);

  extensions['.cjs'] = (module, filename) => {
    if (!ours(filename)) return fallback(module, filename);
    let fn: ((...args: unknown[]) => void) | undefined;
    try {
      const { size, mtimeMs } = statSync(filename);
      const name = cacheName(relative(distDir, filename), size, mtimeMs);
      if (writeDir) {
        const source = readFileSync(filename, 'utf8');
        if (!DYNAMIC_IMPORT.test(source)) {
          const script = compile(source, filename);
          ran.set(name, script);
          fn = script.runInThisContext({ displayErrors: true }) as typeof fn;
        }
      } else {
        // No cache for this build of the file: Node loads it, exactly as without this loader.
        let cached: Buffer;
        try {
          cached = readFileSync(join(cacheDir, name));
        } catch {
          stats.missing++;
          return fallback(module, filename);
        }
        const script = compile(readFileSync(filename, 'utf8'), filename, cached);
        if (script.cachedDataRejected) stats.rejected++;
        else stats.used++;
        fn = script.runInThisContext({ displayErrors: true }) as typeof fn;
      }
    } catch {
      // Anything unexpected (a file that vanished, a syntax error): Node's own loader, which reports it as usual.
      fn = undefined;
    }
    if (!fn) return fallback(module, filename);
    fn.call(module.exports, module.exports, requireFor(module, filename), module, filename, dirname(filename));
  };

  if (!writeDir) return () => {};
  return () => {
    mkdirSync(writeDir, { recursive: true });
    // What ran: everything V8 compiled while it ran, so later runs skip compiling those functions too.
    for (const [name, script] of ran) writeWhole(join(writeDir, name), script.createCachedData());
    // Every other bundle: its top level, unless an earlier run already left a fuller cache.
    for (const rel of readdirSync(distDir, { recursive: true }) as string[]) {
      const file = join(distDir, rel);
      if (!rel.endsWith('.cjs') || !ours(file) || rel === 'main.cjs') continue;
      const { size, mtimeMs } = statSync(file);
      const name = cacheName(rel, size, mtimeMs);
      if (ran.has(name) || existsSync(join(writeDir, name))) continue;
      const source = readFileSync(file, 'utf8');
      if (DYNAMIC_IMPORT.test(source)) continue;
      let script: Script;
      try {
        script = compile(source, file);
      } catch {
        continue; // a file that does not compile gets no cache (loading it reports the error)
      }
      writeWhole(join(writeDir, name), script.createCachedData());
    }
  };
}
