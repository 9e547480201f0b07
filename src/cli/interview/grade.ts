/**
 * `study interview grade FILE [--capstone ID] [--json] [--save]`: grades notes written anywhere
 * (an editor, paper typed up, a transcript study wrote) with the same grader as the live debrief.
 * Reading the file and recording the result happen here; grading is pure (src/interview/grade.ts).
 */
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { readRegular } from '../../progress/files.js';
import { basename, resolve } from 'node:path';
import { DataError, UsageError } from '../../errors.js';
import { capstones, findCapstone, type Capstone } from '../../interview/catalog.js';
import { gradeCapstone, notesEvent } from '../../interview/debrief.js';
import type { Grade, NotesBlock } from '../../interview/grade.js';
import { estimateLevel, type LevelEstimate } from '../../interview/level.js';
import { nextFollowUps } from '../../interview/probes.js';
import { renderLevel } from '../../ui/render/interview-level.js';
import { parseNotes } from '../../interview/notes.js';
import { updateProgress } from '../../progress/store.js';
import { sanitizeLine } from '../../sanitize.js';
import { renderGrade } from '../../ui/render/interview.js';
import type { Context } from '../context.js';
import { loadCurriculum } from '../load.js';

/** Notes files larger than this are refused (a day of notes is a few kilobytes). */
export const MAX_NOTES_BYTES = 1024 * 1024;

export interface GradeOptions {
  file: string;
  capstone?: string;
  json: boolean;
  save: boolean;
}

const ONLY_INTERVIEW = ['list', 'history', 'minutes', 'practice', 'resume', 'out', 'seed'] as const;

/** Checks the arguments of `interview grade`; pure apart from reading `raw`. */
export function parseGradeOptions(args: string[], raw: Record<string, unknown>): GradeOptions {
  const stray = ONLY_INTERVIEW.find((k) => raw[k] !== undefined && raw[k] !== false);
  if (stray) throw new UsageError(`--${stray} does not go with grade; use: study interview grade FILE [--capstone ID] [--json] [--save]`);
  if (args.length === 0) throw new UsageError('grade needs a notes file: study interview grade FILE [--capstone ID] [--json] [--save]');
  return { file: args[0]!, capstone: raw.capstone === undefined ? undefined : String(raw.capstone), json: raw.json === true, save: raw.save === true };
}

/** The notes file's text; one clear line for a missing, unreadable, binary or oversized file. */
export function readNotes(file: string): string {
  const shown = sanitizeLine(file);
  let st;
  try {
    st = statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (code ?? 'read error');
    throw new DataError(`cannot read notes ${shown}: ${why}`);
  }
  if (st.isDirectory()) throw new DataError(`${shown} is a folder; give a notes file (plain text or Markdown)`);
  if (st.isFile() && st.size > MAX_NOTES_BYTES) throw new DataError(`${shown} is ${(st.size / 1024 / 1024).toFixed(1)} MB; notes files up to 1 MB are graded`);
  // Opened without blocking and read with a cap that does not trust stat: a pipe, a device or a
  // file that grows is refused in one line rather than hanging or filling memory.
  const r = readRegular(file, MAX_NOTES_BYTES);
  if (!r.ok) {
    if (r.reason === 'too-large') throw new DataError(`${shown} is over 1 MB; notes files up to 1 MB are graded`);
    if (r.reason === 'not-regular') throw new DataError(`cannot read notes ${shown}: ${r.message}; give a notes file (plain text or Markdown)`);
    throw new DataError(`cannot read notes ${shown}: ${r.reason === 'missing' ? 'no such file' : r.message}`);
  }
  const bytes = r.data;
  if (bytes.includes(0)) throw new DataError(`${shown} is not a text file (it holds binary data); grade plain text or Markdown notes`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new DataError(`${shown} is not UTF-8 text; save the notes as UTF-8 plain text or Markdown`);
  }
}

function pickCapstone(all: readonly Capstone[], given: string | undefined, named: string | null): Capstone {
  const ids = all.map((c) => c.id).join(', ');
  const byFlag = given === undefined ? undefined : findCapstone(all, given);
  if (given !== undefined && !byFlag) throw new UsageError(`no interview problem "${sanitizeLine(given)}"; expected one of ${ids}`);
  const byFile = named === null ? undefined : findCapstone(all, named);
  if (byFlag && byFile && byFlag !== byFile) throw new UsageError(`the transcript is for ${byFile.id}, not ${byFlag.id}; drop --capstone or pass --capstone ${byFile.id}`);
  const c = byFlag ?? byFile;
  if (!c) throw new UsageError(named === null ? `--capstone is needed: the notes do not name one; expected one of ${ids}` : `the transcript names capstone "${sanitizeLine(named)}", which is not in the curriculum; pass --capstone, one of ${ids}`);
  return c;
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/** The `--json` shape: fields may be added, none renamed (scripts rely on it). */
export function gradeJson(c: Capstone, g: Grade, level: LevelEstimate) {
  return {
    capstone: c.id,
    score: round(g.score),
    points: g.points.map((p) => ({ id: p.id, phase: p.phase, point: p.point, status: p.status, evidence: p.evidence, foundIn: p.foundIn })),
    phases: g.phases.map((p) => ({ id: p.id, score: round(p.score) })),
    // The probes an interviewer would ask next, thinnest first; never one whose targets are all explained.
    followUps: nextFollowUps(c.interview, g).map((f) => ({ id: f.id, question: f.question, targets: [...(f.targets ?? [])] })),
    title: c.title,
    level: level.level,
    reasons: level.reasons,
    levelDimensions: level.dimensions.map((d) => ({ id: d.id, senior: d.senior, staff: d.staff, seniorBar: d.seniorBar })),
    overEngineering: level.overEngineering,
    ...(g.empty ? { note: 'the notes have no text, so every point is missed' } : {}),
  };
}

export async function runGrade(args: string[], raw: Record<string, unknown>, ctx: Context): Promise<void> {
  const o = parseGradeOptions(args, raw);
  const all = capstones(await loadCurriculum(ctx));
  if (o.capstone !== undefined && !findCapstone(all, o.capstone)) pickCapstone(all, o.capstone, null);
  const notes = readNotes(o.file);
  // Which capstone a transcript names does not depend on the phases; its blocks do.
  const c = pickCapstone(all, o.capstone, parseNotes(notes, []).capstone);
  const blocks = parseNotes(notes, c.interview.phases).blocks;
  const g = gradeCapstone(c, blocks);
  const level = estimateLevel(c.interview, g, blocks as NotesBlock[]);
  if (o.save) {
    const event = notesEvent(c, g, ctx.now(), randomUUID(), resolve(o.file), level.level);
    await updateProgress(ctx.progressPath, (p) => void p.events.push(event));
  }
  if (o.json) return void ctx.out(`${JSON.stringify(gradeJson(c, g, level), null, 2)}\n`);
  ctx.out(renderGrade({ capstone: c, grade: g, title: `Grade of ${sanitizeLine(basename(o.file))} · ${c.title}` }, ctx.theme, ctx.columns));
  ctx.out(renderLevel(level, undefined, ctx.theme, ctx.columns));
  if (o.save) ctx.out(ctx.theme.dim('Saved in your progress; see trends with: study interview --history\n'));
}
