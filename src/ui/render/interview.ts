/** Interview screens as text: the brief, clarifying answers, phase headers and the debrief. Pure. */
import type { Capstone } from '../../interview/catalog.js';
import type { FollowUp, RubricDimension } from '../../interview/debrief.js';
import { withFlips, type Flips, type Grade, type Status } from '../../interview/grade.js';
import { sanitizeLine } from '../../sanitize.js';
import type { Session } from '../../interview/session.js';
import { mmss } from '../../interview/timer.js';
import { bar, displayWidth, keep, plural, wrap } from '../text.js';
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
    t.dim(wrap(`${s.minutes}-minute format${s.practice ? ', practice (no clock)' : ''} · ${plural(c.interview.phases.length, 'phase')} · ${secs(planned)} of design: ${plan}${s.frame ? ` · plus introductions ${secs(s.frame.intro.plannedMs)} and your questions ${secs(s.frame.questions.plannedMs)}` : ''}`, w)),
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
export function renderPhaseIntro(c: Capstone, s: Session, t: Theme, columns: number, oneTopic = false): string {
  const w = widthOf(columns);
  const phase = c.interview.phases[s.phaseIndex]!;
  const rec = s.phases[s.phaseIndex]!;
  const already = rec.usedMs > 0 ? ` · ${secs(rec.usedMs)} used` : '';
  const lines = [
    '',
    wrap(t.heading(`Phase ${s.phaseIndex + 1}/${s.phases.length} · ${sanitizeLine(phase.title)}`) + t.dim(` · ${secs(rec.plannedMs)} planned${already}`), w, '', '  '),
    // The deep dive asks one topic, chosen by the interviewer from the notes so far.
    ...(oneTopic ? [] : phase.prompts.map((p) => wrap(p, w, `  ${t.sym.bullet} `, '    '))),
  ];
  return `${lines.join('\n')}\n`;
}

/** "5:10 of 5:00, 0:10 over" / "3:40 of 5:00". */
function timeAgainstPlan(usedMs: number, plannedMs: number, t: Theme): string {
  const base = `${secs(usedMs)} of ${secs(plannedMs)}`;
  const over = Math.round(usedMs / 1000) - Math.round(plannedMs / 1000);
  return over > 0 ? `${base}, ${t.warn(`${mmss(over)} over`)}` : base;
}

/** 0..1 as a whole percentage. */
export const percent = (share: number) => Math.round(share * 100);

/** What the grade screen shows: the grade, the user's flips, and optional time per phase. */
export interface GradeScreen {
  capstone: Capstone;
  grade: Grade;
  flips?: Flips;
  /** Heading line ("Debrief", "Grade of notes.md"). */
  title: string;
  /** Extra facts after the score line (time, hints). */
  summary?: string;
  /** Extra facts after each phase's score, by phase id. */
  phaseFacts?: ReadonlyMap<string, string>;
}

const STATE_WORD: Record<Status, string> = { explained: 'explained', mentioned: 'mentioned only', missed: 'missed' };

/** "8 explained, 6 mentioned, 10 missed". */
export function stateCounts(points: readonly { status: Status }[]): string {
  const n = (s: Status) => points.filter((p) => p.status === s).length;
  return `${n('explained')} explained, ${n('mentioned')} mentioned, ${n('missed')} missed`;
}

/**
 * Every checklist point per phase with its state and the evidence line that earned it (or why
 * it matters, when missed); the score as the grader sees it and, after flips, as the user does.
 */
export function renderGrade(x: GradeScreen, t: Theme, columns: number): string {
  const w = widthOf(columns);
  const { capstone: c, grade: g } = x;
  const view = withFlips(c.interview, g, x.flips ?? {});
  const flipped = view.points.some((p) => p.flipped);
  const score = `${t.bold(`${percent(g.score)}%`)}${flipped ? ` by the grader, ${t.bold(`${percent(view.score)}%`)} with your flips` : ''}`;
  const out = ['', t.heading(wrap(x.title, w)), wrap(`Score ${score} ${t.accent(bar(flipped ? view.score : g.score, 20))} · ${stateCounts(g.points)}${x.summary ? ` · ${x.summary}` : ''}`, w)];
  if (g.empty) out.push(t.warn('The notes have no text, so every point is missed.'));
  const userPhase = new Map(view.phases.map((p) => [p.id, p.score]));
  c.interview.phases.forEach((phase, i) => {
    const points = view.points.filter((p) => p.phase === phase.id);
    if (!points.length) return;
    const ps = g.phases.find((p) => p.id === phase.id)?.score ?? 0;
    const up = userPhase.get(phase.id) ?? ps;
    const facts = x.phaseFacts?.get(phase.id);
    out.push('', wrap(`${t.bold(`${i + 1}. ${sanitizeLine(phase.title)}`)} · ${percent(ps)}%${up !== ps ? ` (yours ${percent(up)}%)` : ''}${facts ? ` · ${facts}` : ''}`, w, '', '   '));
    for (const p of points) {
      const state = p.flipped ?? p.status;
      const mark = state === 'explained' ? t.ok(t.sym.ok) : state === 'mentioned' ? t.warn('~') : t.bad(t.sym.bad);
      const flip = p.flipped ? t.warn(` (you: ${STATE_WORD[p.flipped]}; grader: ${STATE_WORD[p.status]})`) : state === 'mentioned' ? t.dim(' (mentioned only)') : '';
      out.push(wrap(`${sanitizeLine(p.point)}${flip}`, w, `  ${mark} `, '    '));
      if (p.evidence) {
        const where = p.foundIn && p.foundIn !== p.phase ? ` (in ${sanitizeLine(c.interview.phases.find((ph) => ph.id === p.foundIn)?.title ?? p.foundIn)})` : '';
        out.push(t.dim(wrap(`“${p.evidence}”${where}`, w, '      ', '      ')));
      } else {
        const why = c.interview.checklist.find((q) => q.id === p.id)?.why;
        if (why) out.push(t.dim(wrap(`why: ${sanitizeLine(why)}`, w, '      ', '      ')));
      }
    }
  });
  return `${out.join('\n')}\n`;
}

/** The live debrief: the grade with time against plan and hints, overall and per phase. */
export function renderDebrief(c: Capstone, s: Session, g: Grade, t: Theme, columns: number): string {
  const used = s.phases.reduce((n, p) => n + p.usedMs, 0);
  const planned = s.phases.reduce((n, p) => n + p.plannedMs, 0);
  const hints = s.phases.reduce((n, p) => n + p.hintsShown, 0);
  const phaseFacts = new Map(s.phases.map((rec) => [rec.id, `time ${timeAgainstPlan(rec.usedMs, rec.plannedMs, t)}${rec.hintsShown ? ` · ${plural(rec.hintsShown, 'hint')}` : ''}`]));
  return renderGrade({ capstone: c, grade: g, flips: s.flips, title: 'Debrief', summary: `time ${timeAgainstPlan(used, planned, t)} · ${plural(hints, 'hint')}`, phaseFacts }, t, columns);
}

/** A rubric dimension with its four level descriptors, before the user scores it. */
export function renderDimension(d: RubricDimension, index: number, total: number, t: Theme, columns: number): string {
  const w = widthOf(columns);
  const bars = [d.senior ? wrap(`senior bar: ${d.senior}`, w, '  ', '    ') : '', d.staff ? wrap(`staff bar: ${d.staff}`, w, '  ', '    ') : ''].filter(Boolean).map((b) => t.dim(b));
  return `\n${t.bold(`${index + 1}/${total} ${d.title}`)}\n${d.levels.map((l, i) => wrap(l, w, `  ${i + 1} `, '    ')).join('\n')}\n${bars.length ? `${bars.join('\n')}\n` : ''}`;
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
  // A path is never split: when it does not fit the line, the file name and its folder go on lines of their own.
  const cut = transcript.lastIndexOf('/');
  if (displayWidth(`Transcript: ${transcript}`) <= w || cut < 0) lines.push(`Transcript: ${t.accent(transcript)}`);
  else lines.push(`Transcript: ${t.accent(transcript.slice(cut + 1))}`, `  in ${t.accent(transcript.slice(0, cut + 1))}`);
  lines.push(t.dim(wrap(`Saved in your progress; see trends with: ${keep('study interview --history')}`, w)));
  return `${lines.join('\n')}\n`;
}
