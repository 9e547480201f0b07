/**
 * Runs drill problems in the terminal: asks each through the Prompter, grades it by ratio, writes
 * a `drill` event the moment it is answered, then shows the worked derivation. Ctrl-C stops with
 * the count already saved.
 */
import { randomUUID } from 'node:crypto';
import { InterruptedError, isPromptCancel } from '../../errors.js';
import { gradeEstimate } from '../../drill/grade.js';
import type { Problem } from '../../drill/problems.js';
import type { DrillEvent } from '../../progress/model.js';
import { updateProgress } from '../../progress/store.js';
import { readNumericAnswer } from '../../quiz/grade.js';
import type { Prompter } from '../../ui/prompter.js';
import { renderDrillSummary, renderProblem, renderVerdict, type DrillAnswer } from '../../ui/render/calc-drill.js';
import { plural } from '../../ui/text.js';
import type { Context } from '../context.js';

/** Reads an estimate in the problem's unit (other units of the same kind are converted); must be from 1e-100 to 1e100. */
export function readEstimate(unit: string, text: string): { ok: true; value: number } | { ok: false; error: string } {
  const r = readNumericAnswer({ unit }, text);
  if (!r.ok) return r;
  if (!(r.value > 0)) return { ok: false, error: 'an estimate is more than 0' };
  // Bounded at input, so the ratio to the answer stays a normal positive number that reads back.
  if (!(r.value >= 1e-100 && r.value <= 1e100)) return { ok: false, error: 'an estimate is between 1e-100 and 1e100 (in the units asked)' };
  return r;
}

export async function runDrill(problems: Problem[], ctx: Context, prompter: Prompter, repeat: string): Promise<DrillAnswer[]> {
  const answers: DrillAnswer[] = [];
  try {
    for (const [i, problem] of problems.entries()) {
      ctx.out(renderProblem(problem, i, problems.length, ctx.theme, ctx.columns));
      const text = await prompter.input({
        message: `Your estimate (in ${problem.unit}; units accepted)`,
        validate: (v) => {
          const r = readEstimate(problem.unit, v);
          return r.ok ? true : r.error;
        },
      });
      const given = (readEstimate(problem.unit, text) as { value: number }).value;
      const { ratio, grade } = gradeEstimate(given, problem.answer);
      const event: DrillEvent = { id: randomUUID(), type: 'drill', at: ctx.now().toISOString(), kind: problem.kind, prompt: problem.prompt, answer: problem.answer, given, unit: problem.unit, ratio, grade };
      await updateProgress(ctx.progressPath, (p) => {
        p.events.push(event);
      });
      const answer = { problem, given, ratio, grade };
      answers.push(answer);
      ctx.out(`\n${renderVerdict(answer, ctx.theme, ctx.columns)}`);
    }
  } catch (e) {
    if (isPromptCancel(e)) {
      throw new InterruptedError(answers.length ? `Interrupted — ${plural(answers.length, 'drill answer')} saved in ${ctx.progressPath}.` : 'Interrupted — nothing was answered, so nothing changed.', answers.length ? ctx.progressPath : undefined);
    }
    throw e;
  }
  ctx.out(renderDrillSummary(answers, repeat, ctx.theme, ctx.columns));
  return answers;
}
