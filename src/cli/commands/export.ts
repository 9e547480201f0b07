/** `study export --format anki|markdown|revlog [--module N] [--out FILE]`. */
import { UsageError } from '../../errors.js';
import { ankiTsv } from '../../export/anki.js';
import { markdownGuide } from '../../export/markdown.js';
import { writeAtomic } from '../../progress/store.js';
import type { Context } from '../context.js';
import { loadCurriculum } from '../load.js';
import { guardOutput } from '../output-guard.js';
import { choiceOption, intOption } from '../options.js';
import { sanitizeLine } from '../../sanitize.js';

/** The export formats (also offered by shell completion). */
export const FORMATS = ['anki', 'markdown', 'revlog'] as const;

export async function run(_args: string[], raw: Record<string, unknown>, ctx: Context): Promise<void> {
  const format = choiceOption('--format', raw.format, FORMATS);
  if (!format) throw new UsageError('--format is required: anki (flashcards for Anki), markdown (a study guide) or revlog (your review log as CSV for the FSRS tools)');
  const moduleNumber = intOption('--module', raw.module, 1);
  const file = raw.out === undefined ? undefined : guardOutput(ctx, '--out', raw.out, { stdout: true });
  if (format === 'revlog' && moduleNumber !== undefined) throw new UsageError('--module does not apply to --format revlog (the log covers every review)');
  // The review log reads the progress file, not the curriculum (loaded only for it).
  const revlog = format === 'revlog' ? await (await import('../export-revlog.js')).revlogText(ctx) : undefined;
  const curriculum = revlog === undefined ? await loadCurriculum(ctx) : undefined;
  if (curriculum && moduleNumber !== undefined && !curriculum.modules.some((m) => m.number === moduleNumber)) {
    throw new UsageError(`--module: there is no module ${moduleNumber}; expected ${curriculum.modules.map((m) => m.number).join(', ')}`);
  }
  const text = revlog ?? (format === 'anki' ? ankiTsv(curriculum!, moduleNumber) : markdownGuide(curriculum!, moduleNumber));
  if (file === undefined) {
    ctx.out(text);
    return;
  }
  writeAtomic(file, text);
  const count = format === 'anki' ? text.split('\n').filter((l) => l && !l.startsWith('#')).length : undefined;
  const what = format === 'revlog' ? `${text.split('\n').length - 2} reviews` : count !== undefined ? `${count} cards` : 'the study guide';
  const hint = { anki: ' (Anki: File > Import, then pick this file; importing it again updates the notes)', revlog: ' (FSRS optimizer CSV schema)', markdown: '' }[format];
  ctx.err(`Wrote ${what} to ${sanitizeLine(file)}${hint}\n`);
}
