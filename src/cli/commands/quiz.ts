/** `study quiz`: questions from a module, section or topic; unseen and weak first. */
import { UsageError } from '../../errors.js';
import { sanitizeLine } from '../../sanitize.js';
import { QUESTION_TYPES, type QuestionType } from '../../curriculum/constants.js';
import { allQuestions, filterQuestions, findTopic, pickQuestions, type QuizFilter } from '../../quiz/select.js';
import { seededRng } from '../../quiz/rng.js';
import { questionStats } from '../../progress/stats.js';
import { readProgress } from '../../progress/store.js';
import type { Context } from '../context.js';
import { loadCurriculum } from '../load.js';
import { choiceOption, intOption } from '../options.js';
import { requireTerminal, seedFrom, terminalPrompter } from '../interactive.js';
import { runSession } from '../quiz-session.js';

export interface QuizOptions extends QuizFilter {
  count: number;
  seed?: number;
}

export function parseOptions(raw: Record<string, unknown>): QuizOptions {
  return {
    module: intOption('--module', raw.module, 1),
    section: raw.section === undefined ? undefined : String(raw.section),
    topic: raw.topic === undefined ? undefined : String(raw.topic),
    type: choiceOption<QuestionType>('--type', raw.type, QUESTION_TYPES),
    question: raw.question === undefined ? undefined : String(raw.question),
    count: intOption('--count', raw.count, 1, 500) ?? 10,
    seed: intOption('--seed', raw.seed, 0, 2 ** 31 - 1),
  };
}

export async function run(_args: string[], raw: Record<string, unknown>, ctx: Context): Promise<void> {
  const opts = parseOptions(raw);
  const curriculum = await loadCurriculum(ctx);
  if (opts.topic !== undefined) {
    const found = findTopic(curriculum, opts.topic);
    if (!found) throw (await import('../topic-arg.js')).unknownTopicError(curriculum, opts.topic, '--topic', 'study quiz --topic');
    opts.topic = found.topic.id;
  }
  if (opts.section !== undefined && !curriculum.modules.some((m) => m.sections.some((s) => s.id === opts.section))) {
    const ids = curriculum.modules.flatMap((m) => m.sections.map((s) => s.id));
    const near = (await import('../did-you-mean.js')).closest(opts.section, ids);
    const guess = near.length ? `did you mean ${near.join(' or ')}? The sections are` : 'expected one of';
    throw new UsageError(`--section: no section "${sanitizeLine(opts.section)}"; ${guess} ${ids.join(', ')}`);
  }
  if (opts.module !== undefined && !curriculum.modules.some((m) => m.number === opts.module)) {
    throw new UsageError(`--module: there is no module ${opts.module}; expected ${curriculum.modules.map((m) => m.number).join(', ')}`);
  }
  const pool = filterQuestions(allQuestions(curriculum), opts);
  if (opts.question !== undefined && pool.length === 0) throw new UsageError(`--question: no question "${opts.question}"; find ids with study search`);
  if (pool.length === 0) throw new UsageError('no questions match those filters; see study topics for what each topic has');
  requireTerminal(ctx, 'study quiz');
  const progress = readProgress(ctx.progressPath);
  const rng = seededRng(seedFrom(opts.seed));
  const refs = pickQuestions(pool, questionStats(progress), opts.count, rng);
  await runSession(refs, ctx, { source: 'quiz', rng, prompter: await terminalPrompter(ctx) });
}
