/** The order prompt (typed order, digits, arrows), the pause prompt and the ticking select. */
import { render } from '@inquirer/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyTyped, orderPrompt, parseTypedOrder } from '../../src/ui/widgets/order-prompt.js';
import { pausePrompt } from '../../src/ui/widgets/pause-prompt.js';
import { tickingSelect } from '../../src/ui/widgets/ticking-select.js';

describe('typed order', () => {
  it.each([
    ['3 1 4 2', 4, { ok: true, positions: [2, 0, 3, 1], complete: true }],
    ['3142', 4, { ok: true, positions: [2, 0, 3, 1], complete: true }],
    ['3,1,4', 4, { ok: true, positions: [2, 0, 3, 1], complete: true }],
    ['3 1', 4, { ok: true, positions: [2, 0], complete: false }],
    ['31 4', 4, { ok: true, positions: [2, 0, 3, 1], complete: true }],
    ['', 4, { ok: true, positions: [], complete: false }],
    ['10 1', 12, { ok: true, positions: [9, 0], complete: false }],
  ])('%j of %i', (text, n, want) => expect(parseTypedOrder(text, n)).toEqual(want));

  it.each([
    ['5', 4, 'there is no item 5; type numbers from 1 to 4'],
    ['1 1', 4, '1 is typed twice; each item once'],
    ['0', 4, 'there is no item 0; type numbers from 1 to 4'],
    ['1x', 4, '"x" is not an item number; type numbers from 1 to 4'],
    ['11 11', 12, '11 is typed twice; each item once'],
    ['13', 12, 'there is no item 13; type numbers from 1 to 12'],
  ])('refuses %j', (text, n, error) => expect(parseTypedOrder(text, n)).toEqual({ ok: false, error }));

  it('puts typed positions first, the rest after in their order', () => {
    expect(applyTyped([10, 11, 12, 13], [2, 0])).toEqual([12, 10, 11, 13]);
  });

  it('the prompt takes a typed order and resolves to the original indexes', async () => {
    const { answer, events, getScreen } = await render(orderPrompt, { message: 'Put these in order', items: ['a', 'b', 'c', 'd'] });
    events.type('4213');
    expect(getScreen()).toContain('order: 4213');
    events.keypress('enter');
    await expect(answer).resolves.toEqual([3, 1, 0, 2]);
  });

  it('refuses an incomplete typed order with a hint, and arrows still work after backspace', async () => {
    const { answer, events, getScreen } = await render(orderPrompt, { message: 'Order', items: ['a', 'b', 'c'] });
    events.type('2');
    events.keypress('enter');
    expect(getScreen()).toContain('type all 3 numbers');
    events.keypress('space'); // nothing typed now: picks up "a"
    events.keypress('down'); // move it below "b"
    events.keypress('space');
    events.keypress('enter');
    await expect(answer).resolves.toEqual([1, 0, 2]);
  });
});

describe('pause prompt', () => {
  it('waits for ⏎ and ignores other keys', async () => {
    const { answer, events, getScreen } = await render(pausePrompt, { message: '⏎ back to the menu' });
    expect(getScreen()).toContain('⏎ back to the menu');
    let done = false;
    void answer.then(() => (done = true));
    events.type('q');
    await Promise.resolve();
    expect(done).toBe(false);
    events.keypress('enter');
    await expect(answer).resolves.toBeUndefined();
  });
});

describe('ticking select', () => {
  afterEach(() => vi.useRealTimers());

  it('redraws its ticker every second and returns the chosen value', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let left = 60;
    const choices: { name: string; value: string | null }[] = [
      { name: 'Done', value: null },
      { name: 'How many trips?', value: 'trips' },
    ];
    const { answer, events, getScreen } = await render(tickingSelect, { message: 'Ask', choices, ticker: () => `${left}s · ` });
    expect(getScreen()).toContain('60s · Ask');
    left = 59;
    vi.advanceTimersByTime(1000);
    expect(getScreen()).toContain('59s · Ask');
    events.keypress('down');
    events.keypress('enter');
    await expect(answer).resolves.toBe('trips');
  });
});
