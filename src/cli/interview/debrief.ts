/**
 * The debrief: the checklist per phase with coverage and time, the rubric self-scores, three
 * follow-up questions answered beside the model answers; then the progress entry and the Markdown
 * transcript are written and the in-progress file removed. Each answer is saved as it is given.
 */
import type { Capstone } from '../../interview/catalog.js';
import { drawFollowUps, interviewEvent, sessionCoverage } from '../../interview/debrief.js';
import { workOnNext } from '../../interview/work-on.js';
import { renderTranscript, transcriptName } from '../../interview/transcript.js';
import { updateProgress } from '../../progress/store.js';
import { renderClosing, renderCoverage, renderDimension, renderFollowUpAnswer } from '../../ui/render/interview.js';
import { wrap } from '../../ui/text.js';
import type { NotesDraft } from '../../ui/widgets/notes-prompt.js';
import { clearSaved, freshPath, interviewsDir, writeTranscript } from './files.js';
import type { Live } from './live.js';

const LEVEL_NAMES = ['very weak', 'weak', 'strong', 'very strong'] as const;

/** Runs the debrief and saves everything; returns the transcript path. */
export async function runDebrief(live: Live, c: Capstone, out: string | undefined): Promise<string> {
  const { ctx, prompter } = live;
  const t = ctx.theme;
  const iv = c.interview;
  const coverage = sessionCoverage(live.session, c);
  ctx.out(renderCoverage(c, live.session, coverage, t, ctx.columns));

  if (iv.rubric.some((d) => live.session.rubric[d.id] === undefined)) ctx.out(`\n${t.heading('Score yourself')} ${t.dim('— be honest: 3 is a hire at senior level')}\n`);
  for (const [i, d] of iv.rubric.entries()) {
    if (live.session.rubric[d.id] !== undefined) continue;
    ctx.out(renderDimension(d, i, iv.rubric.length, t, ctx.columns));
    const score = await live.ask(() =>
      prompter.select({
        message: `${d.title}: your level`,
        choices: LEVEL_NAMES.map((name, l) => ({ name: `${l + 1} · ${name}`, value: l + 1 })),
        default: 2,
      }),
    );
    live.session = { ...live.session, rubric: { ...live.session.rubric, [d.id]: score } };
    live.save();
  }

  const asked = drawFollowUps(live.session, c);
  const width = Math.max(40, Math.min(ctx.columns, 100) - 1);
  for (const [i, q] of asked.entries()) {
    if (live.session.followUps.some((f) => f.id === q.id)) continue;
    ctx.out(`\n${t.heading(`Follow-up ${i + 1}/${asked.length}`)}\n${t.bold(wrap(q.question, width))}\n`);
    let draft: NotesDraft | undefined;
    const answer = await live.ask(
      () => prompter.notes({ title: 'Your answer', lines: draft?.lines, onChange: (d) => void (draft = d), doneLabel: 'submit', theme: t }),
      () => {
        if (draft?.current?.trim()) draft = { ...draft, lines: [...draft.lines, draft.current.trimEnd()], current: '' };
      },
    );
    const text = answer.lines.join('\n');
    ctx.out(`\n${renderFollowUpAnswer(q, text, t, ctx.columns)}`);
    live.session = { ...live.session, followUps: [...live.session.followUps, { id: q.id, answer: text }] };
    live.save();
  }

  const finishedAt = ctx.now();
  const text = renderTranscript({ session: live.session, capstone: c, coverage, finishedAt });
  const fallback = () => freshPath(interviewsDir(ctx.progressPath), transcriptName(new Date(live.session.startedAt), c));
  let path = out ?? fallback();
  try {
    writeTranscript(path, text);
  } catch (e) {
    if (out === undefined) throw e;
    // Never lose a finished interview to a bad --out: keep it in the default folder instead.
    path = fallback();
    ctx.err(`study: could not write ${out} (${(e as Error).message}); the transcript goes to ${path} instead\n`);
    writeTranscript(path, text);
  }
  const event = interviewEvent(live.session, c, coverage, finishedAt, path);
  await updateProgress(ctx.progressPath, (p) => {
    // A resumed save after a crash must not record the interview twice.
    if (!p.events.some((e) => e.id === event.id)) p.events.push(event);
  });
  clearSaved(live.savePath);
  ctx.out(renderClosing(workOnNext(iv.rubric, live.session.rubric, coverage), path, t, ctx.columns));
  return path;
}
