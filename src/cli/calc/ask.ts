/**
 * Asks for what a calculator is missing, in a terminal: a menu of presets where one fits, else a
 * typed value checked by the same parser as the flags. Everything goes through the Prompter.
 */
import { FIELDS, type FieldKey } from '../../calc/flags.js';
import { parseNumber, type MissingInput, type Raw } from '../../calc/inputs.js';
import type { Presets } from '../../calc/presets.js';
import type { Prompter } from '../../ui/prompter.js';

const OTHER = '\u0000other';

/** Fills in `missing` (and returns the updated flag values). */
export async function askMissing(missing: MissingInput, raw: Raw, presets: Presets, p: Prompter): Promise<Raw> {
  if (missing.alternative === 'model' && presets.models.length) {
    const other = missing.key === 'params' ? 'Other: enter a parameter count' : 'Other: enter the shape (layers, KV heads, head dim)';
    const choice = await p.select({
      message: 'Which model?',
      choices: [...presets.models.map((m) => ({ name: `${m.id.padEnd(16)} ${m.name}`, value: m.id })), { name: other, value: OTHER }],
    });
    if (choice !== OTHER) return { ...raw, model: choice };
  }
  if (missing.key === 'gpu' && presets.gpus.length) {
    const gpu = await p.select({ message: 'Which GPU?', choices: presets.gpus.map((g) => ({ name: `${g.id.padEnd(10)} ${g.name}`, value: g.id })) });
    return { ...raw, gpu };
  }
  return { ...raw, [missing.key]: await askValue(missing.key, presets, p) };
}

/** Asks for one flag's value, validated as the flag would be. */
export async function askValue(key: FieldKey, presets: Presets, p: Prompter): Promise<string> {
  const f = FIELDS[key];
  const text = await p.input({
    message: `${capitalise(f.help)} (${f.flag})`,
    validate: (v) => {
      try {
        parseNumber(key, v, presets);
        return true;
      } catch (e) {
        return (e as Error).message;
      }
    },
  });
  return text.trim();
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
