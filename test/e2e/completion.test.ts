/** The zsh completion script driven in a real interactive zsh (skipped when zsh is not installed). */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node-pty';
import { describe, it } from 'vitest';
import { stripAnsi } from '../../src/ui/theme.js';
import { runCli, tempDir } from '../helpers.js';

const hasZsh = spawnSync('sh', ['-c', 'command -v zsh']).status === 0;

describe('zsh completion', () => {
  it.skipIf(!hasZsh)('completes commands, topic ids, options and their values on Tab', async () => {
    const file = join(tempDir(), '_study.zsh');
    writeFileSync(file, runCli(['completion', 'zsh']).stdout);
    const pty = spawn('zsh', ['-f', '-i'], { cols: 100, rows: 20, env: { PATH: process.env.PATH!, HOME: tempDir(), TERM: 'xterm' } });
    let out = '';
    pty.onData((d) => (out += d));
    const waitFor = (re: RegExp) =>
      new Promise<void>((resolve, reject) => {
        const t = setInterval(() => {
          if (re.test(stripAnsi(out))) {
            clearInterval(t);
            clearTimeout(d);
            resolve();
          }
        }, 20);
        const d = setTimeout(() => {
          clearInterval(t);
          reject(new Error(`timed out waiting for ${re}; got:\n${stripAnsi(out).slice(-500)}`));
        }, 10_000);
      });
    try {
      pty.write(`autoload -U compinit && compinit -u && source ${file} && echo READY\r`);
      await waitFor(/READY/);
      for (const [typed, want] of [
        ['study lea', /study learn /],
        ['study learn kube', /study learn kubernetes/],
        ['study review --li', /study review --limit/],
        ['study quiz --type mu', /study quiz --type multi/],
      ] as const) {
        out = '';
        pty.write(`${typed}\t`);
        await waitFor(want);
        pty.write('\u0015'); // Ctrl-U: clear the line
      }
    } finally {
      pty.kill();
    }
  });
});
