/**
 * Completeness rules for `study validate --strict`: the bar each topic's lesson and question set
 * must reach. Pure: takes a curriculum, returns the shortfalls.
 */
import { QUESTION_TYPES } from './constants.js';
import type { Curriculum, Section, Topic } from './schema.js';

/** The thresholds, in one table so tests and the lint read the same numbers. */
export const COMPLETENESS = {
  keyPoints: 6,
  pitfalls: 2,
  interviewTips: 2,
  references: 1,
  questions: 8,
  questionTypes: 3,
  recall: 3,
  /** Every difficulty level (1, 2, 3) appears at least once. */
  difficulties: [1, 2, 3],
  /** Each section has at least this many numeric (estimation) questions. */
  numericPerSection: 1,
} as const;

export interface Shortfall {
  /** `topic` gaps name a topic id; `section` gaps a section id; `problem` gaps a library problem's id. */
  scope: 'topic' | 'section' | 'problem';
  id: string;
  file: string;
  gaps: string[];
}

/** Lists what each topic and section lacks; empty when the curriculum is complete. */
export function lintCompleteness(curriculum: Curriculum): Shortfall[] {
  const out: Shortfall[] = [];
  for (const mod of curriculum.modules) {
    for (const section of mod.sections) {
      for (const topic of section.topics) {
        const gaps = topicGaps(topic);
        if (gaps.length) out.push({ scope: 'topic', id: topic.id, file: section.file, gaps });
      }
      const gaps = sectionGaps(section);
      if (gaps.length) out.push({ scope: 'section', id: section.id, file: section.file, gaps });
    }
  }
  return out;
}

/** What one topic lacks against `COMPLETENESS`. */
export function topicGaps(topic: Topic): string[] {
  const c = COMPLETENESS;
  const gaps: string[] = [];
  const atLeast = (have: number, need: number, what: string) => {
    if (have < need) gaps.push(`${what}: ${have} of ${need}`);
  };
  atLeast(topic.keyPoints.length, c.keyPoints, 'keyPoints');
  atLeast(topic.pitfalls.length, c.pitfalls, 'pitfalls');
  atLeast(topic.interviewTips.length, c.interviewTips, 'interviewTips');
  atLeast(topic.references.length, c.references, 'references');
  atLeast(topic.questions.length, c.questions, 'questions');
  const types = new Set(topic.questions.map((q) => q.type));
  atLeast(types.size, c.questionTypes, 'question types');
  atLeast(topic.questions.filter((q) => q.type === 'recall').length, c.recall, 'recall cards');
  const levels = new Set<number>(topic.questions.map((q) => q.difficulty));
  const missing = c.difficulties.filter((d) => !levels.has(d));
  if (missing.length) gaps.push(`difficulty levels missing: ${missing.join(', ')}`);
  return gaps;
}

function sectionGaps(section: Section): string[] {
  const numeric = section.topics.flatMap((t) => t.questions).filter((q) => q.type === 'numeric').length;
  return numeric < COMPLETENESS.numericPerSection ? [`numeric questions: ${numeric} of ${COMPLETENESS.numericPerSection}`] : [];
}

/** Questions per type across a list of topics, every type present (0 when absent). */
export function countByType(topics: Topic[]): Record<(typeof QUESTION_TYPES)[number], number> {
  const counts = Object.fromEntries(QUESTION_TYPES.map((t) => [t, 0])) as Record<(typeof QUESTION_TYPES)[number], number>;
  for (const t of topics) for (const q of t.questions) counts[q.type]++;
  return counts;
}
