/**
 * The shell side of the curriculum (the pure loader is src/curriculum/): finds the module folders and section files on disk, reads
 * them, and hands the texts to the pure `buildCurriculum`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DataError, isStudyError } from '../../errors.js';
import type { ModuleSource, SourceFile } from '../../curriculum/build.js';
import { MAX_YAML_BYTES } from '../../curriculum/constants.js';

const NUMBERED = /^\d{2}-[a-z0-9-]+$/;
const SECTION_FILE = /^\d{2}-[a-z0-9-]+\.ya?ml$/;

/** The module folders and section files under `dir`, in order (nothing read yet). */
export interface SourceLayout {
  modules: { dir: string; module: string; sections: string[] }[];
  /** `vocabulary.yaml` at the top of the folder, when there is one. */
  vocabulary?: string;
  /** The problem library: `problems/NN-<id>.yaml` files, in name order (empty when there is no folder). */
  problems: string[];
}

/** The problem library's folder, at the top of a curriculum folder. */
export const PROBLEMS_DIR = 'problems';

/** The shared grading vocabulary's file name, at the top of a curriculum folder. */
export const VOCABULARY_FILE = 'vocabulary.yaml';

/** Finds every module folder (`NN-name/module.yaml`) and section file (`NN-name.yaml`) under `dir`. */
export function listSources(dir: string): SourceLayout {
  let entries: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new DataError(`curriculum path ${dir} is not a directory`);
    entries = readdirSync(dir).sort();
  } catch (e) {
    if (isStudyError(e)) throw e;
    throw new DataError(`cannot read curriculum directory ${dir} (${(e as NodeJS.ErrnoException).code ?? 'error'}); pass --curriculum DIR or set STUDY_CURRICULUM`);
  }
  const modules = entries.filter((e) => NUMBERED.test(e) && isDir(join(dir, e)));
  if (modules.length === 0) throw new DataError(`no module folders (NN-name/module.yaml) in ${dir}`);
  const problemsDir = join(dir, PROBLEMS_DIR);
  const problems = entries.includes(PROBLEMS_DIR) && isDir(problemsDir) ? readdirSync(problemsDir).filter((f) => SECTION_FILE.test(f)).sort().map((f) => join(problemsDir, f)) : [];
  return {
    ...(entries.includes(VOCABULARY_FILE) ? { vocabulary: join(dir, VOCABULARY_FILE) } : {}),
    problems,
    modules: modules.map((m) => {
      const mdir = join(dir, m);
      const sections = readdirSync(mdir).filter((f) => SECTION_FILE.test(f)).sort();
      return { dir: mdir, module: join(mdir, 'module.yaml'), sections: sections.map((s) => join(mdir, s)) };
    }),
  };
}

/** Reads the layout's vocabulary file, if it has one. */
export function readVocabulary(dir: string, layout: SourceLayout): SourceFile | undefined {
  if (!layout.vocabulary) return undefined;
  return { path: relative(process.cwd(), layout.vocabulary) || layout.vocabulary, rel: relative(dir, layout.vocabulary), ...readText(layout.vocabulary) };
}

/** Reads the layout's problem-library files. */
export function readProblems(dir: string, layout: SourceLayout): SourceFile[] {
  return layout.problems.map((p) => ({ path: relative(process.cwd(), p) || p, rel: relative(dir, p), ...readText(p) }));
}

/** Reads every file of the layout (default: the one found under `dir`). */
export function readSources(dir: string, layout: SourceLayout = listSources(dir)): ModuleSource[] {
  const shown = (p: string) => relative(process.cwd(), p) || p;
  const read = (p: string) => ({ path: shown(p), rel: relative(dir, p), ...readText(p) });
  return layout.modules.map((m) => ({ dir: shown(m.dir), module: read(m.module), sections: m.sections.map(read) }));
}

function readText(path: string): { text: string; bytes?: number } {
  try {
    const bytes = statSync(path).size;
    // An oversized file is not read at all; parseYaml reports it from its size.
    if (bytes > MAX_YAML_BYTES) return { text: '', bytes };
    return { text: readFileSync(path, 'utf8') };
  } catch (e) {
    throw new DataError(`cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

