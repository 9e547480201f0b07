// Builds dist/ from src/ with esbuild: one ESM bundle per entry, with each lazily imported
// command in its own chunk so `study --version` loads only the entry chunk. The bundle is written
// to a fresh folder and swapped in, so a running `study` never sees a half-written dist/.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const root = new URL('../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
// The compiled-curriculum cache is keyed by this: any change to the loader invalidates old caches.
const loaderDir = new URL('src/curriculum/', root);
const buildHash = createHash('sha256').update(pkg.version);
for (const f of readdirSync(loaderDir).sort()) buildHash.update(f).update(readFileSync(new URL(f, loaderDir)));
const tmp = new URL(`dist.tmp-${process.pid}/`, root);
const dist = new URL('dist/', root);
const old = new URL(`dist.old-${process.pid}/`, root);

const define = { __STUDY_VERSION__: JSON.stringify(pkg.version), __STUDY_BUILD__: JSON.stringify(buildHash.digest('hex').slice(0, 16)) };
// The entry alone: a few hundred bytes, so `study --version` loads one small file.
await build({
  entryPoints: [new URL('src/cli/main.ts', root).pathname],
  outfile: new URL('main.js', tmp).pathname,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['./program.js'],
  define,
  logLevel: 'warning',
});
// commander loads node:child_process (and with it net, dgram, streams) at start-up, only to run
// executable subcommands, which study does not use. Hand it a proxy that loads the real module on
// first use: a few milliseconds off every start.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) =>
      args.importer.includes('/node_modules/commander/') ? { path: 'lazy-child-process', namespace: 'lazy' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents: "let m; module.exports = new Proxy({}, { get: (_, k) => (m ??= require('node:child_process'))[k] });",
      loader: 'js',
    }));
  },
};
// Everything else, each lazily imported command in its own chunk.
await build({
  entryPoints: [new URL('src/cli/program.ts', root).pathname],
  outdir: tmp.pathname,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['node-pty'],
  define,
  // Bundled CommonJS dependencies call require() for Node built-ins.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  chunkNames: '[name]-[hash]',
  entryNames: '[name]',
  plugins: [lazyChildProcess],
  logLevel: 'warning',
  legalComments: 'none',
});
try {
  renameSync(dist, old);
} catch {
  // first build: nothing to move aside
}
renameSync(tmp, dist);
rmSync(old, { recursive: true, force: true });

// Compile the bundled curriculum (and the topics view) once, so even the first run skips YAML parsing. A curriculum with
// problems is simply not cached (`study validate` reports them); the build still succeeds.
const env = { ...process.env, STUDY_CACHE_DIR: new URL('dist/cache', root).pathname };
delete env.STUDY_CURRICULUM;
try {
  execFileSync(process.execPath, [new URL('bin/study.js', root).pathname, 'topics', '--json'], {
    env,
    stdio: 'ignore',
  });
} catch {
  console.warn('build: the bundled curriculum did not compile; run `npx study validate` to see why');
}
