/**
 * Item-quality rules for `study validate --strict` (curriculum/README.md, "Item rules"): how a
 * question, a diagram or a worked design is written, beyond what the schema can say. Pure: takes a
 * curriculum, returns one issue per violation with the data path of the offending field.
 */
import type { Curriculum, Diagram, NumericQuestion, Question, Topic, WorkedDesign } from './schema.js';
import type { DataPath } from './yaml.js';
import { unitInfo } from '../calc/units.js';
import { withinTolerance } from '../quiz/grade.js';
import { displayWidth } from '../text-width.js';

export interface ItemIssue {
  file: string;
  /** Path of the offending field inside `file` (for file:line:col). */
  path: DataPath;
  /** The 0-based line inside the field's text, when the problem is on one line of it. */
  textLine?: number;
  /** What it is about: a question id, or `<topic-id> diagram "title"`. */
  subject: string;
  /** The rule's short name, as in curriculum/README.md. */
  rule: string;
  message: string;
}

/** The numbers the rules use, in one table so the README, the tests and the lint agree. */
export const ITEM_RULES = {
  minOptions: 3,
  /** Largest relative tolerance for difficulty 1 and 2 items. */
  maxRelativeEasy: 0.1,
  /** Largest relative tolerance at any difficulty (beyond it, use `orders` and state the range). */
  maxRelative: 0.25,
  /** Rounded whole-number counts up to this size must reject their neighbours (answer ± 1). */
  exactCountsUpTo: 100,
  /** How far (relative) a stated bound may be from the computed end of an `orders` range. */
  boundSlack: 0.2,
  diagramColumns: 76,
  /** Fewest words in each worked-design field, and in each trade-off. */
  designWords: 15,
  tradeoffWords: 8,
} as const;

const ORD = '(?:first|second|third|fourth|fifth|sixth|last|top|bottom|middle)';
const NOUN = '(?:options?|choices?|answers?|items?|statements?|alternatives?)';
/** Phrases that point at an option by where it is shown, which shuffling changes. */
const POSITIONAL: RegExp[] = [
  new RegExp(`\\b${ORD}(?:\\s*(?:,|and|or)\\s*(?:the\\s+)?${ORD})*\\s+(?:(?:two|three)\\s+)?${NOUN}\\b`, 'i'),
  // "option A", "Options B and D", "answer 2", "item 3": capital letters only, so "answer a question"
  // passes, and items by number only ("item A" is often a name the prompt gave).
  /\b[OoCcAa](?:ptions?|hoices?|nswers?)\s+\(?(?:[A-H]|[1-8])\)?(?:\s*(?:,|and|or)\s*\(?(?:[A-H]|[1-8])\)?)*(?=[\s,.;:)!?]|$)/,
  /\b[Ii]tems?\s+[1-8](?:\s*(?:,|and|or)\s*[1-8])*(?=[\s,.;:)!?]|$)/,
  /\b(?:the|all of the|none of the)\s+above\b|\b(?:above|below)\s+(?:options?|choices?|answers?|items?)\b|\b(?:listed|shown)\s+(?:above|below)\b/i,
];

/** Prompt text that repeats what the answer widget already says. */
const WIDGET: RegExp[] = [
  /\b(?:choose|select|pick|mark|tick)\s+(?:all|each|every|any)\b/i,
  /\ball\s+that\s+apply\b/i,
  /\btrue\s*(?:or|\/)\s*false\b/i,
  /\b(?:choose|select|pick|tick)\s+(?:only\s+)?(?:one|two|three|four|the\s+(?:one|two|three|four))\b/i,
  /\b(?:choose|select|pick)\s+the\s+(?:correct|right|best)\s+(?:option|answer|choice)\b/i,
];

/** Hedges that make almost any statement true ("May 2025" is a date, and "can't" is not a hedge). */
const HEDGE = /\b(?:can|may|might|sometimes|often|usually|could)\b(?!['’]t)(?!\s+\d)/i;
const HEDGE_ALL = new RegExp(HEDGE.source, 'gi');

const SHUFFLED = new Set(['single', 'multi', 'order']);

/** Every item-rule violation in the curriculum, in file order. */
export function lintItems(curriculum: Curriculum): ItemIssue[] {
  const out: ItemIssue[] = [];
  for (const mod of curriculum.modules) {
    for (const section of mod.sections) {
      section.topics.forEach((topic, ti) => {
        const at = (path: DataPath, subject: string, v: Violation) =>
          out.push({ file: section.file, path: ['topics', ti, ...path], subject, rule: v.rule, message: v.message, ...(v.textLine !== undefined ? { textLine: v.textLine } : {}) });
        topic.questions.forEach((q, qi) => {
          for (const v of questionIssues(q)) at(['questions', qi, v.field], q.id, v);
        });
        (topic.diagrams ?? []).forEach((d, di) => {
          for (const v of diagramIssues(d)) at(['diagrams', di, v.field], `${topic.id} diagram "${d.title}"`, v);
        });
        (topic.workedDesigns ?? []).forEach((w, wi) => {
          for (const v of designIssues(w)) at(['workedDesigns', wi, v.field], `${topic.id} worked design "${w.title}"`, v);
        });
      });
    }
  }
  return out;
}

interface Violation {
  field: string | number;
  rule: string;
  message: string;
  /** The 0-based line inside the field's text the problem is on (a diagram's art). */
  textLine?: number;
}

/** The item rules for one question. */
export function questionIssues(q: Question): Violation[] {
  const out: Violation[] = [];
  const found = (re: RegExp[], s: string) => re.map((r) => r.exec(s)?.[0]).find(Boolean);
  if (SHUFFLED.has(q.type)) {
    const hit = found(POSITIONAL, q.explanation);
    if (hit) out.push({ field: 'explanation', rule: 'positional', message: `explanation says "${hit}", but options are shuffled when asked; name the option by its content` });
    const texts = q.type === 'order' ? q.items : q.type === 'single' || q.type === 'multi' ? q.options : [];
    texts.forEach((o, i) => {
      const inOption = found(POSITIONAL, o);
      if (inOption) out.push({ field: q.type === 'order' ? 'items' : 'options', rule: 'positional', message: `${q.type === 'order' ? 'item' : 'option'} ${i + 1} says "${inOption}", but they are shuffled when asked; say what it means` });
    });
  }
  const widget = found(WIDGET, q.prompt);
  if (widget) out.push({ field: 'prompt', rule: 'widget-text', message: `prompt says "${widget}"; the answer widget already says how to answer, so remove it` });
  if ((q.type === 'single' || q.type === 'multi') && q.options.length < ITEM_RULES.minOptions) {
    out.push({ field: 'options', rule: 'few-options', message: `has ${q.options.length} options; a ${q.type} question needs at least ${ITEM_RULES.minOptions} (or make it truefalse)` });
  }
  if (q.type === 'multi' && new Set(q.answers).size >= q.options.length) {
    out.push({ field: 'answers', rule: 'few-options', message: 'every option is right; add at least one plausible wrong option' });
  }
  if (q.type === 'truefalse' && q.answer === true) {
    const hedges = [...new Set((q.prompt.match(HEDGE_ALL) ?? []).map((h) => h.toLowerCase()))];
    if (hedges.length) out.push({ field: 'prompt', rule: 'hedged-true', message: `a true statement hedged with "${hedges.join('", "')}" is true of almost anything; state a concrete scenario that is true without the hedge` });
  }
  if (q.type === 'numeric') out.push(...numericIssues(q));
  return out;
}

/** Tolerances tight enough to reject the classic slip (curriculum/README.md, "Numeric tolerances"). */
export function numericIssues(q: NumericQuestion): Violation[] {
  const out: Violation[] = [];
  const r = ITEM_RULES;
  const tol = q.tolerance;
  if ('relative' in tol) {
    const pct = `±${Math.round(tol.relative * 1000) / 10} %`;
    if (q.difficulty < 3 && tol.relative > r.maxRelativeEasy) {
      out.push({ field: 'tolerance', rule: 'loose-tolerance', message: `accepts ${pct} on a difficulty-${q.difficulty} item; at most ±${r.maxRelativeEasy * 100} % below difficulty 3` });
    } else if (tol.relative > r.maxRelative) {
      out.push({ field: 'tolerance', rule: 'loose-tolerance', message: `accepts ${pct}; above ±${r.maxRelative * 100} % use {orders: …} and state the accepted range in the explanation` });
    }
  }
  if (isSmallCount(q)) {
    const slips = [q.answer - 1, q.answer + 1].filter((n) => withinTolerance(n, q.answer, tol));
    if (slips.length) {
      out.push({ field: 'tolerance', rule: 'accepts-slip', message: `the answer ${q.answer} is a count, but the tolerance also accepts ${slips.join(' and ')} (an off-by-one or unrounded slip); tighten it so only ${q.answer} passes` });
    }
  }
  const only = ONLY_ACCEPTED.map((re) => re.exec(q.explanation.replace(/\s+/g, ' '))).find(Boolean);
  if (only) {
    const n = Number(only[1]!.replace(/,/g, ''));
    const exact = 'absolute' in tol && tol.absolute === 0;
    if (n !== q.answer) {
      out.push({ field: 'explanation', rule: 'only-accepted', message: `explanation says "${only[0]}", but the answer is ${q.answer}` });
    } else if (!exact) {
      const [lo, hi] = acceptedRange(q.answer, tol);
      const fmt = (x: number) => Number(x.toPrecision(4)).toLocaleString('en-US');
      out.push({ field: 'tolerance', rule: 'only-accepted', message: `explanation says "${only[0]}", but the tolerance accepts ${fmt(lo)} to ${fmt(hi)}; use {absolute: 0} so only ${q.answer} passes` });
    }
  }
  if ('orders' in tol) {
    const lo = q.answer / 10 ** tol.orders;
    const hi = q.answer * 10 ** tol.orders;
    const nums = numbersIn(q.explanation);
    const stated = (bound: number) => nums.some((n) => nearBound(n, bound));
    if (!stated(lo) || !stated(hi)) {
      const fmt = (n: number) => Number(n.toPrecision(2)).toLocaleString('en-US');
      out.push({ field: 'explanation', rule: 'unstated-range', message: `tolerance {orders: ${tol.orders}} accepts ${fmt(lo)} to ${fmt(hi)}${q.unit ? ` ${q.unit}` : ''}; say so in the explanation (both ends, e.g. "anything from ${fmt(lo)} to ${fmt(hi)} is accepted")` });
    }
  }
  return out;
}

/** "only 3 is accepted", "Only 40 partitions are accepted", "accepts only 8": a claim that one value passes. */
const ONLY_ACCEPTED: RegExp[] = [
  /\bonly (\d[\d,]*(?:\.\d+)?)(?: [A-Za-z]+)? (?:is|are) accepted\b/i,
  /\baccepts only (\d[\d,]*(?:\.\d+)?)\b/i,
];

/** The values a tolerance accepts around `answer`, lowest first. */
function acceptedRange(answer: number, tol: NumericQuestion['tolerance']): [number, number] {
  const ends: [number, number] =
    'relative' in tol ? [answer * (1 - tol.relative), answer * (1 + tol.relative)] : 'orders' in tol ? [answer / 10 ** tol.orders, answer * 10 ** tol.orders] : [answer - tol.absolute, answer + tol.absolute];
  return ends[0] <= ends[1] ? ends : [ends[1], ends[0]];
}

/** Words saying the answer is a rounded whole number (so the unrounded neighbour is the slip). */
const ROUNDED = /\bround(?:ed|ing)?\b|\bwhole\b|\bminimum\b|\bmaximum\b|\bat (?:least|most|minimum)\b|\bsmallest\b|\blargest\b|\bceil(?:ing)?\b|\bfloor\b/i;

/**
 * A rounded whole number of things, 1 to 100 (partitions, GPUs, replicas…): no measuring unit, and
 * the prompt asks for a rounded number ("round up", "minimum number", "whole chunks").
 */
function isSmallCount(q: NumericQuestion): boolean {
  if (!Number.isInteger(q.answer) || q.answer < 1 || q.answer > ITEM_RULES.exactCountsUpTo) return false;
  if (!ROUNDED.test(q.prompt)) return false;
  if (unitInfo(q.unit).kind !== 'count') return false;
  // Plural nouns count things ("GPUs", "partitions"); "times", "bits", "points" and rates do not.
  return q.unit === undefined || (/^[A-Za-z]+s$/.test(q.unit) && !/^(?:times|bits|points|FLOPs)$/i.test(q.unit));
}

/**
 * Every number written in `text`: 3,200 · 0.32 · 1.5k · 7B · 2 million · 3e9 · 10^9. A letter
 * suffix must touch the number ("100 B" is bytes, not a billion); digits inside words ("p99") do not count.
 */
export function numbersIn(text: string): number[] {
  const out: number[] = [];
  const re = /(?<![\w.])(?:(\d+(?:\.\d+)?)\s*\^\s*(\d+)|((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:e[+-]?\d+)?)(?:(?:([kKMBT])|\s*(thousand|million|billion|trillion))(?![A-Za-z]))?)/g;
  const scale: Record<string, number> = { k: 1e3, K: 1e3, M: 1e6, B: 1e9, T: 1e12, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
  for (const m of text.matchAll(re)) {
    if (m[1] !== undefined) out.push(Number(m[1]) ** Number(m[2]));
    else if (m[3] !== undefined) out.push(Number(m[3].replace(/,/g, '')) * (scale[m[4] ?? m[5] ?? ''] ?? 1));
  }
  return out.filter(Number.isFinite);
}

/** Is `n` the bound, allowing rounding and a unit prefix step (0.32 TB for 320 GB)? */
function nearBound(n: number, bound: number): boolean {
  if (n <= 0 || bound <= 0) return false;
  for (let k = -5; k <= 5; k++) {
    const scaled = n * 1000 ** k;
    if (Math.abs(scaled - bound) <= ITEM_RULES.boundSlack * bound) return true;
  }
  return false;
}

/** Diagrams: drawn with box-drawing characters, at most 76 columns, no tabs, not blank. */
export function diagramIssues(d: Diagram): Violation[] {
  const out: Violation[] = [];
  const lines = d.art.replace(/\n+$/, '').split('\n');
  if (!lines.some((l) => l.trim())) return [{ field: 'art', rule: 'diagram', message: 'art is blank' }];
  const tab = lines.findIndex((l) => l.includes('\t'));
  if (tab >= 0) out.push({ field: 'art', rule: 'diagram', textLine: tab, message: `art line ${tab + 1} has a tab; use spaces (tabs render at different widths)` });
  lines.forEach((l, i) => {
    const w = displayWidth(l.trimEnd());
    if (w > ITEM_RULES.diagramColumns) out.push({ field: 'art', rule: 'diagram', textLine: i, message: `art line ${i + 1} is ${w} columns wide; at most ${ITEM_RULES.diagramColumns}` });
  });
  if (!/[\u2500-\u257f]/.test(d.art)) out.push({ field: 'art', rule: 'diagram', message: 'art has no box-drawing characters (─ │ ┌ ┐ └ ┘ ├ ┤ ┬ ┴ ┼); draw boxes and lines with them' });
  return out;
}

const DESIGN_FIELDS = ['problem', 'framing', 'data', 'model', 'serving', 'monitoring', 'estimate'] as const;
const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

/** Worked designs: every field says something, with the specifics the format asks for. */
export function designIssues(w: WorkedDesign): Violation[] {
  const out: Violation[] = [];
  const r = ITEM_RULES;
  const add = (field: string | number, message: string) => out.push({ field, rule: 'worked-design', message });
  for (const f of DESIGN_FIELDS) {
    const n = words(w[f]);
    if (n < r.designWords) add(f, `${f} has ${n} word${n === 1 ? '' : 's'}; write at least ${r.designWords}`);
  }
  w.tradeoffs.forEach((t, i) => {
    if (words(t) < r.tradeoffWords) add(`tradeoffs`, `trade-off ${i + 1} has ${words(t)} word${words(t) === 1 ? '' : 's'}; name both sides and when each wins (at least ${r.tradeoffWords} words)`);
  });
  if (new Set(w.tradeoffs.map((t) => t.trim().toLowerCase())).size < w.tradeoffs.length) add('tradeoffs', 'trade-offs repeat');
  if (!/\d/.test(w.problem)) add('problem', 'problem states no numbers (traffic, data size, latency or cost)');
  if (!/\boffline\b/i.test(w.framing) || !/\bonline\b/i.test(w.framing)) add('framing', 'framing must name the offline and the online metrics');
  if (!/\bbaseline\b/i.test(w.model)) add('model', 'model must name the baseline it is compared with');
  if (!/\d\s*(?:ms|s|milliseconds?|seconds?)\b/i.test(w.serving)) add('serving', 'serving must state a latency budget (e.g. "p99 under 200 ms")');
  if (numbersIn(w.estimate).length < 3 || !/[=≈×÷*/→]/.test(w.estimate)) add('estimate', 'estimate must be worked through: at least three numbers and the arithmetic (=, ≈, ×, ÷, /)');
  const seen = new Map<string, string>();
  for (const f of DESIGN_FIELDS) {
    const key = w[f].trim().toLowerCase();
    const prior = seen.get(key);
    if (prior) add(f, `${f} repeats ${prior} word for word`);
    else seen.set(key, f);
  }
  return out;
}

/** Whether a topic has at least one diagram (for the curriculum-wide count). */
export const hasDiagram = (t: Topic) => (t.diagrams ?? []).length > 0;
