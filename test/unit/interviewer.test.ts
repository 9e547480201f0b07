/** The interviewer's pure parts: level estimate, probes, tiered hints and caps, clarifying matches, gap cards. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCurriculumDir } from '../../src/cli/curriculum/load-dir.js';
import { addGapCards, gapCardId, gapCardIds, gapRefs, missingGapCards, parseGapCardId } from '../../src/interview/cards.js';
import { capstones } from '../../src/interview/catalog.js';
import { matchQuestion } from '../../src/interview/clarify.js';
import { gradeCapstone } from '../../src/interview/debrief.js';
import { estimateLevel, overEngineering } from '../../src/interview/level.js';
import { parseNotes } from '../../src/interview/notes.js';
import { capRevealed, hintSteps, nextFollowUps, newlyRevealed } from '../../src/interview/probes.js';
import { ROOT } from '../helpers.js';

const curriculum = loadCurriculumDir(join(ROOT, 'curriculum')).curriculum!;
const all = capstones(curriculum);
const notes = (id: string, set: string) => parseNotes(readFileSync(join(ROOT, 'test', 'corpus', id, `${set}.md`), 'utf8'), all.find((c) => c.id === id)!.interview.phases).blocks;

describe('level estimate', () => {
  for (const c of all) {
    it(`${c.id}: a one-paragraph answer is below-senior; the strong labelled notes are senior or staff`, () => {
      const para = [{ phase: null, text: 'I would collect data, train a model with good features, deploy it behind an API and monitor it, because quality matters and we should iterate.' }];
      expect(estimateLevel(c.interview, gradeCapstone(c, para), para).level).toBe('below-senior');
      for (const set of ['strong-prose', 'strong-terse']) {
        const b = notes(c.id, set);
        const est = estimateLevel(c.interview, gradeCapstone(c, b), b);
        expect(['senior', 'staff'], `${c.id}/${set}: ${est.reasons.join('; ')}`).toContain(est.level);
      }
    });
  }
  it('names over-engineering when many components come with no reason', () => {
    const bare = [{ phase: null, text: 'Kafka, Flink, Redis, Cassandra, Kubernetes, Elasticsearch and a feature store.\nSpark and Airflow too.' }];
    expect(overEngineering(bare).length).toBeGreaterThanOrEqual(6);
    const reasoned = [{ phase: null, text: 'Kafka carries the GPS pings because several consumers read them; Redis holds the hex counts so the pricing service reads them in 1 ms.' }];
    expect(overEngineering(reasoned)).toEqual([]);
    const c = all[0]!;
    const est = estimateLevel(c.interview, gradeCapstone(c, bare), bare);
    expect(est.reasons.join(' ')).toMatch(/over-engineering risk/);
  });
});

describe('probes', () => {
  it('never offers a follow-up whose targets are all explained; thinnest first', () => {
    for (const c of all) {
      for (const set of ['strong-prose', 'weak', 'keywords']) {
        const g = gradeCapstone(c, notes(c.id, set));
        const explained = new Set(g.points.filter((p) => p.status === 'explained').map((p) => p.id));
        for (const f of nextFollowUps(c.interview, g)) expect(f.targets!.every((t) => explained.has(t)), `${c.id}/${set}: ${f.id}`).toBe(false);
      }
    }
    const eta = all.find((c) => c.id === 'eta-pricing')!;
    const g = gradeCapstone(eta, [{ phase: 'framing', text: 'MAE plus p90 error sliced by city and airport, because averages hide lateness.' }]);
    expect(nextFollowUps(eta.interview, g)[0]!.id).toBe('why-not-end-to-end');
    expect(nextFollowUps(eta.interview, g).map((f) => f.id)).not.toContain('airport-error');
  });
  it('gives hints one tier at a time and caps what a reveal gave away', () => {
    const eta = all.find((c) => c.id === 'eta-pricing')!;
    const steps = hintSteps(eta.interview.phases[0]!);
    expect(steps.slice(0, 3).map((s) => s.tier)).toEqual(['nudge', 'direction', 'reveal']);
    const empty = gradeCapstone(eta, []);
    expect(newlyRevealed(steps[2]!, empty)).toEqual(['two-problems']);
    const said = gradeCapstone(eta, [{ phase: 'clarify', text: 'Two separate problems: ETA is a regression and surge is a control problem, because they have different labels.' }]);
    expect(said.points.find((p) => p.id === 'two-problems')!.status).toBe('explained');
    expect(newlyRevealed(steps[2]!, said)).toEqual([]); // already explained before the reveal: not capped
    const capped = capRevealed(eta.interview, said, ['two-problems']);
    expect(capped.points.find((p) => p.id === 'two-problems')!.status).toBe('mentioned');
    expect(capped.score).toBeLessThan(said.score);
  });
});

describe('free-text clarifying questions', () => {
  const bank = all.find((c) => c.id === 'eta-pricing')!.interview.clarifyingQuestions;
  it.each([
    ['How many trips do we have per day?', 'scale-trips'],
    ['what is the latency budget for the ETA service', 'latency'],
    ['Can we run pricing experiments?', 'experimentation'],
    ['How often do drivers send GPS pings?', 'gps'],
  ])('%s → %s', (q, id) => expect(matchQuestion(q, bank).question?.id).toBe(id));
  it('answers an unknown question with no match', () => {
    expect(matchQuestion('What colour is the logo?', bank).question).toBeNull();
    expect(matchQuestion('?', bank).question).toBeNull();
  });
});

describe('gap cards', () => {
  const c = all.find((x) => x.id === 'ad-bidding')!;
  const g = gradeCapstone(c, notes(c.id, 'weak'));
  const now = new Date('2026-06-01T10:00:00Z');
  it('follows the user\'s flips: flipped to explained, no card; flipped down from explained, a card', () => {
    const missed = g.points.find((p) => p.status === 'missed')!;
    const explained = g.points.find((p) => p.status === 'explained');
    const flips = { [missed.id]: 'explained' as const, ...(explained ? { [explained.id]: 'mentioned' as const } : {}) };
    const ids = gapCardIds(c, g, flips);
    expect(ids).not.toContain(gapCardId(c.id, missed.id));
    if (explained) expect(ids).toContain(gapCardId(c.id, explained.id));
    expect(ids.length).toBe(gapCardIds(c, g).length - 1 + (explained ? 1 : 0));
  });
  it('one card per missed or mention-only point, due now, linked to the topic', () => {
    const ids = gapCardIds(c, g);
    expect(ids.length).toBe(g.points.filter((p) => p.status !== 'explained').length);
    expect(parseGapCardId(ids[0]!)).toEqual({ problem: 'ad-bidding', point: g.points.find((p) => p.status !== 'explained')!.id });
    const cards = addGapCards({}, ids, now);
    expect(cards[ids[0]!]!.due).toBe(now.toISOString());
    const refs = gapRefs(curriculum, all, cards);
    expect(refs).toHaveLength(ids.length);
    expect(refs[0]!.topic.id).toBe('capstone-ad-bidding');
    expect(refs[0]!.question.type).toBe('recall');
  });
  it('a card missed again is due again; cards of imported interviews are rebuilt', () => {
    const id = gapCardId('ad-bidding', 'pacing');
    const later = { ...addGapCards({}, [id], now)[id]!, due: '2026-07-01T00:00:00.000Z', reps: 2 };
    const again = addGapCards({ [id]: later }, [id], now)[id]!;
    expect(again).toMatchObject({ due: now.toISOString(), reps: 2 });
    const rebuilt = missingGapCards({}, [{ reviewCards: [id], at: now.toISOString() } as never]);
    expect(rebuilt[id]).toBeDefined();
    expect(gapRefs(curriculum, all, { 'interview:ad-bidding:no-such-point': rebuilt[id]! })).toEqual([]);
  });
});

describe('formats', () => {
  it('reads a version-1 in-progress interview as version 2', async () => {
    const { decodeSession, newSession, encodeSession } = await import('../../src/interview/session.js');
    const s = newSession({ id: 'cccccccc-3333', capstone: all[0]!, minutes: 45, practice: true, seed: 1, startedAt: new Date('2026-01-01T00:00:00Z'), msPerMinute: 60_000 });
    const { frame: _f, asked: _a, probes: _p, revealed: _r, ...v1 } = { ...s, version: 1, stage: 'phases' as const };
    const d = decodeSession(JSON.stringify(v1));
    expect(d.ok && d.session.version).toBe(2);
    expect(decodeSession(encodeSession(s))).toMatchObject({ ok: true });
  });
  it('a round saved at any stage loads again (introductions, each phase, questions, debrief)', async () => {
    const { newSession, finishPhase } = await import('../../src/interview/session.js');
    const { loadSaved, saveSession } = await import('../../src/cli/interview/files.js');
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'study-saved-'));
    try {
      let s = newSession({ id: 'dddddddd-4444', capstone: all[0]!, minutes: 45, practice: false, seed: 1, startedAt: new Date('2026-01-01T00:00:00Z'), msPerMinute: 60_000 });
      const stages = [s];
      s = { ...s, stage: 'phases' };
      for (let i = 0; i < s.phases.length; i++) {
        stages.push(s);
        s = finishPhase(s);
      }
      stages.push(s, { ...s, stage: 'debrief' });
      expect(stages.map((x) => x.stage)).toEqual(['intro', ...s.phases.map(() => 'phases'), 'questions', 'debrief']);
      for (const x of stages) {
        const path = join(dir, 'interviews', 'in-progress.json');
        saveSession(path, x);
        expect(loadSaved(path), `${x.stage} ${x.phaseIndex}`).toMatchObject({ stage: x.stage, phaseIndex: x.phaseIndex });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('migrates a version-1 progress file to version 2 unchanged otherwise', async () => {
    const { decodeProgress } = await import('../../src/progress/model.js');
    const r = decodeProgress(JSON.stringify({ version: 1, createdAt: '2026-01-01T00:00:00.000Z', events: [], cards: {} }));
    expect(r).toMatchObject({ ok: true, migratedFrom: 1, progress: { version: 2, events: [] } });
  });
  it('validate --strict checks the v2 clock, kinds and references', async () => {
    const { v2Gaps } = await import('../../src/curriculum/lint-interview-v2.js');
    const topics = new Set(curriculum.modules.flatMap((m) => m.sections.flatMap((s) => s.topics.map((t) => t.id))));
    for (const c of all) expect(v2Gaps(c.interview, topics)).toEqual([]);
    const iv = all[0]!.interview;
    const long = { ...iv, phases: iv.phases.map((p) => ({ ...p, minutes45: p.minutes45 + 1 })), followUps: [{ ...iv.followUps[0]!, targets: ['nope'] }, ...iv.followUps.slice(1)] };
    const gaps = v2Gaps(long, topics).join('\n');
    expect(gaps).toMatch(/minutes45 sum to 42; the design time of a 45-minute round is 30-40/);
    expect(gaps).toMatch(/follow-up why-not-end-to-end: targets unknown points nope/);
    const kinds = { ...iv, phases: iv.phases.map((p) => ({ ...p, kind: 'design' as const })) };
    expect(v2Gaps(kinds, topics).join('\n')).toMatch(/exactly one clarify phase[\s\S]*exactly one deep-dive[\s\S]*exactly one wrap-up/);
  });
  it('--no-cards is an interview option', async () => {
    const { parseOptions } = await import('../../src/cli/commands/interview.js');
    expect(parseOptions(['eta-pricing'], { cards: false }).noCards).toBe(true);
    expect(parseOptions(['eta-pricing'], { cards: true }).noCards).toBe(false);
  });
});
