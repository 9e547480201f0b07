/** `study calc`: not built yet (placeholder so the command table resolves while it is written). */
import { StudyError } from '../../errors.js';

export async function run(): Promise<void> {
  throw new StudyError('study calc is not built yet');
}
