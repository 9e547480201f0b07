/**
 * YAML text -> plain data, with a way back from a data path to `line:col` in the text.
 * Pure: takes text, returns data and problems.
 */
import { LineCounter, parseDocument, isNode, isScalar, visit, type Document } from 'yaml';
import { firstControl } from '../sanitize.js';

/** A problem found in a file, positioned for `file:line:col: message` output. */
export interface Problem {
  file: string;
  line: number;
  col: number;
  message: string;
}

import { MAX_YAML_BYTES } from './constants.js';

export { MAX_YAML_BYTES };
/** Aliases allowed per document: enough for hand-written anchors, far too few for a "billion laughs". */
const MAX_ALIASES = 50;

export type DataPath = ReadonlyArray<string | number>;

export interface ParsedYaml {
  file: string;
  data: unknown;
  /** Finds the position of the node at `path` (or its nearest existing ancestor). */
  locate: (path: DataPath) => { line: number; col: number };
  problems: Problem[];
}

/** Parses one YAML file's text. Syntax errors, oversize and alias bombs become problems. */
export function parseYaml(file: string, text: string, size?: number): ParsedYaml {
  const bytes = size ?? Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_YAML_BYTES) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    return refused(file, `file is ${mb(bytes)} MiB; the limit is ${mb(MAX_YAML_BYTES)} MiB per curriculum file`);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, col: pos.col };
  };
  const problems: Problem[] = doc.errors.map((e) => ({ file, ...at(e.pos[0]), message: firstLine(e.message) }));
  if (problems.length === 0) problems.push(...controlProblems(file, doc, at));
  let data: unknown = undefined;
  if (problems.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIASES });
    } catch (e) {
      problems.push({ file, line: 1, col: 1, message: `cannot expand the document: ${firstLine(String((e as Error).message))}` });
    }
  }
  return { file, data, problems, locate: (path) => locateIn(doc, path, at) };
}

/**
 * Text that will be printed must not carry control characters or escape sequences (written raw or
 * as YAML escapes such as "\e" or "\x1b"): each one is a problem at its value's position.
 */
function controlProblems(file: string, doc: Document, at: (offset: number) => { line: number; col: number }): Problem[] {
  const out: Problem[] = [];
  visit(doc, {
    Scalar(_key, node) {
      if (!isScalar(node) || typeof node.value !== 'string') return;
      const i = firstControl(node.value);
      if (i < 0) return;
      const code = node.value.codePointAt(i)!.toString(16).toUpperCase().padStart(4, '0');
      out.push({ file, ...at(node.range?.[0] ?? 0), message: `text contains a control character (U+${code}, character ${i + 1} of this value); remove it: terminal escape codes are not allowed in curriculum text` });
    },
  });
  return out;
}

function refused(file: string, message: string): ParsedYaml {
  return { file, data: undefined, problems: [{ file, line: 1, col: 1, message }], locate: () => ({ line: 1, col: 1 }) };
}

function locateIn(doc: Document, path: DataPath, at: (offset: number) => { line: number; col: number }) {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return at(node.range[0]);
  }
  return { line: 1, col: 1 };
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.trim();
}
