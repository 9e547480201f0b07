/**
 * The timed part of an interview, as a real round runs: introductions, then the phases — the
 * clarifying questions typed freely on the first phase's clock, tiered hints given thinnest
 * first, at the deep dive a mid-round change (when the problem has one) and one probe aimed at
 * the thinnest part of the notes so far with one second-level push, another probe before the
 * wrap-up — and finally the candidate's own questions. The session is saved after every step,
 * so a crash loses at most the step in progress.
 */
import type { Capstone } from '../../interview/catalog.js';
import { matchQuestion, UNKNOWN_ANSWER } from '../../interview/clarify.js';
import { gradeSoFar } from '../../interview/debrief.js';
import { chooseProbe, hintOrder, hintSteps, newlyRevealed, secondLevelPush, stepText } from '../../interview/probes.js';
import { finishPhase, updateFrame, updatePhase } from '../../interview/session.js';
import { mmss } from '../../interview/timer.js';
import { sanitizeLine } from '../../sanitize.js';
import { renderBrief, renderClarifications, renderPhaseIntro } from '../../ui/render/interview.js';
import { wrap } from '../../ui/text.js';
import type { NotesDraft } from '../../ui/widgets/notes-prompt.js';
import type { Live } from './live.js';

export async function conductPhases(live: Live, c: Capstone): Promise<void> {
  const { ctx } = live;
  if (live.session.stage === 'intro') {
    ctx.out(`\n${ctx.theme.heading(wrap(`Mock interview: ${sanitizeLine(c.title)}`, width(live)))}\n`);
    await frameStretch(live, 'intro', 'Introductions', 'The interviewer introduces themselves. Introduce yourself in two or three lines (not graded), then ⏎ on an empty line to hear the problem.');
    live.session = { ...live.session, stage: 'phases' };
    live.save();
  }
  ctx.out(renderBrief(c, live.session, ctx.theme, ctx.columns));
  // Continuing a saved interview: the exchanges so far, in the candidate's own words as they were asked
  // (a round saved by an older build has only the bank's questions).
  const said = live.session.asked ?? [];
  const asked = c.interview.clarifyingQuestions.filter((q) => live.session.clarifying.includes(q.id));
  if (said.length) ctx.out(`${ctx.theme.bold('Clarifications so far:')}\n${said.map((a) => exchange(live, a.text, c.interview.clarifyingQuestions.find((q) => q.id === a.matched)?.answer)).join('')}`);
  else if (asked.length) ctx.out(`${ctx.theme.bold('Clarifications so far:')}\n${renderClarifications(asked, ctx.theme, ctx.columns)}`);
  while (live.session.stage === 'phases') {
    const phase = c.interview.phases[live.session.phaseIndex]!;
    const kind = phase.kind ?? (live.session.phaseIndex === 0 ? 'clarify' : 'design');
    ctx.out(renderPhaseIntro(c, live.session, ctx.theme, ctx.columns, kind === 'deep-dive'));
    live.startPhaseClock();
    fixHintOrder(live, c);
    if (kind === 'clarify') await clarifyingRound(live, c);
    if (kind === 'deep-dive') {
      announceChange(live, c);
      const probe = askProbe(live, c, phase.id);
      // Continuing after the push: say it again, then the notes go on under it.
      if (probe?.pushed && probe.push) ctx.out(`\n${ctx.theme.bold('The interviewer pushed:')}\n${wrap(sanitizeLine(probe.push), width(live), '  ', '  ')}\n`);
      await takeNotes(live, c);
      if (probe && !probe.pushed) {
        const f = c.interview.followUps.find((x) => x.id === probe.id)!;
        const push = secondLevelPush(c.interview, f, gradeSoFar(live.session, c)).replace(/^Push:\s*/, '');
        live.session = { ...live.session, probes: (live.session.probes ?? []).map((p) => (p === probe ? { ...p, pushed: true, push } : p)) };
        live.save();
        ctx.out(`\n${ctx.theme.bold('The interviewer pushes:')}\n${wrap(sanitizeLine(push), width(live), '  ', '  ')}\n`);
        await takeNotes(live, c);
      }
    } else {
      if (kind === 'wrap-up') await wrapUpProbe(live, c, phase.id);
      await takeNotes(live, c);
    }
    live.stopPhaseClock();
    live.session = finishPhase(live.session);
    live.save();
  }
  if (live.session.stage === 'questions') {
    await frameStretch(live, 'questions', 'Your questions for the interviewer', 'The design is over. Ask the interviewer your own questions about the team and the role (not graded), then ⏎ on an empty line for the debrief.');
    live.session = { ...live.session, stage: 'debrief' };
    live.save();
  }
}

const width = (live: Live) => Math.max(40, Math.min(live.ctx.columns, 100) - 1);

/** Introductions or the candidate's questions: a timed notes stretch outside the design, not graded. */
async function frameStretch(live: Live, part: 'intro' | 'questions', title: string, says: string): Promise<void> {
  const { ctx } = live;
  if (!live.session.frame) return;
  ctx.out(`\n${wrap(`${ctx.theme.heading(title)}${ctx.theme.dim(` · ${mmss(Math.round(live.session.frame[part].plannedMs / 1000))} planned, outside the design time`)}`, width(live), '', '  ')}\n${wrap(says, width(live), '  ', '  ')}\n`);
  live.startFrameClock(part);
  let draft: NotesDraft | undefined;
  const result = await live.ask(
    () =>
      live.prompter.notes({
        title,
        lines: live.session.frame![part].notes,
        clock: live.session.practice ? undefined : () => live.clock()!,
        bell: () => live.bell(),
        onChange: (d) => void (draft = d),
        doneLabel: 'continue',
        theme: ctx.theme,
      }),
    () => {
      if (draft) live.session = updateFrame(live.session, part, { notes: [...draft.lines, ...(draft.current?.trim() ? [draft.current.trimEnd()] : [])] });
    },
  );
  live.session = updateFrame(live.session, part, { notes: result.lines });
  live.stopPhaseClock();
}

/** Fixes the order of the current phase's hints when it starts: thinnest targets first. */
function fixHintOrder(live: Live, c: Capstone): void {
  const rec = live.session.phases[live.session.phaseIndex]!;
  if (rec.hintOrder) return;
  const phase = c.interview.phases[live.session.phaseIndex]!;
  live.session = updatePhase(live.session, { hintOrder: hintOrder(phase, gradeSoFar(live.session, c)) });
}

/** The mid-round change, said once at the start of the deep dive. */
function announceChange(live: Live, c: Capstone): void {
  const change = c.interview.midRoundChange;
  if (!change) return;
  // Said once; a resumed deep dive says it again, as what was changed earlier (its points are graded).
  const again = live.session.changed === true;
  if (!again) {
    live.session = { ...live.session, changed: true };
    live.save();
  }
  live.ctx.out(`\n${live.ctx.theme.warn(live.ctx.theme.bold(again ? 'The interviewer changed a requirement earlier:' : 'The interviewer changes a requirement:'))}\n${wrap(sanitizeLine(change.say), width(live), '  ', '  ')}\n`);
}

/** The deep dive's one topic: the follow-up whose targets are thinnest in the notes so far. */
function askProbe(live: Live, c: Capstone, phaseId: string) {
  const s = live.session;
  let probe = s.probes?.find((p) => p.phase === phaseId);
  if (!probe) {
    const done = c.interview.phases.slice(0, s.phaseIndex + 1).map((p) => p.id);
    const f = chooseProbe(c.interview, gradeSoFar(s, c), done, (s.probes ?? []).map((p) => p.id));
    if (!f) return undefined;
    probe = { phase: phaseId, id: f.id, pushed: false };
    live.session = { ...s, probes: [...(s.probes ?? []), probe] };
    live.save();
  }
  const f = c.interview.followUps.find((x) => x.id === probe!.id);
  if (f) live.ctx.out(`\n${live.ctx.theme.bold('The interviewer picks one topic for the deep dive:')}\n${wrap(sanitizeLine(f.question), width(live), '  ', '  ')}\n`);
  return live.session.probes?.find((p) => p.phase === phaseId);
}

/** Before the wrap-up: one more probe on what is still thin, answered on the wrap-up's clock. */
async function wrapUpProbe(live: Live, c: Capstone, phaseId: string): Promise<void> {
  const { ctx } = live;
  let s = live.session;
  let probe = s.probes?.find((p) => p.phase === phaseId);
  if (!probe) {
    const f = chooseProbe(c.interview, gradeSoFar(s, c), c.interview.phases.slice(0, s.phaseIndex).map((p) => p.id), (s.probes ?? []).map((p) => p.id));
    if (!f) return;
    probe = { phase: phaseId, id: f.id, pushed: false };
    live.session = s = { ...s, probes: [...(s.probes ?? []), probe] };
    live.save();
  }
  if (s.followUps.some((a) => a.id === probe!.id)) return;
  const f = c.interview.followUps.find((x) => x.id === probe!.id);
  if (!f) return;
  ctx.out(`\n${ctx.theme.bold('Before we wrap up, the interviewer asks:')}\n${wrap(sanitizeLine(f.question), width(live), '  ', '  ')}\n`);
  // Lines typed before a save and quit (or a signal) come back in the answer box on resume.
  const kept = probe.draft;
  let draft: NotesDraft | undefined = kept?.length ? { lines: kept, hintsShown: 0 } : undefined;
  const withDraft = (lines: string[] | undefined) => ({ ...live.session, probes: (live.session.probes ?? []).map((p) => (p.phase === phaseId && p.id === probe!.id ? { ...p, draft: lines?.length ? lines : undefined } : p)) });
  const answer = await live.ask(
    () => live.prompter.notes({ title: 'Your answer', lines: draft?.lines, clock: live.session.practice ? undefined : () => live.clock()!, bell: () => live.bell(), onChange: (d) => void (draft = d), doneLabel: 'answer', theme: ctx.theme }),
    () => {
      if (draft?.current?.trim()) draft = { ...draft, lines: [...draft.lines, draft.current.trimEnd()], current: '' };
      live.session = withDraft(draft?.lines);
    },
  );
  live.session = { ...withDraft(undefined), followUps: [...live.session.followUps, { id: f.id, answer: answer.lines.join('\n') }] };
  live.save();
}

/**
 * Typed clarifying questions, answered from the bank (or "assume what is reasonable and say it"),
 * on the first phase's clock; an empty submission ends the round. Asking earns no points.
 */
async function clarifyingRound(live: Live, c: Capstone): Promise<void> {
  const { ctx } = live;
  const rec = live.session.phases[live.session.phaseIndex]!;
  if (rec.notes.length > 0) return; // notes were started: the round is over
  const bank = c.interview.clarifyingQuestions;
  ctx.out(`${ctx.theme.dim(wrap('Ask the interviewer your clarifying questions: type each on its own line, ⏎ on an empty line to hear the answers; ⏎ on an empty first line to start your notes.', width(live)))}\n`);
  for (;;) {
    // Questions typed before a save and quit come back in the prompt on resume.
    let draft: NotesDraft | undefined = live.session.pendingQuestions?.length ? { lines: live.session.pendingQuestions, hintsShown: 0 } : undefined;
    const typed = await live.ask(
      () => live.prompter.notes({ title: 'Ask the interviewer', lines: draft?.lines, clock: live.session.practice ? undefined : () => live.clock()!, bell: () => live.bell(), onChange: (d) => void (draft = d), doneLabel: 'ask (empty: start notes)', noun: 'question', quietWhenEmpty: true, theme: ctx.theme }),
      () => {
        if (draft?.current?.trim()) draft = { ...draft, lines: [...draft.lines, draft.current.trimEnd()], current: '' };
        live.session = { ...live.session, pendingQuestions: draft?.lines.length ? draft.lines : undefined };
      },
    );
    live.session = { ...live.session, pendingQuestions: undefined };
    const questions = typed.lines.map((l) => l.trim()).filter(Boolean);
    if (!questions.length) return;
    for (const q of questions) {
      const m = matchQuestion(q, bank);
      live.session = {
        ...live.session,
        asked: [...(live.session.asked ?? []), { text: q, matched: m.question?.id ?? null }],
        clarifying: m.question && !live.session.clarifying.includes(m.question.id) ? [...live.session.clarifying, m.question.id] : live.session.clarifying,
      };
      ctx.out(exchange(live, q, m.question?.answer));
    }
    live.save();
  }
}

/** One clarifying exchange as the round shows it: "You: …" then "Interviewer: …" (the bank's answer, or the default). */
function exchange(live: Live, question: string, answer: string | undefined): string {
  const t = live.ctx.theme;
  return `${t.bold(wrap(`You: ${sanitizeLine(question)}`, width(live), '  ', '    '))}\n${wrap(`Interviewer: ${sanitizeLine(answer ?? UNKNOWN_ANSWER)}`, width(live), '  ', '    ')}\n`;
}

/** The notes widget for the current phase; Ctrl-C keeps the draft (including the line being typed). */
async function takeNotes(live: Live, c: Capstone): Promise<void> {
  const { ctx } = live;
  const phase = c.interview.phases[live.session.phaseIndex]!;
  const steps = hintSteps(phase, live.session.phases[live.session.phaseIndex]!.hintOrder);
  let draft: NotesDraft | undefined;
  const keep = () => {
    if (!draft) return;
    const typed = draft.current?.trim() ? [draft.current.trimEnd()] : [];
    live.session = updatePhase(live.session, { notes: [...draft.lines, ...typed], hintsShown: draft.hintsShown });
    draft = undefined;
  };
  /** A reveal shown now caps the points it gives away that the notes so far have not explained. */
  const onHint = (d: NotesDraft) => {
    const before = live.session.phases[live.session.phaseIndex]!.hintsShown;
    if (d.hintsShown <= before) return;
    for (const step of steps.slice(before, d.hintsShown)) {
      const given = newlyRevealed(step, gradeSoFar(live.session, c, d.lines));
      const had = live.session.revealed ?? [];
      if (given.length) live.session = { ...live.session, revealed: [...had, ...given.filter((g) => !had.includes(g))] };
    }
    live.session = updatePhase(live.session, { hintsShown: d.hintsShown, notes: d.lines });
    live.save();
  };
  const result = await live.ask(() => {
    const rec = live.session.phases[live.session.phaseIndex]!;
    return live.prompter.notes({
      title: `Phase ${live.session.phaseIndex + 1}/${live.session.phases.length} · ${phase.title}`,
      lines: rec.notes,
      hints: steps.map(stepText),
      hintsShown: rec.hintsShown,
      clock: live.session.practice ? undefined : () => live.clock()!,
      bell: () => live.bell(),
      onChange: (d) => {
        draft = d;
        onHint(d);
      },
      doneLabel: 'end the phase',
      theme: ctx.theme,
    });
  }, keep);
  live.session = updatePhase(live.session, { notes: result.lines, hintsShown: result.hintsShown });
}
