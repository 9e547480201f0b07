/**
 * Checks run before anything is written to the progress file, so study never writes what it
 * cannot read back: each new or replaced piece of the next state is encoded, decoded and validated
 * with the same schema the reader uses, and dates are kept in a sane window. And the stricter
 * checks an import must pass (no control characters, no dates from the future). Pure.
 */
import { firstControl } from '../sanitize.js';
import { CARD_ID, instant, Progress, ProgressEvent, StoredCard, type Progress as ProgressT, type ProgressEvent as EventT } from './model.js';

/** No event is older than this (study did not exist; a date this old is a broken clock). */
export const EARLIEST = Date.parse('2000-01-01T00:00:00Z');
/** Imported events may be at most this far ahead of now (clock skew between machines). */
export const MAX_AHEAD_MS = 24 * 3600 * 1000;
/** A hard ceiling for any new event, whatever the clock says. */
const LATEST = Date.parse('3000-01-01T00:00:00Z');

/** What the state looked like before a change: its events and cards by identity. */
export interface Before {
  events: ReadonlySet<EventT>;
  cards: ReadonlyMap<string, StoredCard>;
}

export function snapshot(p: ProgressT): Before {
  return { events: new Set(p.events), cards: new Map(Object.entries(p.cards)) };
}

type Issue = { path: PropertyKey[]; message: string };
const describe = (prefix: string, issues: readonly Issue[]) => {
  const i = issues[0]!;
  return `${[prefix, ...i.path.map(String)].filter(Boolean).join('.')}: ${i.message}`;
};
const roundTrip = (v: unknown): unknown => JSON.parse(JSON.stringify(v) ?? 'null');

/**
 * Why `next` must not be written, or undefined when it may. Events and cards that are the same
 * objects as before were validated when read; everything new or replaced is round-tripped through
 * JSON and checked with the reader's schema (that is exactly what the next read will do).
 */
export function changeProblem(before: Before, next: ProgressT): string | undefined {
  const top = Progress.safeParse(roundTrip({ ...next, events: [], cards: {} }));
  if (!top.success) return describe('', top.error.issues);
  for (const [i, e] of next.events.entries()) {
    if (before.events.has(e)) continue;
    const r = ProgressEvent.safeParse(roundTrip(e));
    if (!r.success) return describe(`events.${i}`, r.error.issues);
    const bad = dateProblem(r.data, { earliest: EARLIEST, latest: LATEST });
    if (bad) return `events.${i}: ${bad}`;
  }
  for (const [id, c] of Object.entries(next.cards)) {
    if (before.cards.get(id) === c) continue;
    if (!CARD_ID.test(id)) return `cards: "${id.slice(0, 40)}" is not a question or interview card id`;
    const r = StoredCard.safeParse(roundTrip(c));
    if (!r.success) return describe(`cards.${id}`, r.error.issues);
  }
  return undefined;
}

/** An event's dates outside [earliest, latest], described; undefined when they fit. */
export function dateProblem(e: EventT, w: { earliest: number; latest: number }): string | undefined {
  const dates = e.type === 'interview' ? [e.at, e.startedAt] : [e.at];
  for (const d of dates) {
    const t = instant(d);
    if (t < w.earliest) return `${d} is before ${new Date(w.earliest).toISOString().slice(0, 10)}`;
    if (t > w.latest) return `${d} is after ${new Date(w.latest).toISOString()}`;
  }
  return undefined;
}

/**
 * Why an imported progress record is refused, or undefined. Beyond the schema: no text with
 * control characters or escape sequences (it would reach the terminal), no event before 2000 or
 * more than a day after `now` (a broken clock; the replay would schedule around it).
 */
export function importProblem(p: ProgressT, now?: Date): string | undefined {
  const window = { earliest: EARLIEST, latest: now ? now.getTime() + MAX_AHEAD_MS : LATEST };
  for (const e of p.events) {
    const bad = dateProblem(e, window);
    if (bad) return `event ${e.id}: ${bad}; check the clock of the machine it came from`;
    const text = controlIn(e);
    if (text) return `event ${e.id}: ${text} contains control characters or escape sequences`;
  }
  return undefined;
}

/** The name of the first string field holding a control character, searched depth first. */
function controlIn(v: unknown, path = ''): string | undefined {
  if (typeof v === 'string') return firstControl(v) >= 0 ? path || 'a value' : undefined;
  if (Array.isArray(v)) {
    for (const [i, x] of v.entries()) {
      const hit = controlIn(x, `${path}[${i}]`);
      if (hit) return hit;
    }
  } else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      if (firstControl(k) >= 0) return `a key of ${path || 'the event'}`;
      const hit = controlIn(x, path ? `${path}.${k}` : k);
      if (hit) return hit;
    }
  }
  return undefined;
}
