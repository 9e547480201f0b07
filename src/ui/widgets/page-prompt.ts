/**
 * The pager's one-line prompt between pages: Enter, space, ↓, j or n goes on; q or Esc stops.
 * The line is erased once answered, so pages follow each other cleanly. Ctrl-C rejects like every
 * inquirer prompt (ExitPromptError).
 */
import { createPrompt, isDownKey, isEnterKey, isSpaceKey, useKeypress, useState } from '@inquirer/core';

export type PageAnswer = 'next' | 'quit';

export interface PageConfig {
  /** The hint shown, already painted: "⏎ next section · q quit (2/5)". */
  message: string;
}

/** What a key does at the page prompt, or undefined when it does nothing. Pure. */
export function pageKey(key: { name?: string; sequence?: string }): PageAnswer | undefined {
  if (key.name === 'q' || key.name === 'escape') return 'quit';
  if (key.name === 'j' || key.name === 'n') return 'next';
  return undefined;
}

/** The prompt itself (tests render it directly). */
export const pageLine = createPrompt<PageAnswer, PageConfig>((config, done) => {
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  useKeypress((key) => {
    if (status === 'done') return;
    const answer = isEnterKey(key) || isSpaceKey(key) || isDownKey(key) ? 'next' : pageKey(key);
    if (!answer) return;
    setStatus('done');
    done(answer);
  });
  return status === 'done' ? '' : config.message;
});

/** Asks whether to show the next page. */
export function pagePrompt(config: PageConfig): Promise<PageAnswer> {
  return pageLine(config, { clearPromptOnDone: true });
}
