/**
 * Calculator output: a derivation laid out like a whiteboard (formula, numbers substituted,
 * result, then the assumptions), and plain text tables. Pure: data and a theme in, text out.
 */
import type { Derivation, Step, Table } from '../../calc/derivation.js';
import { stripAnsi, type Theme } from '../plain.js';
import { wrap } from '../text.js';

export function renderDerivation(d: Derivation, t: Theme, columns = 80): string {
  const width = Math.max(50, Math.min(columns, 110) - 1);
  const lines = [t.heading(d.title)];
  if (d.given.length) lines.push(wrap(`${t.dim('Given:')} ${d.given.join(' · ')}`, width, '  ', '    '));
  d.steps.forEach((s, i) => lines.push('', ...renderStep(s, i + 1, t, width)));
  for (const table of d.tables ?? []) lines.push('', renderTable(table, t, width));
  if (d.assumptions.length) {
    lines.push('', t.bold('Assumptions'));
    for (const a of d.assumptions) lines.push(wrap(a, width, `  ${t.sym.bullet} `, '    '));
  }
  if (d.hints?.length) {
    lines.push('', t.bold('More with'));
    for (const h of d.hints) lines.push(t.dim(wrap(h, width, `  ${t.sym.bullet} `, '    ')));
  }
  return `${lines.join('\n')}\n`;
}

function renderStep(s: Step, n: number, t: Theme, width: number): string[] {
  const out = [t.bold(wrap(`${n}. ${s.label}`, width, '', '   '))];
  const pad = '     ';
  if (s.formula) out.push(wrap(s.formula, width, pad, `${pad}  `));
  const lead = s.formula ? `${pad}  = ` : pad;
  if (s.substitution) out.push(wrap(s.substitution, width, lead, `${pad}    `));
  out.push(t.accent(wrap(s.result, width, s.formula || s.substitution ? `${pad}  = ` : pad, `${pad}    `)));
  if (s.note) out.push(t.dim(wrap(s.note, width, `${pad}${t.sym.arrow} `, `${pad}  `)));
  return out;
}

/** A text table with a title, padded columns and right-aligned number columns. */
export function renderTable(table: Table, t: Theme, width?: number): string {
  const rows = [table.head, ...table.rows];
  const widths = table.head.map((_, c) => Math.max(...rows.map((r) => stripAnsi(r[c] ?? '').length)));
  const right = new Set(table.right ?? []);
  const line = (r: string[]) =>
    `  ${r
      .map((cell, c) => {
        const gap = ' '.repeat(widths[c]! - stripAnsi(cell).length);
        return right.has(c) ? gap + cell : cell + gap;
      })
      .join('  ')
      .trimEnd()}`;
  const title = width === undefined ? table.title : wrap(table.title, width, '', '  ');
  return [t.bold(title), t.dim(line(table.head)), ...table.rows.map(line)].join('\n');
}
