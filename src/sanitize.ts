/**
 * The one sanitiser for text that did not come from this program's code (curriculum files,
 * imports, notes, arguments, file names) before it reaches a terminal. Pure, no dependencies.
 *
 * Removed: escape sequences (CSI `ESC [ … final`, OSC `ESC ] … BEL|ST`, DCS/SOS/PM/APC strings,
 * two-byte `ESC x`), the C1 controls U+0080–U+009F (8-bit CSI/OSC included), C0 controls except
 * tab and newline, DEL, and bidirectional overrides that can disguise text. A lone CR is turned
 * into a newline so it cannot overwrite the start of a line.
 */

/** ESC-introduced sequences: CSI, string sequences (OSC, DCS, SOS, PM, APC) and two-byte escapes. */
const ESCAPES =
  // eslint-disable-next-line no-control-regex
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b[\]PX^_][\s\S]*?(?:\u0007|\u001b\\|$)|\u009b[0-?]*[ -/]*[@-~]|[\u009d\u0090\u0098\u009e\u009f][\s\S]*?(?:\u0007|\u009c|\u001b\\|$)|\u001b[\s\S]?/g;

/** Single control characters left after the sequences: C0 but tab/newline, DEL, C1, bidi overrides. */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every escape sequence and control character removed (tab and newline kept). */
export function sanitize(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(ESCAPES, '').replace(CONTROLS, '');
}

/** `text` sanitised and folded onto one line (newlines and tabs become spaces): for names, paths, ids. */
export function sanitizeLine(text: string): string {
  return sanitize(text).replace(/[\n\t]+/g, ' ');
}

/**
 * The 0-based index of the first control character (or escape) in `text`, or -1. Tab, newline and
 * CR-LF line ends are allowed; used by validators to report file:line:col and by imports to refuse.
 */
export function firstControl(text: string): number {
  // eslint-disable-next-line no-control-regex
  const m = /\r(?!\n)|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.exec(text);
  return m ? m.index : -1;
}

/** True when `text` has a control character that sanitize() would remove. */
export function hasControl(text: string): boolean {
  return firstControl(text) !== -1;
}

/**
 * `text` with every control character written out visibly — `\e` for ESC, `\xNN` or `\uNNNN`
 * otherwise — so a message can show what was typed instead of silently dropping part of it.
 */
export function visible(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const n = c.charCodeAt(0);
    if (n === 0x1b) return '\\e';
    return n <= 0xff ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
  });
}
