/**
 * Which questions a quiz asks: filter by module, section, topic and type; then unseen and missed
 * questions first, then weak ones, then the rest (least recently practised first). Pure.
 */
import type { Curriculum, Module, Question, QuestionType, Section, Topic } from '../curriculum/schema.js';
import type { QuestionStats } from '../progress/stats.js';
import { shuffle, type Rng } from './rng.js';

export interface QuestionRef {
  question: Question;
  topic: Topic;
  section: Section;
  module: Module;
}

export interface QuizFilter {
  module?: number;
  section?: string;
  topic?: string;
  type?: QuestionType;
  /** One question by id (from `study search`). */
  question?: string;
}

/** Every question in outline order, with where it lives. */
export function allQuestions(c: Curriculum): QuestionRef[] {
  return c.modules.flatMap((module) =>
    module.sections.flatMap((section) => section.topics.flatMap((topic) => topic.questions.map((question) => ({ question, topic, section, module })))),
  );
}

/** Finds a topic by id or outline number (`dns` or `5`). */
export function findTopic(c: Curriculum, key: string): { topic: Topic; section: Section; module: Module } | undefined {
  const k = key.trim().toLowerCase();
  for (const module of c.modules)
    for (const section of module.sections)
      for (const topic of section.topics) if (topic.id === k || String(topic.number) === k) return { topic, section, module };
  return undefined;
}

export function filterQuestions(refs: QuestionRef[], f: QuizFilter): QuestionRef[] {
  return refs.filter(
    (r) =>
      (f.module === undefined || r.module.number === f.module) &&
      (f.section === undefined || r.section.id === f.section) &&
      (f.topic === undefined || r.topic.id === f.topic) &&
      (f.type === undefined || r.question.type === f.type) &&
      (f.question === undefined || r.question.id === f.question),
  );
}

/** Priority tier: 0 never answered or last answer wrong, 1 accuracy under 70 %, 2 the rest. */
function tier(s: QuestionStats | undefined): number {
  if (!s || !s.lastCorrect) return 0;
  return s.correct / s.answered < 0.7 ? 1 : 2;
}

/** Up to `count` questions: tier by tier, shuffled within a tier; the settled tier oldest first. */
export function pickQuestions(refs: QuestionRef[], stats: Map<string, QuestionStats>, count: number, rng: Rng): QuestionRef[] {
  const tiers: QuestionRef[][] = [[], [], []];
  for (const r of refs) tiers[tier(stats.get(r.question.id))]!.push(r);
  const settled = shuffle(tiers[2]!, rng).sort((a, b) => stats.get(a.question.id)!.lastAt.localeCompare(stats.get(b.question.id)!.lastAt));
  return [...shuffle(tiers[0]!, rng), ...shuffle(tiers[1]!, rng), ...settled].slice(0, count);
}
