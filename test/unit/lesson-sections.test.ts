/** The lesson renderer: diagrams drawn as-is, worked designs as labelled blocks, text sanitised. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCurriculumDir } from '../../src/cli/curriculum/load-dir.js';
import { findTopic } from '../../src/quiz/select.js';
import { lessonSections, renderDiagram, renderLesson } from '../../src/ui/render/lesson.js';
import { plainTheme } from '../../src/ui/theme.js';
import { displayWidth } from '../../src/text-width.js';
import { ROOT } from '../helpers.js';
import { hostileCurriculum } from '../fixtures/hostile.js';

const lint = loadCurriculumDir(join(ROOT, 'test/fixtures/lint')).curriculum!;
const good = findTopic(lint, 'feature-serving')!;
const art = good.topic.diagrams![0]!.art.replace(/\n$/, '').split('\n');

describe('lesson sections', () => {
  it('puts the diagram and the worked design after the key points, each under its heading', () => {
    expect(lessonSections(good, plainTheme, 80).map((s) => s.heading)).toEqual([undefined, 'Key points', 'Diagram', 'Worked design', 'Pitfalls', 'Interview tips', 'References']);
  });

  it.each([60, 80, 100])('draws the diagram verbatim at %i columns, never wrapped, and no row overflows', (cols) => {
    const lines = renderLesson(good, plainTheme, cols).split('\n');
    const at = lines.indexOf('Diagram');
    expect(lines[at + 1]).toBe('  Online and offline paths');
    expect(lines.slice(at + 2, at + 2 + art.length)).toEqual(art.map((l) => `  ${l}`));
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(Math.min(cols, 100) - 1);
  });

  it('says so in one line when the terminal is narrower than the drawing, and drops the indent when only that fits', () => {
    const wide = { title: 'Wide', art: `┌${'─'.repeat(74)}┐\n└${'─'.repeat(74)}┘` };
    expect(renderDiagram(wide, plainTheme, 59).split('\n')).toEqual(['  Wide', '  (diagram 76 columns wide: widen the terminal to 77+)']);
    expect(renderDiagram(wide, plainTheme, 76).split('\n')[1]).toBe(`┌${'─'.repeat(74)}┐`);
    expect(renderDiagram(wide, plainTheme, 79).split('\n')[1]).toBe(`  ┌${'─'.repeat(74)}┐`);
  });

  it('keeps a drawing\'s first-line indentation and expands tabs', () => {
    expect(renderDiagram({ title: 'T', art: '   ┌┐\n\t└┘\n' }, plainTheme, 79).split('\n')).toEqual(['  T', '     ┌┐', '          └┘']);
  });

  it.each([60, 100])('writes each worked-design field as a labelled block with a hanging indent at %i columns', (cols) => {
    const text = lessonSections(good, plainTheme, cols).find((s) => s.heading === 'Worked design')!.text;
    const lines = text.split('\n');
    expect(lines[1]).toBe('  Fraud scores at checkout');
    const labels = lines.slice(2).filter((l) => !l.startsWith(' '.repeat(14))).map((l) => l.slice(2, 14).trim());
    expect(labels).toEqual(['Problem', 'Framing', 'Data', 'Model', 'Serving', 'Monitoring', 'Trade-offs', 'Estimate']);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(Math.min(cols, 100) - 1);
    // Two trade-off bullets, the second under the first.
    expect(lines.filter((l) => /^ {2}Trade-offs {2}• | {14}• /.test(l))).toHaveLength(2);
    // Words are never split; a number stays with its unit.
    const words = new Set(lines.join(' ').split(/\s+/));
    for (const w of ['2,000', 'payments', 'checkout', 'hand-written']) expect(words.has(w)).toBe(true);
    expect(text).toMatch(/150 ms/);
    expect(text).not.toMatch(/\d\n\s+(ms|h|GB|MB\/s|million)\b/);
  });

  it('sanitises curriculum text: no escape sequence from a curriculum folder reaches the terminal', () => {
    const where = { module: hostileCurriculum.modules[0]!, section: hostileCurriculum.modules[0]!.sections[0]!, topic: hostileCurriculum.modules[0]!.sections[0]!.topics[0]! };
    const text = renderLesson(where, plainTheme, 80);
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(text).toContain('1. Hostile <b>title</b> ## C#');
    expect(text).toContain('  │ ok │');
  });
});
