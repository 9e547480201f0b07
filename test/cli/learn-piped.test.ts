/** `study learn TOPIC` without a terminal: the whole lesson, plain, at most 100 columns, exit 0, never waiting. */
import { describe, expect, it } from 'vitest';
import { isolatedEnv, runCli, tempDir } from '../helpers.js';
import { displayWidth } from '../../src/text-width.js';

describe('study learn TOPIC | less', () => {
  it('prints the whole lesson with no colour and no prompt, even with FORCE_COLOR', () => {
    const r = runCli(['learn', 'feature-serving'], { env: isolatedEnv(tempDir(), { STUDY_CURRICULUM: 'test/fixtures/lint', FORCE_COLOR: '1', NO_COLOR: undefined }) });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toMatch(/\u001b/);
    for (const h of ['1. Feature serving', 'Key points', 'Diagram', 'Worked design', 'Pitfalls', 'Interview tips', 'References']) expect(r.stdout.split('\n')).toContain(h);
    expect(r.stdout).toContain('  ┌──────────┐   batch    ┌───────────────┐');
    expect(r.stdout).not.toMatch(/next section|Quiz on this topic/);
  });

  it('stays within 100 columns for every bundled lesson', () => {
    const env = isolatedEnv(tempDir());
    for (const topic of ['1', '5', '41', '61']) {
      const r = runCli(['learn', topic], { env });
      expect(r.status).toBe(0);
      for (const l of r.stdout.split('\n')) expect(displayWidth(l)).toBeLessThanOrEqual(100);
    }
  });

  it('refuses the topic menu without a terminal, and names the way that works', () => {
    const r = runCli(['learn']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('study learn TOPIC');
  });
});
