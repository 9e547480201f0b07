/** The home menu's "Continue" turns a suggested command line into a handler call. */
import { describe, expect, it } from 'vitest';
import { parseSuggestion } from '../../src/cli/commands/home.js';

describe('parseSuggestion', () => {
  it.each([
    ['study learn dns', { name: 'learn', args: ['dns'], opts: {} }],
    ['study quiz --topic dns', { name: 'quiz', args: [], opts: { topic: 'dns' } }],
    ['study interview --resume', { name: 'interview', args: [], opts: { resume: true } }],
    ['study review --cram --limit 5', { name: 'review', args: [], opts: { cram: true, limit: '5' } }],
  ])('%s', (line, want) => expect(parseSuggestion(line)).toEqual(want));
});
