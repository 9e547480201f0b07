/**
 * The one module that talks to ts-fsrs. Cards are stored as plain JSON (ISO dates); this adapter
 * converts them, applies a rating, and reads retrievability ("mastery"). Pure: `now` is passed in.
 */
import { createEmptyCard, fsrs, Rating, State, type Card, type FSRS, type Grade } from 'ts-fsrs';
import type { StoredCard } from '../progress/model.js';

export type RatingValue = 1 | 2 | 3 | 4;

/**
 * What a schedule depends on: the desired retention and, once `study review --optimize` has
 * fitted them, the user's own 21 FSRS parameters (absent: ts-fsrs's defaults). A bare number is
 * a retention with the default parameters.
 */
export interface Scheduling {
  retention: number;
  parameters?: readonly number[];
}

const schedulers = new Map<string, FSRS>();

/** A scheduler for a desired retention and parameters (fuzz off, so schedules are reproducible). */
function scheduler(s: number | Scheduling): FSRS {
  const { retention, parameters } = typeof s === 'number' ? { retention: s, parameters: undefined } : s;
  const key = parameters ? `${retention}:${parameters.join(',')}` : String(retention);
  let f = schedulers.get(key);
  if (!f) {
    f = fsrs({ request_retention: retention, enable_fuzz: false, ...(parameters ? { w: [...parameters] } : {}) });
    schedulers.set(key, f);
  }
  return f;
}

function toCard(s: StoredCard): Card {
  return { ...s, due: new Date(s.due), state: s.state as State, last_review: s.last_review ? new Date(s.last_review) : undefined };
}

function toStored(c: Card): StoredCard {
  const out: StoredCard = {
    due: c.due.toISOString(),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsed_days: c.elapsed_days,
    scheduled_days: c.scheduled_days,
    learning_steps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state,
  };
  if (c.last_review) out.last_review = c.last_review.toISOString();
  return out;
}

/** A card never reviewed, due now. */
export function newCard(now: Date): StoredCard {
  return toStored(createEmptyCard(now));
}

/**
 * The card after answering with `rating` at `now` (a missing card counts as new). An answer dated
 * before the card's last review (clocks that disagree, imports from a machine running ahead) counts
 * as given at that last review: elapsed time is clamped to 0, since ts-fsrs refuses negative time.
 */
export function review(card: StoredCard | undefined, rating: RatingValue, now: Date, retention: number | Scheduling = 0.9): StoredCard {
  const current = card ? toCard(card) : createEmptyCard(now);
  const last = current.last_review?.getTime();
  const at = last !== undefined && Number.isFinite(last) && last > now.getTime() ? new Date(last) : now;
  try {
    return toStored(scheduler(retention).next(current, at, rating as Grade).card);
  } catch {
    // A card ts-fsrs cannot step (damaged by hand, say): start it afresh rather than lose the answer.
    return toStored(scheduler(retention).next(createEmptyCard(now), now, rating as Grade).card);
  }
}

/** Replays ratings in time order from a new card: rebuilds a card from its history. */
export function replay(history: { rating: RatingValue; at: Date }[], retention: number | Scheduling = 0.9): StoredCard | undefined {
  let card: StoredCard | undefined;
  for (const h of history) card = review(card, h.rating, h.at, retention);
  return card;
}

/** Probability of recalling the card now, 0..1 (0 for a card never reviewed). */
export function retrievability(card: StoredCard | undefined, now: Date, retention: number | Scheduling = 0.9): number {
  if (!card || card.state === State.New) return 0;
  const r = scheduler(retention).get_retrievability(toCard(card), now, false);
  return Number.isFinite(r) ? Math.min(1, Math.max(0, r)) : 0;
}

/** Is the card due at `now`? */
export function isDue(card: StoredCard, now: Date): boolean {
  return new Date(card.due).getTime() <= now.getTime();
}

export const RATING = { again: Rating.Again as 1, hard: Rating.Hard as 2, good: Rating.Good as 3, easy: Rating.Easy as 4 } as const;
