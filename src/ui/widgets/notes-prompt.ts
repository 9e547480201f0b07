/**
 * Multi-line notes under a live countdown: the clock re-renders every second (setInterval inside
 * the prompt, cleared on exit) while the user keeps typing. Enter adds a line; Enter on an empty
 * line submits (unless it came inside a paste); "?" alone on a line reveals the next hint. Ctrl-C rejects like every inquirer prompt
 * (ExitPromptError), so every change is reported through `onChange` first and nothing typed is lost.
 */
import { createPrompt, isEnterKey, useEffect, useKeypress, useRef, useState } from '@inquirer/core';
import { sanitize } from '../../sanitize.js';
import { contentWidth, hang, keep as keepTogether, wrap } from '../text.js';
import type { ClockView } from '../../interview/timer.js';
import { plainTheme, type Theme } from '../plain.js';

export interface NotesDraft {
  lines: string[];
  hintsShown: number;
  /** The line being typed (not yet entered). */
  current?: string;
}

export interface NotesConfig {
  /** Shown beside the clock: "Phase 2/7 · ML framing and metrics". */
  title: string;
  /** Lines already written (when continuing after a pause). */
  lines?: string[];
  hints?: readonly string[];
  hintsShown?: number;
  /** Read on every render; omitted for no clock (practice mode, follow-up answers): no ticking then. */
  clock?: () => ClockView;
  /** Called when this prompt first shows the clock at zero or beyond (the caller rings once per phase). */
  bell?: () => void;
  /** Called after every change, so an interrupted prompt keeps what was typed. */
  onChange?: (draft: NotesDraft) => void;
  /** What an empty line does, for the help line: "end the phase". */
  doneLabel?: string;
  theme?: Theme;
  /** Re-render period in ms (1000). */
  tickMs?: number;
  /** Most recent lines shown; older ones are counted (8). Keeps the redraw within the screen. */
  visibleLines?: number;
  /** What a line is called in the line left once submitted ("question"; default "line"). */
  noun?: string;
  /** Once submitted with no line at all, leave nothing behind (the prompt only moved on). */
  quietWhenEmpty?: boolean;
}

/** The clock as text, readable without colour: "⏱ 4:12 left", "⏱ 0:59 left — wrap up", "⏱ time is up +1:23". */
export function clockText(v: ClockView, t: Theme): string {
  if (v.level === 'red') return t.bad(t.bold(`⏱ time is up ${v.label}`));
  if (v.level === 'amber') return t.warn(t.bold(`⏱ ${v.label} left — wrap up`));
  return t.bold(`⏱ ${v.label} left`);
}

export const notesPrompt = createPrompt<NotesDraft, NotesConfig>((config, done) => {
  const t = config.theme ?? plainTheme;
  const hints = config.hints ?? [];
  const [lines, setLines] = useState<string[]>(config.lines ?? []);
  const [current, setCurrent] = useState('');
  const [shown, setShown] = useState(config.hintsShown ?? 0);
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [, setTick] = useState(0);
  const ticks = useRef(0);
  // An empty line ends the notes only if no other key follows in the same burst of input: a pasted
  // block arrives as one burst, so its blank lines are skipped instead of ending the phase.
  const pendingEnd = useRef<ReturnType<typeof setImmediate> | undefined>(undefined);

  useEffect(() => {
    if (!config.clock) return undefined;
    const timer = setInterval(() => setTick(++ticks.current), config.tickMs ?? 1000);
    return () => clearInterval(timer);
  }, []);

  const view = config.clock?.();
  const red = view?.level === 'red';
  useEffect(() => {
    if (red) config.bell?.();
  }, [red]);

  useEffect(() => () => clearImmediate(pendingEnd.current!), []);

  useKeypress((key, rl) => {
    if (status === 'done') return;
    if (pendingEnd.current) {
      // More input in the same burst: the blank line was pasted, not typed.
      clearImmediate(pendingEnd.current);
      pendingEnd.current = undefined;
    }
    if (!isEnterKey(key)) {
      setCurrent(rl.line);
      config.onChange?.({ lines, hintsShown: shown, current: rl.line });
      return;
    }
    const line = current.trimEnd();
    setCurrent('');
    if (line.trim() === '') {
      pendingEnd.current = setImmediate(() => {
        pendingEnd.current = undefined;
        setStatus('done');
        done({ lines, hintsShown: shown });
      });
      return;
    }
    if (line.trim() === '?') {
      if (shown < hints.length) {
        setShown(shown + 1);
        setNote('');
        config.onChange?.({ lines, hintsShown: shown + 1 });
      } else {
        setNote(hints.length ? 'No more hints for this phase.' : 'No hints here.');
      }
      return;
    }
    const next = [...lines, line];
    setLines(next);
    setNote('');
    config.onChange?.({ lines: next, hintsShown: shown });
  });

  const clock = view ? `${clockText(view, t)}  ` : '';
  // Notes, hints, the title and the key help wrap under their text (the line being typed is left to the terminal).
  const width = contentWidth(process.stdout.columns ?? 80);
  if (status === 'done') {
    if (config.quietWhenEmpty && lines.length === 0) return '';
    const noun = config.noun ?? 'line';
    return wrap(`${t.ok(t.sym.ok)} ${config.title} ${t.dim(`· ${lines.length} ${lines.length === 1 ? noun : `${noun}s`}${shown ? ` · ${shown} hint${shown === 1 ? '' : 's'}` : ''}`)}`, width, '', '  ');
  }
  const keep = config.visibleLines ?? 8;
  const older = Math.max(0, lines.length - keep);
  const body = [
    wrap(`${clock}${t.heading(config.title)}`, width, '', '  '),
    ...(older ? [t.dim(`  … ${older} earlier ${older === 1 ? 'line' : 'lines'}`)] : []),
    ...lines.slice(older).map((l) => wrap(sanitize(l), width, '  ', '  ')),
    `${t.accent('›')} ${current}`,
  ];
  const bottom = [
    ...hints.slice(0, shown).map((h, i) => t.warn(hang(`  Hint ${i + 1}/${hints.length}: `, sanitize(h), width))),
    ...(note ? [t.dim(`  ${note}`)] : []),
    t.dim(wrap(`${keepTogether('⏎ new line')} · ${keepTogether(`⏎ on an empty line: ${config.doneLabel ?? 'done'}`)}${hints.length ? ` · ${keepTogether(`?⏎ hint (${hints.length - shown} left)`)}` : ''} · ${keepTogether('Ctrl-C pause')}`, width)),
  ];
  return [body.join('\n'), bottom.join('\n')];
});
