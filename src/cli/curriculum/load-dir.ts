/** Reads and builds a curriculum folder with no cache: every file parsed and checked (validate, doctor, tests). */
import { buildCurriculum, type BuildResult } from '../../curriculum/build.js';
import { listSources, readProblems, readSources, readVocabulary } from './read.js';

export function loadCurriculumDir(dir: string): BuildResult {
  const layout = listSources(dir);
  return buildCurriculum(readSources(dir, layout), readVocabulary(dir, layout), readProblems(dir, layout));
}
