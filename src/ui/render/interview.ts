/** Interview screens as text: the brief, clarifying answers, phase headers and the debrief. Pure. */
import type { Capstone } from '../../interview/catalog.js';
import { percent, type Coverage } from '../../interview/coverage.js';
import type { FollowUp, RubricDimension } from '../../interview/debrief.js';
import type { Session } from '../../interview/session.js';
import { mmss } from '../../interview/timer.js';
import { bar, plural, wrap } from '../text.js';
import { workOnText, type WorkOn } from '../../interview/work-on.js';
import { stripAnsi, type Theme } from '../plain.js';

const widthOf = (columns: number) => Math.max(40, Math.min(columns, 100) - 1);
const secs = (ms: number) => mmss(Math.round(ms / 1000));

/** The opening screen: title, format and the interviewer's prompt. */
export function renderBrief(c: Capstone, s: Session, t: Theme, columns: number): string {
  const w = widthOf(columns);
  const planned = s.phases.reduce((n, p) => n + p.plannedMs, 0);
  const plan = c.interview.phases.map((p) => `${p.title} ${s.minutes === 45 ? p.minutes45 : p.minutes60}m`).join(' · ');
  return [
    '',
    t.heading(wrap(`Mock interview: ${c.title}`, w)),
    t.dim(wrap(`${s.minutes}-minute format${s.practice ? ', practice (no clock)' : ''} · ${plural(c.interview.phases.length, 'phase')} · ${secs(planned)} planned: ${plan}`, w)),
    '',
    t.bold('The interviewer says:'),
    wrap(`“${c.interview.prompt.trim()}”`, w, '  ', '  '),
    '',
  ].join('\n');
}

/** The answers to the clarifying questions just asked. */
export function renderClarifications(qs: Capstone['interview']['clarifyingQuestions'], t: Theme, columns: number): string {
  const w = widthOf(columns);
  return `${qs.map((q) => `${wrap(q.question, w, `${t.accent('Q')} `, '  ')}\n${wrap(q.answer, w, `${t.ok('A')} `, '  ')}`).join('\n')}\n`;
}

/** The header of a phase: number, title, planned minutes and its guiding prompts. */
export function renderPhaseIntro(c: Capstone, s: Session, t: Theme, columns: number): string {
  const w = widthOf(columns);
  const phase = c.interview.phases[s.phaseIndex]!;
  const rec = s.phases[s.phaseIndex]!;
  const already = rec.usedMs > 0 ? ` · ${secs(rec.usedMs)} used` : '';
  const lines = [
    '',
    t.heading(`Phase ${s.phaseIndex + 1}/${s.phases.length} · ${phase.title}`) + t.dim(` · ${secs(rec.plannedMs)} planned${already}`),
    ...phase.prompts.map((p) => wrap(p, w, `  ${t.sym.bullet} `, '    ')),
  ];
  return `${lines.join('\n')}\n`;
}

/** "5:10 of 5:00, 0:10 over" / "3:40 of 5:00". */
function timeAgainstPlan(usedMs: number, plannedMs: number, t: Theme): string {
  const base = `${secs(usedMs)} of ${secs(plannedMs)}`;
  const over = Math.round(usedMs / 1000) - Math.round(plannedMs / 1000);
  return over > 0 ? `${base}, ${t.warn(`${mmss(over)} over`)}` : base;
}

/** The checklist per phase (covered points with the keyword that matched, missed ones with why), coverage and time. */
export function renderCoverage(c: Capstone, s: Session, cov: Coverage, t: Theme, columns: number): string {
  const w = widthOf(columns);
  const used = s.phases.reduce((n, p) => n + p.usedMs, 0);
  const planned = s.phases.reduce((n, p) => n + p.plannedMs, 0);
  const hints = s.phases.reduce((n, p) => n + p.hintsShown, 0);
  const out = [
    '',
    t.heading('Debrief'),
    `Coverage ${t.bold(`${cov.covered}/${cov.total}`)} (${percent(cov.share)}%) ${t.accent(bar(cov.share, 20))} · time ${timeAgainstPlan(used, planned, t)} · ${plural(hints, 'hint')}`,
  ];
  cov.phases.forEach((pc, i) => {
    const rec = s.phases.find((p) => p.id === pc.phaseId)!;
    out.push('', `${t.bold(`${i + 1}. ${pc.title}`)}  ${pc.covered}/${pc.total} (${percent(pc.total ? pc.covered / pc.total : 0)}%) · time ${timeAgainstPlan(rec.usedMs, rec.plannedMs, t)}${rec.hintsShown ? ` · ${plural(rec.hintsShown, 'hint')}` : ''}`);
    for (const r of pc.points) {
      if (r.covered) {
        const where = r.foundIn !== pc.phaseId ? `, in ${c.interview.phases.find((p) => p.id === r.foundIn)?.title ?? r.foundIn}` : '';
        out.push(wrap(`${r.point.point} ${t.dim(`(“${r.keyword}”${where})`)}`, w, `  ${t.ok(t.sym.ok)} `, '    '));
      } else {
        out.push(wrap(r.point.point, w, `  ${t.bad(t.sym.bad)} `, '    '));
        out.push(t.dim(wrap(`why: ${r.point.why}`, w, '    ', '    ')));
      }
    }
  });
  return `${out.join('\n')}\n`;
}

/** A rubric dimension with its four level descriptors, before the user scores it. */
export function renderDimension(d: RubricDimension, index: number, total: number, t: Theme, columns: number): string {
  const w = widthOf(columns);
  return `\n${t.bold(`${index + 1}/${total} ${d.title}`)}\n${d.levels.map((l, i) => wrap(l, w, `  ${i + 1} `, '    ')).join('\n')}\n`;
}

/** The user's answer beside the model answer: two columns when there is room, else one after the other. */
export function renderFollowUpAnswer(q: FollowUp, answer: string, t: Theme, columns: number): string {
  const w = widthOf(columns);
  const mine = answer.trim() || '(no answer)';
  if (w < 80) return `${t.bold('Your answer')}\n${wrap(mine, w, '  ', '  ')}\n${t.bold('Model answer')}\n${t.accent(wrap(q.answer.trim(), w, '  ', '  '))}\n`;
  const col = Math.floor((w - 3) / 2);
  const left = wrap(mine, col).split('\n');
  const right = wrap(q.answer.trim(), col).split('\n');
  const pad = (s: string) => s + ' '.repeat(Math.max(0, col - stripAnsi(s).length));
  const rows = [`${pad(t.bold('Your answer'))} │ ${t.bold('Model answer')}`];
  for (let i = 0; i < Math.max(left.length, right.length); i++) rows.push(`${pad(left[i] ?? '')} │ ${t.accent(right[i] ?? '')}`);
  return `${rows.join('\n')}\n`;
}

/** The closing lines: where things were saved and what to work on next. */
export function renderClosing(work: WorkOn, transcript: string, t: Theme, columns: number): string {
  const w = widthOf(columns);
  const lines = [''];
  const next = workOnText(work, t.bold);
  if (next) lines.push(wrap(next, w));
  lines.push(`Transcript: ${t.accent(transcript)}`, t.dim('Saved in your progress; see trends with: study interview --history'));
  return `${lines.join('\n')}\n`;
}
