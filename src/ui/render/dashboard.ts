/** The home screen's dashboard and the `study progress` report. Pure: report and theme in, text out. */
import type { ProgressJson } from '../../progress/report.js';
import { whole } from '../../calc/units.js';
import { sanitizeLine } from '../../sanitize.js';
import type { Theme } from '../theme.js';
import { bar, contentWidth, fit, keep, plural, wrap } from '../text.js';

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
    const head = 'answered · right · mastery · last';
    out.push('', t.bold('Practised topics') + t.dim(`   ${head}`));
    for (const tr of practised) {
      const info = `${whole(tr.answered).padStart(5)} · ${pct(tr.accuracy).padStart(4)} · ${pct(tr.mastery).padStart(4)} · ${tr.lastPractised ? ago(tr.lastPractised, now) : '—'}`;
      out.push(`  ${fit(`${tr.number}. ${sanitizeLine(tr.title)}`, Math.max(12, width - info.length - 3))} ${info}`);
    }
  }
  if (r.weakest.length) {
    out.push('', t.bold('Weakest topics'));
    for (const w of r.weakest) {
      const label = `${sanitizeLine(w.title)} (${pct(w.accuracy)})`;
      const room = width - 2 - 1 - w.command.length;
      // Side by side when both fit; otherwise the command goes under the title, never cut.
      if (label.length <= room) out.push(`  ${fit(label, room)} ${t.accent(w.command)}`);
      else out.push(wrap(label, width, '  ', '  '), `    ${t.accent(w.command)}`);
    }
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

/** Measured retention beside the target, overall and per interval bucket (last 30 days). */
export function renderRetention(r: ProgressJson['retention'], t: Theme, width: number): string[] {
  if (r.reviews === 0) return [wrap(`Retention: target ${pct(r.target)}; measured — no reviews in the last 30 days yet (answers a day or more after the previous one count)`, width - 1)];
  const buckets = r.buckets.filter((b) => b.reviews > 0).map((b) => `${b.interval} ${pct(b.measured ?? 0)} (${b.reviews})`);
  return [wrap(`Retention: measured ${t.bold(pct(r.measured ?? 0))} of ${plural(r.reviews, 'review')} recalled, target ${pct(r.target)} · by interval: ${buckets.join(' · ')}`, width - 1, '', '  ')];
}
