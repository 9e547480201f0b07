/** A small seeded random number generator (mulberry32), so `--seed N` reproduces a quiz. Pure. */
export type Rng = () => number;

export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A shuffled copy (Fisher-Yates). */
export function shuffle<T>(items: readonly T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A random permutation of 0..n-1 that is not the identity when n > 1 (so an order question is never pre-solved). */
export function derangedOrder(n: number, rng: Rng): number[] {
  const ids = Array.from({ length: n }, (_, i) => i);
  if (n < 2) return ids;
  for (;;) {
    const p = shuffle(ids, rng);
    if (p.some((v, i) => v !== i)) return p;
  }
}
