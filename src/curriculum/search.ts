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

function score(fields: Field[], terms: string[]): { score: number; snippet: string } | null {
  let total = 0;
  let snippet = '';
  for (const term of terms) {
    let best = 0;
    for (const [text, weight] of fields) {
      const at = norm(text).indexOf(term);
      if (at < 0) continue;
      const wordStart = at === 0 || /\W/.test(text[at - 1]!);
      best = Math.max(best, weight * (wordStart ? 2 : 1));
      if (!snippet) snippet = around(text, at, term.length);
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
    for (let at = low.indexOf(term); at >= 0 && n < cap; at = low.indexOf(term, at + term.length)) n++;
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
    const tf: Field[] = [[t.title, 8], [t.id, 6], [t.summary, 3], ...t.keyPoints.map((k): Field => [k, 2]), ...t.pitfalls.map((k): Field => [k, 1]), ...t.interviewTips.map((k): Field => [k, 1])];
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
