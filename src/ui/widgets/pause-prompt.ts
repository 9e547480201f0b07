/**
 * "⏎ back to the menu": waits for Enter and nothing else, so the screen above (a result, a score)
 * stays in view until the user is done reading it. Other keys are ignored; Ctrl-C cancels as in
 * every prompt.
 */
import { createPrompt, isEnterKey, makeTheme, useKeypress, useState } from '@inquirer/core';

export const pausePrompt = createPrompt<void, { message: string }>((config, done) => {
  const theme = makeTheme({});
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  useKeypress((key) => {
    if (!isEnterKey(key)) return;
    setStatus('done');
    done();
  });
  // Once answered the line stays, dimmed, as a divider before the dashboard.
  void status;
  return theme.style.help(config.message);
});
