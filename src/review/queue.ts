/**
 * The review queue: due cards first — a mock interview's gap cards before the rest, each group most
 * overdue first — then new questions in outline order, up to a limit; and for cram, the weakest
 * known cards regardless of due date. Pure.
 */
import type { QuestionRef } from '../quiz/select.js';
import type { StoredCard } from '../progress/model.js';
import { isDue, retrievability, type Scheduling } from './fsrs.js';
import { GAP_PREFIX } from '../interview/cards.js';

export interface Queue {
  due: QuestionRef[];
  fresh: QuestionRef[];
  /** The earliest due date among cards not yet due (for "next card due in…"). */
  nextDue?: Date;
  /** All due cards, before the limit. */
  dueTotal: number;
}

/** Cards for questions no longer in the curriculum are ignored. */
export function buildQueue(refs: QuestionRef[], cards: Record<string, StoredCard>, now: Date, limit: number): Queue {
  const due: { ref: QuestionRef; at: number }[] = [];
  const fresh: QuestionRef[] = [];
  let nextDue: number | undefined;
  for (const ref of refs) {
    const card = cards[ref.question.id];
    if (!card) {
      fresh.push(ref);
      continue;
    }
    const at = new Date(card.due).getTime();
    if (isDue(card, now)) due.push({ ref, at });
    else if (nextDue === undefined || at < nextDue) nextDue = at;
  }
  // What the last interview showed you missed comes first: it is what the next interview asks.
  const gap = (r: QuestionRef) => (r.question.id.startsWith(GAP_PREFIX) ? 0 : 1);
  due.sort((a, b) => gap(a.ref) - gap(b.ref) || a.at - b.at);
  const dueRefs = due.slice(0, limit).map((d) => d.ref);
  return { due: dueRefs, fresh: fresh.slice(0, Math.max(0, limit - dueRefs.length)), nextDue: nextDue === undefined ? undefined : new Date(nextDue), dueTotal: due.length };
}

/** Cram: known cards, least likely to be recalled first. Nothing is scheduled by it. */
export function cramQueue(refs: QuestionRef[], cards: Record<string, StoredCard>, now: Date, limit: number, retention: number | Scheduling = 0.9): QuestionRef[] {
  return refs
    .filter((r) => cards[r.question.id])
    .map((r) => ({ r, p: retrievability(cards[r.question.id], now, retention) }))
    .sort((a, b) => a.p - b.p)
    .slice(0, limit)
    .map((x) => x.r);
}

/** Number of cards due at `now` among `refs`. */
export function dueCount(refs: QuestionRef[], cards: Record<string, StoredCard>, now: Date): number {
  return refs.filter((r) => {
    const c = cards[r.question.id];
    return c !== undefined && isDue(c, now);
  }).length;
}

/** "in 3 h", "in 2 d", "now". */
export function until(from: Date, to: Date): string {
  const s = (to.getTime() - from.getTime()) / 1000;
  if (s <= 0) return 'now';
  if (s < 3600) return `in ${Math.ceil(s / 60)} min`;
  if (s < 86_400) return `in ${Math.round(s / 3600)} h`;
  return `in ${Math.round(s / 86_400)} d`;
}
