/**
 * Bad input of every kind: random mutations of the real curriculum files, arbitrary progress
 * imports, arbitrary unit strings and calculator flags. Each gives a result or a clear error —
 * never an uncaught exception, NaN, or a hang — and the oversized or explosive YAML is refused.
 */
import { readFileSync, readdirSync, writeFileSync, mkdirSync, openSync, ftruncateSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCurriculum } from '../../src/curriculum/build.js';
import { readImport } from '../../src/progress/transfer.js';
import { decodeProgress, emptyProgress } from '../../src/progress/model.js';
import { parseQuantity, type Kind } from '../../src/calc/units.js';
import { calculate } from '../../src/calc/calculate.js';
import { CALC_KINDS } from '../../src/calc/flags.js';
import { loadPresets } from '../../src/cli/calc/presets-load.js';
import { isStudyError } from '../../src/errors.js';
import { ROOT, runCli, tempDir } from '../helpers.js';

const CURRICULUM = join(ROOT, 'curriculum');
const sectionFiles = readdirSync(CURRICULUM)
  .filter((d) => /^\d\d-/.test(d))
  .flatMap((d) => readdirSync(join(CURRICULUM, d)).filter((f) => /^\d\d-.*\.yaml$/.test(f)).map((f) => join(d, f)));

/** A text mutation: where (0..1 of the length), what, and how much. */
const mutation = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  kind: fc.constantFrom('delete-line', 'duplicate-line', 'insert', 'replace-char', 'truncate', 'indent', 'dedent', 'swap-lines'),
  text: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(': ', '- ', '&a ', '*a', '{', '[', '"', "'", '\t', '#', '|', '>', '!!binary ', '~', 'null', '1e999', '\u0000')),
});

function mutate(src: string, ms: { at: number; kind: string; text: string }[]): string {
  let lines = src.split('\n');
  for (const m of ms) {
    const i = Math.min(lines.length - 1, Math.floor(m.at * lines.length));
    const line = lines[i] ?? '';
    switch (m.kind) {
      case 'delete-line':
        lines.splice(i, 1);
        break;
      case 'duplicate-line':
        lines.splice(i, 0, line);
        break;
      case 'insert': {
        const col = Math.floor(m.at * 997) % (line.length + 1);
        lines[i] = line.slice(0, col) + m.text + line.slice(col);
        break;
      }
      case 'replace-char': {
        const col = Math.floor(m.at * 991) % Math.max(1, line.length);
        lines[i] = line.slice(0, col) + (m.text[0] ?? 'x') + line.slice(col + 1);
        break;
      }
      case 'truncate':
        lines = lines.slice(0, i);
        break;
      case 'indent':
        lines[i] = `  ${line}`;
        break;
      case 'dedent':
        lines[i] = line.replace(/^ {1,2}/, '');
        break;
      case 'swap-lines':
        if (i + 1 < lines.length) [lines[i], lines[i + 1]] = [lines[i + 1]!, line];
        break;
    }
  }
  return lines.join('\n');
}

describe('fuzz: the curriculum loader', () => {
  it('turns random mutations of the real files into positioned problems, never an exception', () => {
    const moduleYaml = readFileSync(join(CURRICULUM, '01-foundations', 'module.yaml'), 'utf8');
    fc.assert(
      fc.property(fc.constantFrom(...sectionFiles), fc.array(mutation, { minLength: 1, maxLength: 4 }), (file, ms) => {
        const text = mutate(readFileSync(join(CURRICULUM, file), 'utf8'), ms);
        const result = buildCurriculum([{ dir: 'm', module: { path: 'm/module.yaml', text: moduleYaml }, sections: [{ path: file, text }] }]);
        for (const p of result.problems) {
          expect(p.line).toBeGreaterThanOrEqual(1);
          expect(p.col).toBeGreaterThanOrEqual(1);
          expect(p.message.length).toBeGreaterThan(0);
          expect(p.message).not.toMatch(/\n/);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('refuses a billion-laughs file and a 50 MB file quickly, with one line each, through the binary', () => {
    const dir = tempDir();
    const mod = join(dir, '01-m');
    mkdirSync(mod);
    writeFileSync(join(mod, 'module.yaml'), 'format: 1\nid: m\nnumber: 1\ntitle: "M"\n');
    const bomb = ['format: 1', 'id: s', 'title: "S"', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    bomb.push('topics: []');
    writeFileSync(join(mod, '01-bomb.yaml'), bomb.join('\n'));
    // 50 MB without writing 50 MB: a sparse file.
    const big = join(mod, '02-big.yaml');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 50 * 1024 * 1024);
    closeSync(fd);
    const r = runCli(['validate', dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/01-bomb\.yaml:1:1: cannot expand the document/);
    expect(r.stdout).toMatch(/02-big\.yaml:1:1: file is 50\.0 MiB; the limit is 4\.0 MiB per curriculum file/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('fuzz: progress files and imports', () => {
  const valid = JSON.stringify({ ...emptyProgress(new Date('2026-01-01T00:00:00Z')), events: [{ id: 'abcdefgh-1', type: 'answer', at: '2026-01-01T00:00:00.000Z', questionId: 'dns.ttl', topicId: 'dns', correct: true, rating: 3, source: 'quiz', cram: false }] });

  it('never throws on arbitrary JSON or text, and says what is wrong', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue().map((v) => JSON.stringify(v)), fc.string(), fc.constant('')), (text) => {
        const r = readImport(text);
        if (!r.ok) expect(r.message.length).toBeGreaterThan(0);
        const d = decodeProgress(text);
        expect(typeof d.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on mutations of a valid file', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: valid.length - 1 }), fc.string({ maxLength: 6 }), fc.nat(5), (at, insert, cut) => {
        const text = valid.slice(0, at) + insert + valid.slice(at + cut);
        const r = readImport(text);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });
});

describe('fuzz: units and calculator flags', () => {
  const kinds: Kind[] = ['count', 'bytes', 'seconds', 'usd', 'fraction'];

  it('the unit parser returns a finite number or an error naming the accepted forms', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 20 }), fc.stringMatching(/^-?[0-9.e+]{0,12}\s?[a-zA-Z%$/]{0,5}$/)), fc.constantFrom(...kinds), (text, kind) => {
        const r = parseQuantity(text, kind);
        if (r.ok) expect(Number.isFinite(r.value)).toBe(true);
        else expect(r.error).toMatch(/expected /);
      }),
      { numRuns: 2000 },
    );
  });

  it('every calculator answers arbitrary flag strings with numbers or one usage line', () => {
    const presets = loadPresets({ curriculumDir: CURRICULUM });
    const flags = ['params', 'tokens', 'mfu', 'gpus', 'gpuHourPrice', 'layers', 'kvHeads', 'headDim', 'context', 'batch', 'size', 'months', 'replicas', 'dau', 'requestsPerUser', 'peakFactor', 'dtype', 'model', 'gpu', 'tier'];
    fc.assert(
      fc.property(fc.constantFrom(...CALC_KINDS), fc.dictionary(fc.constantFrom(...flags), fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('0', '-1', '1e400', 'NaN', 'Infinity', '7B', '', ' ', '1/0'))), (kind, raw) => {
        try {
          const json = JSON.stringify(calculate(kind, raw, presets).json);
          expect(json).not.toMatch(/null|NaN|Infinity/);
        } catch (e) {
          expect(isStudyError(e)).toBe(true);
          expect((e as Error).message.split('\n')).toHaveLength(1);
        }
      }),
      { numRuns: 400 },
    );
  });
});
