/** Did-you-mean for commands, options and topics (src/cli/did-you-mean.ts, src/cli/topic-arg.ts). */
import { describe, expect, it } from 'vitest';
import { closest, editDistance, rankByCloseness, unknownCommandMessage, unknownOptionMessage } from '../../src/cli/did-you-mean.js';
import { suggestTopics, unknownTopicError } from '../../src/cli/topic-arg.js';
import { join } from 'node:path';
import { loadCurriculumDir } from '../../src/cli/curriculum/load-dir.js';
import { ROOT } from '../helpers.js';

const mini = loadCurriculumDir(join(ROOT, 'test/fixtures/mini')).curriculum!;

const COMMANDS = ['learn', 'quiz', 'review', 'drill', 'interview', 'calc', 'progress', 'search', 'export', 'topics', 'validate', 'doctor', 'completion', 'help'];

describe('edit distance', () => {
  it.each([
    ['quizz', 'quiz', 1],
    ['revew', 'review', 1],
    ['reveiw', 'review', 1],
    ['', 'abc', 3],
    ['Quiz', 'quiz', 0],
    ['kitten', 'sitting', 3],
  ])('%s → %s = %i', (a, b, d) => expect(editDistance(a, b)).toBe(d));
});

describe('closest', () => {
  it.each([
    ['quizz', ['quiz']],
    ['revew', ['review']],
    ['intervew', ['interview']],
    ['prog', ['progress']],
    ['xyz', []],
    ['quiz', []],
  ])('%s → %j', (word, want) => expect(closest(word, COMMANDS)).toEqual(want));

  it('ranks options by closeness, ties in table order', () => {
    expect(rankByCloseness('--limt', ['--cram', '--limit', '--seed']).slice(0, 1)).toEqual(['--limit']);
  });
});

describe('messages', () => {
  it('says a word is not a command and suggests the pasteable command line', () => {
    expect(unknownCommandMessage('revew', COMMANDS, ['--limit', '3'])).toBe('"revew" is not a command; did you mean: study review --limit 3?  (study help lists every command)');
    expect(unknownCommandMessage('zzz', ['learn', 'quiz'])).toMatch(/"zzz" is not a command; the commands are learn, quiz/);
  });

  it('lists what a command accepts, closest first, then the global options', () => {
    const m = unknownOptionMessage('--limt', 'review', ['--cram', '--limit', '--seed', '--retention'], ['--debug']);
    expect(m).toBe('study review has no option --limt; did you mean --limit? It accepts (closest first): --limit, --cram, --seed, --retention, --debug');
  });
});

describe('topic suggestions', () => {
  it('offers near ids, title words and what search finds', () => {
    const c = mini;
    expect(suggestTopics(c, 'kv-cach').map((t) => t.id)[0]).toBe('kv-cache');
    expect(unknownTopicError(c, 'attention', undefined, 'study learn').message).toMatch(/no topic "attention"; did you mean 1\. KV cache \(study learn kv-cache\)\?/);
    expect(unknownTopicError(c, 'qwertyuiop', '--topic', 'study quiz --topic').message).toBe('--topic: no topic "qwertyuiop"; give a topic id or number (see study topics, or study search WORDS)');
  });
});
