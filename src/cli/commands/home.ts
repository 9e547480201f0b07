/**
 * `study` with no command. In a terminal: the dashboard, then a menu that comes back after each
 * activity. Without one: the dashboard alone, exit 0.
 */
import { isInterruption, isStudyError } from '../../errors.js';
import { curriculumIndex } from '../../curriculum/index.js';
import { progressReport } from '../../progress/report.js';
import { readSummary } from '../../progress/summary-cache.js';
import { renderDashboard } from '../../ui/render/dashboard.js';
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
    if (w.startsWith('--')) opts[w.slice(2)] = rest[++i];
    else args.push(w);
  }
  return { name: name as Exclude<Item, 'continue' | 'quit'>, args, opts };
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
    return sanitizeData({ ...r, next: plannedNext(index, summary, config, ctx.now()) ?? r.next });
  };
  ctx.out(renderDashboard(await report(), ctx.theme, ctx.now(), ctx.columns));
  if (!ctx.interactive) return;
  const prompter = await terminalPrompter(ctx);
  for (;;) {
    const next = (await report()).next;
    const choice = await prompter.select<Item>({
      message: 'What now?',
      choices: [
        { name: `Continue: ${next.text}`, value: 'continue' },
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
    try {
      const { run: handler } = await LOADERS[target.name]();
      await handler(target.args, target.opts, ctx);
    } catch (e) {
      // An activity that stops (Ctrl-C, a bad input) returns here; the home menu itself exits on Ctrl-C.
      if (isInterruption(e)) ctx.err(`${e.name === 'InterruptedError' ? e.message : 'Stopped.'}\n`);
      else if (isStudyError(e)) ctx.err(`study: ${sanitizeLine(e.message)}\n`);
      else throw e;
    }
    ctx.out(`\n${renderDashboard(await report(), ctx.theme, ctx.now(), ctx.columns)}`);
  }
}
