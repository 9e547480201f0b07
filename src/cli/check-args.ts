/**
 * Checks of positional arguments made before a command's handler runs (see `CommandSpec.check`),
 * so that a mistyped id gets suggestions whichever command it was given to. Loaded lazily.
 */
import { curriculumIndex, indexTopics } from '../curriculum/index.js';
import type { Context } from './context.js';
import { loadCurriculum, loadCurriculumView } from './load.js';

/**
 * Passes when `key` is undefined or a topic id or number (checked against the small cached index);
 * otherwise loads the full curriculum and throws the did-you-mean error.
 */
export async function checkTopicArg(key: string | undefined, ctx: Context, command: string): Promise<void> {
  if (key === undefined) return;
  const k = key.trim().toLowerCase();
  const index = await loadCurriculumView(ctx, 'index', curriculumIndex);
  if (indexTopics(index).some((t) => t.id === k || String(t.number) === k)) return;
  const [curriculum, { unknownTopicError }] = await Promise.all([loadCurriculum(ctx), import('./topic-arg.js')]);
  throw unknownTopicError(curriculum, key, undefined, command);
}
