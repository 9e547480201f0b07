/** `study interview --list` and `--history` as text. Pure. */
import type { CapstoneListing } from '../../interview/catalog.js';
import type { History, Trend } from '../../interview/history.js';
import { mmss } from '../../interview/timer.js';
import { sanitize, sanitizeLine } from '../../sanitize.js';
import { bar, contentWidth, displayWidth, fit, hang, keep, wrap } from '../text.js';
import type { Theme } from '../theme.js';

export function renderList(list: readonly CapstoneListing[], t: Theme, columns: number): string {
  const w = Math.max(40, Math.min(columns, 100) - 1);
  const out = [t.heading('Problems for mock interviews'), ''];
  // The id column fits the longest id; on a narrow terminal the title goes under its id instead.
  const idWidth = Math.max(...list.map((c) => displayWidth(c.id)), 2) + 2;
  const side = idWidth <= w / 2;
  const pad = ' '.repeat(side ? idWidth : 4);
  const groups = [
    { heading: 'Capstones', rows: list.filter((c) => c.source !== 'library') },
    { heading: 'Problem library', rows: list.filter((c) => c.source === 'library') },
  ].filter((g) => g.rows.length);
  for (const [gi, g] of groups.entries()) {
    if (gi > 0) out.push('');
    out.push(t.bold(g.heading));
    for (const c of g.rows) {
      const m45 = c.phases.reduce((n, p) => n + p.minutes45, 0);
      const m60 = c.phases.reduce((n, p) => n + p.minutes60, 0);
      if (side) out.push(hang(`${t.bold(c.id.padEnd(idWidth))}`, sanitizeLine(c.title), w));
      else out.push(t.bold(c.id), wrap(sanitizeLine(c.title), w, pad, pad));
      out.push(t.dim(wrap(`${c.phases.length} phases (${m45} min planned in the 45-minute format, ${m60} in the 60) · ${c.clarifyingQuestions} clarifying questions · ${c.checklist} checklist points · ${c.followUps} follow-ups`, w, pad, pad)));
    }
  }
  out.push('', t.dim(wrap(`Start one with: ${keep('study interview ID')}   (${keep('--minutes 45|60')}, ${keep('--practice')} for no clock); see one with: ${keep('study interview show ID')}`, w)));
  return `${out.join('\n')}\n`;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
const signed = (x: number, f: (v: number) => string) => (x > 0 ? `+${f(x)}` : x < 0 ? `−${f(-x)}` : '±0');

function trendLine(label: string, tr: Trend | null, f: (v: number) => string, t: Theme, delta: (v: number) => string = f): string | undefined {
  if (!tr) return undefined;
  const change = tr.change > 0 ? t.ok(signed(tr.change, delta)) : tr.change < 0 ? t.bad(signed(tr.change, delta)) : signed(0, delta);
  return `  ${label.padEnd(10)} first ${f(tr.first)} → latest ${f(tr.last)} (${change}) · average ${f(tr.average)}`;
}

export function renderHistory(h: History, t: Theme, columns: number): string {
  const w = Math.max(40, Math.min(columns, 100) - 1);
  if (h.interviews.length === 0) return `No mock interviews yet. Start one with: ${t.accent('study interview')}\n`;
  const out = [t.heading('Mock interviews'), ''];
  // The table may use the whole terminal: titles are cut only when even that is too narrow.
  const full = contentWidth(columns, Number.MAX_SAFE_INTEGER);
  const barWidth = full >= 100 ? 16 : 8;
  const stats = (r: History['interviews'][number]) => {
    const format = r.source === 'notes' ? 'notes' : `${r.minutes}${r.practice ? ' prac' : ' min'}`;
    const score = r.score === null ? '  –' : r.score.toFixed(1).padStart(3);
    const time = r.source === 'notes' ? '–' : mmss(r.usedSeconds);
    return `${format.padEnd(9)} ${pct(r.coverage).padStart(4)} ${t.accent(bar(r.coverage, barWidth))}  ${score}  ${String(r.hintsUsed).padStart(5)}  ${time.padStart(5)}`;
  };
  const statsHead = `${'format'.padEnd(9)} coverage${' '.repeat(barWidth - 3)} score  hints   time`;
  const fixed = 2 + 16 + 1 + 1 + displayWidth(statsHead);
  const longest = Math.max(...h.interviews.map((r) => displayWidth(sanitizeLine(r.title))), 'problem'.length);
  const titleWidth = Math.min(longest, full - fixed);
  if (titleWidth >= 24) {
    out.push(t.dim(`  ${'date'.padEnd(16)} ${'problem'.padEnd(titleWidth)} ${statsHead}`));
    for (const r of h.interviews) out.push(`  ${r.at.slice(0, 16).replace('T', ' ')} ${fit(sanitizeLine(r.title), titleWidth)} ${stats(r)}`);
  } else {
    // Narrow terminal: the title on its own line(s), the numbers under it.
    out.push(t.dim(`  ${'date'.padEnd(16)} problem`), t.dim(`    ${statsHead}`));
    for (const r of h.interviews) out.push(hang(`  ${r.at.slice(0, 16).replace('T', ' ')} `, sanitizeLine(r.title), w), `    ${stats(r)}`);
  }
  out.push('', t.bold('Trend'));
  // A change of coverage is in percentage points (34% → 5% is −29 pts, not −29%).
  for (const line of [trendLine('coverage', h.trend.coverage, pct, t, (x) => `${Math.round(x * 100)} pts`), trendLine('score', h.trend.score, (v) => v.toFixed(1), t)]) if (line) out.push(line);
  if (h.dimensions.length) {
    out.push('', t.bold('Rubric, weakest first (average of self-scores, 1-4)'));
    const dw = Math.min(30, Math.max(...h.dimensions.map((d) => displayWidth(sanitizeLine(d.title)))));
    for (const d of h.dimensions) out.push(`  ${fit(sanitizeLine(d.title), dw)} ${d.average.toFixed(1)}  ${t.dim(`latest ${d.last} · ${d.count} scored`)}`);
  }
  if (h.missedMost.length) {
    out.push('', t.bold('Checklist points you miss most'));
    for (const m of h.missedMost) out.push(wrap(`${sanitize(m.point)} ${t.dim(`(missed ${m.missed} of ${m.of})`)}`, w, `  ${t.bad(t.sym.bad)} `, '    '));
  }
  const last = h.interviews[h.interviews.length - 1]!;
  if (last.transcript) out.push('', t.dim(wrap(`Latest transcript: ${sanitizeLine(last.transcript)}`, w)));
  return `${out.join('\n')}\n`;
}
