/** Markdown export: curriculum text stays text (issue 14 item 14), diagrams and worked designs included. */
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, markdownGuide } from '../../src/export/markdown.js';
import { hostileCurriculum } from '../fixtures/hostile.js';

const md = markdownGuide(hostileCurriculum);
/** The guide without its fenced code blocks (whose content Markdown never interprets). */
const prose = md.replace(/^(`{3,})text\n[\s\S]*?\n\1$/gm, '');
const lines = prose.split('\n');

describe('Markdown export escaping', () => {
  it('closes <details> only where the guide does: one per question, so no answer is exposed', () => {
    expect(md.match(/<\/details>/g)).toHaveLength(3);
    expect(lines.filter((l) => l.includes('</details>'))).toEqual(['   </details>', '   </details>', '   </details>']);
  });

  it('keeps every "<" in the prose to the guide\'s own tags, so <script> and <img> are inert', () => {
    const tags = [...prose.matchAll(/<[^\s]*/g)].map((m) => m[0]);
    expect(new Set(tags)).toEqual(new Set(['<details><summary>Answer</summary>', '</details>']));
    expect(prose).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(prose).toContain('&lt;img src=x onerror=alert(1)&gt; problem');
  });

  it('starts a heading only with the guide\'s own headings', () => {
    const headings = lines.filter((l) => /^ {0,3}#/.test(l));
    expect(headings).toEqual([
      '# ML system-design interview study guide',
      '## Module 1 — Module &lt;/details&gt; &lt;script&gt;',
      '### \\#\\# Section',
      '#### 1. Hostile &lt;b&gt;title&lt;/b&gt; \\#\\# C\\#',
    ]);
  });

  it('turns block syntax at a line start into text', () => {
    const e = escapeMarkdown('- a\n+ b\n1. c\n2) d\n    e\n===\n> f\n`g` *h* [i](j) | k');
    expect(e.split('\n')).toEqual(['\\- a  ', '\\+ b  ', '1\\. c  ', '2\\) d  ', 'e  ', '\\===  ', '&gt; f  ', '\\`g\\` \\*h\\* \\[i\\](j) \\| k']);
    expect(escapeMarkdown('a\n\nb')).toBe('a\n\nb');
  });

  it('strips terminal escapes', () => {
    expect(md).not.toMatch(/\u001b|\u0007/);
  });

  it('puts each diagram in a fence its art cannot close, verbatim', () => {
    expect(md).toContain('**Diagram: Art with \\`\\`\\` inside**\n\n````text\n┌────┐ ``` <script>\n│ ok │\n└────┘\n````');
  });

  it('writes each worked design as labelled items, trade-offs nested', () => {
    expect(md).toContain('**Worked design: Design &lt;/details&gt;**\n\n- **Problem.** &lt;img');
    expect(md).toContain('- **Framing.** \\#\\# framing\n- **Data.** \\- data\n- **Model.** 1\\. model\n');
    expect(md).toContain('- **Trade-offs.**\n  - &lt;/details&gt; one\n  - &lt;script&gt; two\n- **Estimate.** 2 × 3 = 6  \n  = 6\n');
  });

  it('lists an order question\'s answer as a numbered list, items escaped', () => {
    expect(md).toContain('   1. &lt;/details&gt; first\n   2. \\#\\# second\n   3. 3\\. third\n');
  });
});
