/**
 * Finds topics and questions by words. Every term must appear somewhere in an item; matches in
 * titles weigh most, then key points and prompts, then the rest. Pure.
 */
import type { Curriculum, Question, Topic } from './schema.js';

export interface Hit {
  kind: 'topic' | 'question';
  id: string;
  topicId: string;
  title: string;
  /** Where the first term matched, trimmed around it. */
  snippet: string;
  score: number;
  command: string;
}

type Field = [text: string, weight: number];

const norm = (s: string) => s.toLowerCase();

function questionText(q: Question): string[] {
  switch (q.type) {
    case 'single':
    case 'multi':
      return q.options;
    case 'order':
      return q.items;
    case 'recall':
      return [q.back];
    default:
      return [];
  }
}

/** Does `term` start a word at `at` in `low` (the text lower-cased)? */
const startsWord = (low: string, at: number) => at === 0 || /\W/.test(low[at - 1]!);

/**
 * Where `term` matches in `text`: the first place it starts a word, else — for a term of 5 letters
 * or more — the first place inside a word ("rag" is not found in "storage", "cach" is in "caching").
 */
function find(text: string, term: string): { at: number; weight: number } | null {
  const low = norm(text);
  let best: { at: number; weight: number } | null = null;
  for (let at = low.indexOf(term); at >= 0; at = low.indexOf(term, at + 1)) {
    // A whole word ("ANN") counts most, a word's start ("annotators") next, the inside of one least.
    const start = startsWord(low, at);
    const whole = start && (at + term.length === low.length || /\W/.test(low[at + term.length]!));
    const weight = whole ? 3 : start ? 2 : term.length >= 5 ? 1 : 0;
    if (weight > (best?.weight ?? 0)) best = { at, weight };
    if (weight === 3) break;
  }
  return best;
}

function score(fields: Field[], terms: string[]): { score: number; snippet: string } | null {
  let total = 0;
  let snippet = '';
  for (const term of terms) {
    let best = 0;
    for (const [text, weight] of fields) {
      const m = find(text, term);
      if (!m) continue;
      best = Math.max(best, weight * m.weight);
      if (!snippet) snippet = around(text, m.at, term.length);
    }
    if (best === 0) return null;
    total += best;
  }
  return { score: total, snippet };
}

function around(text: string, at: number, len: number, width = 90): string {
  const start = Math.max(0, at - Math.floor((width - len) / 2));
  const s = text.slice(start, start + width).replace(/\s+/g, ' ');
  return `${start > 0 ? '…' : ''}${s}${start + width < text.length ? '…' : ''}`;
}

/** How often `term` occurs in `texts` (lower-cased), up to `cap`. */
function occurrences(texts: string[], term: string, cap: number): number {
  let n = 0;
  for (const text of texts) {
    const low = norm(text);
    for (let at = low.indexOf(term); at >= 0 && n < cap; at = low.indexOf(term, at + term.length)) if (startsWord(low, at)) n++;
    if (n >= cap) break;
  }
  return n;
}

/** Ranked hits for `query` (split on spaces), best first, at most `limit`. */
export function searchCurriculum(c: Curriculum, query: string, limit = 20): Hit[] {
  return rankCurriculum(c, query).slice(0, limit);
}

/**
 * Every hit for `query`, best first. A topic's lesson that keeps returning to the words ranks
 * above a question that mentions them once: up to 6 points per term for how often the lesson
 * (summary, key points, pitfalls, tips, its own questions' prompts) uses it.
 */
export function rankCurriculum(c: Curriculum, query: string): Hit[] {
  const terms = norm(query).split(/\s+/).filter(Boolean);
  if (terms.length === 0) return [];
  const hits: Hit[] = [];
  const topics: Topic[] = c.modules.flatMap((m) => m.sections.flatMap((s) => s.topics));
  for (const t of topics) {
    // The id last: it scores, but the snippet (the first match) comes from the text, not "rag-query-handling".
    const tf: Field[] = [[t.title, 8], [t.summary, 3], ...t.keyPoints.map((k): Field => [k, 2]), ...t.pitfalls.map((k): Field => [k, 1]), ...t.interviewTips.map((k): Field => [k, 1]), [t.id, 6]];
    const ts = score(tf, terms);
    if (ts) {
      const body = [t.summary, ...t.keyPoints, ...t.pitfalls, ...t.interviewTips, ...t.questions.map((q) => q.prompt)];
      const density = terms.reduce((n, term) => n + occurrences(body, term, 6), 0);
      hits.push({ kind: 'topic', id: t.id, topicId: t.id, title: `${t.number}. ${t.title}`, snippet: ts.snippet, score: ts.score + 1 + density, command: `study learn ${t.id}` });
    }
    for (const q of t.questions) {
      const qf: Field[] = [[q.prompt, 4], ...(q.tags ?? []).map((x): Field => [x, 3]), ...questionText(q).map((x): Field => [x, 1]), [q.explanation, 1]];
      const qs = score(qf, terms);
      if (qs) hits.push({ kind: 'question', id: q.id, topicId: t.id, title: q.prompt, snippet: qs.snippet, score: qs.score, command: `study quiz --question ${q.id}` });
    }
  }
  return hits.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}
