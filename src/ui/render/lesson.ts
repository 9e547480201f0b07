/**
 * A topic's lesson as terminal text, in sections (the pager shows them one at a time). Pure.
 * Curriculum text is sanitised here, so nothing from a curriculum folder reaches the terminal raw.
 */
import { WORKED_DESIGN_FIELDS } from '../../curriculum/constants.js';
import type { Diagram, Module, Section, Topic, WorkedDesign } from '../../curriculum/schema.js';
import { sanitize, sanitizeLine } from '../../sanitize.js';
import { displayWidth } from '../../text-width.js';
import type { Theme } from '../theme.js';
import { wrap } from '../text.js';

export interface LessonSection {
  /** The heading ("Key points", "Diagram"…); the first section, the lesson's title and summary, has none. */
  heading?: string;
  /** The section as printed, heading included; no trailing newline. */
  text: string;
}

type Where = { topic: Topic; section: Section; module: Module };

/** Units a number is kept on one line with ("150 ms", "24 h", "6 MB/s", "40 million"). */
const UNIT = /(\d) (?=(?:ms|µs|ns|s|min|h|d|[KMGTP]i?B|[kKMGT]b|Gbit|bits?|%|x|×|USD|EUR|GPUs?|QPS|RPS|tokens?|FLOPs?|[kMGT]?W|GHz|k|M|B|T|thousand|million|billion|trillion)(?:\/s)?(?=[\s,.;:)]|$))/g;
const GLUE = '\u0000';

/** Sanitised `text` wrapped to `width`, never breaking a number from its unit. */
function flow(text: string, width: number, first = '', rest = first): string {
  return wrap(sanitize(text).replace(UNIT, `$1${GLUE}`), width, first, rest).replaceAll(GLUE, ' ');
}

/** The columns lessons are laid out in: the terminal's, at most 100, less one so no row overflows. */
export function lessonWidth(columns: number): number {
  return Math.max(40, Math.min(columns, 100) - 1);
}

/** The lesson in reading order: title and summary, key points, diagrams, worked designs, pitfalls, tips, references. */
export function lessonSections(where: Where, t: Theme, columns = 80): LessonSection[] {
  const { topic, section, module } = where;
  const width = lessonWidth(columns);
  const list = (items: string[]) => items.map((s) => flow(s, width, `  ${t.sym.bullet} `, '    ')).join('\n');
  const block = (heading: string, body: string): LessonSection => ({ heading, text: `${t.heading(heading)}\n${body}` });
  const out: LessonSection[] = [
    {
      text: [
        t.dim(wrap(`Module ${module.number} · ${sanitizeLine(section.title)}`, width)),
        t.bold(wrap(`${topic.number}. ${sanitizeLine(topic.title)}`, width)),
        '',
        flow(topic.summary, width),
      ].join('\n'),
    },
  ];
  if (topic.keyPoints.length) out.push(block('Key points', list(topic.keyPoints)));
  for (const d of topic.diagrams ?? []) out.push(block('Diagram', renderDiagram(d, t, width)));
  for (const w of topic.workedDesigns ?? []) out.push(block('Worked design', renderWorkedDesign(w, t, width)));
  if (topic.pitfalls.length) out.push(block('Pitfalls', list(topic.pitfalls)));
  if (topic.interviewTips.length) out.push(block('Interview tips', list(topic.interviewTips)));
  if (topic.references.length) out.push(block('References', list(topic.references.map((r) => `${r.title} — ${r.where}`))));
  return out;
}

/** The whole lesson, one blank line between sections. */
export function renderLesson(where: Where, t: Theme, columns = 80): string {
  return lessonSections(where, t, columns)
    .map((s) => s.text)
    .join('\n\n');
}

/** Tabs expanded to 8-column stops (validate refuses tabs; an unvalidated folder may still have them). */
function expandTabs(line: string): string {
  let out = '';
  for (const ch of line) out += ch === '\t' ? ' '.repeat(8 - (displayWidth(out) % 8)) : ch;
  return out;
}

/**
 * A diagram drawn as-is, never wrapped: indented two columns when that fits, flush left when only
 * that fits, and replaced by one line saying so when the terminal is narrower than the drawing.
 */
export function renderDiagram(d: Diagram, t: Theme, width: number): string {
  const lines = sanitize(d.art)
    .replace(/^\n+|\s+$/g, '')
    .split('\n')
    .map((l) => expandTabs(l).trimEnd());
  const artWidth = Math.max(...lines.map(displayWidth));
  const title = wrap(sanitizeLine(d.title), width, '  ', '  ');
  if (artWidth > width) return `${t.bold(title)}\n  ${t.dim(`(diagram ${artWidth} columns wide: widen the terminal to ${artWidth + 1}+)`)}`;
  const indent = artWidth + 2 <= width ? '  ' : '';
  return `${t.bold(title)}\n${lines.map((l) => (l ? `${indent}${l}` : '')).join('\n')}`;
}


/** A worked design: its title, then one labelled block per field, text wrapped under a hanging indent. */
export function renderWorkedDesign(w: WorkedDesign, t: Theme, width: number): string {
  const labelWidth = Math.max(...WORKED_DESIGN_FIELDS.map(([, l]) => l.length)) + 2;
  const hang = ' '.repeat(2 + labelWidth);
  const blocks = WORKED_DESIGN_FIELDS.map(([field, label]) => {
    const first = `  ${t.accent(label.padEnd(labelWidth))}`;
    if (field === 'tradeoffs') {
      return w.tradeoffs.map((x, i) => flow(x, width, `${i === 0 ? first : hang}${t.sym.bullet} `, `${hang}  `)).join('\n');
    }
    return flow(w[field], width, first, hang);
  });
  return [t.bold(wrap(sanitizeLine(w.title), width, '  ', '  ')), ...blocks].join('\n');
}
