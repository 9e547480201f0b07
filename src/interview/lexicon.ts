/**
 * The shared vocabulary as the grader uses it: every term of a facet also matches every member of
 * each vocabulary group it belongs to ("boosted trees" meets "XGBoost"). Terms are compared by
 * their stems (see text.ts), so "gradient-boosted trees" and "gradient boosted tree" are one term.
 * Pure.
 */
import { termStems } from './text.js';

export interface Lexicon {
  /** The stem sequences that count as `term`: the term itself and its vocabulary group mates. */
  alternatives(term: string): string[][];
}

const key = (stems: readonly string[]) => stems.join(' ');

/** Builds the lookup from the vocabulary's groups (each a list of synonyms). */
export function buildLexicon(groups: readonly (readonly string[])[]): Lexicon {
  const groupsOf = new Map<string, string[][][]>();
  for (const g of groups) {
    const members = g.map(termStems).filter((s) => s.length > 0);
    for (const m of members) groupsOf.set(key(m), [...(groupsOf.get(key(m)) ?? []), members]);
  }
  const memo = new Map<string, string[][]>();
  return {
    alternatives(term) {
      const stems = termStems(term);
      const k = key(stems);
      let out = memo.get(k);
      if (!out) {
        const seen = new Map<string, string[]>(stems.length ? [[k, stems]] : []);
        for (const members of groupsOf.get(k) ?? []) for (const m of members) seen.set(key(m), m);
        out = [...seen.values()];
        memo.set(k, out);
      }
      return out;
    },
  };
}

const built = new WeakMap<object, Lexicon>();

/** The lexicon of a vocabulary, built once per groups array. */
export function lexiconFor(groups: readonly (readonly string[])[]): Lexicon {
  let lex = built.get(groups);
  if (!lex) {
    lex = buildLexicon(groups);
    built.set(groups, lex);
  }
  return lex;
}

/** A lexicon with no vocabulary (terms match only themselves). */
export const PLAIN_LEXICON: Lexicon = buildLexicon([]);
