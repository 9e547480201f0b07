/** The home screen's dashboard and the `study progress` report. Pure: report and theme in, text out. */
import type { ProgressJson } from '../../progress/report.js';
import { whole } from '../../calc/units.js';
import { sanitizeLine } from '../../sanitize.js';
import type { Theme } from '../theme.js';
import { bar, contentWidth, displayWidth, fit, keep, padTo, plural, wrap } from '../text.js';

export { fit };

/** Whole percentages and grouped counts, from the one number formatter (calc/units). */
const pct = (f: number) => `${Number.isFinite(f) ? Math.round(f * 100) : 0}%`;

/** A mock interview saved with "save and quit", shown with the command that resumes it. */
export interface PausedInterview {
  /** The capstone's title (or a neutral phrase when the saved file names none we know). */
  title: string;
  command: string;
}

/** "3 days ago", "today". */
export function ago(iso: string, now: Date): string {
  const days = Math.floor((now.getTime() - new Date(iso).getTime()) / 86_400_000);
  return days <= 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`;
}

/** One line per module with a bar of topics practised and the accuracy; titles shortened only when they do not fit. */
export function renderModuleBars(r: ProgressJson, t: Theme, columns: number): string[] {
  const width = contentWidth(columns);
  const barWidth = width >= 80 ? 12 : 8;
  // "M1 " + title + " " + bar + " " + "14/14 · 100%"
  const longest = Math.max(...r.modules.map((m) => sanitizeLine(m.title).length), 0);
  const titleWidth = Math.min(longest, width - 3 - 1 - barWidth - 1 - 12);
  return r.modules.map((m) => {
    const done = m.topicsPractised / Math.max(1, m.topics);
    const stats = `${m.topicsPractised}/${m.topics}`.padStart(5) + (m.answered ? ` · ${pct(m.accuracy).padStart(4)}` : '');
    return `${t.bold(`M${m.number}`)} ${fit(sanitizeLine(m.title), titleWidth)} ${t.accent(bar(done, barWidth))} ${stats}`.trimEnd();
  });
}

/** "Next up: … → study learn dns", the command never broken across lines. */
function nextUp(r: ProgressJson, t: Theme, width: number): string {
  return wrap(`${t.bold('Next up:')} ${sanitizeLine(r.next.text)} ${t.accent(keep(`${t.sym.arrow} ${r.next.command}`))}`, width);
}

export function renderDashboard(r: ProgressJson, t: Theme, now: Date, columns = 80, paused?: PausedInterview): string {
  const width = contentWidth(columns);
  const lines = [t.heading('study — ML system-design interview trainer'), '', t.dim('Topics practised and accuracy, per module'), ...renderModuleBars(r, t, columns), ''];
  const due = r.reviewsDue ? t.warn(`${r.reviewsDue} due`) : t.ok('none due');
  lines.push(wrap(`Reviews: ${due} · Streak: ${plural(r.streakDays, 'day')} · Answered: ${whole(r.answered)}${r.drills.count ? ` · Drills: ${whole(r.drills.count)}` : ''}`, width));
  const iv = r.interviews.last;
  if (paused) lines.push(wrap(`${t.warn('Paused mock interview:')} ${sanitizeLine(paused.title)}; resume with ${t.accent(keep(paused.command))}`, width));
  if (iv) lines.push(wrap(`Last mock interview: ${sanitizeLine(iv.title)}, ${pct(iv.coverage)} of the checklist covered (${ago(iv.at, now)})`, width));
  else if (!paused) lines.push('Mock interviews: none yet');
  lines.push('', nextUp(r, t, width));
  return `${lines.join('\n')}\n`;
}

/** A 30-day activity strip: one column per day, height by answers. */
export function sparkline(counts: number[]): string {
  const levels = ' ▁▂▃▄▅▆▇█';
  const max = Math.max(...counts, 0);
  return counts.map((n) => (n === 0 ? '·' : levels[Math.max(1, Math.ceil((n / max) * 8))])).join('');
}

export function renderProgress(r: ProgressJson, t: Theme, now: Date, columns = 80): string {
  const width = contentWidth(columns);
  const acc = r.answered ? pct(r.correct / r.answered) : '—';
  const out = [
    t.heading('Progress'),
    wrap(`Answered ${whole(r.answered)} (${acc} right) · reviews due ${whole(r.reviewsDue)} · streak ${plural(r.streakDays, 'day')}`, width),
    '',
    ...renderModuleBars(r, t, columns),
  ];
  const practised = Object.values(r.topics).filter((tr) => tr.answered > 0);
  if (practised.length) {
    const rows = practised.map((tr) => ({
      title: `${tr.number}. ${sanitizeLine(tr.title)}`,
      cells: [whole(tr.answered), pct(tr.accuracy), pct(tr.mastery), tr.lastPractised ? ago(tr.lastPractised, now) : '—'],
    }));
    out.push('', ...table(t.bold('Practised topics'), PRACTISED_COLUMNS, rows, t, width));
  }
  if (r.weakest.length) {
    out.push('', t.bold('Weakest topics'));
    out.push(...weakestRows(r.weakest, t, width));
  }
  out.push('', `${t.bold('Last 30 days')}  ${sparkline(r.activity.map((a) => a.answers))}  ${t.dim(`${r.activity.reduce((n, a) => n + a.answers, 0)} answers`)}`);
  out.push(...renderRetention(r.retention, t, width));
  const iv = r.interviews;
  out.push(
    wrap(
      iv.count ? `Mock interviews: ${iv.count}, average coverage ${pct(iv.averageCoverage)}${iv.last ? `, last ${sanitizeLine(iv.last.title)} ${ago(iv.last.at, now)}` : ''}` : 'Mock interviews: none yet (study interview)',
      width,
    ),
  );
  const d = r.drills;
  out.push(wrap(d.count ? `Estimation drills: ${d.count} — ${d.excellent} excellent, ${d.pass} pass, ${d.miss} missed` : 'Estimation drills: none yet (study drill)', width));
  out.push('', nextUp(r, t, width));
  return `${out.join('\n')}\n`;
}

/** A table column: its header and how its cells line up. */
interface Column {
  head: string;
  align: 'left' | 'right';
}

const PRACTISED_COLUMNS: Column[] = [
  { head: 'answered', align: 'right' },
  { head: 'right', align: 'right' },
  { head: 'mastery', align: 'right' },
  { head: 'last', align: 'left' },
];

const GAP = '  ';
/**
 * Side by side needs a title column this wide (a longer title continues under itself in it), or
 * room for every title whole; otherwise each title gets a line of its own, its numbers the next.
 */
const MIN_TITLE = 30;
const sideBySide = (titleWidth: number, longest: number) => titleWidth >= MIN_TITLE || (titleWidth >= 12 && titleWidth >= longest);

/**
 * Rows of a title and fixed columns: every column as wide as its widest cell (or header), numbers
 * right-aligned, so a shorter cell never shifts the others. Titles are padded to one width; when
 * that leaves too little room (a narrow terminal), each title gets its own line, its cells the next.
 */
export function table(heading: string, columns: Column[], rows: { title: string; cells: string[] }[], t: Theme, width: number): string[] {
  const widths = columns.map((c, i) => Math.max(displayWidth(c.head), ...rows.map((r) => displayWidth(r.cells[i] ?? ''))));
  const cells = (values: string[]) => values.map((v, i) => (columns[i]!.align === 'right' ? ' '.repeat(Math.max(0, widths[i]! - displayWidth(v))) + v : i === values.length - 1 ? v : padTo(v, widths[i]!))).join(GAP);
  const cellsWidth = widths.reduce((a, b) => a + b, 0) + GAP.length * (columns.length - 1);
  const longest = Math.max(...rows.map((r) => displayWidth(r.title)), displayWidth(heading) - 2);
  const titleWidth = Math.min(longest, width - 2 - GAP.length - cellsWidth);
  const header = t.dim(cells(columns.map((c) => c.head)));
  if (sideBySide(titleWidth, longest)) {
    const row = (r: { title: string; cells: string[] }) => {
      // A title wider than its column continues under itself in the column.
      const [first, ...rest] = wrap(r.title, 2 + titleWidth, '  ', '    ').split('\n');
      return [`${padTo(first!, 2 + titleWidth)}${GAP}${cells(r.cells)}`.trimEnd(), ...rest];
    };
    return [`${padTo(heading, 2 + titleWidth + GAP.length)}${header}`.trimEnd(), ...rows.flatMap(row)];
  }
  const under = '      ';
  return [heading, `${under}${header}`.trimEnd(), ...rows.flatMap((r) => [wrap(r.title, width, '  ', '    '), `${under}${cells(r.cells)}`.trimEnd()])];
}

/** "Title  40%  study learn x": titles padded, percentages right-aligned, commands whole at the left of their column. */
function weakestRows(weakest: ProgressJson['weakest'], t: Theme, width: number): string[] {
  const percents = weakest.map((w) => pct(w.accuracy));
  const pctWidth = Math.max(...percents.map((p) => p.length));
  const commandWidth = Math.max(...weakest.map((w) => displayWidth(w.command)));
  const longest = Math.max(...weakest.map((w) => displayWidth(sanitizeLine(w.title))));
  const titleWidth = Math.min(longest, width - 2 - GAP.length - pctWidth - GAP.length - commandWidth);
  return weakest.flatMap((w, i) => {
    const title = sanitizeLine(w.title);
    const percent = percents[i]!.padStart(pctWidth);
    // Side by side while the titles keep room (one shortened only if it must); otherwise the
    // command goes under its title, never cut.
    if (sideBySide(titleWidth, longest)) {
      // A title wider than its column continues under itself in the column.
      const [first, ...rest] = wrap(title, 2 + titleWidth, '  ', '    ').split('\n');
      return [`${padTo(first!, 2 + titleWidth)}${GAP}${percent}${GAP}${t.accent(w.command)}`, ...rest];
    }
    return [wrap(`${title} (${percents[i]})`, width, '  ', '    '), `    ${t.accent(w.command)}`];
  });
}

/** Measured retention beside the target, overall and per interval bucket (last 30 days). */
export function renderRetention(r: ProgressJson['retention'], t: Theme, width: number): string[] {
  if (r.reviews === 0) return [wrap(`Retention: target ${pct(r.target)}; measured — no reviews in the last 30 days yet (answers a day or more after the previous one count)`, width - 1, '', '  ')];
  const buckets = r.buckets.filter((b) => b.reviews > 0).map((b) => `${b.interval} ${pct(b.measured ?? 0)} (${b.reviews})`);
  return [wrap(`Retention: measured ${t.bold(pct(r.measured ?? 0))} of ${plural(r.reviews, 'review')} recalled, target ${pct(r.target)} · by interval: ${buckets.join(' · ')}`, width - 1, '', '  ')];
}
