/**
 * Fitting FSRS parameters to the user's own review history, and measuring how well a parameter
 * set predicts that history, with fsrs-rs (through `@open-spaced-repetition/binding`, passed in so
 * the core stays free of native code and tests can substitute parts). Metrics are FSRS's own:
 * log loss and RMSE over bins, from fsrs-rs's `evaluate`, on the same items for both sets.
 */
import { default_w } from 'ts-fsrs';

/** The binding's surface this module uses (see node_modules/@open-spaced-repetition/binding/dist/index.d.ts). */
export interface OptimizerBinding {
  FSRSBindingReview: new (rating: number, deltaT: number) => unknown;
  FSRSBindingItem: new (reviews: unknown[]) => unknown;
  FSRSBinding: new (parameters?: number[]) => { evaluate(items: unknown[]): { logLoss: number; rmseBins: number } };
  computeParameters(items: unknown[], options: { enableShortTerm: boolean; progress?: (current: number, total: number) => boolean | undefined | void }): Promise<number[]>;
}

/** Fewer reviews than this give parameters no better than the defaults (FSRS's own guidance). */
export const MIN_REVIEWS = 1000;

/** One answer as the optimizer sees it: the question, the FSRS rating, when. */
export interface ReviewRecord {
  card: string;
  rating: 1 | 2 | 3 | 4;
  at: string;
}

export interface Metrics {
  logLoss: number;
  rmse: number;
}

export interface OptimizeResult {
  reviews: number;
  parameters: number[];
  before: Metrics;
  after: Metrics;
  /** Both metrics are lower with the fitted parameters. */
  better: boolean;
}

export const DEFAULT_PARAMETERS: readonly number[] = default_w;

/**
 * Per card, its reviews as (rating, days since the previous review), in time order; `dayOf` maps
 * an instant to the user's local day number (FSRS counts elapsed time in days).
 */
export function reviewSequences(records: readonly ReviewRecord[], dayOf: (iso: string) => number): { rating: number; deltaT: number }[][] {
  const byCard = new Map<string, ReviewRecord[]>();
  for (const r of records) {
    const list = byCard.get(r.card);
    if (list) list.push(r);
    else byCard.set(r.card, [r]);
  }
  const out: { rating: number; deltaT: number }[][] = [];
  for (const list of byCard.values()) {
    list.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    let prev: number | undefined;
    out.push(
      list.map((r) => {
        const day = dayOf(r.at);
        const deltaT = prev === undefined ? 0 : Math.max(0, day - prev);
        prev = day;
        return { rating: r.rating, deltaT };
      }),
    );
  }
  return out;
}

/** fsrs-rs items: one per review after a card's first, holding that review and all before it. */
export function toItems(b: OptimizerBinding, sequences: { rating: number; deltaT: number }[][]): unknown[] {
  const items: unknown[] = [];
  for (const seq of sequences) {
    const reviews = seq.map((r) => new b.FSRSBindingReview(r.rating, r.deltaT));
    for (let i = 1; i < reviews.length; i++) items.push(new b.FSRSBindingItem(reviews.slice(0, i + 1)));
  }
  return items;
}

export function evaluate(b: OptimizerBinding, items: unknown[], parameters: readonly number[]): Metrics {
  const m = new b.FSRSBinding([...parameters]).evaluate(items);
  return { logLoss: m.logLoss, rmse: m.rmseBins };
}

/** Fits parameters to `records` (at least {@link MIN_REVIEWS}) and measures defaults and fit on the same items. */
export async function optimize(b: OptimizerBinding, records: readonly ReviewRecord[], dayOf: (iso: string) => number, progress?: (fraction: number) => void): Promise<OptimizeResult> {
  if (records.length < MIN_REVIEWS) throw new RangeError(`needs ${MIN_REVIEWS} reviews, got ${records.length}`);
  const items = toItems(b, reviewSequences(records, dayOf));
  const before = evaluate(b, items, DEFAULT_PARAMETERS);
  const parameters = await b.computeParameters(items, {
    enableShortTerm: true,
    progress: progress ? (current, total) => void progress(total > 0 ? Math.min(1, current / total) : 0) : undefined,
  });
  const after = evaluate(b, items, parameters);
  const finite = parameters.length === DEFAULT_PARAMETERS.length && parameters.every(Number.isFinite) && [before, after].every((m) => Number.isFinite(m.logLoss) && Number.isFinite(m.rmse));
  if (!finite) throw new RangeError('the optimizer returned parameters or metrics that are not finite numbers');
  return { reviews: records.length, parameters, before, after, better: after.logLoss < before.logLoss && after.rmse < before.rmse };
}
