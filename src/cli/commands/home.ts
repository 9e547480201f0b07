/**
 * `study` with no command. In a terminal: the dashboard, then a menu that comes back after each
 * activity. Without one: the dashboard alone, exit 0.
 */
import { interruptedPath, isInterruption, isStudyError } from '../../errors.js';
import { contentWidth, menuName, withPath } from '../../ui/text.js';
import { curriculumIndex, indexTopics, type CurriculumIndex } from '../../curriculum/index.js';
import { progressReport } from '../../progress/report.js';
import { readSummary } from '../../progress/summary-cache.js';
import { renderDashboard, type PausedInterview } from '../../ui/render/dashboard.js';
import { pausedCapstone } from '../interview/paths.js';
import type { Context } from '../context.js';
import type { Handler } from '../commands.js';
import { loadCurriculumView, userCacheDir } from '../load.js';
import { terminalPrompter } from '../interactive.js';
import { sanitizeData } from '../untrusted.js';
import { sanitizeLine } from '../../sanitize.js';
import { schedulingOf } from '../../config/settings.js';
import { configPath, readConfig } from '../../config/path.js';
import { plannedNext } from '../plan-state.js';

type Item = 'continue' | 'learn' | 'quiz' | 'review' | 'drill' | 'interview' | 'calc' | 'progress' | 'quit';

const LOADERS: Record<Exclude<Item, 'continue' | 'quit'>, () => Promise<{ run: Handler }>> = {
  learn: () => import('./learn.js'),
  quiz: () => import('./quiz.js'),
  review: () => import('./review.js'),
  drill: () => import('./drill.js'),
  interview: () => import('./interview.js'),
  calc: () => import('./calc.js'),
  progress: () => import('./progress.js'),
};

/** Turns "study quiz --topic dns" into the command, its arguments and options. */
export function parseSuggestion(command: string): { name: Exclude<Item, 'continue' | 'quit'>; args: string[]; opts: Record<string, unknown> } {
  const [, name, ...rest] = command.split(/\s+/);
  const args: string[] = [];
  const opts: Record<string, unknown> = {};
  for (let i = 0; i < rest.length; i++) {
    const w = rest[i]!;
    if (w.startsWith('--')) opts[w.slice(2)] = rest[i + 1] === undefined || rest[i + 1]!.startsWith('--') ? true : rest[++i];
    else args.push(w);
  }
  return { name: name as Exclude<Item, 'continue' | 'quit'>, args, opts };
}

/** The paused mock interview, if one is saved, with its title and the command that resumes it. */
function paused(index: CurriculumIndex, progressPath: string): PausedInterview | undefined {
  const capstone = pausedCapstone(progressPath);
  if (capstone === undefined) return undefined;
  const topic = indexTopics(index).find((t) => t.id === capstone);
  return { title: topic ? topic.title : 'one is saved', command: 'study interview --resume' };
}

export async function run(_args: string[], _raw: Record<string, unknown>, ctx: Context): Promise<void> {
  const index = await loadCurriculumView(ctx, 'index', curriculumIndex);
  const cacheDir = userCacheDir(ctx.env);
  // With a saved study plan (study plan), "Next up" is today's planned work. The report carries
  // text from the progress file (imports): made safe before it is printed.
  const report = async () => {
    const summary = await readSummary(ctx.progressPath, cacheDir);
    const config = readConfig(configPath(ctx.progressPath));
    const r = progressReport(index, summary, ctx.now(), schedulingOf(config, summary.desiredRetention));
    // A paused mock interview comes first, on the dashboard as in the menu: it is the thing left half done.
    const waiting = paused(index, ctx.progressPath);
    const next = waiting ? { kind: 'interview' as const, text: 'Resume the paused mock interview', command: waiting.command } : (plannedNext(index, summary, config, ctx.now(), r.reviewsDue) ?? r.next);
    return sanitizeData({ ...r, next });
  };
  const dashboard = async () => renderDashboard(await report(), ctx.theme, ctx.now(), ctx.columns, paused(index, ctx.progressPath));
  ctx.out(await dashboard());
  if (!ctx.interactive) return;
  const prompter = await terminalPrompter(ctx);
  for (;;) {
    const { next } = await report();
    const choice = await prompter.select<Item>({
      message: 'What now?',
      choices: [
        { ...menuName(`Continue: ${next.text}`, ctx.columns), value: 'continue' },
        { name: 'Learn — read a lesson, then quiz on it', value: 'learn' },
        { name: 'Quiz — questions, unseen and weak first', value: 'quiz' },
        { name: 'Review — spaced repetition', value: 'review' },
        { name: 'Drill — estimation problems', value: 'drill' },
        { name: 'Mock interview — timed capstone', value: 'interview' },
        { name: 'Calculators — back-of-envelope sizing', value: 'calc' },
        { name: 'Progress — where you stand', value: 'progress' },
        { name: 'Quit', value: 'quit' },
      ],
    });
    if (choice === 'quit') return;
    const target = choice === 'continue' ? parseSuggestion(next.command) : { name: choice, args: [], opts: {} };
    let interrupted = false;
    try {
      const { run: handler } = await LOADERS[target.name]();
      await handler(target.args, target.opts, ctx);
    } catch (e) {
      // An activity that stops (Ctrl-C, a bad input) returns here; the home menu itself exits on Ctrl-C.
      interrupted = isInterruption(e);
      if (interrupted) ctx.err(`${e instanceof Error && e.name === 'InterruptedError' ? withPath(e.message, interruptedPath(e) ?? '', contentWidth(ctx.columns)) : 'Stopped.'}\n`);
      else if (isStudyError(e)) ctx.err(`study: ${sanitizeLine(e.message)}\n`);
      else throw e;
    }
    // The result (a score, a calculation, an error) stays in view until the user has read it; a
    // Ctrl-C already meant "back", so it does not ask again.
    if (!interrupted) await prompter.pause({ message: '⏎ back to the menu' });
    ctx.out(`\n${await dashboard()}`);
  }
}
