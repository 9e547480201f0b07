/**
 * Every question the program asks goes through a `Prompter`. The real one wraps inquirer (loaded
 * lazily); tests script a fake one by message. Ctrl-C surfaces as an error named ExitPromptError.
 */
import type { NotesConfig, NotesDraft } from './widgets/notes-prompt.js';
import { displayWidth, glueUnits, truncate, wrap } from './text.js';

export interface Choice<T> {
  name: string;
  /** Shown once answered, instead of `name` (e.g. one line for a wrapped option). */
  short?: string;
  value: T;
  description?: string;
  disabled?: boolean | string;
}

export interface Prompter {
  /** `ticker`, when given, is redrawn every second before the message (a live countdown). */
  select<T>(opts: { message: string; choices: Choice<T>[]; default?: T; pageSize?: number; ticker?: () => string }): Promise<T>;
  /** `validate` sees the values marked when ⏎ is pressed; a string refuses the submit with that hint. */
  /** `answered` turns the marked choices' `short` texts into the one line shown once submitted. */
  checkbox<T>(opts: { message: string; choices: Choice<T>[]; required?: boolean; validate?: (values: T[]) => true | string; answered?: (shorts: string[]) => string }): Promise<T[]>;
  input(opts: { message: string; default?: string; validate?: (value: string) => true | string }): Promise<string>;
  confirm(opts: { message: string; default?: boolean }): Promise<boolean>;
  /** Returns the indexes of `items` in the order the user chose. */
  order(opts: { message: string; items: string[] }): Promise<number[]>;
  /** Multi-line notes, optionally under a live countdown (see widgets/notes-prompt.ts). */
  notes(opts: NotesConfig): Promise<NotesDraft>;
  /** The pager's "⏎ next section · q quit" line (see widgets/page-prompt.ts). */
  page(opts: { message: string }): Promise<'next' | 'quit'>;
  /** Waits for ⏎ (other keys are ignored), e.g. "⏎ back to the menu" under a result. */
  pause(opts: { message: string }): Promise<void>;
}

/**
 * The chosen item is echoed after "› message ": cut to the row that is left, so a long choice
 * (a wrapped menu item) does not run on at column 0 under it.
 */
function oneRowEchoes<T>(message: string, choices: Choice<T>[]): Choice<T>[] {
  const room = Math.max(10, (process.stdout.columns || 80) - 1 - displayWidth(`› ${message.split('\n').at(-1) ?? ''} `));
  return choices.map((c) => {
    const echo = (c.short ?? c.name).split('\n').map((l) => l.trim()).join(' ').replace(/\u00a0/g, ' ');
    return displayWidth(echo) <= room ? c : { ...c, short: truncate(echo, room) };
  });
}

/** The inquirer-backed prompter used by the real terminal. */
export async function inquirerPrompter(highlight?: (s: string) => string): Promise<Prompter> {
  const [{ select, checkbox, input, confirm }, { orderPrompt }, { notesPrompt }, { pausePrompt }, { tickingSelect }] = await Promise.all([
    import('@inquirer/prompts'),
    import('./widgets/order-prompt.js'),
    import('./widgets/notes-prompt.js'),
    import('./widgets/pause-prompt.js'),
    import('./widgets/ticking-select.js'),
  ]);
  // A neutral mark once answered: inquirer's default green tick would read as "correct".
  const theme = { prefix: { idle: '?', done: '›' } };
  // inquirer prints a message after "? " and a refusal after "> " and breaks them at the terminal's
  // edge, back at column 0; wrapped here instead, whole words under a two-space indent, a number
  // kept with its unit ("40 ms", "6 mo").
  const hung = (text: string) => wrap(glueUnits(text), Math.max(20, (process.stdout.columns || 80) - 1), '  ', '  ').slice(2);
  const refusal = <A extends unknown[]>(check: ((...a: A) => true | string) | undefined) => (check ? (...a: A) => {
    const r = check(...a);
    return r === true ? true : hung(r);
  } : undefined);
  return {
    select: (o) => (o.ticker ? tickingSelect({ message: o.message, choices: o.choices, ticker: o.ticker, pageSize: o.pageSize }) : select({ ...o, message: hung(o.message), choices: oneRowEchoes(o.message, o.choices), pageSize: o.pageSize ?? 12, theme })),
    checkbox: (o) => {
      const { validate, answered, ...rest } = o;
      const check = refusal(validate);
      const style = answered ? { style: { renderSelectedChoices: (sel: readonly { short: string }[]) => answered(sel.map((c) => c.short)) } } : {};
      return checkbox({ ...rest, message: hung(o.message), validate: check ? (sel: readonly { value: (typeof o.choices)[number]['value'] }[]) => check(sel.map((c) => c.value)) : undefined, required: o.required ?? false, pageSize: 12, theme: { ...theme, ...style } });
    },
    input: (o) => input({ message: hung(o.message), default: o.default, validate: refusal(o.validate), theme }),
    confirm: (o) => confirm({ ...o, message: hung(o.message), theme }),
    order: (o) => orderPrompt({ ...o, highlight }),
    notes: (o) => notesPrompt(o),
    page: async (o) => (await import('./widgets/page-prompt.js')).pagePrompt(o),
    pause: (o) => pausePrompt(o),
  };
}
