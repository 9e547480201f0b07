/** Debrief screens for the interviewer's probes and the level estimate. Pure. */
import type { ProbeResult } from '../../interview/debrief.js';
import type { LevelEstimate } from '../../interview/level.js';
import type { Grade, Status } from '../../interview/grade.js';
import { sanitizeLine } from '../../sanitize.js';
import type { Theme } from '../plain.js';
import { wrap } from '../text.js';
import { renderFollowUpAnswer } from './interview.js';

const widthOf = (columns: number) => Math.max(40, Math.min(columns, 100) - 1);
const MARK: Record<Status, string> = { explained: '✔', mentioned: '~', missed: '✘' };
const LEVEL_TEXT = { 'below-senior': 'below the senior bar', senior: 'senior', staff: 'staff' } as const;

/** Each probe asked in the round: the question, its targets graded on the answer, and the model answer. */
export function renderProbes(results: readonly ProbeResult[], t: Theme, columns: number, phases: readonly { id: string; title: string; kind?: string | null }[] = []): string {
  if (!results.length) return '';
  const w = widthOf(columns);
  const out = ['', t.heading('The interviewer’s probes, graded')];
  for (const [i, r] of results.entries()) {
    const ph = phases.find((p) => p.id === r.phase);
    const when = r.phase === 'deep-dive' || ph?.kind === 'deep-dive' ? 'as the deep-dive topic' : `before the wrap-up, in ${sanitizeLine(ph?.title ?? r.phase)}`;
    const n = r.points.length;
    out.push('', t.bold(wrap(`${i + 1}. ${sanitizeLine(r.followUp.question)}`, w, '', '   ')), t.dim(wrap(`asked ${when}; graded against ${n === 1 ? 'its target point' : `its ${n} target points`}:`, w, '   ', '   ')));
    for (const p of r.points) {
      const mark = p.status === 'explained' ? t.ok(MARK[p.status]) : p.status === 'mentioned' ? t.warn(MARK[p.status]) : t.bad(MARK[p.status]);
      out.push(wrap(`${mark} ${sanitizeLine(p.point)} — ${p.status}${p.evidence ? `: “${p.evidence}”` : ''}`, w, '   ', '     '));
    }
    out.push(renderFollowUpAnswer(r.followUp, r.answer, t, columns).trimEnd());
  }
  return `${out.join('\n')}\n`;
}

/** The level the notes show, with its reasons, beside the self-score. */
export function renderLevel(est: LevelEstimate, selfMean: number | undefined, t: Theme, columns: number): string {
  const w = widthOf(columns);
  const self = selfMean === undefined ? '' : ` · your self-score ${selfMean.toFixed(1)} of 4 (3 = the senior bar, 4 = staff)`;
  const head = est.level === 'below-senior' ? t.bad(LEVEL_TEXT[est.level]) : est.level === 'staff' ? t.ok(LEVEL_TEXT[est.level]) : t.accent(LEVEL_TEXT[est.level]);
  const out = ['', `${t.heading('Level shown by the notes:')} ${t.bold(head)}`, ...(self ? [t.dim(wrap(self.replace(/^ · /, ''), w, '  ', '  '))] : [])];
  const claimed = selfMean === undefined ? undefined : selfMean >= 3.5 ? 'staff' : selfMean >= 2.5 ? 'senior' : 'below-senior';
  if (claimed && claimed !== est.level) out.push(t.warn(wrap(`Your self-score reads as ${LEVEL_TEXT[claimed]}; the evidence in your notes reads as ${LEVEL_TEXT[est.level]}.`, w, '  ', '  ')));
  for (const r of est.reasons) out.push(wrap(`${t.sym.bullet} ${sanitizeLine(r)}`, w, '  ', '    '));
  return `${out.join('\n')}\n`;
}

/** How the design adapted to the mid-round change: the state of each point about adapting. */
export function renderChange(say: string, targets: readonly string[], g: Grade, t: Theme, columns: number): string {
  const w = widthOf(columns);
  const out = ['', t.heading('The mid-round change'), wrap(sanitizeLine(say), w, '  ', '  ')];
  for (const id of targets) {
    const p = g.points.find((x) => x.id === id);
    if (!p) continue;
    const mark = p.status === 'explained' ? t.ok(MARK[p.status]) : p.status === 'mentioned' ? t.warn(MARK[p.status]) : t.bad(MARK[p.status]);
    out.push(wrap(`${mark} ${sanitizeLine(p.point)} — ${p.status}${p.evidence ? `: “${p.evidence}”` : ''}`, w, '  ', '    '));
  }
  return `${out.join('\n')}\n`;
}
