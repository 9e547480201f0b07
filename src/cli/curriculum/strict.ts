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

/**
 * Where line `k` of a block scalar's text is: a `|` or `>` block starts on the line after its
 * indicator. Any other scalar (quoted) keeps the field's own position.
 */
function lineInBlock(lines: string[], at: { line: number; col: number }, k: number): { line: number; col: number } {
  const indicator = lines[at.line - 1]?.slice(at.col - 1) ?? '';
  const target = lines[at.line + k];
  if (!/^[|>]/.test(indicator) || target === undefined) return at;
  return { line: at.line + 1 + k, col: (/^\s*/.exec(target)?.[0].length ?? 0) + 1 };
}

export function strictReport(curriculum: Curriculum): StrictReport {
  const issues = lintItems(curriculum);
  const parsed = new Map<string, { yaml: ParsedYaml; lines: string[] } | null>();
  const locate = (i: ItemIssue) => {
    if (!parsed.has(i.file)) {
      let p: { yaml: ParsedYaml; lines: string[] } | null = null;
      try {
        const text = readFileSync(i.file, 'utf8');
        p = { yaml: parseYaml(i.file, text), lines: text.split('\n') };
      } catch {
        // The file was readable a moment ago; without it the issue is still reported, at 1:1.
      }
      parsed.set(i.file, p);
    }
    const p = parsed.get(i.file);
    if (!p) return { line: 1, col: 1 };
    const at = p.yaml.locate(i.path);
    return i.textLine === undefined ? at : lineInBlock(p.lines, at, i.textLine);
  };
  const items = issues
    .map((i) => ({ i, ...locate(i) }))
    .sort((a, b) => a.i.file.localeCompare(b.i.file) || a.line - b.line || a.col - b.col)
    .map(({ i, line, col }) => `${i.file}:${line}:${col}: ${i.subject}: ${i.message} [${i.rule}]`);
  const coverage = lintCoverage(curriculum).map((g) => `${g.file ? `${g.file}: ` : ''}${g.message} [${g.rule}]`);
  return { items, coverage };
}
