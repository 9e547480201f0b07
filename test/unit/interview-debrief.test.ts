/** The pure debrief pieces on the real capstones: session, follow-up draw, event, transcript, history. */
import { describe, expect, it } from 'vitest';
import { loadCurriculumDir } from '../../src/cli/curriculum/load-dir.js';
import { capstones, findCapstone, listing } from '../../src/interview/catalog.js';
import { interviewEvent, sessionGrade, weakest } from '../../src/interview/debrief.js';
import { interviewHistory } from '../../src/interview/history.js';
import { decodeSession, encodeSession, finishPhase, newSession, updatePhase, type Session } from '../../src/interview/session.js';
import { renderTranscript } from '../../src/interview/transcript.js';
import { InterviewEvent } from '../../src/progress/model.js';
import { ROOT } from '../helpers.js';

const all = capstones(loadCurriculumDir(`${ROOT}/curriculum`).curriculum!);
const eta = findCapstone(all, '59')!;

function played(seed = 1): Session {
  let s = newSession({ id: 'aaaaaaaa-1111', capstone: eta, minutes: 45, practice: false, seed, startedAt: new Date('2025-03-01T10:00:00Z'), msPerMinute: 60_000 });
  s = { ...s, clarifying: ['pricing-goal'] };
  s = updatePhase(s, { notes: ['ETA vs surge'], usedMs: 320_000, hintsShown: 1 });
  s = finishPhase(s);
  s = updatePhase(s, { notes: ['Predict the residual over the routing engine, so the base ETA stays the fallback', 'a ``` fence in notes'], usedMs: 200_000 });
  while (s.stage === 'phases') s = finishPhase(s);
  const fu = eta.interview.followUps.slice(0, 3);
  return { ...s, rubric: Object.fromEntries(eta.interview.rubric.map((d, i) => [d.id, (i % 4) + 1])), followUps: fu.map((f) => ({ id: f.id, answer: `about ${f.id}` })) };
}

describe('interview core', () => {
  it('finds capstones by short id, topic id and number; lists the documented shape', () => {
    expect(['eta-pricing', 'capstone-eta-pricing', '59'].map((k) => findCapstone(all, k)?.id)).toEqual(['eta-pricing', 'eta-pricing', 'eta-pricing']);
    expect(Object.keys(listing(all)[0]!)).toEqual(['id', 'title', 'topicId', 'phases', 'clarifyingQuestions', 'checklist', 'followUps', 'designMinutes', 'frameMinutes', 'staffPoints', 'rubric', 'midRoundChange', 'source']);
  });

  it('plans phases from the chosen format and moves to the candidate\'s questions after the last phase', () => {
    const s = newSession({ id: 'bbbbbbbb-2222', capstone: eta, minutes: 60, practice: true, seed: 3, startedAt: new Date(), msPerMinute: 1000 });
    expect(s.phases.map((p) => p.plannedMs)).toEqual(eta.interview.phases.map((p) => p.minutes60 * 1000));
    let t = s;
    for (let i = 0; i < s.phases.length; i++) t = finishPhase(t);
    expect([t.stage, t.phaseIndex]).toEqual(['questions', s.phases.length]);
    expect(s.stage).toBe('intro');
    expect(s.frame).toMatchObject({ intro: { plannedMs: 3000 }, questions: { plannedMs: 5000 } });
  });

  it('names the two lowest self-scores, ties in rubric order', () => {
    const r = eta.interview.rubric;
    expect(weakest(r, { [r[0]!.id]: 3, [r[1]!.id]: 2, [r[2]!.id]: 2, [r[3]!.id]: 1 }).map((d) => d.id)).toEqual([r[3]!.id, r[1]!.id]);
    expect(weakest(r, {})).toEqual([]);
  });

  it('grades phase notes, not the clarifying questions picked from the bank', () => {
    const g = sessionGrade(played(), eta);
    // "What is surge meant to optimise, and what constraints apply?" was asked, not written.
    expect(g.points.find((p) => p.id === 'pricing-constraints')).toMatchObject({ status: 'missed', evidence: null });
    expect(g.points.find((p) => p.id === 'residual-target')).toMatchObject({ status: 'explained', foundIn: 'framing', evidence: 'Predict the residual over the routing engine, so the base ETA stays the fallback' });
  });

  it('builds a progress event the progress schema accepts', () => {
    const s = played();
    const e = interviewEvent({ ...s, flips: { 'two-problems': 'explained' } }, eta, sessionGrade(s, eta), new Date('2025-03-01T10:45:00Z'), '/tmp/x.md');
    expect(InterviewEvent.safeParse(e).success).toBe(true);
    expect(e).toMatchObject({ hintsUsed: 1, clarifyingAsked: 1, minutes: 45, checklistTotal: 32, transcript: '/tmp/x.md', flips: { 'two-problems': 'explained' } });
    expect(e.points!['residual-target']).toBe('explained');
    expect(e.userCoverage).toBeGreaterThan(e.coverage);
    expect(e.phases[0]).toMatchObject({ id: 'clarify', plannedSeconds: 240, usedSeconds: 320, hintsUsed: 1 });
  });

  it('renders a transcript whose fences notes cannot break', () => {
    const s = played();
    const md = renderTranscript({ session: s, capstone: eta, grade: sessionGrade(s, eta), finishedAt: new Date('2025-03-01T10:45:00Z') });
    expect(md).toContain('````text\nPredict the residual over the routing engine, so the base ETA stays the fallback\na ``` fence in notes\n````');
    expect(md).toContain('- [x] Frames ETA as predicting the residual over the routing engine\'s base ETA, with the base as fallback. — explained: “Predict the residual');
    expect(md).toContain('**What is surge meant to optimise, and what constraints apply?**');
    expect(md).toContain('## Level shown by the notes'); // probes come from the round (none here); no random follow-up draw
    // Both scored 1: the one whose phases the grader scored lower comes first.
    expect(md).toContain('Work on next: **Serving and scale** and **Problem navigation** (self-score 1 of 4).');
  });

  it('round-trips a saved session and refuses damaged or newer files', () => {
    const s = played();
    expect(decodeSession(encodeSession(s))).toEqual({ ok: true, session: s });
    expect(decodeSession('{')).toMatchObject({ ok: false });
    expect(decodeSession(JSON.stringify({ ...s, version: 9 }))).toEqual({ ok: false, message: 'written by a newer version of study (format 9)' });
    expect(decodeSession(JSON.stringify({ ...s, minutes: 50 }))).toMatchObject({ ok: false, message: expect.stringMatching(/^minutes/) });
  });

  it('summarises history: trend, weakest dimensions, points missed most', () => {
    const s1 = played();
    const e1 = interviewEvent(s1, eta, sessionGrade(s1, eta), new Date('2025-03-01T10:45:00Z'));
    const s2 = updatePhase({ ...s1, id: 'cccccccc-3333', phaseIndex: 2, rubric: { ...s1.rubric, communication: 4 } }, { notes: ['GPS pings go through Kafka into a Flink streaming job that computes segment speeds every minute'] });
    const e2 = interviewEvent(s2, eta, sessionGrade(s2, eta), new Date('2025-03-08T10:45:00Z'));
    const h = interviewHistory([e2, e1], all);
    expect(h.interviews.map((r) => r.id)).toEqual([e1.id, e2.id]);
    expect(h.trend.coverage!.change).toBeCloseTo(e2.coverage - e1.coverage);
    expect(h.trend.coverage!.change).toBeGreaterThan(0);
    expect(h.dimensions[0]!.average).toBe(1);
    expect(h.missedMost.every((m) => m.missed === 2 && m.of === 2)).toBe(true);
  });

  it('writes a change of coverage in percentage points', async () => {
    const { renderHistory } = await import('../../src/ui/render/interview-history.js');
    const { plainTheme } = await import('../../src/ui/plain.js');
    const s1 = played();
    const e1 = interviewEvent(s1, eta, sessionGrade(s1, eta), new Date('2025-03-01T10:45:00Z'));
    const e2 = { ...e1, id: 'dddddddd-4444', at: '2025-03-08T10:45:00.000Z', coverage: e1.coverage + 0.2 };
    const text = renderHistory(interviewHistory([e1, e2], all), plainTheme, 100);
    expect(text).toMatch(/coverage +first \d+% → latest \d+% \(\+20 pts\)/);
  });

  it('marks notes graded with grade --save as notes, not as a practice round with no time', async () => {
    const { renderHistory } = await import('../../src/ui/render/interview-history.js');
    const { plainTheme } = await import('../../src/ui/plain.js');
    const s1 = played();
    const e1 = { ...interviewEvent(s1, eta, sessionGrade(s1, eta), new Date('2025-03-01T10:45:00Z')), source: 'notes' as const, practice: true };
    const h = interviewHistory([e1], all);
    expect(h.interviews[0]!.source).toBe('notes');
    const text = renderHistory(h, plainTheme, 100);
    expect(text).toMatch(/ notes +\d+% /);
    expect(text).not.toContain('prac');
  });

  it('averages a dimension only with the same dimension: one id titled differently by two problems is two rows', () => {
    const llm = findCapstone(all, 'llm-serving')!;
    const s1 = { ...played(), rubric: { modelling: 1, communication: 2 } };
    const e1 = interviewEvent(s1, eta, sessionGrade(s1, eta), new Date('2025-03-01T10:45:00Z'));
    const e2 = { ...e1, id: 'dddddddd-4444', at: '2025-03-02T10:45:00.000Z', capstone: llm.topicId, rubric: { modelling: 4, communication: 4 } };
    const titleOf = (c: typeof eta, id: string) => c.interview.rubric.find((d) => d.id === id)!.title;
    expect(titleOf(eta, 'modelling')).not.toBe(titleOf(llm, 'modelling'));
    const h = interviewHistory([e1, e2], all);
    expect(h.dimensions).toEqual([
      expect.objectContaining({ id: 'modelling', title: titleOf(eta, 'modelling'), average: 1, count: 1 }),
      expect.objectContaining({ id: 'communication', average: 3, count: 2 }),
      expect.objectContaining({ id: 'modelling', title: titleOf(llm, 'modelling'), average: 4, count: 1 }),
    ]);
  });
});
