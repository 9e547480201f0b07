/**
 * `validate --strict` rules for the interview v2 fields (issues 13 and 16): phase kinds in order,
 * design minutes within the realistic clock, tiered hints, points with dimension and level,
 * follow-ups with targets, rubric bars with a trade-offs dimension, and every reference to a
 * point, phase, dimension or topic resolving. Pure.
 */
import type { Interview } from './schema.js';

/** Design minutes (all phases) allowed per format; introductions and the candidate's questions come on top. */
export const DESIGN_MINUTES = { 45: [30, 40], 60: [40, 52] } as const;
export const MIN_RUBRIC = 5;
export const TRADEOFFS_DIMENSION = 'tradeoffs';

export function v2Gaps(iv: Interview, topicIds: ReadonlySet<string>): string[] {
  const gaps: string[] = [];
  const points = new Set(iv.checklist.map((p) => p.id));
  const phases = new Set(iv.phases.map((p) => p.id));
  const dims = new Set(iv.rubric.map((d) => d.id));
  const unknown = (ids: readonly string[] | undefined) => (ids ?? []).filter((t) => !points.has(t));

  const kinds = iv.phases.map((p) => p.kind);
  const missingKind = iv.phases.filter((p) => !p.kind).map((p) => p.id);
  if (missingKind.length) gaps.push(`phases without kind (clarify | design | deep-dive | wrap-up): ${missingKind.join(', ')}`);
  else {
    const count = (k: string) => kinds.filter((x) => x === k).length;
    if (kinds[0] !== 'clarify' || count('clarify') !== 1) gaps.push('phases: exactly one clarify phase, and it comes first');
    if (count('deep-dive') !== 1) gaps.push(`phases: exactly one deep-dive phase (found ${count('deep-dive')})`);
    if (kinds.at(-1) !== 'wrap-up' || count('wrap-up') !== 1) gaps.push('phases: exactly one wrap-up phase, and it comes last');
  }
  for (const m of [45, 60] as const) {
    const sum = iv.phases.reduce((n, p) => n + (m === 45 ? p.minutes45 : p.minutes60), 0);
    const [lo, hi] = DESIGN_MINUTES[m];
    if (sum < lo || sum > hi) gaps.push(`phases: minutes${m} sum to ${sum}; the design time of a ${m}-minute round is ${lo}-${hi} (introductions and the candidate's questions are added outside it)`);
  }
  for (const ph of iv.phases) {
    ph.hints.forEach((h, i) => {
      if (typeof h === 'string') gaps.push(`phase ${ph.id}: hint ${i + 1} is plain text; give {nudge, direction, reveal, targets}`);
      else if (unknown(h.targets).length) gaps.push(`phase ${ph.id}: hint ${i + 1} targets unknown points ${unknown(h.targets).join(', ')}`);
    });
  }
  for (const p of iv.checklist) {
    if (!p.dimension) gaps.push(`checklist point ${p.id}: no dimension`);
    else if (!dims.has(p.dimension)) gaps.push(`checklist point ${p.id}: dimension ${p.dimension} is not a rubric dimension`);
    if (!p.level) gaps.push(`checklist point ${p.id}: no level (senior | staff)`);
    if (p.topic && !topicIds.has(p.topic)) gaps.push(`checklist point ${p.id}: topic ${p.topic} is not a curriculum topic`);
  }
  if (!iv.checklist.some((p) => p.level === 'staff')) gaps.push('checklist: no staff-level point');
  for (const f of iv.followUps) {
    if (!f.targets?.length) gaps.push(`follow-up ${f.id}: no targets`);
    else if (unknown(f.targets).length) gaps.push(`follow-up ${f.id}: targets unknown points ${unknown(f.targets).join(', ')}`);
  }
  if (iv.rubric.length < MIN_RUBRIC) gaps.push(`rubric: ${iv.rubric.length} dimensions, at least ${MIN_RUBRIC} needed`);
  if (!dims.has(TRADEOFFS_DIMENSION)) gaps.push(`rubric: no "${TRADEOFFS_DIMENSION}" dimension (trade-offs and business impact)`);
  for (const d of iv.rubric) if (!d.senior || !d.staff) gaps.push(`rubric ${d.id}: needs both a senior and a staff bar`);
  const mid = iv.midRoundChange;
  if (mid) {
    if (!phases.has(mid.phase)) gaps.push(`midRoundChange: phase ${mid.phase} is not a phase`);
    if (unknown(mid.targets).length) gaps.push(`midRoundChange: targets unknown points ${unknown(mid.targets).join(', ')}`);
  }
  return gaps;
}
