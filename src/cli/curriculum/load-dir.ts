/** Reads and builds a curriculum folder with no cache: every file parsed and checked (validate, doctor, tests). */
import { buildCurriculum, type BuildResult } from '../../curriculum/build.js';
import { readSources } from './read.js';

export function loadCurriculumDir(dir: string): BuildResult {
  return buildCurriculum(readSources(dir));
}
