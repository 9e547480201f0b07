/** The home screen's dashboard and the `study progress` report. Pure: report and theme in, text out. */
import type { ProgressJson } from '../../progress/report.js';
import type { Theme } from '../theme.js';
import { bar, plural, wrap } from '../text.js';

const pct = (f: number) => `${Math.round(f * 100)}%`;

/** Fits `s` into `n` columns, with an ellipsis when cut. */
export function fit(s: string, n: number): string {
  if (n <= 1) return s.slice(0, Math.max(0, n));
  return s.length <= n ? s.padEnd(n) : `${s.slice(0, n - 1)}…`;
}

/** "3 days ago", "today". */
export function ago(iso: string, now: Date): string {
  const days = Math.floor((now.getTime() - new Date(iso).getTime()) / 86_400_000);
  return days <= 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`;
}

/** One line per module with a bar of topics practised and the accuracy. */
export function renderModuleBars(r: ProgressJson, t: Theme, columns: number): string[] {
  const width = Math.max(50, Math.min(columns, 100));
  const barWidth = width >= 80 ? 12 : 8;
  // "M1 " + title + " " + bar + " " + "14/14 · 100%"
  const titleWidth = width - 3 - 1 - barWidth - 1 - 13;
  return r.modules.map((m) => {
    const done = m.topicsPractised / Math.max(1, m.topics);
    const stats = `${m.topicsPractised}/${m.topics}`.padStart(5) + (m.answered ? ` · ${pct(m.accuracy).padStart(4)}` : '       ');
    return `${t.bold(`M${m.number}`)} ${fit(m.title, titleWidth)} ${t.accent(bar(done, barWidth))} ${stats}`;
  });
}

export function renderDashboard(r: ProgressJson, t: Theme, now: Date, columns = 80): string {
  const width = Math.max(50, Math.min(columns, 100));
  const lines = [t.heading('study — ML system-design interview trainer'), '', t.dim('Topics practised and accuracy, per module'), ...renderModuleBars(r, t, columns), ''];
  const due = r.reviewsDue ? t.warn(`${r.reviewsDue} due`) : t.ok('none due');
  lines.push(`Reviews: ${due}   Streak: ${plural(r.streakDays, 'day')}   Answered: ${r.answered}${r.drills.count ? `   Drills: ${r.drills.count}` : ''}`);
  const iv = r.interviews.last;
  lines.push(iv ? `Last mock interview: ${iv.capstone}, ${pct(iv.coverage)} of the checklist covered (${ago(iv.at, now)})` : 'Mock interviews: none yet');
  lines.push('', wrap(`${t.bold('Next up:')} ${r.next.text}  ${t.accent(`${t.sym.arrow} ${r.next.command}`)}`, width - 1));
  return `${lines.join('\n')}\n`;
}

/** A 30-day activity strip: one column per day, height by answers. */
export function sparkline(counts: number[]): string {
  const levels = ' ▁▂▃▄▅▆▇█';
  const max = Math.max(...counts, 0);
  return counts.map((n) => (n === 0 ? '·' : levels[Math.max(1, Math.ceil((n / max) * 8))])).join('');
}

export function renderProgress(r: ProgressJson, t: Theme, now: Date, columns = 80): string {
  const width = Math.max(50, Math.min(columns, 100));
  const acc = r.answered ? pct(r.correct / r.answered) : '—';
  const out = [
    t.heading('Progress'),
    `Answered ${r.answered} (${acc} right) · reviews due ${r.reviewsDue} · streak ${plural(r.streakDays, 'day')}`,
    '',
    ...renderModuleBars(r, t, columns),
  ];
  const practised = r.modules.flatMap((m) => m.sections).filter((s) => s.answered > 0);
  if (practised.length) {
    out.push('', t.bold('Practised topics') + t.dim('   answered · right · mastery · last'));
    for (const [id, tr] of Object.entries(r.topics)) {
      if (tr.answered === 0) continue;
      const info = `${String(tr.answered).padStart(4)} · ${pct(tr.accuracy).padStart(4)} · ${pct(tr.mastery).padStart(4)} · ${tr.lastPractised ? ago(tr.lastPractised, now) : '—'}`;
      out.push(`  ${fit(id, Math.max(12, width - info.length - 4))}${info}`);
    }
  }
  if (r.weakest.length) {
    out.push('', t.bold('Weakest topics'));
    for (const w of r.weakest) out.push(`  ${fit(`${w.title} (${pct(w.accuracy)})`, Math.max(20, width - w.command.length - 6))} ${t.accent(w.command)}`);
  }
  out.push('', `${t.bold('Last 30 days')}  ${sparkline(r.activity.map((a) => a.answers))}  ${t.dim(`${r.activity.reduce((n, a) => n + a.answers, 0)} answers`)}`);
  out.push(...renderRetention(r.retention, t, width));
  const iv = r.interviews;
  out.push(iv.count ? `Mock interviews: ${iv.count}, average coverage ${pct(iv.averageCoverage)}${iv.last ? `, last ${iv.last.capstone} ${ago(iv.last.at, now)}` : ''}` : 'Mock interviews: none yet (study interview)');
  const d = r.drills;
  out.push(d.count ? `Estimation drills: ${d.count} — ${d.excellent} excellent, ${d.pass} pass, ${d.miss} missed` : 'Estimation drills: none yet (study drill)');
  out.push('', wrap(`${t.bold('Next up:')} ${r.next.text}  ${t.accent(`${t.sym.arrow} ${r.next.command}`)}`, width - 1));
  return `${out.join('\n')}\n`;
}

/** Measured retention beside the target, overall and per interval bucket (last 30 days). */
export function renderRetention(r: ProgressJson['retention'], t: Theme, width: number): string[] {
  if (r.reviews === 0) return [wrap(`Retention: target ${pct(r.target)}; measured — no reviews in the last 30 days yet (answers a day or more after the previous one count)`, width - 1)];
  const buckets = r.buckets.filter((b) => b.reviews > 0).map((b) => `${b.interval} ${pct(b.measured ?? 0)} (${b.reviews})`);
  return [wrap(`Retention: measured ${t.bold(pct(r.measured ?? 0))} of ${plural(r.reviews, 'review')} recalled, target ${pct(r.target)} · by interval: ${buckets.join(' · ')}`, width - 1, '', '  ')];
}
