/**
 * Time order of events by the instant they name, not by their text (so `+14:00`, `Z` and `-12:00`
 * sort correctly). No dependencies: the summary, on the fast path, uses it. Pure.
 */

/** Milliseconds since the epoch of an ISO 8601 instant (offsets honoured: +14:00 sorts before Z). */
export function instant(iso: string): number {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? 0 : t;
}

/** Events in time order by the instant they name, not by their text; ties keep their order. */
export function sortByInstant<T extends { at: string }>(events: readonly T[]): T[] {
  return events
    .map((e, i) => ({ e, i, t: instant(e.at) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((x) => x.e);
}
