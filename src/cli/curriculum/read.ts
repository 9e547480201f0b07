/**
 * The shell side of the curriculum (the pure loader is src/curriculum/): finds the module folders and section files on disk, reads
 * them, and hands the texts to the pure `buildCurriculum`.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { DataError, isStudyError } from '../../errors.js';
import type { ModuleSource, SourceFile } from '../../curriculum/build.js';
import { MAX_YAML_BYTES } from '../../curriculum/constants.js';
import { describeIoError, readRegular } from '../../progress/files.js';
import { sanitizeLine } from '../../sanitize.js';

const NUMBERED = /^\d{2}-[a-z0-9-]+$/;
const SECTION_FILE = /^\d{2}-[a-z0-9-]+\.ya?ml$/;

/** The module folders and section files under `dir`, in order (nothing read yet). */
export interface SourceLayout {
  modules: { dir: string; module: string; sections: string[] }[];
  /** `vocabulary.yaml` at the top of the folder, when there is one. */
  vocabulary?: string;
  /** `problems/NN-<id>.yaml`, the mock-interview library, in file order. */
  problems?: string[];
}

/** The mock-interview library's folder, at the top of a curriculum folder. */
export const PROBLEMS_DIR = 'problems';

/** The shared grading vocabulary's file name, at the top of a curriculum folder. */
export const VOCABULARY_FILE = 'vocabulary.yaml';

/** A curriculum folder that cannot be read: the reason in words, and the ways to name another. */
function unreadableDir(dir: string, e: unknown): DataError {
  return new DataError(`cannot read curriculum folder ${sanitizeLine(dir)}: ${describeIoError(e)}; give a curriculum folder (study validate DIR, --curriculum DIR or STUDY_CURRICULUM)`);
}

/** Finds every module folder (`NN-name/module.yaml`) and section file (`NN-name.yaml`) under `dir`. */
export function listSources(dir: string): SourceLayout {
  let entries: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new DataError(`curriculum path ${sanitizeLine(dir)} is not a folder; give a curriculum folder (study validate DIR, --curriculum DIR or STUDY_CURRICULUM)`);
    entries = readdirSync(dir).sort();
  } catch (e) {
    if (isStudyError(e)) throw e;
    throw unreadableDir(dir, e);
  }
  const modules = entries.filter((e) => NUMBERED.test(e) && isDir(join(dir, e)));
  if (modules.length === 0) throw new DataError(`no module folders (NN-name/module.yaml) in ${sanitizeLine(dir)}`);
  return {
    ...(entries.includes(VOCABULARY_FILE) ? { vocabulary: join(dir, VOCABULARY_FILE) } : {}),
    ...(entries.includes(PROBLEMS_DIR) && isDir(join(dir, PROBLEMS_DIR)) ? { problems: readdirSync(join(dir, PROBLEMS_DIR)).filter((f) => SECTION_FILE.test(f)).sort().map((f) => join(dir, PROBLEMS_DIR, f)) } : {}),
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
  const shown = relative(process.cwd(), layout.vocabulary) || layout.vocabulary;
  return { path: shown, rel: relative(dir, layout.vocabulary), ...readText(layout.vocabulary, shown, realRoot(dir)) };
}

/** Reads the layout's library problem files. */
export function readProblems(dir: string, layout: SourceLayout): SourceFile[] {
  const root = realRoot(dir);
  return (layout.problems ?? []).map((p) => {
    const shown = relative(process.cwd(), p) || p;
    return { path: shown, rel: relative(dir, p), ...readText(p, shown, root) };
  });
}

/** Reads every file of the layout (default: the one found under `dir`). */
export function readSources(dir: string, layout: SourceLayout = listSources(dir)): ModuleSource[] {
  const shown = (p: string) => relative(process.cwd(), p) || p;
  const root = realRoot(dir);
  const read = (p: string) => ({ path: shown(p), rel: relative(dir, p), ...readText(p, shown(p), root) });
  return layout.modules.map((m) => ({ dir: shown(m.dir), module: read(m.module), sections: m.sections.map(read) }));
}

function realRoot(dir: string): string {
  try {
    return realpathSync(dir);
  } catch (e) {
    throw unreadableDir(dir, e);
  }
}

/**
 * One curriculum file's text. Only regular files inside the curriculum folder (after links) are
 * read, and never more than the size limit, whatever `stat` says; errors name the file, never
 * its content.
 */
function readText(path: string, shown: string, root: string): { text: string; bytes?: number } {
  const name = sanitizeLine(shown);
  let real: string;
  try {
    real = realpathSync(path);
  } catch (e) {
    throw new DataError(`cannot read ${name} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (real !== root && !real.startsWith(root + sep)) {
    throw new DataError(`${name} is a link to a file outside the curriculum folder; study reads only files inside it (copy the file in instead)`);
  }
  const r = readRegular(real, MAX_YAML_BYTES);
  if (r.ok) return { text: r.data.toString('utf8') };
  // An oversized file is not read past the limit; parseYaml reports it from its size.
  if (r.reason === 'too-large') return { text: '', bytes: Math.max(sizeOf(real), MAX_YAML_BYTES + 1) };
  throw new DataError(`cannot read ${name}: ${r.message}`);
}

function sizeOf(p: string): number {
  try {
    return statSync(p).size;
  } catch {
    return 0;
  }
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

