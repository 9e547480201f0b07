/**
 * Notes written anywhere, split into blocks by phase for the grader. Pure.
 *
 * - A transcript written by `study` (it starts "# Mock interview:" and names its capstone on a
 *   "- Capstone: `id`" line) contributes only the notes fenced under each phase's "### Notes";
 *   its checklist, hints and model answers are never graded.
 * - Other notes: a Markdown heading ("## Data", "## 4. Model", "# deep-dive") that names a phase id
 *   or the words of a phase title starts that phase; any other heading starts a block with no
 *   phase. Heading lines themselves are not graded. Text before any heading has no phase.
 */
import type { NotesBlock } from './grade.js';
import { termStems } from './text.js';

export interface ParsedNotes {
  /** The capstone a study transcript names (its topic id), or null. */
  capstone: string | null;
  /** Written by `study`. */
  transcript: boolean;
  blocks: NotesBlock[];
}

interface PhaseRef {
  id: string;
  title: string;
}

const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;

/** The phase a heading names, or null: its id, or every word of it found in the phase title. */
export function phaseOfHeading(heading: string, phases: readonly PhaseRef[]): string | null {
  const h = heading.replace(/^\s*\d+[.)]?\s*/, '').replace(/[:.]\s*$/, '').trim().toLowerCase();
  if (!h) return null;
  const byId = phases.find((p) => p.id === h || p.id === h.replace(/\s+/g, '-'));
  if (byId) return byId.id;
  const words = termStems(h).filter((w) => w !== 'and');
  if (!words.length) return null;
  const byTitle = phases.find((p) => {
    const title = new Set(termStems(p.title));
    return words.every((w) => title.has(w));
  });
  return byTitle?.id ?? null;
}

/** Splits notes text into phase blocks (see the file comment). */
export function parseNotes(text: string, phases: readonly PhaseRef[]): ParsedNotes {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const first = lines.find((l) => l.trim() !== '') ?? '';
  const named = lines.slice(0, 12).map((l) => /^- Capstone: `([a-z0-9-]+)`/.exec(l)?.[1]).find(Boolean);
  if (/^# Mock interview: /.test(first) && named) return { capstone: named, transcript: true, blocks: transcriptBlocks(lines, phases) };
  const blocks: NotesBlock[] = [];
  let current: { phase: string | null; lines: string[] } = { phase: null, lines: [] };
  const flush = () => {
    if (current.lines.some((l) => l.trim())) blocks.push({ phase: current.phase, text: current.lines.join('\n') });
  };
  for (const line of lines) {
    const m = HEADING.exec(line);
    if (!m) {
      current.lines.push(line);
      continue;
    }
    flush();
    current = { phase: phaseOfHeading(m[2]!, phases), lines: [] };
  }
  flush();
  return { capstone: null, transcript: false, blocks };
}

/** The fenced "### Notes" of each "## N. Phase title" section of a study transcript. */
function transcriptBlocks(lines: string[], phases: readonly PhaseRef[]): NotesBlock[] {
  const blocks: NotesBlock[] = [];
  let phase: string | null = null;
  let inNotes = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const h2 = /^## \d+\. (.+)$/.exec(line);
    if (h2) {
      phase = phases.find((p) => p.title === h2[1]!.trim())?.id ?? phaseOfHeading(h2[1]!, phases);
      inNotes = false;
      continue;
    }
    if (/^#{1,3} /.test(line)) {
      inNotes = line.trim() === '### Notes';
      continue;
    }
    const fence = inNotes ? /^(`{3,})text\s*$/.exec(line) : null;
    if (!fence) continue;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i] !== fence[1]; i++) body.push(lines[i]!);
    if (body.length) blocks.push({ phase, text: body.join('\n') });
    inNotes = false;
  }
  return blocks;
}
