/** A question's right answer as plain text, for exports. Pure. */
import type { Question } from '../curriculum/schema.js';
import { describeNumeric } from '../quiz/grade.js';

export function answerText(q: Question): string {
  switch (q.type) {
    case 'single':
      return q.options[q.answer]!;
    case 'multi':
      return q.answers.map((i) => q.options[i]).join('; ');
    case 'truefalse':
      return q.answer ? 'True' : 'False';
    case 'numeric':
      return describeNumeric(q);
    case 'order':
      return q.items.map((x, i) => `${i + 1}. ${x}`).join('\n');
    case 'recall':
      return q.back;
  }
}

/** The options a learner sees (choice questions), or the items to order; empty otherwise. */
export function choicesOf(q: Question): string[] {
  if (q.type === 'single' || q.type === 'multi') return q.options;
  if (q.type === 'order') return [...q.items].sort();
  return [];
}
