/**
 * "Did you mean …?" for mistyped commands, options and ids. Pure; loaded only when something
 * was not found (never on the start-up path).
 */

/**
 * Edit distance between `a` and `b`, case-insensitive: insertions, deletions, substitutions and
 * swaps of two neighbouring characters each cost 1 (optimal string alignment).
 */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) => Array.from({ length: t.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[s.length]![t.length]!;
}

/** How far `word` is from `candidate`: the edit distance, with a typed prefix counting as 1. */
function closeness(word: string, candidate: string): number {
  const w = word.toLowerCase();
  const c = candidate.toLowerCase();
  if (w.length >= 2 && c.startsWith(w)) return Math.min(1, editDistance(w, c));
  return editDistance(w, c);
}

/** Every candidate, nearest first (ties keep the candidates' own order). */
export function rankByCloseness(word: string, candidates: readonly string[]): string[] {
  return candidates
    .map((c, i) => ({ c, i, d: closeness(word, c) }))
    .sort((x, y) => x.d - y.d || x.i - y.i)
    .map((x) => x.c);
}

/**
 * The candidates close enough to `word` to be what was meant, nearest first: within a third of
 * the word's length (at least 1, at most 3 edits), or starting with it.
 */
export function closest(word: string, candidates: readonly string[], limit = 3): string[] {
  const bare = word.replace(/^-+/, '');
  const allowed = Math.min(3, Math.max(1, Math.floor(bare.length / 3)));
  return rankByCloseness(word, candidates)
    .filter((c) => closeness(word, c) <= allowed && c.toLowerCase() !== word.toLowerCase())
    .slice(0, limit);
}

/** "a", "a or b", "a, b or c". */
export function orList(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/**
 * The line for a word in the command's place that is not a command. `rest` is the rest of the
 * command line, so the suggestion can be pasted: `study review --limit 3`.
 */
export function unknownCommandMessage(word: string, commands: readonly string[], rest: readonly string[] = []): string {
  const near = closest(word, commands);
  const tail = rest.length ? ` ${rest.join(' ')}` : '';
  if (near.length === 1) return `"${word}" is not a command; did you mean: study ${near[0]}${tail}?  (study help lists every command)`;
  if (near.length > 1) return `"${word}" is not a command; did you mean ${orList(near)}?  (study help lists every command)`;
  return `"${word}" is not a command; the commands are ${commands.join(', ')} (study help CMD for one)`;
}

/** The long and short option names in commander flag syntax (`-V, --version`, `--limit <n>`). */
export function optionNames(flags: string): string[] {
  return flags.split(/[ ,|]+/).filter((w) => /^--?[a-zA-Z]/.test(w));
}

/**
 * The line for an option the command does not take: its own options nearest first, then the global
 * ones, at most eight in all. `own` and `global` are option names (`--limit`); `command` is
 * undefined for options before any command.
 */
export function unknownOptionMessage(flag: string, command: string | undefined, own: readonly string[], global: readonly string[] = []): string {
  const where = command ? `study ${command}` : 'study';
  const near = closest(flag, [...own, ...global]);
  const ranked = [...rankByCloseness(flag, own), ...rankByCloseness(flag, global)];
  const shown = ranked.slice(0, 8);
  const more = ranked.length > shown.length ? `, … (${ranked.length - shown.length} more: study help${command ? ` ${command}` : ''})` : '';
  const guess = near.length ? `; did you mean ${orList(near)}?` : '.';
  return `${where} has no option ${flag}${guess} It accepts (closest first): ${shown.join(', ')}${more}`;
}
