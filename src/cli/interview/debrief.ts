/**
 * The debrief: every checklist point per phase with the grader's state and evidence (points a
 * tier-3 hint gave away capped at mentioned), the probes asked during the round graded against
 * their targets beside the model answers, a chance to flip points the grader got wrong, the rubric
 * self-scores and beside them the level the notes show; then the progress entry (with review
 * cards for the missed and mention-only points, unless --no-cards) and the Markdown transcript are
 * written and the in-progress file removed. Each answer is saved as it is given.
 */
import type { Capstone } from '../../interview/catalog.js';
import { addGapCards, gapCardIds } from '../../interview/cards.js';
import { pointLabels } from '../../interview/label.js';
import { interviewEvent, meanScore, probeResults, sessionGrade, sessionLevel } from '../../interview/debrief.js';
import { renderChange, renderLevel, renderProbes } from '../../ui/render/interview-level.js';
import { STATUSES, withFlips, type Status } from '../../interview/grade.js';
import { workOnNext } from '../../interview/work-on.js';
import { renderTranscript, transcriptName } from '../../interview/transcript.js';
import { updateProgress } from '../../progress/store.js';
import { percent, renderClosing, renderDebrief, renderDimension } from '../../ui/render/interview.js';
import { sanitizeLine } from '../../sanitize.js';
import { wrap } from '../../ui/text.js';
import { clearSaved, freshPath, interviewsDir, writeTranscript } from './files.js';
import type { Live } from './live.js';

const LEVEL_NAMES = ['very weak', 'weak', 'strong', 'very strong'] as const;
const width = (columns: number) => Math.max(40, Math.min(columns, 100) - 1);

/** Runs the debrief and saves everything; returns the transcript path. */
export async function runDebrief(live: Live, c: Capstone, out: string | undefined): Promise<string> {
  const { ctx, prompter } = live;
  const t = ctx.theme;
  const iv = c.interview;
  const grade = sessionGrade(live.session, c);
  ctx.out(renderDebrief(c, live.session, grade, t, ctx.columns));
  const revealed = live.session.revealed ?? [];
  if (revealed.length) ctx.out(`${t.dim(wrap(`Capped at mentioned (first given away by a reveal hint): ${pointLabels(iv.checklist, revealed).map(sanitizeLine).join('; ')}`, width(ctx.columns)))}\n`);
  ctx.out(renderProbes(probeResults(live.session, c), t, ctx.columns, iv.phases));
  const change = iv.midRoundChange;
  if (change && live.session.changed) ctx.out(renderChange(change.say, change.targets, grade, t, ctx.columns));
  await reviewFlips(live, c);

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

  const level = sessionLevel(live.session, c, grade);
  ctx.out(renderLevel(level, meanScore(live.session.rubric), t, ctx.columns));

  const finishedAt = ctx.now();
  const text = renderTranscript({ session: live.session, capstone: c, grade, finishedAt });
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
  const cards = live.session.noCards ? [] : gapCardIds(c, grade, live.session.flips ?? {});
  const event = interviewEvent(live.session, c, grade, finishedAt, path, { level: level.level, reviewCards: cards });
  await updateProgress(ctx.progressPath, (p) => {
    // A resumed save after a crash must not record the interview twice.
    if (p.events.some((e) => e.id === event.id)) return;
    p.events.push(event);
    if (cards.length) p.cards = addGapCards(p.cards, cards, finishedAt);
  });
  clearSaved(live.savePath);
  ctx.out(renderClosing(workOnNext(iv.rubric, live.session.rubric, withFlips(iv, grade, live.session.flips ?? {})), path, t, ctx.columns));
  if (cards.length) ctx.out(`${wrap(`${cards.length} review card${cards.length === 1 ? '' : 's'} added for the points you missed or only mentioned; drill them with: study review`, width(ctx.columns))}\n`);
  else if (live.session.noCards) ctx.out(t.dim('No review cards added (--no-cards).\n'));
  return path;
}

const MARK: Record<Status, string> = { explained: '✔', mentioned: '~', missed: '✘' };

/** Lets the user flip points the grader got wrong; each flip is saved as it is made. */
async function reviewFlips(live: Live, c: Capstone): Promise<void> {
  const { ctx, prompter } = live;
  const grade = sessionGrade(live.session, c);
  for (;;) {
    const flips = live.session.flips ?? {};
    const pick = await live.ask(() =>
      prompter.select<string | null>({
        message: 'Did the grader get a point wrong? Pick it to flip it',
        choices: [
          { name: '→ No, continue', value: null },
          ...grade.points.map((p) => {
            const state = flips[p.id] ?? p.status;
            const name = `${MARK[state]} ${flips[p.id] ? '(flipped) ' : ''}${sanitizeLine(p.point)}`;
            // One line per choice, so the list pages cleanly at any width.
            const room = Math.max(20, ctx.columns - 6);
            return { name: name.length > room ? `${name.slice(0, room - 1)}…` : name, value: p.id };
          }),
        ],
      }),
    );
    if (pick === null) return;
    const point = grade.points.find((p) => p.id === pick)!;
    const now = flips[pick] ?? point.status;
    const to = await live.ask(() =>
      prompter.select<Status>({
        message: `Grader: ${point.status}${flips[pick] ? `, you: ${now}` : ''}. What should it be?`,
        choices: STATUSES.filter((st) => st !== now).map((st) => ({ name: st === point.status ? `${st} (as the grader said)` : st, value: st })),
      }),
    );
    const next = { ...flips };
    if (to === point.status) delete next[pick];
    else next[pick] = to;
    live.session = { ...live.session, flips: next };
    live.save();
    const user = Object.keys(next).length ? ` · ${percent(withFlips(c.interview, grade, next).score)}% with your flips` : '';
    // The point's new state, marked as in the list (✔ explained, ~ mentioned, ✘ missed).
    const text = sanitizeLine(point.point).replace(/[.:;,\s]+$/, '');
    const mark = to === 'explained' ? ctx.theme.ok(MARK[to]) : to === 'missed' ? ctx.theme.bad(MARK[to]) : ctx.theme.warn(MARK[to]);
    ctx.out(`${wrap(`${text} — now ${to === point.status ? `${to} (flip undone)` : `${to} (flipped)`}. Score ${percent(grade.score)}% by the grader${user}`, width(ctx.columns), `${mark} `, '  ')}\n`);
  }
}
