/**
 * The start-up code cache (src/cli/code-cache.ts): bundles load from V8's cache when it matches,
 * and from source whenever it does not — an edited bundle never runs its old code, a damaged or
 * foreign cache changes nothing but speed, and errors, line numbers and `import()` behave as usual.
 * Each load runs in a fresh Node process, as `study` does: within one process V8 remembers what it
 * compiled and would answer from memory, hiding what the cache files did.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers.js';

let loader = '';
let loaderDir = '';
// Built once for the file (tempDir folders go after each test).
beforeAll(() => {
  loaderDir = mkdtempSync(join(tmpdir(), 'study-code-cache-loader-'));
  loader = join(loaderDir, 'code-cache.cjs');
  buildSync({ entryPoints: [join(ROOT, 'src/cli/code-cache.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: loader, logLevel: 'error' });
});
afterAll(() => rmSync(loaderDir, { recursive: true, force: true }));

interface Run {
  /** What the loaded files exported (or how loading them failed), by file. */
  results: Record<string, unknown>;
  stats: { used: number; rejected: number; missing: number };
}

/** Loads `files` from `dist` in a new process through the loader; `write` makes it a build's cache-writing run. */
function run(dist: string, files: string[], write = false): Run {
  const script = `
    const { installCodeCache, codeCacheStats } = require(${JSON.stringify(loader)});
    const path = require('node:path');
    const dist = ${JSON.stringify(dist)};
    const done = installCodeCache(dist, ${write ? `{ STUDY_CODE_CACHE_WRITE: path.join(dist, 'cache', 'code') }` : '{}'});
    (async () => {
      const results = {};
      for (const f of ${JSON.stringify(files)}) {
        try {
          const m = require(path.join(dist, f));
          results[f] = typeof m.check === 'function' ? await m.check() : m;
        } catch (e) {
          results[f] = { error: e.name, message: e.message };
        }
      }
      const stats = codeCacheStats();
      done();
      process.stdout.write(JSON.stringify({ results, stats }));
    })();`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { PATH: process.env.PATH } });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as Run;
}

/** A small dist folder: a.cjs requires b.cjs; lib/c.cjs is never loaded by a.cjs. */
function fakeDist(): string {
  const dist = tempDir('study-code-cache-');
  mkdirSync(join(dist, 'lib'));
  writeFileSync(join(dist, 'a.cjs'), "const b = require('./b.cjs');\nmodule.exports = { value: b.x + 1, where: __filename, dir: __dirname };\n");
  writeFileSync(join(dist, 'b.cjs'), 'exports.x = 41;\n');
  writeFileSync(join(dist, 'lib', 'c.cjs'), 'exports.c = 3;\n');
  return dist;
}

const cacheDir = (dist: string) => join(dist, 'cache', 'code');

describe('start-up code cache', () => {
  it('writes a cache for what ran and for every other bundle, then loads from it', () => {
    const dist = fakeDist();
    expect(run(dist, ['a.cjs'], true).results['a.cjs']).toMatchObject({ value: 42 });
    const names = readdirSync(cacheDir(dist)).sort();
    expect(names.map((n) => n.replace(/-\d+-[\d.]+\.bin$/, ''))).toEqual(['a.cjs', 'b.cjs', 'lib+c.cjs']);

    const r = run(dist, ['a.cjs', 'lib/c.cjs']);
    expect(r.results).toEqual({ 'a.cjs': { value: 42, where: join(dist, 'a.cjs'), dir: dist }, 'lib/c.cjs': { c: 3 } });
    expect(r.stats).toEqual({ used: 3, rejected: 0, missing: 0 });
  });

  it('never runs old code: an edited bundle finds no cache and is compiled from its new source', () => {
    const dist = fakeDist();
    run(dist, ['a.cjs'], true);
    // The same length, so only the name (size and modification time) tells the caches apart.
    writeFileSync(join(dist, 'b.cjs'), 'exports.x = 99;\n');
    utimesSync(join(dist, 'b.cjs'), new Date('2030-01-01'), new Date('2030-01-01'));
    const r = run(dist, ['a.cjs']);
    expect(r.results['a.cjs']).toMatchObject({ value: 100 });
    expect(r.stats).toEqual({ used: 1, rejected: 0, missing: 1 });
  });

  it('a damaged or foreign cache is refused by V8 and the bundle is compiled from source', () => {
    const dist = fakeDist();
    run(dist, ['a.cjs'], true);
    for (const name of readdirSync(cacheDir(dist))) {
      const data = readFileSync(join(cacheDir(dist), name));
      // Truncated for one file, bytes of no cache at all for the others.
      writeFileSync(join(cacheDir(dist), name), name.startsWith('a.cjs') ? data.subarray(0, 20) : Buffer.alloc(data.length, 7));
    }
    const r = run(dist, ['a.cjs']);
    expect(r.results['a.cjs']).toMatchObject({ value: 42 });
    expect(r.stats).toEqual({ used: 0, rejected: 2, missing: 0 });
  });

  it('keeps line numbers, syntax errors and import() as Node has them', () => {
    const dist = fakeDist();
    writeFileSync(join(dist, 'throws.cjs'), "exports.check = () => {\n  const x = 1;\n  try { throw new Error('boom ' + x); } catch (e) { return e.stack.split('\\n')[1].trim(); }\n};\n");
    writeFileSync(join(dist, 'broken.cjs'), 'exports.x = ;\n');
    writeFileSync(join(dist, 'esm.mjs'), 'export const answer = 42;\n');
    writeFileSync(join(dist, 'imports.cjs'), "exports.check = async () => (await import('./esm.mjs')).answer;\n");
    const files = ['throws.cjs', 'broken.cjs', 'imports.cjs'];
    const uncached = run(dist, files, true);
    const cached = run(dist, files);
    expect(cached.results).toEqual(uncached.results);
    expect(cached.results['throws.cjs']).toBe(`at exports.check (${join(dist, 'throws.cjs')}:3:15)`);
    expect(cached.results['broken.cjs']).toMatchObject({ error: 'SyntaxError' });
    expect(cached.results['imports.cjs']).toBe(42);
    // throws.cjs from the cache; broken.cjs has none (it does not compile), nor has imports.cjs (it uses import()).
    expect(cached.stats).toEqual({ used: 1, rejected: 0, missing: 2 });
    expect(readdirSync(cacheDir(dist)).filter((n) => /^(broken|imports)/.test(n))).toEqual([]);
  });

  it('leaves files outside the dist folder, and its own cache folder, to Node', () => {
    const dist = fakeDist();
    mkdirSync(join(dist, 'cache'));
    writeFileSync(join(dist, 'cache', 'x.cjs'), 'exports.x = 1;\n');
    const other = tempDir('study-code-cache-other-');
    writeFileSync(join(other, 'y.cjs'), 'exports.y = 2;\n');
    const r = run(dist, ['cache/x.cjs', join('..', other.split('/').pop()!, 'y.cjs')]);
    expect(Object.values(r.results)).toEqual([{ x: 1 }, { y: 2 }]);
    expect(r.stats).toEqual({ used: 0, rejected: 0, missing: 0 });
  });
});
