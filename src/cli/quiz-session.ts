/**
 * Runs a sequence of questions in the terminal: asks each through the Prompter, grades it, saves
 * the answer (and its FSRS card) the moment it is given, and shows feedback. Ctrl-C stops with the
 * count of answers already saved.
 */
import { randomUUID } from 'node:crypto';
import { InterruptedError, isPromptCancel } from '../errors.js';
import { grade, readNumericAnswer, RECALL_GRADES, type Response } from '../quiz/grade.js';
import { ratingFor } from '../quiz/rating.js';
import { derangedOrder, shuffle, type Rng } from '../quiz/rng.js';
import type { QuestionRef } from '../quiz/select.js';
import { review } from '../review/fsrs.js';
import type { AnswerEvent } from '../progress/model.js';
import { updateProgress } from '../progress/store.js';
import { configPath, readConfig } from '../config/store.js';
import { schedulingOf } from '../config/settings.js';
import type { Prompter } from '../ui/prompter.js';
import { renderFeedback, renderQuestion, renderSummary, type AnsweredItem } from '../ui/render/quiz.js';
import { plural, wrap } from '../ui/text.js';
import type { Context } from './context.js';

export interface SessionOptions {
  source: AnswerEvent['source'];
  /** Record answers but leave the schedule alone. */
  cram?: boolean;
  rng: Rng;
  prompter: Prompter;
  /** Monotonic milliseconds, for answer times. */
  clock?: () => number;
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
      const response = await ask(ref, opts.prompter, opts.rng, ctx);
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
      await updateProgress(ctx.progressPath, (p) => {
        p.events.push(event);
        if (!opts.cram) p.cards[ref.question.id] = review(p.cards[ref.question.id], rating, now, schedulingOf(config, p.settings.desiredRetention));
      });
      items.push({ ref, verdict });
      ctx.out(renderFeedback(ref, verdict, ctx.theme, ctx.columns));
    }
  } catch (e) {
    if (isPromptCancel(e)) {
      throw new InterruptedError(`Interrupted — ${plural(items.length, 'answer')} saved in ${ctx.progressPath}.`);
    }
    throw e;
  }
  const elapsedMs = clock() - started;
  ctx.out(renderSummary(items, elapsedMs, ctx.theme, { cram: opts.cram, columns: ctx.columns }));
  return { items, elapsedMs };
}

/** Asks one question with the prompt that fits its type; options are shuffled with `rng`. */
async function ask(ref: QuestionRef, p: Prompter, rng: Rng, ctx: Context): Promise<Response> {
  const q = ref.question;
  switch (q.type) {
    case 'single': {
      const order = shuffle(q.options.map((_, i) => i), rng);
      const choice = await p.select({ message: 'Choose one', choices: order.map((i) => ({ name: q.options[i]!, value: i })) });
      return { type: 'single', choice };
    }
    case 'multi': {
      const order = shuffle(q.options.map((_, i) => i), rng);
      const choices = await p.checkbox({ message: 'Choose all that apply (space to mark, ⏎ to submit)', choices: order.map((i) => ({ name: q.options[i]!, value: i })) });
      return { type: 'multi', choices };
    }
    case 'truefalse': {
      const value = await p.select({ message: 'True or false?', choices: [{ name: 'True', value: true }, { name: 'False', value: false }] });
      return { type: 'truefalse', value };
    }
    case 'numeric': {
      const text = await p.input({
        message: q.unit ? `Your estimate (in ${q.unit}; other units of the same kind are converted)` : 'Your estimate',
        validate: (v) => {
          const r = readNumericAnswer(q, v);
          return r.ok ? true : r.error;
        },
      });
      return { type: 'numeric', text };
    }
    case 'order': {
      const shown = derangedOrder(q.items.length, rng);
      const picked = await p.order({ message: 'Put these in order', items: shown.map((i) => q.items[i]!) });
      return { type: 'order', order: picked.map((i) => shown[i]!) };
    }
    case 'recall': {
      await p.input({ message: 'Recall the answer, then press ⏎ to reveal it' });
      ctx.out(`${ctx.theme.accent(wrap(q.back, Math.min(ctx.columns, 100) - 1, '  ', '  '))}\n`);
      const g = await p.select({
        message: 'How well did you recall it?',
        choices: RECALL_GRADES.map((name, i) => ({ name, value: (i + 1) as 1 | 2 | 3 | 4, description: GRADE_HELP[i] })),
        default: 3 as 1 | 2 | 3 | 4,
      });
      return { type: 'recall', grade: g };
    }
  }
}

const GRADE_HELP = ['forgot it: see it again soon', 'recalled with real effort', 'recalled after a moment', 'knew it at once'];
