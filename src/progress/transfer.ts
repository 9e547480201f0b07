/**
 * Moving progress between machines: an export document (everything, versioned) and a merge of an
 * imported one by event id, so importing twice changes nothing. Cards of questions that gained
 * answers are rebuilt by replaying their answers in time order. Pure.
 */
import { replay, type RatingValue } from '../review/fsrs.js';
import { importProblem } from './check.js';
import { missingGapCards } from '../interview/cards.js';
import { decodeProgress, mergeEvents, type AnswerEvent, type InterviewEvent, type Progress } from './model.js';
import { parseJson } from '../json.js';
import { decodeConfig, type Config } from '../config/settings.js';

export const EXPORT_KIND = 'study-progress-export';

export interface ExportDocument {
  kind: typeof EXPORT_KIND;
  exportedAt: string;
  progress: Progress;
  /** The settings file (config.json) when there was one: retention, plan, fitted FSRS parameters… */
  settings?: Config;
}

export function exportDocument(p: Progress, now: Date, settings?: Config): ExportDocument {
  return { kind: EXPORT_KIND, exportedAt: now.toISOString(), progress: p, ...(settings ? { settings } : {}) };
}

/** What an import document carried besides progress: its settings, or why they cannot be used. */
export type ImportedSettings = { ok: true; settings: Config } | { ok: false; message: string } | undefined;

/**
 * Reads an export document (or a bare progress file) and validates it like the progress file,
 * then more strictly (see `importProblem`: no control characters, no event dated more than a day
 * after `now` or before 2000). Without `now` (tests of the format alone), no upper date bound.
 */
export function readImport(text: string, now?: Date): { ok: true; progress: Progress; settings?: ImportedSettings } | { ok: false; message: string } {
  let inner = text;
  let settings: ImportedSettings;
  const parsed = parseJson(text);
  // Bytes that are not text (a zip, an image): said plainly, not as JSON.parse's garbled excerpt.
  if (!parsed.ok) return /[\u0000\ufffd]/.test(text) ? { ok: false, message: 'it holds binary data, not the JSON text of an export' } : parsed;
  const raw = parsed.value as { kind?: unknown; progress?: unknown; settings?: unknown } | null;
  if (raw && typeof raw === 'object' && raw.kind === EXPORT_KIND) {
    inner = JSON.stringify(raw.progress);
    // Settings are checked as config.json is; bad ones are reported and left out, the progress still imports.
    if (raw.settings !== undefined) {
      const d = decodeConfig(JSON.stringify(raw.settings));
      settings = d.ok ? { ok: true, settings: d.config } : { ok: false, message: d.message };
    }
  }
  const r = decodeProgress(inner);
  if (!r.ok) return { ok: false, message: r.reason === 'newer' ? `it was written by a newer study (progress version ${r.version}); update study first` : r.message };
  const problem = importProblem(r.progress, now);
  return problem ? { ok: false, message: problem } : { ok: true, progress: r.progress, ...(settings ? { settings } : {}) };
}

/** Merges `incoming` into `p`: new events by id; cards rebuilt for questions whose answers changed. */
export function mergeProgress(p: Progress, incoming: Progress): { progress: Progress; added: number } {
  const { progress, added } = mergeEvents(p, incoming.events);
  if (added === 0) return { progress: p, added };
  const known = new Set(p.events.map((e) => e.id));
  const touched = new Set(incoming.events.filter((e): e is AnswerEvent => e.type === 'answer' && !known.has(e.id)).map((e) => e.questionId));
  const cards = { ...progress.cards };
  for (const qid of touched) {
    const history = progress.events
      .filter((e): e is AnswerEvent => e.type === 'answer' && e.questionId === qid && !e.cram)
      .map((e) => ({ rating: e.rating as RatingValue, at: new Date(e.at) }));
    const card = replay(history, p.settings.desiredRetention);
    if (card) cards[qid] = card;
  }
  // Interview gap cards the imported interviews created and this file lacks.
  const interviews = incoming.events.filter((e): e is InterviewEvent => e.type === 'interview' && !known.has(e.id));
  return { progress: { ...progress, cards: missingGapCards(cards, interviews) }, added };
}
