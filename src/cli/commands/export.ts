/** `study export --format anki|markdown [--module N] [--out FILE]`. */
import { resolve } from 'node:path';
import { UsageError } from '../../errors.js';
import { ankiTsv } from '../../export/anki.js';
import { markdownGuide } from '../../export/markdown.js';
import { writeAtomic } from '../../progress/store.js';
import type { Context } from '../context.js';
import { loadCurriculum } from '../load.js';
import { choiceOption, intOption } from '../options.js';

/** The export formats (also offered by shell completion). */
export const FORMATS = ['anki', 'markdown'] as const;

export async function run(_args: string[], raw: Record<string, unknown>, ctx: Context): Promise<void> {
  const format = choiceOption('--format', raw.format, FORMATS);
  if (!format) throw new UsageError('--format is required: anki (tab-separated flashcards for Anki) or markdown (a study guide)');
  const moduleNumber = intOption('--module', raw.module, 1);
  const curriculum = await loadCurriculum(ctx);
  if (moduleNumber !== undefined && !curriculum.modules.some((m) => m.number === moduleNumber)) {
    throw new UsageError(`--module: there is no module ${moduleNumber}; expected ${curriculum.modules.map((m) => m.number).join(', ')}`);
  }
  const text = format === 'anki' ? ankiTsv(curriculum, moduleNumber) : markdownGuide(curriculum, moduleNumber);
  if (raw.out === undefined) {
    ctx.out(text);
    return;
  }
  const file = resolve(String(raw.out));
  writeAtomic(file, text);
  const count = format === 'anki' ? text.split('\n').filter((l) => l && !l.startsWith('#')).length : undefined;
  ctx.err(`Wrote ${count !== undefined ? `${count} cards` : 'the study guide'} to ${file}${format === 'anki' ? ' (Anki: File > Import, then pick this file)' : ''}\n`);
}
