/**
 * The shell side of the curriculum: finds the module folders and section files on disk, reads
 * them, and hands the texts to the pure `buildCurriculum`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DataError } from '../errors.js';
import type { ModuleSource } from './build.js';
import { MAX_YAML_BYTES } from './constants.js';

const NUMBERED = /^\d{2}-[a-z0-9-]+$/;
const SECTION_FILE = /^\d{2}-[a-z0-9-]+\.ya?ml$/;

/** Reads every module folder (`NN-name/module.yaml`) and section file (`NN-name.yaml`) under `dir`. */
export function readSources(dir: string): ModuleSource[] {
  let entries: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new DataError(`curriculum path ${dir} is not a directory`);
    entries = readdirSync(dir).sort();
  } catch (e) {
    if (e instanceof DataError) throw e;
    throw new DataError(`cannot read curriculum directory ${dir} (${(e as NodeJS.ErrnoException).code ?? 'error'}); pass --curriculum DIR or set STUDY_CURRICULUM`);
  }
  const shown = (p: string) => relative(process.cwd(), p) || p;
  const read = (p: string) => ({ path: shown(p), ...readText(p) });
  const modules = entries.filter((e) => NUMBERED.test(e) && isDir(join(dir, e)));
  if (modules.length === 0) throw new DataError(`no module folders (NN-name/module.yaml) in ${dir}`);
  return modules.map((m) => {
    const mdir = join(dir, m);
    const sections = readdirSync(mdir).filter((f) => SECTION_FILE.test(f)).sort();
    return { dir: shown(mdir), module: read(join(mdir, 'module.yaml')), sections: sections.map((s) => read(join(mdir, s))) };
  });
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
