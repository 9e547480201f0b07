/**
 * Curriculum constants with no dependencies, so fast paths (the compiled-curriculum cache) can use
 * them without loading zod or yaml.
 */

/** The curriculum format this build reads. A file with a newer `format` is refused. */
export const CURRICULUM_FORMAT = 1;

/** The question types, in the order menus and summaries list them. */
export const QUESTION_TYPES = ['single', 'multi', 'truefalse', 'numeric', 'order', 'recall'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Files larger than this are refused before parsing (the bundled section files are far smaller). */
export const MAX_YAML_BYTES = 4 * 1024 * 1024;

/** A worked design's fields in the order a reader meets them, with their headings (the lesson and the Markdown export). */
export const WORKED_DESIGN_FIELDS = [
  ['problem', 'Problem'],
  ['framing', 'Framing'],
  ['data', 'Data'],
  ['model', 'Model'],
  ['serving', 'Serving'],
  ['monitoring', 'Monitoring'],
  ['tradeoffs', 'Trade-offs'],
  ['estimate', 'Estimate'],
] as const;
