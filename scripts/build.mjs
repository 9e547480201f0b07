// Builds dist/ from src/ with esbuild, shaped for a fast start (see the README's Performance section):
//   dist/main.cjs             the entry: answers --version itself, else loads program.cjs
//   dist/program.cjs          commander and the command table
//   dist/commands/<name>.cjs  one self-contained file per command, loaded only when run
// CommonJS, because Node 20 loads a CommonJS file several milliseconds faster than an ES module.
// Dependencies are bundled (one file parses faster than zod's ~90 or yaml's ~100 small files, and
// a bundled one comes from the code cache; resolving ts-fsrs's package exports alone took ~1.5 ms),
// except inquirer and the FSRS optimizer, which stay in node_modules and are loaded only where used
// (inquirer must stay one shared copy: our own prompts and its prompts share its hook runtime).
// The bundle is written to a fresh folder and swapped in, so a running `study` never sees a
// half-written dist/. Finally the bundled curriculum is compiled into dist/cache.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const tmp = join(root, `dist.tmp-${process.pid}`);
const dist = join(root, 'dist');
const old = join(root, `dist.old-${process.pid}`);

// The compiled-curriculum cache is keyed by this: any change to the loader invalidates old caches.
// (FNV-1a over the loader's sources; node:crypto is not needed for that.)
let h = 0x811c9dc5;
const loaderFiles = ['src/curriculum', 'src/cli/curriculum'].flatMap((d) => readdirSync(join(root, d)).sort().map((f) => join(root, d, f)));
for (const f of [pkg.version, ...loaderFiles.flatMap((f) => [f.slice(root.length), readFileSync(f, 'utf8')])]) {
  for (let i = 0; i < f.length; i++) h = Math.imul(h ^ f.charCodeAt(i), 0x01000193) >>> 0;
}

const commands = readdirSync(join(root, 'src/cli/commands')).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3));

/**
 * Lazily imported files of ours stay separate files, so a command parses only what it runs:
 * program and commands keep their own names; any other module imported with `import()` becomes
 * dist/lib/<path>.cjs (collected here, built after the commands).
 */
const lazyLibs = new Set();
const separateFiles = {
  name: 'separate-files',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\/.*\.js$/ }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      const file = join(args.resolveDir, args.path);
      const fromCommands = args.resolveDir.endsWith(join('src', 'cli', 'commands'));
      if (file === join(root, 'src/cli/program.js')) return { path: './program.cjs', external: true };
      const m = /src\/cli\/commands\/([a-z-]+)\.js$/.exec(file);
      if (m) return { path: fromCommands ? `./${m[1]}.cjs` : `./commands/${m[1]}.cjs`, external: true };
      const rel = relative(join(root, 'src'), file).replace(/\.js$/, '');
      lazyLibs.add(rel);
      return { path: `@study-lib/${rel}.cjs`, external: true };
    });
  },
};

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

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['node-pty', '@inquirer/prompts', '@inquirer/core', '@open-spaced-repetition/binding'],
  // Code that finds package files (the curriculum, the compiled cache) asks where dist/ is.
  // (__STUDY_DIST_REL__ is replaced below by each file's relative path to dist/.)
  banner: { js: "const __studyDist = require('node:path').join(__dirname, '__STUDY_DIST_REL__');" },
  define: {
    __STUDY_VERSION__: JSON.stringify(pkg.version),
    __STUDY_BUILD__: JSON.stringify(h.toString(16)),
    __STUDY_DIST__: '__studyDist',
    // Only reached when unbundled (tests of the source); in a bundle __STUDY_DIST__ answers first.
    'import.meta.url': '"file:///"',
  },
  plugins: [separateFiles, lazyChildProcess],
  logLevel: 'warning',
  legalComments: 'none',
  // Less to parse at every start; names are kept so --debug stack traces stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
};

await build({ ...common, entryPoints: { main: join(root, 'src/cli/main.ts'), program: join(root, 'src/cli/program.ts') }, outdir: tmp, outExtension: { '.js': '.cjs' } });
await build({
  ...common,
  entryPoints: Object.fromEntries(commands.map((c) => [c, join(root, 'src/cli/commands', `${c}.ts`)])),
  outdir: join(tmp, 'commands'),
  outExtension: { '.js': '.cjs' },
});

// The lazily imported modules, until no new one turns up (a lib may import another lazily).
const built = new Set();
while ([...lazyLibs].some((l) => !built.has(l))) {
  const batch = [...lazyLibs].filter((l) => !built.has(l));
  batch.forEach((l) => built.add(l));
  await build({ ...common, entryPoints: Object.fromEntries(batch.map((l) => [l, join(root, 'src', `${l}.ts`)])), outdir: join(tmp, 'lib'), outExtension: { '.js': '.cjs' } });
}

// esbuild keeps `import()` of an external file; for our own CommonJS files a plain require is much
// cheaper (no ES-module loader, no CommonJS export scan).
const outputs = ['main.cjs', 'program.cjs', ...commands.map((c) => `commands/${c}.cjs`), ...[...built].map((l) => `lib/${l}.cjs`)];
for (const file of outputs) {
  const path = join(tmp, file);
  const code = readFileSync(path, 'utf8')
    .replace(/import\(("\.\/[a-z/-]+\.cjs")\)/g, 'Promise.resolve().then(() => require($1))')
    .replace(/import\("@study-lib\/([a-z/-]+\.cjs)"\)/g, 'Promise.resolve().then(() => require(__studyDist + "/lib/$1"))')
    .replace('__STUDY_DIST_REL__', relative(dirname(path), tmp) || '.');
  writeFileSync(path, code);
}

try {
  renameSync(dist, old);
} catch {
  // first build: nothing to move aside
}
renameSync(tmp, dist);
rmSync(old, { recursive: true, force: true });

// Compile the bundled curriculum (and the topics view) once, so even the first run skips YAML
// parsing. A curriculum with problems is simply not cached (`study validate` reports them).
const env = { ...process.env, STUDY_CACHE_DIR: join(dist, 'cache') };
delete env.STUDY_CURRICULUM;
try {
  execFileSync(process.execPath, [join(root, 'bin/study.js'), 'topics', '--json'], { env, stdio: 'ignore' });
} catch {
  console.warn('build: the bundled curriculum did not compile; run `npx study validate` to see why');
}

// V8 code caches for the bundles (src/cli/code-cache.ts): the read-only commands people script run
// once each, so their caches hold every function they compiled (`topics` last: its run of the
// shared program.cjs is kept); every other bundle gets its top level. In a throw-away HOME, so the
// build never reads or writes the user's own progress or caches.
const home = mkdtempSync(join(tmpdir(), 'study-build-'));
try {
  const quiet = { HOME: home, PATH: process.env.PATH ?? '', NO_COLOR: '1', STUDY_CACHE_DIR: join(dist, 'cache'), STUDY_CODE_CACHE_WRITE: join(dist, 'cache', 'code') };
  for (const args of [['progress', '--json'], ['topics', '--json']]) execFileSync(process.execPath, [join(root, 'bin/study.js'), ...args], { env: quiet, stdio: 'ignore' });
} catch {
  console.warn('build: the start-up code cache was not written; study works, only starts a few milliseconds slower');
} finally {
  rmSync(home, { recursive: true, force: true });
}

// The bundled caches are part of the package, not anyone's private data: readable by every user
// of a shared install (the user caches, written at run time, stay private).
try {
  for (const rel of ['', ...readdirSync(join(dist, 'cache'), { recursive: true })]) {
    const p = join(dist, 'cache', rel);
    chmodSync(p, statSync(p).isDirectory() ? 0o755 : 0o644);
  }
} catch {
  // no bundled cache (the curriculum did not compile): nothing to share
}
