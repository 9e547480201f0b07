/**
 * The review log in the FSRS optimizer's CSV schema, readable by the FSRS tools (fsrs-optimizer,
 * fsrs-rs's CSV reader, `@open-spaced-repetition/binding`'s convertCsvToFsrsItems):
 * `card_id,review_time,review_rating,review_state,review_duration`, one row per answer that
 * counted for the schedule (cram answers do not), in time order.
 *   card_id          a whole number derived from the question's stable id (the same on every export)
 *   review_time      when it was answered, milliseconds since the Unix epoch
 *   review_rating    1 Again, 2 Hard, 3 Good, 4 Easy
 *   review_state     the card's state before the answer: 0 New, 1 Learning, 2 Review, 3 Relearning
 *   review_duration  milliseconds from showing the question to the answer (0 when not recorded)
 * Pure.
 */
import { fnv1a } from '../hash.js';
import type { AnswerEvent, StoredCard } from '../progress/model.js';
import { review, type RatingValue, type Scheduling } from '../review/fsrs.js';

export const REVLOG_HEADER = 'card_id,review_time,review_rating,review_state,review_duration';

/** A positive integer below 2^52 for a question id (safe in JavaScript and in an i64). */
export function revlogCardId(questionId: string): number {
  return Number.parseInt(fnv1a(`card:${questionId}`).digest().slice(0, 13), 16) || 1;
}

export function revlogCsv(events: readonly { type: string }[], scheduling: number | Scheduling = 0.9): string {
  const answers = events
    .filter((e): e is AnswerEvent => e.type === 'answer' && !(e as AnswerEvent).cram)
    .map((e) => ({ e, t: Date.parse(e.at) }))
    .sort((a, b) => a.t - b.t);
  const cards = new Map<string, StoredCard>();
  const rows = [REVLOG_HEADER];
  for (const { e, t } of answers) {
    const before = cards.get(e.questionId);
    rows.push(`${revlogCardId(e.questionId)},${t},${e.rating},${before ? before.state : 0},${e.ms ?? 0}`);
    cards.set(e.questionId, review(before, e.rating as RatingValue, new Date(t), scheduling));
  }
  return `${rows.join('\n')}\n`;
}
