/**
 * A topic named on the command line that does not exist: suggest the nearest ids (edit distance)
 * and the topics that `study search` finds for the word, so `study learn kafka` offers topic 14.
 * Pure but for the error it builds; loaded only when a topic was not found.
 */
import { UsageError } from '../errors.js';
import type { Curriculum, Topic } from '../curriculum/schema.js';
import { searchCurriculum } from '../curriculum/search.js';
import { findTopic } from '../quiz/select.js';
import { sanitizeLine } from '../sanitize.js';
import { closest } from './did-you-mean.js';

/** Topics that `key` may have meant, best first: near ids, then near titles, then search hits by topic. */
export function suggestTopics(c: Curriculum, key: string, limit = 3): Topic[] {
  const topics = c.modules.flatMap((m) => m.sections.flatMap((s) => s.topics));
  const byId = new Map(topics.map((t) => [t.id, t]));
  const out: Topic[] = [];
  const add = (t: Topic | undefined) => {
    if (t && !out.includes(t)) out.push(t);
  };
  for (const id of closest(key, topics.map((t) => t.id))) add(byId.get(id));
  // A word close to a word of a title ("kubernets" → "Container orchestration (Kubernetes)").
  for (const t of topics) {
    const words = t.title.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length >= 3);
    if (closest(key, words, 1).length || words.includes(key.toLowerCase())) add(t);
  }
  // Topics that search finds, in order of their best hit.
  for (const h of searchCurriculum(c, key, 50)) add(byId.get(h.topicId));
  return out.slice(0, limit);
}

/**
 * The error for an unknown topic: `flag` names the option it was given to (`--topic`; undefined for
 * an argument), `command` how to open a suggestion (`study learn`, `study quiz --topic`).
 */
export function unknownTopicError(c: Curriculum, key: string, flag: string | undefined, command: string): UsageError {
  const shown = sanitizeLine(key);
  // A number is an outline position: near ids by edit distance mean nothing there; give the range.
  if (/^[+-]?\d+([.,]\d*)?$/.test(key.trim())) {
    const numbers = c.modules.flatMap((m) => m.sections.flatMap((s) => s.topics.map((t) => t.number)));
    const range = numbers.length ? `${Math.min(...numbers)} to ${Math.max(...numbers)}` : 'none in this curriculum';
    return new UsageError(`${flag ? `${flag}: ` : ''}no topic number ${shown}; topics are numbered ${range} (see study topics), or give a topic id`);
  }
  const near = suggestTopics(c, key.trim());
  const hint = near.length
    ? `; did you mean ${near.map((t) => `${t.number}. ${sanitizeLine(t.title)} (${command} ${t.id})`).join(', or ')}?`
    : '; give a topic id or number (see study topics, or study search WORDS)';
  return new UsageError(`${flag ? `${flag}: ` : ''}no topic "${shown}"${hint}`);
}

/** Throws `unknownTopicError` unless `key` is a topic id or number. */
export function requireTopic(c: Curriculum, key: string, flag: string | undefined, command: string): void {
  if (!findTopic(c, key)) throw unknownTopicError(c, key, flag, command);
}
