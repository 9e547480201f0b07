/**
 * Recognising a checklist keyword in free-text notes. Pure.
 *
 * The rules (table-tested in test/unit/interview-match.test.ts):
 * - case-insensitive; accents are dropped ("réseau" = "reseau");
 * - a token is a run of letters and digits, which may contain "/" or "." between them, so "a/b",
 *   "p99", "0.74" and "h3" stay whole; every other character separates tokens ("k-ring" = "k ring",
 *   "point-in-time" = "point in time"); apostrophes are removed ("driver's" = "drivers");
 * - words are stemmed with a few suffix rules applied to notes and keywords alike, so plurals and
 *   -ing / -ed forms meet ("Caches" = "cache", "a/b testing" = "A/B test", "labelled" = "labels");
 * - a keyword matches when its tokens appear consecutively within one line of the notes
 *   (whole words only: "ad" does not match "add", "cap" does not match "capacity").
 * Negation is not understood: "no caching" still mentions caching.
 */

const TOKEN = /[\p{L}\p{N}]+(?:[/.][\p{L}\p{N}]+)*/gu;
const VOWEL = /[aeiouy]/;

/** Lower-case, accent-free, apostrophe-free text split into raw (unstemmed) tokens. */
export function tokenize(text: string): string[] {
  const plain = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '');
  return plain.match(TOKEN) ?? [];
}

/**
 * A deliberately small stemmer: plural "-ies"/"-s", then "-ing"/"-ed" (undoubling "bidd" → "bid"),
 * then a final "-e". Tokens with digits or "/" are left alone. Both sides of a match use it, so it
 * only has to be consistent, not linguistically right.
 */
export function stem(token: string): string {
  if (!/^\p{L}+$/u.test(token)) return token;
  let w = token;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length >= 3 && w.endsWith('s') && !/(ss|us|is|ias)$/.test(w)) w = w.slice(0, -1);
  const suffix = w.endsWith('ing') ? 3 : w.endsWith('ed') ? 2 : 0;
  if (suffix > 0) {
    const root = w.slice(0, -suffix);
    const minRoot = suffix === 3 ? 3 : 4;
    if (root.length >= minRoot && VOWEL.test(root)) w = undouble(root);
  }
  if (w.length >= 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** "bidd" → "bid", "modell" → "model"; keeps "ss" ("pass") and other "ll" ("fill"). */
function undouble(w: string): string {
  const a = w.at(-1)!;
  if (a !== w.at(-2) || VOWEL.test(a) || a === 's') return w;
  if (a === 'l' && w.at(-3) !== 'e') return w;
  return w.slice(0, -1);
}

/** The stemmed tokens of a text, as used for matching. */
export function terms(text: string): string[] {
  return tokenize(text).map(stem);
}

/** Notes prepared once for many keyword checks: the stemmed tokens of each line. */
export interface PreparedText {
  lines: string[][];
}

export function prepare(text: string): PreparedText {
  return { lines: text.split('\n').map(terms).filter((l) => l.length > 0) };
}

/** True when `keyword` (a word or phrase) occurs in the prepared text as whole consecutive terms. */
export function containsPhrase(text: PreparedText, keyword: string): boolean {
  const k = terms(keyword);
  if (k.length === 0) return false;
  return text.lines.some((line) => {
    for (let i = 0; i + k.length <= line.length; i++) {
      if (k.every((t, j) => line[i + j] === t)) return true;
    }
    return false;
  });
}

/** The first of `keywords` found in `text`, or undefined. */
export function firstMatch(text: PreparedText, keywords: readonly string[]): string | undefined {
  return keywords.find((k) => containsPhrase(text, k));
}
