/**
 * A light index of the curriculum: the tree with question ids, no text. Commands that only count
 * (progress, the dashboard) load this small cached view instead of the whole curriculum. Pure.
 */
import type { Curriculum } from './schema.js';

export interface IndexTopic {
  id: string;
  number: number;
  title: string;
  questionIds: string[];
}

export interface CurriculumIndex {
  modules: { id: string; number: number; title: string; sections: { id: string; title: string; topics: IndexTopic[] }[] }[];
}

export function curriculumIndex(c: Curriculum): CurriculumIndex {
  return {
    modules: c.modules.map((m) => ({
      id: m.id,
      number: m.number,
      title: m.title,
      sections: m.sections.map((s) => ({ id: s.id, title: s.title, topics: s.topics.map((t) => ({ id: t.id, number: t.number, title: t.title, questionIds: t.questions.map((q) => q.id) })) })),
    })),
  };
}

export function indexTopics(i: CurriculumIndex): IndexTopic[] {
  return i.modules.flatMap((m) => m.sections.flatMap((s) => s.topics));
}
