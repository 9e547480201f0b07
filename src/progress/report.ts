/** The numbers behind `study progress`: totals, per topic, due reviews. Pure. */
import type { Curriculum } from '../curriculum/schema.js';
import { allQuestions } from '../quiz/select.js';
import { dueCount } from '../review/queue.js';
import type { Progress } from './model.js';
import { answerEvents, topicStats } from './stats.js';

export interface ProgressJson {
  answered: number;
  correct: number;
  reviewsDue: number;
  topics: Record<string, { answered: number; correct: number }>;
}

/** The `study progress --json` document (shape relied on by scripts: extend, never change). */
export function progressJson(c: Curriculum, p: Progress, now: Date): ProgressJson {
  const answers = answerEvents(p);
  const topics: ProgressJson['topics'] = {};
  for (const [id, s] of topicStats(p)) topics[id] = { answered: s.answered, correct: s.correct };
  return {
    answered: answers.length,
    correct: answers.filter((a) => a.correct).length,
    reviewsDue: dueCount(allQuestions(c), p.cards, now),
    topics,
  };
}
