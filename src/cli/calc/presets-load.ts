/**
 * Reads the presets: every `*.yaml` in `<curriculum>/presets` (the bundled folder when the chosen
 * curriculum has none), then `--presets FILE`, which adds or overrides by id. Problems are reported
 * as `file:line:col: message`.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DataError } from '../../errors.js';
import { buildPresets, type Presets, type PresetSource } from '../../calc/presets.js';
import { MAX_YAML_BYTES, parseYaml } from '../../curriculum/yaml.js';
import { readRegular } from '../../progress/files.js';
import { bundledCurriculumDir, type Context } from '../context.js';

/** The presets folder in use: the curriculum's own, else the bundled one. */
export function presetsDir(ctx: Pick<Context, 'curriculumDir'>): string {
  const own = join(ctx.curriculumDir, 'presets');
  return existsSync(own) && statSync(own).isDirectory() ? own : join(bundledCurriculumDir(), 'presets');
}

export function loadPresets(ctx: Pick<Context, 'curriculumDir'>, extraFile?: string): Presets {
  const dir = presetsDir(ctx);
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort();
  } catch (e) {
    throw new DataError(`cannot read the presets folder ${dir} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const sources: PresetSource[] = names.map((n) => read(join(dir, n), (p) => new DataError(`cannot read ${p}`)));
  if (extraFile !== undefined) {
    // A file that cannot be read is an I/O failure (exit 1), as for every file study is given.
    sources.push(read(extraFile, (p, code) => new DataError(`--presets: cannot read "${p}" (${code}); expected a YAML presets file (see study calc presets)`)));
  }
  const { presets, problems } = buildPresets(sources);
  if (problems.length) {
    const first = problems[0]!;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
    throw new DataError(`${first.file}:${first.line}:${first.col}: ${first.message}${more}`);
  }
  return presets;
}

function read(path: string, fail: (path: string, code: string) => Error): PresetSource {
  const shown = relative(process.cwd(), path) || path;
  // Regular files only, read up to the limit (a FIFO or /dev/zero is refused, never read).
  const r = readRegular(path, MAX_YAML_BYTES);
  if (r.ok) return { ...parseYaml(shown, r.data.toString('utf8')) };
  if (r.reason === 'too-large') return { ...parseYaml(shown, '', MAX_YAML_BYTES + 1) };
  throw fail(path, r.message);
}
