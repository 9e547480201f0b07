/** Drill text: the problem, the verdict with the worked derivation, and the summary. Pure. */
import type { DrillGrade } from '../../drill/grade.js';
import type { Problem } from '../../drill/problems.js';
import { formatFlops, formatQuantity, sigFigs, times, unitInfo } from '../../calc/units.js';
import type { Theme } from '../theme.js';
import { contentWidth, hang, plural, wrap } from '../text.js';
import { renderDerivation } from './calc.js';

export interface DrillAnswer {
  problem: Problem;
  given: number;
  ratio: number;
  grade: DrillGrade;
}

/** An answer in its unit, humanised by the one formatter: "2.15 GB", "$50.2k", "9.6 days", "3.15e23 FLOPs". */
export function showAnswer(value: number, unit: string): string {
  const { kind, scale } = unitInfo(unit);
  if (kind === 'count') return unit === 'FLOPs' ? formatFlops(value) : `${sigFigs(value)} ${unit}`;
  if (kind === 'seconds') return `${sigFigs(value)} ${unit}`;
  return formatQuantity(value * scale, kind);
}

/** How far an estimate is from the answer, in words: "within 10 %", "1.7× too low", "2.3× too high". */
export function offBy(ratio: number): string {
  if (Math.max(ratio, 1 / ratio) <= 1.1) return 'within 10 %';
  return ratio > 1 ? `${times(ratio)} too high` : `${times(1 / ratio)} too low`;
}

export function renderProblem(p: Problem, index: number, total: number, t: Theme, columns = 80): string {
  const width = Math.max(50, Math.min(columns, 100) - 1);
  return `\n${t.dim(`Problem ${index + 1} of ${total} · ${p.kind}`)}\n${t.bold(wrap(p.prompt, width))}\n`;
}

const LABEL: Record<DrillGrade, string> = { excellent: 'Excellent — within 10 %', pass: 'Pass — within 2×', miss: 'Miss — more than 2× off' };

/** A number and its unit kept on one line when wrapped ("29 ms", not "29" / "ms"). */
const together = (s: string) => s.replace(/ /g, '\u00a0');

export function renderVerdict(a: DrillAnswer, t: Theme, columns = 80): string {
  const paint = a.grade === 'miss' ? t.bad : a.grade === 'pass' ? t.warn : t.ok;
  const sym = a.grade === 'miss' ? t.sym.bad : t.sym.ok;
  const head = `${paint(`${sym} ${LABEL[a.grade]}`)}: you said ${together(showAnswer(a.given, a.problem.unit))}, the answer is ${t.bold(together(showAnswer(a.problem.answer, a.problem.unit)))} (${together(offBy(a.ratio))})`;
  return `${wrap(head, Math.max(50, Math.min(columns, 100) - 1))}\n\n${renderDerivation(a.problem.derivation, t, columns)}`;
}

/** `repeat` is the command line that gives the same problems again. */
export function renderDrillSummary(answers: DrillAnswer[], repeat: string, t: Theme, columns = 80): string {
  const width = contentWidth(columns);
  const n = (g: DrillGrade) => answers.filter((a) => a.grade === g).length;
  const lines = ['', t.heading('Summary'), `${plural(answers.length, 'problem')}: ${t.ok(`${n('excellent')} excellent`)}, ${t.warn(`${n('pass')} pass`)}, ${t.bad(`${n('miss')} miss`)}`];
  // Each row hangs under its own text when it wraps, numbers kept with their units.
  for (const a of answers) {
    const text = `${together(showAnswer(a.given, a.problem.unit))} vs ${together(showAnswer(a.problem.answer, a.problem.unit))} (${together(offBy(a.ratio))})`;
    lines.push(hang(`  ${a.grade.padEnd(9)} ${a.problem.kind.padEnd(8)} `, text, width));
  }
  lines.push(wrap(t.dim(`Same problems again: ${together(repeat)}`), width));
  return `${lines.join('\n')}\n`;
}
