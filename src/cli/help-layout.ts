/**
 * How `study --help` and `study help CMD` are laid out: commander's two columns (flag, then its
 * description) while the description column keeps enough room, else each description on its own
 * indented line under its flag; every line wrapped to the terminal with whole words. Loaded only
 * when help is shown (start-up does not pay for the wrapping code).
 */
import type { Help } from 'commander';
import { contentWidth, displayWidth, keep, padTo, wrap } from '../ui/text.js';

/** Narrower than this, a description goes on its own line under its term. */
export const MIN_DESCRIPTION_COLUMN = 36;
const INDENT = '  ';
const SPACER = '  ';
/** Where a description starts when it has a line of its own. */
const STACKED = '      ';

/** The width help is wrapped to: the terminal's (80 when piped), one column spare, at most 100. */
export function helpTextWidth(stream: { isTTY?: boolean; columns?: number } = process.stdout): number {
  return contentWidth(stream.isTTY && stream.columns ? stream.columns : 80);
}

/** A default, an example or a range stays on one line with its value: "(default 40%)", "e.g. 7B". */
function keepValues(description: string): string {
  return description.replace(/\((?:default|alone)[^()]{0,18}\)|\be\.g\. \S+|\d+ or \d+%?/g, keep);
}

/** One term and its description: side by side when there is room, else stacked. Pure. */
export function helpItem(term: string, termWidth: number, rawDescription: string, width: number): string {
  if (!rawDescription) return INDENT + term;
  const description = keepValues(rawDescription);
  const column = INDENT.length + termWidth + SPACER.length;
  if (width - column >= MIN_DESCRIPTION_COLUMN) return wrap(description, width, padTo(INDENT + term, column), ' '.repeat(column));
  return `${wrap(term, width, INDENT, `${INDENT}  `)}\n${wrap(description, width, STACKED)}`;
}

/**
 * Free text (a description, the text after the options) fitted to `width`: a line that fits is
 * kept as it is (its alignment too); a longer one is wrapped, continuing two columns further in
 * than it began. Pure.
 */
export function fitHelpText(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      if (displayWidth(line) <= width) return line.replace(/\u00a0/g, ' ');
      // "  fish  study completion fish > …": a label set off by two spaces keeps its column.
      const labelled = /^( *\S+ {2,})(\S.*)$/.exec(line);
      if (labelled && displayWidth(labelled[1]!) <= width / 3) return wrap(labelled[2]!, width, labelled[1]!, ' '.repeat(displayWidth(labelled[1]!)));
      const lead = /^ */.exec(line)![0];
      return wrap(line.slice(lead.length), width, lead, `${lead}  `);
    })
    .join('\n');
}

/** The commander help settings for `width` columns (for `configureHelp`). */
export function helpConfiguration(width: number): Partial<Help> {
  return {
    helpWidth: width,
    formatItem: (term, termWidth, description) => helpItem(term, termWidth, description, width),
    boxWrap: (str) => wrap(str, width),
  };
}
