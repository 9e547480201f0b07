/**
 * The curriculum format, version 1. These zod schemas are the single source of the
 * curriculum's TypeScript types; `curriculum/README.md` documents them field by field.
 * Pure: no I/O here.
 */
import { z } from 'zod';

import { CURRICULUM_FORMAT } from './constants.js';

export { CURRICULUM_FORMAT, QUESTION_TYPES, type QuestionType } from './constants.js';

/** Lower-case slug: letters, digits and single dashes (`load-balancing`). */
const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case slug like "load-balancing"');

/** Question ids are `<topicId>.<slug>`, so an id says which topic owns it. */
const questionId = z
  .string()
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'must be "<topic-id>.<slug>", e.g. "load-balancing.l4-vs-l7"',
  );

const text = z.string().trim().min(1, 'must not be empty');

const format = z
  .number()
  .int()
  .refine((n) => n <= CURRICULUM_FORMAT, {
    message: `is newer than this program reads (format ${CURRICULUM_FORMAT}); update study`,
  });

/** Fields every question has, whatever its type. */
const questionBase = {
  /** Stable id, `<topicId>.<slug>`; progress is keyed by it, so never reuse or rename lightly. */
  id: questionId,
  /** What the learner is asked. */
  prompt: text,
  /** Why the right answer is right and why each wrong option is wrong. Shown after answering. */
  explanation: text,
  /** 1 = recall a fact, 2 = apply it, 3 = reason about a trade-off or estimate. */
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  /** Free-form labels used for filtering and search. */
  tags: z.array(slug).optional(),
};

const options = z.array(text).min(2, 'needs at least 2 options').max(8, 'allows at most 8 options');

/** One right option out of several. `answer` is the 0-based index of the right option. */
export const SingleQuestion = z
  .object({ ...questionBase, type: z.literal('single'), options, answer: z.number().int().min(0) })
  .strict();

/** Several right options; all of them and only them must be chosen. `answers` are 0-based indexes. */
export const MultiQuestion = z
  .object({
    ...questionBase,
    type: z.literal('multi'),
    options,
    answers: z.array(z.number().int().min(0)).min(1, 'needs at least 1 right answer'),
  })
  .strict();

/** A statement judged true or false. */
export const TrueFalseQuestion = z
  .object({ ...questionBase, type: z.literal('truefalse'), answer: z.boolean() })
  .strict();

/**
 * How close a numeric answer must be: `relative: 0.1` accepts within ±10 % of the answer;
 * `orders: 0.5` accepts within a factor of 10^0.5 (≈3.2x) either way — for rough estimates;
 * `absolute: 0` accepts the answer exactly (a whole count: 3 GPUs, not 3.2), `absolute: 2` within ±2
 * in the question's unit.
 */
export const Tolerance = z.union([
  z.object({ relative: z.number().positive('must be > 0') }).strict(),
  z.object({ orders: z.number().positive('must be > 0') }).strict(),
  z.object({ absolute: z.number().min(0, 'must be ≥ 0').refine(Number.isFinite, 'must be a finite number') }).strict(),
]);

/**
 * A number, typically an estimate. `answer` is expressed in `unit`. When `unit` is a unit the
 * parser knows (bytes such as GB or GiB, time such as ms or h, or USD) a learner may answer in
 * any unit of the same kind ("2048 MiB" for 2 GiB); other units ("QPS", "GPUs") are plain counts.
 */
export const NumericQuestion = z
  .object({
    ...questionBase,
    type: z.literal('numeric'),
    answer: z.number().refine(Number.isFinite, 'must be a finite number'),
    unit: z.string().trim().max(24).optional(),
    tolerance: Tolerance,
  })
  .strict();

/** Put items in sequence. `items` are listed in their correct order; the quiz shuffles them. */
export const OrderQuestion = z
  .object({
    ...questionBase,
    type: z.literal('order'),
    items: z.array(text).min(3, 'needs at least 3 items').max(8, 'allows at most 8 items'),
  })
  .strict();

/** A flashcard: `prompt` is the front, `back` the answer; the learner grades themself. */
export const RecallQuestion = z
  .object({ ...questionBase, type: z.literal('recall'), back: text })
  .strict();

export const Question = z.discriminatedUnion('type', [
  SingleQuestion,
  MultiQuestion,
  TrueFalseQuestion,
  NumericQuestion,
  OrderQuestion,
  RecallQuestion,
]);


/** A book, paper or official documentation page. `where`: URL, or publisher and chapter. */
export const Reference = z.object({ title: text, where: text }).strict();

/**
 * A whiteboard drawing in box-drawing characters. `art` is a literal block (YAML `|`), at most
 * 76 columns per line (validate checks), rendered as-is under a "Diagram" heading.
 */
export const Diagram = z
  .object({
    title: text,
    // Not trimmed: the first line's indentation is part of the drawing.
    art: z.string().refine((s) => s.trim().length > 0, 'must not be empty'),
  })
  .strict();

/**
 * An end-to-end design worked through as an interviewer expects it: the problem with its
 * numbers, the framing (objective, labels, offline and online metrics), data and features, the
 * model and its baseline, serving and its latency budget, monitoring, the trade-offs an
 * interviewer pushes on, and the estimate worked step by step.
 */
export const WorkedDesign = z
  .object({
    title: text,
    problem: text,
    framing: text,
    data: text,
    model: text,
    serving: text,
    monitoring: text,
    tradeoffs: z.array(text).min(2, 'needs at least 2 trade-offs'),
    estimate: text,
  })
  .strict();

/** A clarifying question a candidate may ask, with the interviewer's answer (fixes the numbers). */
const Clarification = z.object({ id: slug, question: text, answer: text }).strict();

/**
 * A hint in three tiers, revealed one tier at a time: `nudge` is a question back, `direction` names
 * the area, `reveal` states the point. A point in `targets` first revealed by the `reveal` tier
 * counts at most `mentioned` (interview v2).
 */
export const TieredHint = z.object({ nudge: text, direction: text, reveal: text, targets: z.array(slug).min(1, 'names at least 1 checklist point') }).strict();

/** What a phase is for: exactly one `clarify` first, one `deep-dive`, one `wrap-up` last (interview v2). */
export const PHASE_KINDS = ['clarify', 'design', 'deep-dive', 'wrap-up'] as const;

/** One phase of a mock interview, with planned minutes for the 45- and 60-minute formats. */
const Phase = z
  .object({
    id: slug,
    title: text,
    /** Interview v2; `validate --strict` requires it. */
    kind: z.enum(PHASE_KINDS).optional(),
    minutes45: z.number().positive(),
    minutes60: z.number().positive(),
    /** What the interviewer expects the candidate to address in this phase. */
    prompts: z.array(text).min(1),
    /** Revealed one at a time on request; each use is recorded. Plain strings are single-tier (v1). */
    hints: z.array(z.union([text, TieredHint])).min(2, 'needs at least 2 hints'),
  })
  .strict();

/**
 * A point a strong answer covers, described by `facets`: the 2-3 ideas that must appear together
 * for the point to be made, each a list of synonyms, abbreviations and spellings (words or
 * phrases; stemmed, case- and accent-insensitive; a term in a vocabulary group also matches the
 * rest of its group). The first facet is the point's own idea: named alone it earns a mention.
 */
const ChecklistPoint = z
  .object({
    id: slug,
    /** The id of the phase this point belongs to. */
    phase: slug,
    point: text,
    /** One line on why it matters. */
    why: text,
    /** The ideas that must co-occur; `validate --strict` wants 2 or 3 of them. */
    facets: z.array(z.array(text).min(1, 'a facet needs at least 1 term')).min(1, 'needs at least 1 facet').max(4, 'allows at most 4 facets'),
    /** The rubric dimension id this point evidences (interview v2). */
    dimension: slug.optional(),
    /** `staff` points are staff behaviours: agenda, the decisions that matter, phased plan, second-order effects (v2). */
    level: z.enum(['senior', 'staff']).optional(),
    /** The curriculum topic a missed point's review card links to (default: the problem's first topic). */
    topic: slug.optional(),
  })
  .strict();

/** `targets`: the checklist points the follow-up probes; the answer is graded against them (v2). */
const FollowUp = z.object({ id: slug, question: text, answer: text, targets: z.array(slug).min(1, 'names at least 1 checklist point').optional() }).strict();

/** Said at the start of the deep dive; `targets` are checklist points about adapting the design. */
const MidRoundChange = z.object({ say: text, phase: slug, targets: z.array(slug).min(1) }).strict();

/** The design an interviewer would accept, with its trade-offs and where it comes from. */
const ReferenceDesign = z
  .object({
    summary: text,
    diagram: z.object({ title: text, art: text }).strict(),
    tradeoffs: z.array(text).min(1),
    sources: z.array(z.object({ title: text, where: text }).strict()).min(1),
  })
  .strict();

/** A number of the exercise worked out: what it is, its value, and how it was derived. */
const KeyNumber = z.object({ label: text, value: text, derivation: text }).strict();

/** A rubric dimension scored 1-4; `levels` describe 1 (weak) to 4 (very strong), in that order. */
const RubricDimension = z
  .object({
    id: slug,
    title: text,
    levels: z.array(text).length(4, 'needs exactly 4 levels (1 to 4)'),
    /**
     * Optional: the phases whose checklist coverage is evidence for this dimension. When two
     * dimensions get the same self-score, the one with less coverage there is named first in
     * "Work on next". Absent: every phase counts.
     */
    phases: z.array(slug).optional(),
    /** The senior and the staff bar in words (interview v2). */
    senior: text.optional(),
    staff: text.optional(),
  })
  .strict();

/** The mock-interview material of a capstone topic. */
export const Interview = z
  .object({
    /** The problem as an interviewer would say it. */
    prompt: text,
    clarifyingQuestions: z.array(Clarification).min(8, 'needs at least 8 clarifying questions'),
    phases: z.array(Phase).min(3, 'needs at least 3 phases'),
    checklist: z.array(ChecklistPoint).min(20, 'needs at least 20 checklist points'),
    followUps: z.array(FollowUp).min(8, 'needs at least 8 follow-up questions'),
    keyNumbers: z.array(KeyNumber).min(1),
    rubric: z.array(RubricDimension).min(4, 'needs at least 4 rubric dimensions'),
    /** Optional: one requirement changed at the start of the deep dive (v2). */
    midRoundChange: MidRoundChange.optional(),
    referenceDesign: ReferenceDesign.optional(),
  })
  .strict();

export const Topic = z
  .object({
    /** Stable slug, unique across the curriculum (`load-balancing`). */
    id: slug,
    /** The topic's number in the outline (1-61): `study learn 6` opens topic 6. */
    number: z.number().int().positive(),
    title: text,
    /** 2-4 sentences: what it is and why an ML system designer cares. */
    summary: text,
    /** Specific, checkable statements; numbers carry units and, where they change, an as-of year. */
    keyPoints: z.array(text),
    pitfalls: z.array(text),
    interviewTips: z.array(text),
    references: z.array(Reference),
    /** Architecture or flow drawings (optional). */
    diagrams: z.array(Diagram).optional(),
    /** End-to-end designs worked through (optional; Module 2 and 3 sections each have one). */
    workedDesigns: z.array(WorkedDesign).optional(),
    questions: z.array(Question),
    /** Capstone topics only: the mock-interview material. */
    interview: Interview.optional(),
  })
  .strict();

/** One section file: `curriculum/<NN-module>/<NN-section>.yaml`. */
export const SectionFile = z
  .object({
    format,
    /** Stable slug, unique across the curriculum (`networking`). */
    id: slug,
    title: text,
    topics: z.array(Topic),
  })
  .strict();

/** `curriculum/<NN-module>/module.yaml`. */
export const ModuleFile = z
  .object({
    format,
    /** Stable slug, unique across the curriculum (`foundations`). */
    id: slug,
    /** 1-based position; `study topics --module N` selects by it. */
    number: z.number().int().positive(),
    title: text,
    summary: text.optional(),
  })
  .strict();

/**
 * `curriculum/vocabulary.yaml`: the shared domain vocabulary for grading interview notes. Each
 * group lists terms that mean the same thing ("gbdt", "gradient-boosted trees", "xgboost"); a
 * checklist facet that names one term of a group matches all of them.
 */
export const VocabularyFile = z
  .object({
    format,
    /** Synonym groups, each at least two terms. */
    groups: z.array(z.array(text).min(2, 'a group needs at least 2 terms')),
  })
  .strict();

export type VocabularyFile = z.infer<typeof VocabularyFile>;

/**
 * `curriculum/problems/NN-<id>.yaml`: one mock-interview problem of the library (issue 16), with
 * the same interview block as a capstone and the topics to study first.
 */
export const ProblemFile = z
  .object({
    format,
    /** Unique across problems and capstone ids (`video-recommendation`). */
    id: slug,
    title: text,
    /** Existing topic ids to study first (≥ 2); a missed point's review card links to the first unless it names its own. */
    topics: z.array(slug).min(2, 'needs at least 2 topics to study first'),
    interview: Interview,
  })
  .strict();

export type ProblemFile = z.infer<typeof ProblemFile>;

/** A loaded library problem: its file's data plus where it came from. */
export interface LibraryProblem extends ProblemFile {
  file: string;
}
export type ChecklistPoint = z.infer<typeof ChecklistPoint>;
export type TieredHint = z.infer<typeof TieredHint>;

export type SingleQuestion = z.infer<typeof SingleQuestion>;
export type MultiQuestion = z.infer<typeof MultiQuestion>;
export type TrueFalseQuestion = z.infer<typeof TrueFalseQuestion>;
export type NumericQuestion = z.infer<typeof NumericQuestion>;
export type OrderQuestion = z.infer<typeof OrderQuestion>;
export type RecallQuestion = z.infer<typeof RecallQuestion>;
export type Question = z.infer<typeof Question>;
export type Tolerance = z.infer<typeof Tolerance>;
export type Reference = z.infer<typeof Reference>;
export type Diagram = z.infer<typeof Diagram>;
export type WorkedDesign = z.infer<typeof WorkedDesign>;
export type Interview = z.infer<typeof Interview>;
export type Topic = z.infer<typeof Topic>;
export type SectionFile = z.infer<typeof SectionFile>;
export type ModuleFile = z.infer<typeof ModuleFile>;

/** A loaded section: its file's data plus where it came from. */
export interface Section extends SectionFile {
  file: string;
  moduleId: string;
}

/** A loaded module with its sections in file-name order. */
export interface Module extends ModuleFile {
  dir: string;
  sections: Section[];
}

/** The whole curriculum, modules in `number` order. */
export interface Curriculum {
  format: number;
  modules: Module[];
  /** The synonym groups of `vocabulary.yaml` (empty when the folder has none). */
  vocabulary?: string[][];
  /** The mock-interview library, `problems/NN-<id>.yaml` in file order (absent when the folder has none). */
  problems?: LibraryProblem[];
}
