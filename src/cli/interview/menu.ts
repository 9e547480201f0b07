/** Menu choices for the interview's selects. Pure. */
import { contentWidth, wrap } from '../../ui/text.js';

/** A choice wrapped for rows that start with the 2-column cursor: continuation lines hang under the text. */
export function menuName(text: string, columns: number): { name: string; short: string } {
  return { name: wrap(text, contentWidth(columns), '  ', '  ').slice(2), short: text };
}
