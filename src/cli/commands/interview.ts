/**
 * `study interview [CAPSTONE]`: a timed mock interview on a capstone, then a debrief.
 * `--list [--json]` and `--history [--json]` work without a terminal; `--resume` continues the
 * interview saved with "save and quit". Test-only: STUDY_INTERVIEW_SECONDS_PER_MINUTE shortens
 * every planned minute to that many seconds (the end-to-end test runs a whole interview with 1).
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { configPath, readConfig } from '../../config/path.js';
import { performance } from 'node:perf_hooks';
import { DataError, UsageError } from '../../errors.js';
import { sanitizeLine } from '../../sanitize.js';
import { capstones, findCapstone, listing, MINUTES, type Capstone, type Minutes } from '../../interview/catalog.js';
import { interviewHistory } from '../../interview/history.js';
import { mismatch, newSession, type Session } from '../../interview/session.js';
import { acquireLock, lockState } from '../../progress/lock.js';
import { readProgress } from '../../progress/store.js';
import { renderHistory, renderList } from '../../ui/render/interview-history.js';
import type { Prompter } from '../../ui/prompter.js';
import type { Context } from '../context.js';
import { requireTerminal, seedFrom, terminalPrompter } from '../interactive.js';
import { loadCurriculum } from '../load.js';
import { choiceOption, intOption } from '../options.js';
import { conductPhases } from '../interview/conduct.js';
import { runDebrief } from '../interview/debrief.js';
import { checkOut, clearSaved, inProgressPath, loadSaved } from '../interview/files.js';
import { LeaveInterview, Live } from '../interview/live.js';
import { menuName } from '../interview/menu.js';
import { sanitizeData } from '../untrusted.js';

export interface InterviewOptions {
  capstone?: string;
  minutes?: Minutes;
  practice: boolean;
  resume: boolean;
  list: boolean;
  history: boolean;
  json: boolean;
  out?: string;
  seed?: number;
  /** `--no-cards`: no review cards from the debrief. */
  noCards: boolean;
}

/** Checks flags against each other; pure apart from reading `raw`. */
export function parseOptions(args: string[], raw: Record<string, unknown>): InterviewOptions {
  if (args.length > 1) throw new UsageError(`one capstone at a time: got "${args.join(' ')}"; to grade notes use: study interview grade FILE --capstone ID`);
  if (raw.capstone !== undefined || raw.save === true) throw new UsageError(`--${raw.save === true ? 'save' : 'capstone'} goes with: study interview grade FILE`);
  const m = choiceOption('--minutes', raw.minutes, MINUTES);
  const o: InterviewOptions = {
    capstone: args[0],
    minutes: m === undefined ? undefined : (Number(m) as Minutes),
    practice: raw.practice === true,
    resume: raw.resume === true,
    list: raw.list === true,
    history: raw.history === true,
    json: raw.json === true,
    out: raw.out === undefined ? undefined : String(raw.out),
    seed: intOption('--seed', raw.seed, 0, 2 ** 31 - 1),
    noCards: raw.cards === false,
  };
  const starts = o.capstone !== undefined || o.minutes !== undefined || o.practice || o.out !== undefined || o.seed !== undefined;
  if (o.list && o.history) throw new UsageError('--list and --history cannot be combined; use one');
  if ((o.list || o.history) && (starts || o.resume)) throw new UsageError(`--${o.list ? 'list' : 'history'} only prints; it takes no capstone, --minutes, --practice, --out, --seed or --resume`);
  if (o.json && !o.list && !o.history) throw new UsageError('--json goes with --list, --history or grade');
  if (o.resume && (o.capstone !== undefined || o.minutes !== undefined || o.practice || o.seed !== undefined)) {
    throw new UsageError('--resume continues the saved interview with its own capstone and format; only --out may be added');
  }
  return o;
}

/** Milliseconds per planned minute: 60 000, or the test-only STUDY_INTERVIEW_SECONDS_PER_MINUTE. */
export function msPerMinute(env: NodeJS.ProcessEnv): number {
  const raw = env.STUDY_INTERVIEW_SECONDS_PER_MINUTE;
  if (raw === undefined || raw === '') return 60_000;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0 || n > 60) throw new UsageError(`STUDY_INTERVIEW_SECONDS_PER_MINUTE: "${raw}" is not valid; expected seconds from 0.1 to 60 (test-only; unset it for real minutes)`);
  return Math.max(100, Math.round(n * 1000));
}

export async function run(args: string[], raw: Record<string, unknown>, ctx: Context): Promise<void> {
  if (args[0] === 'grade') {
    const { runGrade } = await import('../interview/grade.js');
    return runGrade(args.slice(1), raw, ctx);
  }
  if (args[0] === 'show') {
    const { runShow } = await import('../interview/show.js');
    return runShow(args.slice(1), raw, ctx);
  }
  const o = parseOptions(args, raw);
  const all = capstones(await loadCurriculum(ctx));
  if (o.list) return void ctx.out(o.json ? `${JSON.stringify(listing(all), null, 2)}\n` : renderList(listing(all), ctx.theme, ctx.columns));
  if (o.history) {
    const h = interviewHistory(readProgress(ctx.progressPath).events, all);
    return void ctx.out(o.json ? `${JSON.stringify(h, null, 2)}\n` : renderHistory(sanitizeData(h), ctx.theme, ctx.columns));
  }
  if (all.length === 0) throw new DataError(`the curriculum in ${ctx.curriculumDir} has no capstone with an interview block`);
  const capstone = o.capstone === undefined ? undefined : findCapstone(all, o.capstone);
  if (o.capstone !== undefined && !capstone) {
    const { closest } = await import('../did-you-mean.js');
    const near = closest(o.capstone, all.map((c) => c.id));
    const guess = near.length ? `did you mean ${near.map((id) => `study interview ${id}`).join(' or ')}? The problems are` : 'expected one of';
    throw new UsageError(`no interview problem "${sanitizeLine(o.capstone)}"; ${guess} ${all.map((c) => c.id).join(', ')} (or a capstone's topic id or number)`);
  }
  const out = o.out === undefined ? undefined : checkOut(o.out, ctx);
  const perMinute = msPerMinute(ctx.env);
  const savePath = inProgressPath(ctx.progressPath);
  requireTerminal(ctx, 'study interview');
  // One live interview per progress file: a second terminal would overwrite the first one's saved round.
  const release = await lockInterviews(savePath);
  try {
    await runLive(o, all, capstone, out, perMinute, savePath, ctx);
  } finally {
    release();
  }
}

/**
 * Takes `interviews/in-progress.json.lock` for the whole round. Held by a live study in another
 * terminal: one line naming it (its round is saved as it goes). Left by a crashed one: taken over.
 */
async function lockInterviews(savePath: string): Promise<() => void> {
  const lock = `${savePath}.lock`;
  const st = lockState(lock);
  if (st.state === 'held') throw new DataError(`another mock interview is running in another terminal (study, pid ${st.holder.pid}); finish it or save and quit there (Ctrl-C), then start again`);
  mkdirSync(dirname(savePath), { recursive: true, mode: 0o700 });
  return acquireLock(lock, 2_000);
}

async function runLive(o: InterviewOptions, all: Capstone[], given: Capstone | undefined, out: string | undefined, perMinute: number, savePath: string, ctx: Context): Promise<void> {
  let capstone = given;
  const saved = loadSaved(savePath);
  if (o.resume && !saved) throw new UsageError('there is no saved interview to resume; start one with: study interview');
  const prompter = await terminalPrompter(ctx);

  let session: Session | undefined;
  if (saved && !o.resume) {
    const savedCap = all.find((c) => c.topicId === saved.capstone);
    const what = `${savedCap?.title ?? saved.capstone} (${saved.stage === 'debrief' ? 'debrief' : `phase ${saved.phaseIndex + 1}/${saved.phases.length}`})`;
    const choice = await prompter.select({
      message: `You have a saved interview: ${what}`,
      choices: [
        { name: 'Resume it', value: 'resume' as const },
        { name: 'Start a new one (the saved one is discarded)', value: 'new' as const },
      ],
    });
    if (choice === 'new') clearSaved(savePath);
    else session = saved;
  } else if (saved) session = saved;

  if (session) {
    const topicId = session.capstone;
    capstone = all.find((c) => c.topicId === topicId);
    const why = capstone ? mismatch(session, capstone) : `its capstone ${topicId} is not in the curriculum`;
    if (why || !capstone) throw new DataError(`the saved interview cannot continue: ${why}; run study interview and choose to start a new one`);
  } else {
    capstone ??= await chooseCapstone(all, prompter, ctx.columns);
    session = newSession({ id: randomUUID(), capstone, minutes: o.minutes ?? readConfig(configPath(ctx.progressPath)).interviewMinutes ?? 45, practice: o.practice, seed: seedFrom(o.seed), startedAt: ctx.now(), msPerMinute: perMinute, noCards: o.noCards });
  }

  const live = new Live(session, prompter, ctx, savePath, () => performance.now());
  try {
    if (live.session.stage !== 'debrief') await conductPhases(live, capstone);
    await runDebrief(live, capstone, out);
  } catch (e) {
    if (e instanceof LeaveInterview) return void ctx.out(`${e.message}\n`);
    throw e;
  } finally {
    live.close();
  }
}

/** The menu: the capstones first, then the library, each marked; long titles hang under their text. */
async function chooseCapstone(all: Capstone[], prompter: Prompter, columns: number): Promise<Capstone> {
  return prompter.select({
    message: 'Which problem? (the capstones first, then the library)',
    choices: all.map((c) => ({ ...menuName(`${c.source === 'library' ? 'Library' : 'Capstone'} · ${sanitizeLine(c.title)}`, columns), value: c, description: `${c.interview.phases.length} phases · ${c.interview.checklist.length} checklist points · id ${c.id}` })),
    pageSize: 14,
  });
}
