/**
 * The timed part of an interview: the prompt, the optional clarifying round (on the first phase's
 * clock), then each phase with its guiding prompts and the live notes widget. The session is saved
 * after every phase, so a crash loses at most the phase in progress.
 */
import type { Capstone } from '../../interview/catalog.js';
import { sanitizeLine } from '../../sanitize.js';
import { finishPhase, updatePhase } from '../../interview/session.js';
import { renderBrief, renderClarifications, renderPhaseIntro } from '../../ui/render/interview.js';
import { clockText, type NotesDraft } from '../../ui/widgets/notes-prompt.js';
import type { Live } from './live.js';

export async function conductPhases(live: Live, c: Capstone): Promise<void> {
  const { ctx } = live;
  ctx.out(renderBrief(c, live.session, ctx.theme, ctx.columns));
  // Continuing a saved interview: show the answers already obtained.
  const asked = c.interview.clarifyingQuestions.filter((q) => live.session.clarifying.includes(q.id));
  if (asked.length) ctx.out(`${ctx.theme.bold('Clarifications so far:')}\n${renderClarifications(asked, ctx.theme, ctx.columns)}`);
  while (live.session.stage === 'phases') {
    ctx.out(renderPhaseIntro(c, live.session, ctx.theme, ctx.columns));
    live.startPhaseClock();
    if (live.session.phaseIndex === 0) await clarifyingRound(live, c);
    await takeNotes(live, c);
    live.stopPhaseClock();
    live.session = finishPhase(live.session);
    live.save();
  }
}

/** Pick questions to ask and read the answers, as often as wanted; the first phase's clock runs. */
async function clarifyingRound(live: Live, c: Capstone): Promise<void> {
  const { ctx } = live;
  const rec = live.session.phases[0]!;
  if (rec.notes.length > 0) return; // notes were started: the round is over
  const all = c.interview.clarifyingQuestions;
  for (;;) {
    const left = all.filter((q) => !live.session.clarifying.includes(q.id));
    if (left.length === 0) return;
    // The phase clock keeps running here, so the menu redraws it every second.
    const ticker = live.session.practice ? undefined : () => (live.clock() ? `${clockText(live.clock()!, ctx.theme)} · ` : '');
    // One question at a time, as in a real round; a list (not checkboxes), so that typing a note
    // too early cannot trigger list shortcuts.
    const pick = await live.ask(() =>
      live.prompter.select<string | null>({
        message: 'Ask the interviewer a question, or start your notes',
        choices: [{ name: '→ Done asking: on to my notes', value: null }, ...left.map((q) => ({ name: sanitizeLine(q.question), value: q.id }))],
        ticker,
      }),
    );
    if (pick === null) return;
    const picked = [pick];
    live.session = { ...live.session, clarifying: [...live.session.clarifying, ...picked] };
    ctx.out(renderClarifications(all.filter((q) => picked.includes(q.id)), ctx.theme, ctx.columns));
  }
}

/** The notes widget for the current phase; Ctrl-C keeps the draft (including the line being typed). */
async function takeNotes(live: Live, c: Capstone): Promise<void> {
  const { ctx } = live;
  const phase = c.interview.phases[live.session.phaseIndex]!;
  let draft: NotesDraft | undefined;
  const keep = () => {
    if (!draft) return;
    const typed = draft.current?.trim() ? [draft.current.trimEnd()] : [];
    live.session = updatePhase(live.session, { notes: [...draft.lines, ...typed], hintsShown: draft.hintsShown });
    draft = undefined;
  };
  const result = await live.ask(() => {
    const rec = live.session.phases[live.session.phaseIndex]!;
    return live.prompter.notes({
      title: `Phase ${live.session.phaseIndex + 1}/${live.session.phases.length} · ${phase.title}`,
      lines: rec.notes,
      hints: phase.hints,
      hintsShown: rec.hintsShown,
      clock: live.session.practice ? undefined : () => live.clock()!,
      bell: () => live.bell(),
      onChange: (d) => {
        draft = d;
      },
      doneLabel: 'end the phase',
      theme: ctx.theme,
    });
  }, keep);
  live.session = updatePhase(live.session, { notes: result.lines, hintsShown: result.hintsShown });
}
