/**
 * A checklist point's short label for lists a person reads ("Sets the agenda", "Separates ETA
 * from surge and scopes each"): the point without its bracketed asides, up to its first colon,
 * semicolon, dash or full stop, cut at a word boundary when still long. Ids are for scripts;
 * people get these. Pure.
 */
const MAX = 60;

export function pointLabel(point: string): string {
  const head = point.replace(/\s*\([^()]*\)/g, '').split(/:\s|;\s|\s—\s|\.\s/)[0]!.trim().replace(/[.,;:]+$/, '');
  if (head.length <= MAX) return head;
  const cut = head.slice(0, MAX);
  const space = cut.lastIndexOf(' ');
  return `${(space > 20 ? cut.slice(0, space) : cut).replace(/[,;:]+$/, '')}…`;
}

/** The labels of `ids` in a checklist (an unknown id stays as it is). */
export function pointLabels(checklist: readonly { id: string; point: string }[], ids: readonly string[]): string[] {
  return ids.map((id) => {
    const p = checklist.find((q) => q.id === id);
    return p ? pointLabel(p.point) : id;
  });
}
