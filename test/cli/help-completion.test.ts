/**
 * The binary's help and messages for mistakes: `study help CMD`, did-you-mean for commands,
 * options and topics, and `study completion bash|zsh|fish` (scripts checked by the shells
 * themselves when they are installed).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { BIN, ROOT, runCli, tempDir } from '../helpers.js';

const hasShell = (sh: string) => spawnSync('sh', ['-c', `command -v ${sh}`]).status === 0;

describe('help', () => {
  it('study help CMD prints the same as study CMD --help', () => {
    const a = runCli(['help', 'review']);
    const b = runCli(['review', '--help']);
    expect(a.status).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toContain('--limit <n>');
  });

  it('study help interview gives each of its three forms its own usage line', () => {
    const lines = runCli(['help', 'interview']).stdout.split('\n').slice(0, 3);
    expect(lines).toEqual(['Usage: study interview [options] [problem]', '       study interview show PROBLEM [--json]', '       study interview grade FILE [--capstone ID]']);
  });

  it('study help lists help and completion among the commands', () => {
    const r = runCli(['help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/help \[command\]/);
    expect(r.stdout).toMatch(/completion \[shell\]/);
  });
});

describe('mistakes get one line with a suggestion (exit 2)', () => {
  it.each([
    [['quizz'], 'study: "quizz" is not a command; did you mean: study quiz?'],
    [['revew', '--limit', '3'], 'study: "revew" is not a command; did you mean: study review --limit 3?'],
    [['help', 'quizz'], 'study: "quizz" is not a command; did you mean: study quiz?'],
    [['review', '--limt', '3'], 'study: study review has no option --limt; did you mean --limit? It accepts (closest first): --limit,'],
    [['learn', 'kafka'], 'study: no topic "kafka"; did you mean 14. Asynchronous communication (study learn async-communication)'],
    [['quiz', '--topic', 'kubernets'], 'study: --topic: no topic "kubernets"; did you mean 3. Container orchestration (Kubernetes) (study quiz --topic kubernetes)?'],
    [['interview', 'eta-prcing'], 'study: no interview problem "eta-prcing"; did you mean study interview eta-pricing?'],
    [['learn', '999'], 'study: no topic number 999; topics are numbered 1 to 61 (see study topics), or give a topic id'],
    [['quiz', '--topic', '0'], 'study: --topic: no topic number 0; topics are numbered 1 to 61'],
  ])('study %j', (args, start) => {
    const r = runCli(args);
    expect(r.status).toBe(2);
    expect(r.stderr.startsWith(start)).toBe(true);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/too many arguments|unknown option '/);
  });

  it.each([
    [['topics', 'extra'], 'study: study topics takes no arguments (got 1); options start with -- (see study help topics)'],
    [['learn', 'dns', 'extra'], 'study: study learn takes at most 1 argument (got 2); options start with -- (see study help learn)'],
    [['--progress'], 'study: --progress needs a value: --progress <file> (see study help)'],
    [['quiz', '--count'], 'study: --count needs a value: --count <n> (see study help quiz)'],
  ])('commander usage errors in plain words: %j', (args, line) => {
    const r = runCli(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`${line}\n`);
  });

  it('study help help prints the general help', () => {
    const r = runCli(['help', 'help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Usage: study/);
    expect(r.stderr).toBe('');
  });

  it('strips escape sequences from the echoed word', () => {
    const r = runCli(['\u001b]0;owned\u0007quiz']);
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(/\u001b|\u0007/);
  });
});

describe('study completion', () => {
  it.each(['bash', 'zsh', 'fish'])('%s: commands, options, topic ids, capstones and calculator kinds from the data', (shell) => {
    const r = runCli(['completion', shell]);
    expect(r.status).toBe(0);
    for (const w of ['learn', 'review', 'completion', 'limit', 'retention', 'async-communication', 'eta-pricing', 'egress', 'presets', 'h100', 'llama-3-8b']) expect(r.stdout).toContain(w);
  });

  it('lists the topics of the curriculum in use, not a fixed list', () => {
    const r = runCli(['--curriculum', join(ROOT, 'test/fixtures/mini'), 'completion', 'bash']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('kv-cache');
    expect(r.stdout).not.toContain('async-communication');
  });

  it('an unknown shell exits 2 naming the accepted ones', () => {
    const r = runCli(['completion', 'tcsh']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('study: no completion for "tcsh"; expected one of bash, zsh, fish (e.g. study completion bash)\n');
  });

  it('the bash script completes commands, topic ids and option values', () => {
    const script = runCli(['completion', 'bash']).stdout;
    const probe = (words: string[]) => {
      const body = `${script}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _study; echo "\${COMPREPLY[*]}"`;
      return spawnSync('bash', ['-c', body], { encoding: 'utf8' }).stdout.trim();
    };
    expect(probe(['study', 'rev'])).toBe('review');
    expect(probe(['study', 'learn', 'kube'])).toBe('kubernetes');
    expect(probe(['study', '--progress', '/tmp/p.json', 'review', '--li'])).toBe('--limit');
    expect(probe(['study', 'quiz', '--type', 'mu'])).toBe('multi');
    expect(probe(['study', 'interview', 'gr'])).toBe('grade');
    expect(probe(['study', 'config', ''])).toBe('list get set unset');
    expect(probe(['study', 'calc', '--gpu', 'h1'])).toBe('h100');
    expect(probe(['study', 'completion', ''])).toBe('bash zsh fish');
  });

  it.skipIf(!hasShell('fish'))('the fish script completes through fish itself', () => {
    const file = join(tempDir(), 'study.fish');
    writeFileSync(file, runCli(['completion', 'fish']).stdout);
    const r = spawnSync('fish', ['--no-config', '-c', `source ${file}; complete -C "study learn kube"; complete -C "study review --li"`], { encoding: 'utf8' });
    expect(r.stdout).toMatch(/^kubernetes\n--limit\t/);
  });

  it.each(['zsh', 'fish'])('the %s script parses (skipped when that shell is not installed)', (shell) => {
    if (!hasShell(shell)) return;
    const file = join(tempDir(), `study.${shell}`);
    writeFileSync(file, runCli(['completion', shell]).stdout);
    const r = spawnSync(shell, ['-n', file], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('stays off the start-up path: --version still loads no command', () => {
    const r = spawnSync(process.execPath, ['-r', join(ROOT, 'test/fixtures/trace-requires.cjs'), BIN, '--version'], { encoding: 'utf8', env: { PATH: process.env.PATH } });
    const loaded: string[] = JSON.parse(/LOADED (.*)/.exec(r.stderr)![1]!);
    expect(loaded.filter((m) => /did-you-mean|completion|topic-arg/.test(m))).toEqual([]);
  });
});
