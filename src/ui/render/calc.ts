/**
 * Calculator output: a derivation laid out like a whiteboard (formula, numbers substituted,
 * result, then the assumptions), and plain text tables. Pure: data and a theme in, text out.
 */
import type { Derivation, Step, Table } from '../../calc/derivation.js';
import { stripAnsi, type Theme } from '../plain.js';
import { displayWidth, keep, wrap } from '../text.js';

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

/** How `fitTable` may narrow a table. */
export interface TableFit {
  /** Columns left out when the table is too wide (say, dates that the source notes repeat). */
  optional?: readonly number[];
  /** Columns moved under their row as "heading: value" when the table is still too wide. */
  detail?: readonly number[];
  /** Columns only ever shown under their row, when not empty (extras most rows lack). */
  under?: readonly number[];
}

/**
 * `table` fitted to `width` columns: the whole table when it fits; else without the optional
 * columns; else with the detail columns on an indented line under each row ("native formats:
 * fp32 bf16"); else (a narrow terminal) one entry per row, its id then "heading value" pairs
 * wrapped under the first pair, a pair never split.
 */
export function fitTable(table: Table, t: Theme, width: number, fit: TableFit = {}): string {
  const widest = (text: string) => Math.max(...text.split('\n').map(displayWidth));
  const shown = (drop: Set<number>) => {
    const cols = table.head.map((_, c) => c).filter((c) => !drop.has(c));
    const pick = (r: string[]) => cols.map((c) => r[c] ?? '');
    const right = cols.flatMap((c, i) => ((table.right ?? []).includes(c) ? [i] : []));
    return { head: pick(table.head), rows: table.rows.map(pick), right };
  };
  const withUnder = (text: string, cols: readonly number[]) => {
    const lines = text.split('\n');
    const top = lines.length - table.rows.length;
    const under = (r: string[]) => cols.filter((c) => r[c]).map((c) => t.dim(wrap(`${table.head[c]}: ${r[c]}`, width, '      ', '        ')));
    return [...lines.slice(0, top), ...table.rows.flatMap((r, i) => [lines[top + i]!, ...under(r)])].join('\n');
  };
  const under = fit.under ?? [];
  const attempts = [new Set(under), new Set([...under, ...(fit.optional ?? [])])];
  for (const drop of attempts) {
    const text = renderTable({ ...table, ...shown(drop) }, t, width);
    if (widest(text) <= width) return withUnder(text, under);
  }
  const drop = new Set([...attempts[1]!, ...(fit.detail ?? [])]);
  const slim = renderTable({ ...table, ...shown(drop) }, t, width);
  if (fit.detail?.length && widest(slim) <= width) return withUnder(slim, [...fit.detail, ...under]);
  const entries = shown(new Set(fit.optional ?? []));
  const idWidth = Math.max(...entries.rows.map((r) => displayWidth(r[0] ?? '')));
  const entry = (r: string[]) => {
    // "memory 80 GB ·" on one line; a list cell ("$0.023 to 50 TB, $0.022 to 500 TB") keeps each item.
    const pairs = r.slice(1).flatMap((cell, i) => {
      // A fuller cell under the same heading later in the row replaces this one.
      if (!cell || r.some((other, j) => j > i + 1 && other && entries.head[j] === entries.head[i + 1])) return [];
      const [first, ...items] = cell.split(', ');
      return [keep(`${entries.head[i + 1]} ${first}`) + items.map((item) => `, ${keep(item)}`).join('')];
    });
    const text = pairs.map((p, i) => (i < pairs.length - 1 ? `${p}${keep(' ·')}` : p)).join(' ');
    const label = `  ${r[0] ?? ''}${' '.repeat(idWidth - displayWidth(r[0] ?? ''))}  `;
    // Ids too long to hang the pairs under go on a line of their own.
    return idWidth > width / 3 ? `  ${r[0]}\n${wrap(text, width, '      ')}` : wrap(text, width, label);
  };
  return [t.bold(wrap(table.title, width, '', '  ')), ...entries.rows.map(entry)].join('\n');
}
