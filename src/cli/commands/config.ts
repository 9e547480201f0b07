/** `study config list|get KEY|set KEY VALUE|unset KEY [--json]`: settings beside the progress file. */
import { existsSync } from 'node:fs';
import { UsageError } from '../../errors.js';
import { configPath, readConfig, updateConfig } from '../../config/store.js';
import { findSetting, SETTINGS, type Config, type SettingKey } from '../../config/settings.js';
import { sanitizeLine as sanitize } from '../../sanitize.js';
import { readProgress } from '../../progress/store.js';
import type { Context } from '../context.js';
import { contentWidth, keep, wrap } from '../../ui/text.js';
import { checkInterviewDay } from '../../plan/dates.js';
import { dayKey } from '../../progress/summary.js';

const ACTIONS = ['list', 'get', 'set', 'unset'] as const;

interface Row {
  key: string;
  value: string | number;
  /** `default`, `progress file` (the value older builds saved there) or `config`. */
  source: 'default' | 'config' | 'progress file';
  description: string;
}

/** The retention older builds kept inside the progress file, if the file exists and says so. */
function legacyRetention(ctx: Context): number | undefined {
  if (!existsSync(ctx.progressPath)) return undefined;
  return readProgress(ctx.progressPath).settings.desiredRetention;
}

function row(s: SettingKey, c: Config, legacy: () => number | undefined): Row {
  const v = s.get(c);
  if (v !== undefined) return { key: s.key, value: v, source: 'config', description: s.description };
  if (s.key === 'retention') {
    const l = legacy();
    if (l !== undefined && l !== s.default) return { key: s.key, value: l, source: 'progress file', description: s.description };
  }
  return { key: s.key, value: s.default, source: 'default', description: s.description };
}

function setting(key: string | undefined, action: string): SettingKey {
  if (!key) throw new UsageError(`config ${action}: name a setting: ${SETTINGS.map((s) => s.key).join(', ')}`);
  const s = findSetting(key);
  if (!s) throw new UsageError(`config: unknown setting "${sanitize(key)}"; expected one of ${SETTINGS.map((x) => x.key).join(', ')}`);
  return s;
}

export async function run(args: string[], raw: Record<string, unknown>, ctx: Context): Promise<void> {
  const json = raw.json === true;
  const [action = 'list', key, value, ...rest] = args;
  if (!(ACTIONS as readonly string[]).includes(action)) throw new UsageError(`config: "${sanitize(action)}" is not an action; expected ${ACTIONS.join(', ')}`);
  const path = configPath(ctx.progressPath);
  const legacy = () => legacyRetention(ctx);
  if (action === 'list') {
    if (key !== undefined) throw new UsageError('config list takes no setting name (try config get KEY)');
    const c = readConfig(path);
    const rows = SETTINGS.map((s) => row(s, c, legacy));
    if (json) ctx.out(`${JSON.stringify({ path, settings: rows, parameters: c.fsrs ? 'personal' : 'default' })}\n`);
    else ctx.out(renderList(rows, path, c, ctx));
    return;
  }
  const s = setting(key, action);
  if (action === 'get') {
    if (value !== undefined) throw new UsageError(`config get takes one setting name; to change it: study config set ${s.key} VALUE`);
    const r = row(s, readConfig(path), legacy);
    ctx.out(json ? `${JSON.stringify(r)}\n` : `${r.value}\n`);
    return;
  }
  if (action === 'unset') {
    if (value !== undefined) throw new UsageError(`config unset takes one setting name`);
    const c = await updateConfig(path, (c) => s.set(c, undefined));
    const r = row(s, c, legacy);
    ctx.out(json ? `${JSON.stringify(r)}\n` : `${s.key} is back to ${r.value} (${r.source})\n`);
    return;
  }
  if (value === undefined || rest.length) throw new UsageError(`config set needs a setting and one value: study config set ${s.key} VALUE`);
  const parsed = s.parse(value);
  if (!parsed.ok) throw new UsageError(`config set ${s.key}: "${sanitize(value)}" is not valid; expected ${parsed.accepted}`);
  if (s.key === 'plan.interview') {
    const reason = checkInterviewDay(String(parsed.value), dayKey(ctx.now()));
    if (reason) throw new UsageError(`config set plan.interview: ${reason}`);
  }
  const c = await updateConfig(path, (c) => {
    const why = s.needs?.(c);
    if (why) throw new UsageError(`config set ${s.key}: ${why}`);
    return s.set(c, parsed.value);
  });
  const r = row(s, c, legacy);
  ctx.out(json ? `${JSON.stringify(r)}\n` : `${s.key} = ${r.value}  (saved in ${sanitize(path)})\n`);
}

function renderList(rows: Row[], path: string, c: Config, ctx: Context): string {
  const t = ctx.theme;
  const width = Math.max(...rows.map((r) => r.key.length));
  const vw = Math.max(...rows.map((r) => String(r.value).length));
  const lines = rows.map((r) => `  ${r.key.padEnd(width)}  ${String(r.value).padEnd(vw)}  ${t.dim(r.source === 'config' ? '' : `(${r.source})`)}`.trimEnd());
  const params = c.fsrs ? `personal, fitted ${c.fsrs.fittedAt.slice(0, 10)} on ${c.fsrs.reviews} reviews (study review --reset-parameters for the defaults)` : 'the defaults (study review --optimize fits your own)';
  // Long lines wrap under their text, with commands kept whole.
  const w = contentWidth(ctx.columns);
  const lead = `  ${'fsrs parameters'.padEnd(width)}  `;
  const paramsLine = wrap(params.replace(/study review --\S+/g, (cmd) => keep(cmd)), w, lead, ' '.repeat(lead.length));
  const change = wrap(`Change one: ${keep('study config set KEY VALUE')} · back to the default: ${keep('study config unset KEY')}`, w);
  return `${t.heading('Settings')} ${t.dim(sanitize(path))}\n${lines.join('\n')}\n${paramsLine}\n${t.dim(change)}\n`;
}
