/** Parsing JSON text from a file into a result instead of an exception. Pure. */

export type ParsedJson = { ok: true; value: unknown } | { ok: false; message: string };

/** `text` parsed, or why it is not JSON (the parser's reason, cut to 100 characters). */
export function parseJson(text: string): ParsedJson {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    return { ok: false, message: `not valid JSON (${(e as Error).message.slice(0, 100)})` };
  }
}
