/**
 * Assembles a curriculum from source texts: YAML -> zod -> cross-file checks. Pure: the caller
 * reads the files (see `src/cli/curriculum/read.ts`). Every problem carries `file:line:col`.
 */
import type { z } from 'zod';
import { parseYaml, type DataPath, type ParsedYaml, type Problem } from './yaml.js';
import { CURRICULUM_FORMAT, ModuleFile, ProblemFile, SectionFile, VocabularyFile, type Curriculum, type LibraryProblem, type Module } from './schema.js';
import { crossCheck } from './checks.js';

/** One file's path (as it should appear in messages) and its text. */
export interface SourceFile {
  path: string;
  text: string;
  /** The file's size when `text` was not read because it is too large. */
  bytes?: number;
  /** Path relative to the curriculum folder (the cache key uses it, so the working directory does not matter). */
  rel?: string;
}

/** A module folder: its `module.yaml` and its section files in name order. */
export interface ModuleSource {
  dir: string;
  module: SourceFile;
  sections: SourceFile[];
}

export interface BuildResult {
  /** Null when any file failed to parse or validate; cross-check problems still give a curriculum. */
  curriculum: Curriculum | null;
  problems: Problem[];
}

/** A located check failure before it is turned into `line:col`. */
export interface PathProblem {
  file: ParsedYaml;
  path: DataPath;
  message: string;
}

/**
 * Parses and validates every file, then checks ids and answer keys across the whole curriculum.
 * `vocabulary` is the folder's `vocabulary.yaml` (the grader's synonym groups), when it has one;
 * `library` the files of its `problems/` folder (mock-interview problems beyond the capstones).
 */
export function buildCurriculum(sources: ModuleSource[], vocabulary?: SourceFile, library: SourceFile[] = []): BuildResult {
  const problems: Problem[] = [];
  const modules: Module[] = [];
  const parsedByFile = new Map<string, ParsedYaml>();
  let complete = true;

  for (const src of sources) {
    const mod = validateFile(src.module, ModuleFile, problems);
    const sections = src.sections.map((s) => {
      const v = validateFile(s, SectionFile, problems);
      if (v) parsedByFile.set(s.path, v.parsed);
      return v && { ...v.data, file: s.path, moduleId: mod?.data.id ?? '' };
    });
    if (!mod || sections.some((s) => !s)) {
      complete = false;
      continue;
    }
    parsedByFile.set(src.module.path, mod.parsed);
    modules.push({ ...mod.data, dir: src.dir, sections: sections.filter((s) => s !== null) });
  }
  modules.sort((a, b) => a.number - b.number);
  const vocab = vocabulary ? validateFile(vocabulary, VocabularyFile, problems) : undefined;
  if (vocabulary && !vocab) complete = false;
  const problemsLoaded: LibraryProblem[] = [];
  for (const f of library) {
    const v = validateFile(f, ProblemFile, problems);
    if (!v) {
      complete = false;
      continue;
    }
    parsedByFile.set(f.path, v.parsed);
    problemsLoaded.push({ ...v.data, file: f.path });
  }
  const curriculum: Curriculum = {
    format: CURRICULUM_FORMAT,
    modules,
    ...(vocab ? { vocabulary: vocab.data.groups } : {}),
    ...(library.length ? { library: problemsLoaded } : {}),
  };
  for (const p of crossCheck(curriculum, (file) => parsedByFile.get(file))) {
    problems.push({ file: p.file.file, ...p.file.locate(p.path), message: p.message });
  }
  return { curriculum: complete ? curriculum : null, problems: sortProblems(problems) };
}

function validateFile<T extends z.ZodType>(
  src: SourceFile,
  schema: T,
  problems: Problem[],
): { data: z.infer<T>; parsed: ParsedYaml } | null {
  const parsed = parseYaml(src.path, src.text, src.bytes);
  problems.push(...parsed.problems);
  if (parsed.problems.length > 0) return null;
  const newer = newerFormat(parsed.data);
  if (newer !== null) {
    problems.push({
      file: src.path,
      ...parsed.locate(['format']),
      message: `format ${newer} is newer than this program reads (format ${CURRICULUM_FORMAT}); update study`,
    });
    return null;
  }
  const result = schema.safeParse(parsed.data);
  if (result.success) return { data: result.data, parsed };
  for (const issue of result.error.issues) {
    problems.push({ file: src.path, ...parsed.locate(issue.path as DataPath), message: describeIssue(issue) });
  }
  return null;
}

function newerFormat(data: unknown): number | null {
  if (typeof data !== 'object' || data === null) return null;
  const f = (data as { format?: unknown }).format;
  return typeof f === 'number' && f > CURRICULUM_FORMAT ? f : null;
}

/** `topics[2].questions[0].answer: expected number` — the path a person would look for. */
export function formatPath(path: DataPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length > 0 ? `${formatPath(issue.path as DataPath)}: ` : '';
  if (issue.code === 'unrecognized_keys') return `${where}unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) return `${where}is required (${issue.expected})`;
  if (issue.code === 'invalid_union' && 'note' in issue && issue.note === 'No matching discriminator') {
    return `${where}"type" must be one of single, multi, truefalse, numeric, order, recall`;
  }
  return `${where}${issue.message.replace(/^Invalid input: /, '')}`;
}

function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col);
}
