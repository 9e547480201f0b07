/**
 * Per-question and per-topic statistics derived from the answer events. Pure.
 */
import type { Progress, AnswerEvent } from './model.js';

export interface QuestionStats {
  answered: number;
  correct: number;
  lastCorrect: boolean;
  lastAt: string;
}

export interface TopicStats {
  answered: number;
  correct: number;
  lastAt?: string;
}

export function answerEvents(p: Progress): AnswerEvent[] {
  return p.events.filter((e): e is AnswerEvent => e.type === 'answer');
}

/** Answers per question id (events are in time order, so the last one wins for `last*`). */
export function questionStats(p: Progress): Map<string, QuestionStats> {
  const out = new Map<string, QuestionStats>();
  for (const e of answerEvents(p)) {
    const s = out.get(e.questionId) ?? { answered: 0, correct: 0, lastCorrect: false, lastAt: e.at };
    s.answered++;
    if (e.correct) s.correct++;
    s.lastCorrect = e.correct;
    s.lastAt = e.at;
    out.set(e.questionId, s);
  }
  return out;
}

/** Answers per topic id. */
export function topicStats(p: Progress): Map<string, TopicStats> {
  const out = new Map<string, TopicStats>();
  for (const e of answerEvents(p)) {
    const s = out.get(e.topicId) ?? { answered: 0, correct: 0 };
    s.answered++;
    if (e.correct) s.correct++;
    s.lastAt = e.at;
    out.set(e.topicId, s);
  }
  return out;
}
