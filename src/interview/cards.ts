/**
 * Review cards for interview gaps. After a debrief each missed or mention-only checklist point
 * becomes an FSRS card in the progress file's `cards`, keyed `interview:<problem>:<point>`
 * (question ids are `<topic>.<slug>`, so the two kinds never collide), due at once; the interview
 * event lists the ids it created (`reviewCards`), so the cards can be rebuilt from events on
 * import. `study review` turns those cards into recall questions linked to the point's topic.
 * Pure.
 */
import type { Curriculum, RecallQuestion } from '../curriculum/schema.js';
import type { InterviewEvent, StoredCard } from '../progress/model.js';
import type { QuestionRef } from '../quiz/select.js';
import { newCard } from '../review/fsrs.js';
import type { Capstone } from './catalog.js';
import type { Grade, Status } from './grade.js';

export const GAP_PREFIX = 'interview:';

export function gapCardId(problemId: string, pointId: string): string {
  return `${GAP_PREFIX}${problemId}:${pointId}`;
}

export function parseGapCardId(id: string): { problem: string; point: string } | undefined {
  const m = /^interview:([a-z0-9-]+):([a-z0-9-]+)$/.exec(id);
  return m ? { problem: m[1]!, point: m[2]! } : undefined;
}

/** The card ids a graded interview creates: its missed and mention-only points, after the user's flips. */
export function gapCardIds(c: Capstone, g: Grade, flips: Readonly<Record<string, Status>> = {}): string[] {
  // The user's flips decide: a point they flipped to explained gets no card, one flipped down gets one.
  return g.points.filter((p) => (flips[p.id] ?? p.status) !== 'explained').map((p) => gapCardId(c.id, p.id));
}

/**
 * Adds the cards to `cards` (returns a new record): a new card is due at `now`; a card that
 * exists already is made due again at `now` (the point was missed again), its memory kept.
 */
export function addGapCards(cards: Readonly<Record<string, StoredCard>>, ids: readonly string[], now: Date): Record<string, StoredCard> {
  const out = { ...cards };
  for (const id of ids) {
    const had = out[id];
    out[id] = had ? (new Date(had.due) > now ? { ...had, due: now.toISOString() } : had) : newCard(now);
  }
  return out;
}

/** Cards named by interview events that the card table lacks (after an import): created due at the event. */
export function missingGapCards(cards: Readonly<Record<string, StoredCard>>, events: readonly InterviewEvent[]): Record<string, StoredCard> {
  let out: Record<string, StoredCard> = { ...cards };
  for (const e of events) {
    const lacking = (e.reviewCards ?? []).filter((id) => !out[id]);
    if (lacking.length) out = addGapCards(out, lacking, new Date(e.at));
  }
  return out;
}

/** The review questions of the gap cards in `cards` whose point still exists, as quiz refs. */
export function gapRefs(curriculum: Curriculum, problems: readonly Capstone[], cards: Readonly<Record<string, StoredCard>>): QuestionRef[] {
  const where = new Map(curriculum.modules.flatMap((module) => module.sections.flatMap((section) => section.topics.map((topic) => [topic.id, { topic, section, module }] as const))));
  const refs: QuestionRef[] = [];
  for (const id of Object.keys(cards)) {
    const parsed = parseGapCardId(id);
    const problem = parsed && problems.find((p) => p.id === parsed.problem);
    const point = problem?.interview.checklist.find((p) => p.id === parsed!.point);
    if (!problem || !point) continue;
    const home = where.get(point.topic ?? problem.topics[0] ?? problem.topicId) ?? where.get(problem.topics[0] ?? problem.topicId);
    if (!home) continue;
    const question: RecallQuestion = {
      id,
      type: 'recall',
      prompt: `Mock-interview gap (${problem.title}): how would you make this point, and why does it matter? — ${point.point}`,
      back: `${point.point} Why it matters: ${point.why}`,
      explanation: `This point was missed or only mentioned in a mock interview on ${problem.title}. Say it in your own words with the reason, as you would to the interviewer.`,
      difficulty: 3,
    };
    refs.push({ question, ...home });
  }
  return refs;
}
