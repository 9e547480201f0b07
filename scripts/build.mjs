// Builds dist/ from src/ with esbuild: one ESM bundle per entry, with each lazily imported
// command in its own chunk so `study --version` loads only the entry chunk. The bundle is written
// to a fresh folder and swapped in, so a running `study` never sees a half-written dist/.
import { build } from 'esbuild';
import { readFileSync, renameSync, rmSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const tmp = new URL(`dist.tmp-${process.pid}/`, root);
const dist = new URL('dist/', root);
const old = new URL(`dist.old-${process.pid}/`, root);

await build({
  entryPoints: [new URL('src/cli/main.ts', root).pathname],
  outdir: tmp.pathname,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['node-pty'],
  define: { __STUDY_VERSION__: JSON.stringify(pkg.version) },
  // Bundled CommonJS dependencies call require() for Node built-ins.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  chunkNames: '[name]-[hash]',
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
