/** Counts per module, section and topic, for `study topics` and `study validate`. Pure. */
import { QUESTION_TYPES, type QuestionType } from './constants.js';
import type { Curriculum, Topic } from './schema.js';
import { countByType } from './lint.js';

export interface TopicSummary {
  id: string;
  title: string;
  keyPoints: number;
  questions: number;
  questionTypes: Record<QuestionType, number>;
  /** Recall questions. */
  flashcards: number;
  /** Outline number (an extension of the documented shape). */
  number: number;
}

export interface TopicsJson {
  modules: {
    id: string;
    number: number;
    title: string;
    sections: { id: string; title: string; topics: TopicSummary[] }[];
  }[];
}

export function summarizeTopic(t: Topic): TopicSummary {
  const questionTypes = countByType([t]);
  return { id: t.id, title: t.title, keyPoints: t.keyPoints.length, questions: t.questions.length, questionTypes, flashcards: questionTypes.recall, number: t.number };
}

/** The `study topics --json` document (shape relied on by scripts: extend, never change). */
export function topicsJson(c: Curriculum, moduleNumber?: number): TopicsJson {
  return {
    modules: c.modules
      .filter((m) => moduleNumber === undefined || m.number === moduleNumber)
      .map((m) => ({
        id: m.id,
        number: m.number,
        title: m.title,
        sections: m.sections.map((s) => ({ id: s.id, title: s.title, topics: s.topics.map(summarizeTopic) })),
      })),
  };
}

/** Totals for the validate summary. */
export function totals(c: Curriculum): { modules: number; sections: number; topics: number; questions: number; byType: Record<QuestionType, number> } {
  const sections = c.modules.flatMap((m) => m.sections);
  const topics = sections.flatMap((s) => s.topics);
  const byType = countByType(topics);
  const questions = QUESTION_TYPES.reduce((n, t) => n + byType[t], 0);
  return { modules: c.modules.length, sections: sections.length, topics: topics.length, questions, byType };
}
