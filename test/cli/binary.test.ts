/** The built binary: help, version, topics --json and validate's exit codes. */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { BIN, ROOT, isolatedEnv, runCli, tempDir } from '../helpers.js';

describe('study binary', () => {
  it('prints help with every command and exits 0', () => {
    const r = runCli(['--help']);
    expect(r.status).toBe(0);
    for (const word of ['topics', 'validate', '--curriculum', '--progress', '--no-color', '--debug']) expect(r.stdout).toContain(word);
  });

  it('prints output larger than a pipe buffer whole before exiting (export to stdout, piped)', () => {
    const home = tempDir();
    const env = isolatedEnv(home);
    const out = join(home, 'guide.md');
    const piped = runCli(['export', '--format', 'markdown'], { env });
    expect(piped.status).toBe(0);
    expect(runCli(['export', '--format', 'markdown', '--out', out], { env }).status).toBe(0);
    const file = readFileSync(out, 'utf8');
    expect(file.length).toBeGreaterThan(256 * 1024);
    expect(piped.stdout.length).toBe(file.length);
    expect(piped.stdout).toBe(file);
  });

  it('prints the package version', () => {
    const r = runCli(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('--version loads no command, curriculum, prompt, spinner or colour code', () => {
    const r = spawnSync(process.execPath, ['-r', join(ROOT, 'test/fixtures/trace-requires.cjs'), BIN, '--version'], { encoding: 'utf8', env: { PATH: process.env.PATH } });
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const loaded: string[] = JSON.parse(/LOADED (.*)/.exec(r.stderr)![1]!);
    expect(loaded.filter((m) => /program|commands|curriculum|yaml|zod|inquirer|ora|chalk|commander/.test(m))).toEqual([]);
  });

  it('topics --json loads neither the YAML parser nor zod when the compiled curriculum is cached', () => {
    const env = isolatedEnv(tempDir());
    runCli(['topics', '--json'], { env }); // compiles into the (isolated) cache
    const r = spawnSync(process.execPath, ['-r', join(ROOT, 'test/fixtures/trace-requires.cjs'), BIN, 'topics', '--json'], { encoding: 'utf8', env });
    const loaded: string[] = JSON.parse(/LOADED (.*)/.exec(r.stderr)![1]!);
    expect(loaded.some((m) => m.includes('topics.cjs'))).toBe(true);
    expect(loaded.filter((m) => /^(yaml|zod|@inquirer|ts-fsrs)/.test(m) || /build\.cjs|store\.cjs/.test(m))).toEqual([]);
  });

  it('loads its own files from the code cache the build wrote (this Node accepts every one)', () => {
    const r = runCli(['doctor', '--json']);
    const line = JSON.parse(r.stdout)['start-up cache'].value as string;
    const m = /^(\d+) of (\d+) files loaded from V8's code cache$/.exec(line);
    expect(m, line).not.toBeNull();
    expect(Number(m![1])).toBeGreaterThanOrEqual(2);
    expect(m![1]).toBe(m![2]);
  });

  it('an edited curriculum file is picked up at once, and the cache keeps one file per view', () => {
    const home = tempDir();
    const dir = join(home, 'curriculum');
    cpSync(join(ROOT, 'curriculum'), dir, { recursive: true });
    const env = isolatedEnv(home, { STUDY_CURRICULUM: dir, STUDY_CACHE_DIR: join(home, 'cache') });
    const title = () => JSON.parse(runCli(['topics', '--json'], { env }).stdout).modules[0].sections[0].topics[0].title as string;
    const before = title();
    expect(title()).toBe(before); // from the cache now
    const file = join(dir, '01-foundations', '01-compute.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(`title: "${before}"`, `title: "${before} (edited)"`));
    expect(title()).toBe(`${before} (edited)`);
    expect(readdirSync(join(home, 'cache')).sort().map((n) => n.replace(/-[0-9a-f]{16}\.json$/, ''))).toEqual(['curriculum', 'topics']);
  });

  it('prints topics as JSON in the documented shape', () => {
    const r = runCli(['topics', '--json']);
    expect(r.status).toBe(0);
    const data = JSON.parse(r.stdout);
    expect(data.modules).toHaveLength(4);
    const sections = data.modules.flatMap((m: { sections: unknown[] }) => m.sections);
    expect(sections).toHaveLength(17);
    const topic = sections[0].topics[0];
    expect(Object.keys(topic)).toEqual(expect.arrayContaining(['id', 'title', 'keyPoints', 'questions', 'questionTypes', 'flashcards']));
    expect(Object.keys(topic.questionTypes).sort()).toEqual(['multi', 'numeric', 'order', 'recall', 'single', 'truefalse']);
    expect(Object.keys(data.modules[0])).toEqual(['id', 'number', 'title', 'sections']);
  });

  it('filters topics by module and rejects a bad module number with exit 2', () => {
    const one = JSON.parse(runCli(['topics', '--module', '2', '--json']).stdout);
    expect(one.modules.map((m: { number: number }) => m.number)).toEqual([2]);
    const bad = runCli(['topics', '--module', 'nine']);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toEqual(['study: --module: "nine" is not valid; expected a whole number >= 1']);
  });

  it('validate exits 0 on the bundled curriculum', () => {
    const r = runCli(['validate']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/4 modules, 17 sections, 61 topics/);
  });

  it('validate exits 1 and names file:line:col on a broken curriculum', () => {
    const dir = join(tempDir(), 'c');
    cpSync(join(ROOT, 'curriculum'), dir, { recursive: true });
    writeFileSync(join(dir, '01-foundations', 'module.yaml'), 'format: 1\nid: foundations\nnumber: one\ntitle: "x"\n');
    const r = runCli(['validate', dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/01-foundations\/module\.yaml:3:9: number: expected number, received string/);
    expect(r.stderr).toMatch(/^study: .*1 problem\n$/);
  });

  it('refuses an argument holding a terminal control character, showing it as typed', () => {
    const r = runCli(['learn', '\u001b[31mdns']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('study: argument 2 ("\\e[31mdns") contains a terminal control character; type it without one\n');
    const osc = runCli(['search', '\u001b]0;title\u0007']);
    expect(osc.stderr).toBe('study: argument 2 ("\\e]0;title\\x07") contains a terminal control character; type it without one\n');
    // The same for a path in the environment: it would be shown as a file that does not exist.
    const env = runCli(['doctor'], { env: isolatedEnv(tempDir(), { STUDY_PROGRESS: '/tmp/\u001b[31mp.json' }) });
    expect(env.status).toBe(2);
    expect(env.stderr).toBe('study: STUDY_PROGRESS ("/tmp/\\e[31mp.json") contains a terminal control character; set it without one\n');
    // A tab or newline is not a control character here (a pasted multi-line search).
    expect(runCli(['search', 'kv\tcache', '--json']).status).toBe(0);
  });

  it('exits 2 with one line on an unknown option or command', () => {
    for (const args of [['--bogus'], ['topics', '--bogus'], ['nosuch']]) {
      const r = runCli(args);
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')[0]).toMatch(/^study: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('exits 1 with one line when the curriculum folder is missing', () => {
    const r = runCli(['topics', '--curriculum', '/nonexistent/dir']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('study: cannot read curriculum folder /nonexistent/dir: no such file or folder; give a curriculum folder (study validate DIR, --curriculum DIR or STUDY_CURRICULUM)\n');
    const dev = runCli(['validate', '/dev/zero']);
    expect(dev.status).toBe(1);
    expect(dev.stderr).toBe('study: curriculum path /dev/zero is not a folder; give a curriculum folder (study validate DIR, --curriculum DIR or STUDY_CURRICULUM)\n');
  });

  it('export --out /dev/stdout on a pipe is refused as not a regular file, naming the way to print', () => {
    const r = runCli(['export', '--format', 'anki', '--out', '/dev/stdout']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('study: --out: /dev/stdout is not a regular file (a device, pipe or socket); give a file name (without --out the output goes to standard output)\n');
  });
});
