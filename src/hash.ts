/**
 * A 64-bit FNV-1a hash over strings (two 32-bit lanes). Not cryptographic — it only tells cache
 * entries apart — and it avoids loading node:crypto on the start-up path. Pure.
 */
export function fnv1a(seed = '') {
  let a = 0x811c9dc5;
  let b = 0xcbf29ce4;
  const h = {
    update(s: string) {
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        a = Math.imul(a ^ c, 0x01000193) >>> 0;
        b = Math.imul(b ^ c, 0x0100019d) >>> 0;
      }
      return h;
    },
    digest: () => `${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}`,
  };
  return h.update(seed);
}
