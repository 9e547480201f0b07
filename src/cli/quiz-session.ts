/**
 * Runs a sequence of questions in the terminal: asks each through the Prompter, grades it, saves
 * the answer (and its FSRS card) the moment it is given, and shows feedback. Ctrl-C stops with the
 * count of answers already saved.
 */
import { randomUUID } from 'node:crypto';
import { InterruptedError, isPromptCancel } from '../errors.js';
import { unitInfo } from '../calc/units.js';
import { grade, readNumericAnswer, RECALL_GRADES, type Response } from '../quiz/grade.js';
import { ratingFor } from '../quiz/rating.js';
import { derangedOrder, shuffle, type Rng } from '../quiz/rng.js';
import type { QuestionRef } from '../quiz/select.js';
import { review, type Scheduling } from '../review/fsrs.js';
import type { AnswerEvent } from '../progress/model.js';
import { updateProgress } from '../progress/store.js';
import { configPath, readConfig } from '../config/store.js';
import { schedulingOf } from '../config/settings.js';
import type { Prompter } from '../ui/prompter.js';
import { renderFeedback, renderQuestion, renderScheduled, renderSummary, type AnsweredItem } from '../ui/render/quiz.js';
import { contentWidth, displayWidth, plural, truncate, wrap } from '../ui/text.js';
import { gradeLine, previewGrades, shortInterval } from '../review/intervals.js';
import type { StoredCard } from '../progress/model.js';
import { sanitize, sanitizeLine } from '../sanitize.js';
import type { Context } from './context.js';

export interface SessionOptions {
  source: AnswerEvent['source'];
  /** Record answers but leave the schedule alone. */
  cram?: boolean;
  rng: Rng;
  prompter: Prompter;
  /** Monotonic milliseconds, for answer times. */
  clock?: () => number;
  /**
   * Review sessions: the cards as they stood when the session began and the desired retention,
   * to show what each grade would schedule ("Again 10m · Hard 1d · Good 4d · Easy 9d") and when
   * the card is due again.
   */
  schedule?: { card: (questionId: string) => StoredCard | undefined; retention: number | Scheduling };
}

export interface SessionResult {
  items: AnsweredItem[];
  elapsedMs: number;
}

export async function runSession(refs: QuestionRef[], ctx: Context, opts: SessionOptions): Promise<SessionResult> {
  const clock = opts.clock ?? (() => performance.now());
  const started = clock();
  const items: AnsweredItem[] = [];
  // Retention and personal FSRS parameters from the settings (study config, review --optimize).
  const config = readConfig(configPath(ctx.progressPath));
  try {
    for (const [i, ref] of refs.entries()) {
      ctx.out(renderQuestion(ref, i, refs.length, ctx.theme, ctx.columns));
      const shownAt = clock();
      const { response, shown } = await ask(ref, opts.prompter, opts.rng, ctx, opts.schedule);
      const ms = Math.round(clock() - shownAt);
      const verdict = grade(ref.question, response);
      const rating = ratingFor(ref.question.type, verdict, response, ms);
      const now = ctx.now();
      const event: AnswerEvent = {
        id: randomUUID(),
        type: 'answer',
        at: now.toISOString(),
        questionId: ref.question.id,
        topicId: ref.topic.id,
        correct: verdict.correct,
        rating,
        source: opts.source,
        cram: opts.cram ?? false,
        ms,
        given: verdict.given.slice(0, 2000),
      };
      let before: StoredCard | undefined;
      let after: StoredCard | undefined;
      let retention: number | Scheduling = 0.9;
      await updateProgress(ctx.progressPath, (p) => {
        p.events.push(event);
        before = p.cards[ref.question.id];
        retention = schedulingOf(config, p.settings.desiredRetention);
        if (!opts.cram) after = p.cards[ref.question.id] = review(before, rating, now, retention);
      });
      items.push({ ref, verdict });
      ctx.out(renderFeedback(ref, verdict, ctx.theme, ctx.columns, response, shown));
      if (opts.schedule && after) {
        // A recall card showed the grades before they were chosen; the others were graded for the user.
        const previews = ref.question.type === 'recall' ? undefined : previewGrades(before, now, retention);
        ctx.out(renderScheduled(previews, rating, new Date(after.due), now, ctx.theme, ctx.columns));
      }
    }
  } catch (e) {
    if (isPromptCancel(e)) {
      throw new InterruptedError(items.length ? `Interrupted — ${plural(items.length, 'answer')} saved in ${ctx.progressPath}.` : 'Interrupted — nothing was answered, so nothing changed.', items.length ? ctx.progressPath : undefined);
    }
    throw e;
  }
  const elapsedMs = clock() - started;
  ctx.out(renderSummary(items, elapsedMs, ctx.theme, { cram: opts.cram, columns: ctx.columns }));
  return { items, elapsedMs };
}

/**
 * A choice's text wrapped for a list whose rows start with `lead` columns of cursor and mark
 * ("❯ " in a select, "❯◯ " in a checkbox): continuation lines hang under the text.
 */
function choiceText(text: string, lead: number, columns: number, message = '', label = ''): { name: string; short: string } {
  const pad = ' '.repeat(lead);
  // Once answered, the choice is echoed after "› message ": one row, shortened only when it must be.
  return { name: wrap(sanitize(text), contentWidth(columns), pad + label, ' '.repeat(lead + label.length)).slice(lead), short: truncate(sanitizeLine(text), contentWidth(columns) - displayWidth(`› ${message} `)) };
}

/**
 * The options of a list, each wrapped under itself. When one takes more than a row, every option
 * gets its number ("1. ", "2. ") and its rows hang under its text, so where one option ends and
 * the next begins is plain to see. Numbers, not letters: the lists' own keys are numbers (a digit
 * moves to that option, or marks it in a multi-select), and a letter is taken there ("a" marks all).
 */
function choiceTexts(texts: string[], lead: number, columns: number, message = ''): { name: string; short: string }[] {
  const plain = texts.map((t) => choiceText(t, lead, columns, message));
  if (!plain.some((c) => c.name.includes('\n'))) return plain;
  const width = String(texts.length).length;
  return texts.map((t, k) => choiceText(t, lead, columns, message, `${String(k + 1).padStart(width)}. `));
}

/** The line echoed after a multi-select: the marked options when they fit on the row, else their count. */
function markedLine(message: string, columns: number): (shorts: string[]) => string {
  const room = contentWidth(columns) - displayWidth(`› ${message} `);
  return (shorts) => {
    const joined = shorts.join('; ');
    return displayWidth(joined) <= room ? joined : `${shorts.length} marked`;
  };
}

/** An answer, and for a multi question the order its options were shown in (feedback follows it). */
interface Asked {
  response: Response;
  shown?: number[];
}

/** Asks one question with the prompt that fits its type; options are shuffled with `rng`. */
async function ask(ref: QuestionRef, p: Prompter, rng: Rng, ctx: Context, schedule?: SessionOptions['schedule']): Promise<Asked> {
  const q = ref.question;
  switch (q.type) {
    case 'single': {
      const order = shuffle(q.options.map((_, i) => i), rng);
      const texts = choiceTexts(order.map((i) => q.options[i]!), 2, ctx.columns, 'Choose one');
      const choice = await p.select({ message: 'Choose one', choices: order.map((i, k) => ({ ...texts[k]!, value: i })) });
      return { response: { type: 'single', choice } };
    }
    case 'multi': {
      const shown = shuffle(q.options.map((_, i) => i), rng);
      // The keys are in the help line under the list; the message stays short so the answer fits after it.
      const message = 'Choose all that apply';
      const choices = await p.checkbox({
        message,
        choices: choiceTexts(shown.map((i) => q.options[i]!), 3, ctx.columns).map((c, k) => ({ ...c, value: shown[k]! })),
        answered: markedLine(message, ctx.columns),
        // An empty submit is almost always a slip of ⏎: refuse it rather than grade it wrong.
        validate: (picked) => (picked.length > 0 ? true : 'Mark at least one with space, then ⏎ (not graded yet)'),
      });
      return { response: { type: 'multi', choices }, shown };
    }
    case 'truefalse': {
      const value = await p.select({ message: 'True or false?', choices: [{ name: 'True', value: true }, { name: 'False', value: false }] });
      return { response: { type: 'truefalse', value } };
    }
    case 'numeric': {
      const text = await p.input({
        // Sizes, durations and money may be typed in another unit; a count (GPUs, replicas) may not.
        message: q.unit ? `Your estimate (in ${q.unit}${unitInfo(q.unit).kind === 'count' ? '' : '; other units of the same kind are converted'})` : 'Your estimate',
        validate: (v) => {
          const r = readNumericAnswer(q, v);
          return r.ok ? true : r.error;
        },
      });
      return { response: { type: 'numeric', text } };
    }
    case 'order': {
      const shown = derangedOrder(q.items.length, rng);
      const picked = await p.order({ message: 'Put these in order', items: shown.map((i) => q.items[i]!) });
      return { response: { type: 'order', order: picked.map((i) => shown[i]!) } };
    }
    case 'recall': {
      await p.input({ message: 'Recall the answer, then press ⏎ to reveal it' });
      ctx.out(`${ctx.theme.accent(wrap(sanitize(q.back), contentWidth(ctx.columns), '  ', '  '))}\n`);
      const previews = schedule ? previewGrades(schedule.card(q.id), ctx.now(), schedule.retention) : undefined;
      if (previews) ctx.out(`${ctx.theme.dim(wrap(`Next review: ${gradeLine(previews)}`, contentWidth(ctx.columns), '  ', '  '))}\n`);
      const g = await p.select({
        message: 'How well did you recall it?',
        choices: RECALL_GRADES.map((name, i) => ({
          name: previews ? `${name}  ${ctx.theme.dim(shortInterval(previews[i]!.intervalMs))}` : name,
          short: name,
          value: (i + 1) as 1 | 2 | 3 | 4,
          description: GRADE_HELP[i],
        })),
        default: 3 as 1 | 2 | 3 | 4,
      });
      return { response: { type: 'recall', grade: g } };
    }
  }
}

const GRADE_HELP = ['forgot it: see it again soon', 'recalled with real effort', 'recalled after a moment', 'knew it at once'];
