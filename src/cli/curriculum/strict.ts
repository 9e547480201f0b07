/**
 * The item rules and curriculum-wide counts of `study validate --strict`, as lines to print: each
 * item issue as `file:line:col: subject: message [rule]`. Reads the section files again only to
 * turn data paths into positions.
 */
import { readFileSync } from 'node:fs';
import { lintCoverage, lintItems, type ItemIssue } from '../../curriculum/lint.js';
import type { Curriculum } from '../../curriculum/schema.js';
import { parseYaml, type ParsedYaml } from '../../curriculum/yaml.js';

export interface StrictReport {
  /** One line per item issue, in file and line order. */
  items: string[];
  /** One line per curriculum-wide gap. */
  coverage: string[];
}

export function strictReport(curriculum: Curriculum): StrictReport {
  const issues = lintItems(curriculum);
  const parsed = new Map<string, ParsedYaml | null>();
  const locate = (i: ItemIssue) => {
    if (!parsed.has(i.file)) {
      let p: ParsedYaml | null = null;
      try {
        p = parseYaml(i.file, readFileSync(i.file, 'utf8'));
      } catch {
        // The file was readable a moment ago; without it the issue is still reported, at 1:1.
      }
      parsed.set(i.file, p);
    }
    return parsed.get(i.file)?.locate(i.path) ?? { line: 1, col: 1 };
  };
  const items = issues
    .map((i) => ({ i, ...locate(i) }))
    .sort((a, b) => a.i.file.localeCompare(b.i.file) || a.line - b.line || a.col - b.col)
    .map(({ i, line, col }) => `${i.file}:${line}:${col}: ${i.subject}: ${i.message} [${i.rule}]`);
  const coverage = lintCoverage(curriculum).map((g) => `${g.file ? `${g.file}: ` : ''}${g.message} [${g.rule}]`);
  return { items, coverage };
}
