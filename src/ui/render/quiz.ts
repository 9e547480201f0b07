/** Quiz text: question headers, feedback after an answer, and the end-of-quiz summary. Pure. */
import type { QuestionRef } from '../../quiz/select.js';
import type { Verdict } from '../../quiz/grade.js';
import type { Theme } from '../theme.js';
import { duration, plural, wrap } from '../text.js';

const TYPE_LABEL = { single: 'one answer', multi: 'several answers', truefalse: 'true or false', numeric: 'estimate', order: 'put in order', recall: 'flashcard' } as const;

export function renderQuestion(ref: QuestionRef, index: number, total: number, t: Theme, columns = 80): string {
  const width = Math.max(40, Math.min(columns, 100) - 1);
  const q = ref.question;
  const dots = '●'.repeat(q.difficulty) + '○'.repeat(3 - q.difficulty);
  const head = t.dim(`Question ${index + 1} of ${total} · ${ref.topic.title} · ${dots} · ${TYPE_LABEL[q.type]}`);
  return `\n${wrap(head, width)}\n${t.bold(wrap(q.prompt, width))}\n`;
}

export function renderFeedback(ref: QuestionRef, v: Verdict, t: Theme, columns = 80): string {
  const width = Math.max(40, Math.min(columns, 100) - 1);
  const q = ref.question;
  const lines: string[] = [];
  if (q.type === 'recall') {
    lines.push(t.dim(`Graded: ${v.given}`));
  } else if (v.correct) {
    lines.push(t.ok(`${t.sym.ok} Correct`) + (q.type === 'numeric' ? t.dim(` — answer ${v.expected}`) : ''));
  } else {
    lines.push(t.bad(`${t.sym.bad} Not quite.`));
    lines.push(wrap(`Answer: ${v.expected}`, width, '  ', '  '));
  }
  lines.push(t.dim(wrap(q.explanation, width, '  ', '  ')));
  return `${lines.join('\n')}\n`;
}

export interface AnsweredItem {
  ref: QuestionRef;
  verdict: Verdict;
}

export function renderSummary(items: AnsweredItem[], elapsedMs: number, t: Theme, opts: { cram?: boolean; columns?: number } = {}): string {
  const width = Math.max(40, Math.min(opts.columns ?? 80, 100) - 1);
  const right = items.filter((i) => i.verdict.correct).length;
  const pct = items.length ? Math.round((100 * right) / items.length) : 0;
  const lines = [
    '',
    t.heading('Summary'),
    `Score ${t.bold(`${right}/${items.length}`)} (${pct}%) in ${duration(elapsedMs)}${opts.cram ? t.dim(' · cram: schedule untouched') : ''}`,
  ];
  const byTopic = new Map<string, { title: string; right: number; total: number }>();
  for (const i of items) {
    const s = byTopic.get(i.ref.topic.id) ?? { title: i.ref.topic.title, right: 0, total: 0 };
    s.total++;
    if (i.verdict.correct) s.right++;
    byTopic.set(i.ref.topic.id, s);
  }
  if (byTopic.size > 1 || items.length > 0) {
    lines.push('', t.bold('By topic'));
    for (const [, s] of byTopic) lines.push(`  ${`${s.right}/${s.total}`.padStart(5)}  ${s.title}`);
  }
  const missed = items.filter((i) => !i.verdict.correct);
  if (missed.length) {
    lines.push('', t.bold(`Missed (${missed.length})`));
    for (const m of missed) lines.push(wrap(m.ref.question.prompt, width, `  ${t.sym.bad} `, '    '));
    const topics = [...new Set(missed.map((m) => m.ref.topic.id))];
    lines.push('', 'Revisit:');
    for (const id of topics) lines.push(`  ${t.accent(`study learn ${id}`)}   ${t.dim(`or  study quiz --topic ${id}`)}`);
  }
  lines.push('', t.dim(`${plural(items.length, 'answer')} saved.`));
  return `${lines.join('\n')}\n`;
}
