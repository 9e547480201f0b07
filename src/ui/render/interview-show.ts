/** `study interview show`: a problem's full material as text, and as JSON. Pure. */
import type { Capstone } from '../../interview/catalog.js';
import { hintSteps, stepText } from '../../interview/probes.js';
import { sanitizeLine } from '../../sanitize.js';
import type { Theme } from '../plain.js';
import { keep, wrap } from '../text.js';

const widthOf = (columns: number) => Math.max(40, Math.min(columns, 100) - 1);

/** The JSON shape: id, title, topic ids and the whole interview block (fields may be added). */
export function showJson(c: Capstone) {
  return { id: c.id, title: c.title, topicId: c.topicId, topics: c.topics, source: c.source, interview: c.interview };
}

/** `topicTitles` names the topics to study first (by id); an unknown id is shown as it is. */
export function renderShow(c: Capstone, t: Theme, columns: number, topicTitles: ReadonlyMap<string, string> = new Map()): string {
  const w = widthOf(columns);
  const iv = c.interview;
  const s = (x: string) => sanitizeLine(x);
  const para = (x: string, indent = '  ') => wrap(s(x), w, indent, indent);
  const out: string[] = [t.heading(wrap(s(c.title), w)), t.dim(wrap(`id ${c.id} · ${c.source === 'library' ? 'problem library' : `capstone topic ${c.topicId}`}`, w)), '', t.bold('Prompt'), para(iv.prompt), ''];
  const m45 = iv.phases.reduce((n, p) => n + p.minutes45, 0);
  const m60 = iv.phases.reduce((n, p) => n + p.minutes60, 0);
  out.push(t.bold(wrap(`Phases (design ${m45} of 45 min, ${m60} of 60; introductions 2/3 min and your questions 5 min come on top)`, w)));
  for (const p of iv.phases) {
    out.push(wrap(`${t.bold(s(p.title))} ${t.dim(`· ${p.id} · ${p.kind ?? 'phase'} · ${p.minutes45}/${p.minutes60} min`)}`, w, '  ', '    '));
    for (const q of p.prompts) out.push(wrap(s(q), w, `    ${t.sym.bullet} `, '      '));
    for (const h of hintSteps(p)) out.push(wrap(s(stepText(h)), w, '      hint: ', '        '));
  }
  out.push('', t.bold(`Clarifying questions (${iv.clarifyingQuestions.length})`));
  for (const q of iv.clarifyingQuestions) out.push(wrap(`${s(q.question)} — ${s(q.answer)}`, w, `  ${t.sym.bullet} `, '    '));
  out.push('', t.bold(`Checklist (${iv.checklist.length} points; ${iv.checklist.filter((p) => p.level === 'staff').length} staff)`));
  for (const p of iv.checklist) {
    out.push(wrap(`${s(p.point)}`, w, `  ${t.sym.bullet} `, '    '), t.dim(wrap(`${p.id} · ${p.phase} · ${p.dimension ?? '–'} · ${p.level ?? 'senior'} · facets: ${p.facets.map((f) => `{${f.map(s).join(' | ')}}`).join(' × ')}`, w, '    ', '    ')));
  }
  out.push('', t.bold(`Follow-ups (${iv.followUps.length})`));
  for (const f of iv.followUps) out.push(wrap(s(f.question), w, `  ${t.sym.bullet} `, '    '), t.dim(wrap(`targets: ${(f.targets ?? []).join(', ') || '–'}`, w, '    ', '      ')), para(f.answer, '    '));
  if (iv.midRoundChange) out.push('', t.bold('Mid-round change (at the deep dive)'), para(iv.midRoundChange.say), t.dim(wrap(`targets: ${iv.midRoundChange.targets.join(', ')}`, w, '  ', '    ')));
  out.push('', t.bold('Rubric'));
  for (const d of iv.rubric) {
    out.push(wrap(`${t.bold(s(d.title))} ${t.dim(d.id)}`, w, '  ', '    '));
    d.levels.forEach((l, i) => out.push(wrap(`${i + 1}: ${s(l)}`, w, '    ', '       ')));
    if (d.senior) out.push(wrap(`senior bar: ${s(d.senior)}`, w, '    ', '      '));
    if (d.staff) out.push(wrap(`staff bar: ${s(d.staff)}`, w, '    ', '      '));
  }
  out.push('', t.bold('Key numbers'));
  for (const k of iv.keyNumbers) out.push(wrap(`${s(k.label)}: ${s(k.value)} — ${s(k.derivation)}`, w, `  ${t.sym.bullet} `, '    '));
  out.push('', t.bold('Study first'), ...c.topics.map((id) => wrap(topicTitles.has(id) ? `${s(topicTitles.get(id)!)} ${t.dim(`(${keep(`study learn ${id}`)})`)}` : id, w, `  ${t.sym.bullet} `, '    ')), '');
  return out.join('\n');
}
