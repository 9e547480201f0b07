/** Quiz text: question headers, feedback after an answer, and the end-of-quiz summary. Pure. */
import type { QuestionRef } from '../../quiz/select.js';
import type { Response, Verdict } from '../../quiz/grade.js';
import { sanitize, sanitizeLine } from '../../sanitize.js';
import type { Theme } from '../theme.js';
import type { RatingValue } from '../../review/fsrs.js';
import { GRADE_NAMES, gradeLine, longInterval, type GradePreview } from '../../review/intervals.js';
import { contentWidth, duration, hang, keep, plural, wrap } from '../text.js';

const TYPE_LABEL = { single: 'one answer', multi: 'several answers', truefalse: 'true or false', numeric: 'estimate', order: 'put in order', recall: 'flashcard' } as const;

export function renderQuestion(ref: QuestionRef, index: number, total: number, t: Theme, columns = 80): string {
  const width = contentWidth(columns);
  const q = ref.question;
  const dots = '●'.repeat(q.difficulty) + '○'.repeat(3 - q.difficulty);
  const head = t.dim(wrap(`${keep(`Question ${index + 1} of ${total}`)} · ${sanitizeLine(ref.topic.title)} · ${keep(`${dots} · ${TYPE_LABEL[q.type]}`)}`, width, '', '  '));
  return `\n${head}\n${t.bold(wrap(sanitize(q.prompt), width))}\n`;
}

/** Each option of a multi question, in the order shown, marked right or wrong against what was picked. */
function multiMarks(options: readonly string[], answers: readonly number[], picked: readonly number[], t: Theme, width: number, shown?: readonly number[]): string[] {
  return (shown ?? options.map((_, i) => i)).map((i) => {
    const o = options[i] ?? '';
    const should = answers.includes(i);
    const did = picked.includes(i);
    const right = should === did;
    const why = did ? (should ? 'picked, right' : 'picked, but wrong') : should ? 'missed: it applies' : 'left out, right';
    const mark = right ? t.ok(t.sym.ok) : t.bad(t.sym.bad);
    return hang(`  ${mark} `, `${sanitize(o)} ${t.dim(`(${why})`)}`, width);
  });
}

/**
 * What the answer got right and wrong, the right answer and the explanation. `response` adds
 * per-option marks to a wrong multi answer, listed in the `shown` order (option indexes) if given.
 */
export function renderFeedback(ref: QuestionRef, v: Verdict, t: Theme, columns = 80, response?: Response, shown?: readonly number[]): string {
  const width = contentWidth(columns);
  const q = ref.question;
  const lines: string[] = [];
  if (q.type === 'recall') {
    lines.push(t.dim(`Graded: ${sanitizeLine(v.given)}`));
  } else if (v.correct) {
    lines.push(t.ok(`${t.sym.ok} Correct`) + (q.type === 'numeric' ? t.dim(` — answer ${sanitizeLine(v.expected)}`) : ''));
  } else if (q.type === 'multi' && response?.type === 'multi') {
    lines.push(t.bad(`${t.sym.bad} Not quite.`) + ' Option by option:');
    lines.push(...multiMarks(q.options, q.answers, response.choices, t, width, shown));
  } else {
    lines.push(t.bad(`${t.sym.bad} Not quite.`));
    lines.push(wrap(`Answer: ${sanitize(v.expected)}`, width, '  ', '  '));
  }
  lines.push(t.dim(wrap(sanitize(q.explanation), width, '  ', '  ')));
  return `${lines.join('\n')}\n`;
}

/**
 * After a review answer: what each grade would have scheduled (omitted for a recall card, whose
 * grades were shown before choosing) and when the card is due again under the grade given.
 */
export function renderScheduled(previews: readonly GradePreview[] | undefined, rating: RatingValue, due: Date, now: Date, t: Theme, columns = 80): string {
  const width = contentWidth(columns);
  const lines: string[] = [];
  if (previews) lines.push(t.dim(wrap(`Next review: ${gradeLine(previews)}`, width, '  ', '  ')));
  const when = due.toLocaleString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  lines.push(wrap(`Graded ${GRADE_NAMES[rating]}: due again in ${longInterval(due.getTime() - now.getTime())} (${when})`, width, '  ', '  '));
  return `${lines.join('\n')}\n`;
}

export interface AnsweredItem {
  ref: QuestionRef;
  verdict: Verdict;
}

export function renderSummary(items: AnsweredItem[], elapsedMs: number, t: Theme, opts: { cram?: boolean; columns?: number } = {}): string {
  const width = contentWidth(opts.columns ?? 80);
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
    for (const [, s] of byTopic) lines.push(hang(`  ${`${s.right}/${s.total}`.padStart(5)}  `, sanitizeLine(s.title), width));
  }
  const missed = items.filter((i) => !i.verdict.correct);
  if (missed.length) {
    lines.push('', t.bold(`Missed (${missed.length})`));
    for (const m of missed) lines.push(wrap(sanitize(m.ref.question.prompt), width, `  ${t.sym.bad} `, '    '));
    const topics = [...new Map(missed.map((m) => [m.ref.topic.id, m.ref.topic])).values()];
    lines.push('', 'Revisit:');
    for (const topic of topics) {
      lines.push(wrap(sanitizeLine(topic.title), width, '  ', '  '));
      lines.push(wrap(`${t.accent(keep(`study learn ${topic.id}`))} ${t.dim(keep(`or study quiz --topic ${topic.id}`))}`, width, '    ', '    '));
    }
  }
  lines.push('', t.dim(`${plural(items.length, 'answer')} saved.`));
  return `${lines.join('\n')}\n`;
}
