/** `study validate [DIR] [--strict]`: every problem as file:line:col, then a summary. */
import { resolve } from 'node:path';
import { StudyError, EXIT } from '../../errors.js';
import { loadCurriculumDir } from '../curriculum/load-dir.js';
import { lintCompleteness } from '../../curriculum/lint.js';
import { lintInterviews } from '../../curriculum/lint-interview.js';
import { lintLibrary } from '../../curriculum/lint-library.js';
import { totals } from '../../curriculum/summary.js';
import { QUESTION_TYPES } from '../../curriculum/constants.js';
import type { Context } from '../context.js';
import { formatProblem } from '../load.js';

export async function run(args: string[], raw: Record<string, unknown>, ctx: Context): Promise<void> {
  const dir = args[0] ? resolve(args[0]) : ctx.curriculumDir;
  const strict = raw.strict === true;
  const t = ctx.theme;
  const { curriculum, problems } = loadCurriculumDir(dir);
  for (const p of problems) ctx.out(`${formatProblem(p)}\n`);
  const shortfalls = curriculum && strict ? [...lintCompleteness(curriculum), ...lintInterviews(curriculum), ...lintLibrary(curriculum)] : [];
  if (shortfalls.length) {
    ctx.out(`\n${t.warn('Incomplete')} (--strict):\n`);
    for (const s of shortfalls) ctx.out(`  ${s.scope} ${t.bold(s.id)} (${s.file}): ${s.gaps.join('; ')}\n`);
  }
  if (curriculum) {
    const n = totals(curriculum);
    const types = QUESTION_TYPES.map((q) => `${q} ${n.byType[q]}`).join(', ');
    ctx.out(`\n${n.modules} modules, ${n.sections} sections, ${n.topics} topics, ${n.questions} questions (${types})\n`);
  }
  const failed = problems.length > 0 || shortfalls.length > 0;
  if (failed) {
    const parts = [problems.length && `${problems.length} problem${problems.length === 1 ? '' : 's'}`, shortfalls.length && `${shortfalls.length} incomplete topic${shortfalls.length === 1 ? '' : 's'} or section${shortfalls.length === 1 ? '' : 's'}`].filter(Boolean);
    throw new StudyError(`${dir}: ${parts.join(' and ')}`, EXIT.failure);
  }
  ctx.out(`${t.ok(t.sym.ok)} ${dir} is valid${strict ? ' and complete' : ''}\n`);
}
