/** The pager's prompt line, driven with @inquirer/testing. */
import { render } from '@inquirer/testing';
import { describe, expect, it } from 'vitest';
import { pageLine } from '../../src/ui/widgets/page-prompt.js';

describe('page prompt', () => {
  it.each([
    ['enter', 'next'],
    ['space', 'next'],
    ['down', 'next'],
    ['j', 'next'],
    ['q', 'quit'],
    ['escape', 'quit'],
  ])('%s -> %s', async (key, expected) => {
    const { answer, events, getScreen } = await render(pageLine, { message: '⏎ next section · q quit  (1/3)' });
    expect(getScreen()).toBe('⏎ next section · q quit  (1/3)');
    events.keypress('x'); // other keys do nothing
    events.keypress(key);
    await expect(answer).resolves.toBe(expected);
  });
});
