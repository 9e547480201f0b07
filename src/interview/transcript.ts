/** The Markdown transcript of a finished interview: notes, hints, checklist, scores, follow-ups. Pure. */
import { pointLabels } from './label.js';
import type { Capstone } from './catalog.js';
import { hintsUsed, probeResults, sessionLevel } from './debrief.js';
import { hintSteps, stepText } from './probes.js';
import { withFlips, type Grade, type Status } from './grade.js';
import { workOnNext, workOnText } from './work-on.js';
import type { Session } from './session.js';
import { mmss } from './timer.js';

export interface TranscriptInput {
  session: Session;
  capstone: Capstone;
  grade: Grade;
  finishedAt: Date;
}

const secs = (ms: number) => mmss(Math.round(ms / 1000));
const pct = (share: number) => `${Math.round(share * 100)}%`;
const BOX: Record<Status, string> = { explained: '[x]', mentioned: '[~]', missed: '[ ]' };

/** Text inside a fence longer than any backtick run it contains, so notes can never break out. */
function fenced(lines: readonly string[]): string {
  const longest = Math.max(2, ...lines.map((l) => Math.max(0, ...(l.match(/`+/g) ?? []).map((m) => m.length))));
  const fence = '`'.repeat(longest + 1);
  return [`${fence}text`, ...lines, fence].join('\n');
}

/** One line safe inside a table cell. */
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderTranscript(x: TranscriptInput): string {
  const { session: s, capstone: c, grade: g } = x;
  const iv = c.interview;
  const user = withFlips(iv, g, s.flips ?? {});
  const flipped = user.points.filter((p) => p.flipped);
  const count = (st: Status) => g.points.filter((p) => p.status === st).length;
  const used = s.phases.reduce((n, p) => n + p.usedMs, 0);
  const planned = s.phases.reduce((n, p) => n + p.plannedMs, 0);
  const out: string[] = [
    `# Mock interview: ${c.title}`,
    '',
    `- Capstone: \`${c.topicId}\``,
    `- Started: ${s.startedAt} · finished: ${x.finishedAt.toISOString()}`,
    `- Format: ${s.minutes} minutes${s.practice ? ' (practice, no clock)' : ''}`,
    `- Time: ${secs(used)} used of ${secs(planned)} planned`,
    `- Score: ${pct(g.score)} (${count('explained')} explained, ${count('mentioned')} mentioned, ${count('missed')} missed of ${g.points.length} checklist points)${flipped.length ? ` · ${pct(user.score)} with your ${flipped.length} flip${flipped.length === 1 ? '' : 's'}` : ''} · hints used: ${hintsUsed(s)}`,
    '',
    '## Prompt',
    '',
    iv.prompt,
    '',
  ];
  if (s.asked?.length) {
    out.push('## Clarifying questions asked', '');
    for (const a of s.asked) {
      const q = iv.clarifyingQuestions.find((c) => c.id === a.matched);
      out.push(`- **${cell(a.text)}** ${q ? q.answer : 'Assume what is reasonable and say it.'}`);
    }
    out.push('');
  } else if (s.clarifying.length) {
    out.push('## Clarifying questions asked', '');
    for (const id of s.clarifying) {
      const q = iv.clarifyingQuestions.find((c) => c.id === id);
      if (q) out.push(`- **${q.question}** ${q.answer}`);
    }
    out.push('');
  }
  s.phases.forEach((rec, i) => {
    const phase = iv.phases.find((p) => p.id === rec.id);
    const points = user.points.filter((p) => p.phase === rec.id);
    const score = g.phases.find((p) => p.id === rec.id)?.score ?? 0;
    if (!phase) return;
    out.push(`## ${i + 1}. ${phase.title}`, '', `Time ${secs(rec.usedMs)} of ${secs(rec.plannedMs)} · score ${pct(score)} · hints ${rec.hintsShown}`, '');
    out.push('### Notes', '', rec.notes.length ? fenced(rec.notes) : '_(no notes)_', '');
    if (rec.hintsShown > 0) {
      out.push('### Hints used', '');
      for (const h of hintSteps(phase, rec.hintOrder).slice(0, rec.hintsShown)) out.push(`- ${stepText(h)}`);
      out.push('');
    }
    out.push('### Checklist', '');
    for (const p of points) {
      const state = p.flipped ?? p.status;
      const flip = p.flipped ? ` (flipped by you; the grader said ${p.status})` : '';
      const where = p.foundIn && p.foundIn !== rec.id ? ` (in ${iv.phases.find((ph) => ph.id === p.foundIn)?.title ?? p.foundIn})` : '';
      const why = iv.checklist.find((q) => q.id === p.id)?.why ?? '';
      out.push(p.evidence ? `- ${BOX[state]} ${p.point} — ${state}${flip}: “${cell(p.evidence)}”${where}` : `- ${BOX[state]} ${p.point} — ${state}${flip}; ${why}`);
    }
    out.push('');
  });
  out.push('## Rubric (self-scored)', '', '| Dimension | Score | Level |', '| --- | --- | --- |');
  for (const d of iv.rubric) {
    const score = s.rubric[d.id];
    out.push(`| ${cell(d.title)} | ${score ?? '–'} | ${score ? cell(d.levels[score - 1] ?? '') : ''} |`);
  }
  const next = workOnText(workOnNext(iv.rubric, s.rubric, user), (x: string) => `**${x}**`);
  if (next) out.push('', next);
  out.push('');
  const level = sessionLevel(s, c, g);
  out.push('## Level shown by the notes', '', `**${level.level}**`, '', ...level.reasons.map((r) => `- ${r}`), '');
  if (s.revealed?.length) out.push(`Capped at mentioned (first given away by a reveal hint): ${pointLabels(iv.checklist, s.revealed).join('; ')}`, '');
  const change = iv.midRoundChange;
  if (change && s.changed) {
    out.push('## The mid-round change', '', change.say, '');
    for (const id of change.targets) {
      const p = g.points.find((x) => x.id === id);
      if (p) out.push(`- ${BOX[p.status]} ${p.point} — ${p.status}${p.evidence ? `: “${cell(p.evidence)}”` : ''}`);
    }
    out.push('');
  }
  const probes = probeResults(s, c);
  if (probes.length) {
    out.push('## Probes during the round', '');
    for (const r of probes) {
      const q = r.followUp;
      const ph = iv.phases.find((p) => p.id === r.phase);
      out.push(`### ${q.question}`, '', `Asked ${ph?.kind === 'deep-dive' || r.phase === 'deep-dive' ? 'as the deep-dive topic' : `before the wrap-up, in ${ph?.title ?? r.phase}`}; graded against its target points:`, '');
      if (r.phase !== 'deep-dive') out.push('**Your answer**', '', r.answer.trim() ? fenced(r.answer.split('\n')) : '_(no answer)_', '');
      for (const p of r.points) out.push(`- ${BOX[p.status]} ${p.point} — ${p.status}${p.evidence ? `: “${cell(p.evidence)}”` : ''}`);
      out.push('', '**Model answer**', '', q.answer, '');
    }
  }
  out.push('## Key numbers', '', '| Quantity | Value | Derivation |', '| --- | --- | --- |');
  for (const k of iv.keyNumbers) out.push(`| ${cell(k.label)} | ${cell(k.value)} | ${cell(k.derivation)} |`);
  out.push('');
  return out.join('\n');
}

/** A file name for the transcript: `2025-06-01-1430-eta-pricing.md` (local date and time). */
export function transcriptName(startedAt: Date, c: Capstone): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const d = startedAt;
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}-${c.id}.md`;
}
