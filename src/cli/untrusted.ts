/**
 * Data that carries text from outside this program's code (imports, the progress file, a
 * curriculum folder) made safe to render: every string in it, keys included, passes the one
 * sanitiser (src/sanitize.ts). Renderers then print it as they like. Pure.
 */
import { sanitize } from '../sanitize.js';

/** A deep copy of `value` with every string sanitised (numbers, booleans and null unchanged). */
export function sanitizeData<T>(value: T): T {
  return clean(value) as T;
}

function clean(v: unknown): unknown {
  if (typeof v === 'string') return sanitize(v);
  if (Array.isArray(v)) return v.map(clean);
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    const out: Record<string, unknown> = Object.create(null);
    for (const [k, x] of Object.entries(v)) out[sanitize(k)] = clean(x);
    return out;
  }
  return v;
}
