/** `study validate --strict`: item rules located as file:line:col, curriculum-wide counts, on any folder. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';

describe('study validate --strict --curriculum DIR', () => {
  it('reports every item-rule violation with its question id and position, then the counts, and exits 1', () => {
    const r = runCli(['validate', '--strict', '--curriculum', 'test/fixtures/lint']);
    expect(r.status).toBe(1);
    const lines = r.stdout.split('\n');
    const bad = 'test/fixtures/lint/02-lifecycle/02-bad.yaml';
    expect(lines).toContain(`${bad}:34:22: bad-items.positional: explanation says "last option", but options are shuffled when asked; name the option by its content [positional]`);
    expect(lines.some((l) => l.startsWith(`${bad}:38:17: bad-items.widget: prompt says "Choose all"`))).toBe(true);
    expect(lines.some((l) => l.startsWith(`${bad}:52:17: bad-items.hedged:`))).toBe(true);
    expect(lines.some((l) => l.startsWith(`${bad}:69:20: bad-items.slip:`) && l.endsWith('[accepts-slip]'))).toBe(true);
    expect(lines).toContain(`${bad}:15:14: bad-items diagram "Too wide": art line 1 is 80 columns wide; at most 76 [diagram]`);
    // In a block scalar (art: |) the line of the art itself.
    expect(lines).toContain('test/fixtures/lint/02-lifecycle/03-empty.yaml:27:11: wide-block diagram "Wide third line": art line 3 is 77 columns wide; at most 76 [diagram]');
    expect(r.stdout).not.toContain('01-good.yaml:');
    expect(r.stdout).toContain('3 of 4 lessons have a diagram; at least 25 must (22 more) [diagram-lessons]');
    expect(r.stdout).toContain('03-empty.yaml: section "empty-section" (module 2) has no worked design');
    expect(r.stderr).toMatch(/26 item-rule violations and 2 curriculum-wide gaps/);
  });

  it('does not apply the item rules without --strict', () => {
    const r = runCli(['validate', '--curriculum', 'test/fixtures/lint']);
    expect(r.stdout).not.toContain('[positional]');
    expect(r.status).toBe(0);
  });

  it('passes on the bundled curriculum: every item rule, the diagram and worked-design counts, the interview and library bars', () => {
    const r = runCli(['validate', '--strict']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/is valid and complete\n$/);
  });
});
