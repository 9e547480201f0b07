/** Menu choices for the interview's selects (the shared helper lives with the other layout rules). */
export { menuName } from '../../ui/text.js';
