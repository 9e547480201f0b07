/**
 * `study learn [TOPIC]`: pick a topic (module -> section -> topic), read its lesson, then quiz on it.
 * Without a terminal, `study learn TOPIC` prints the whole lesson (no colour, no prompts), so
 * `study learn dns | less` works; in a terminal, a long lesson pages section by section.
 */
import { UsageError } from '../../errors.js';
import type { Curriculum, Module, Section, Topic } from '../../curriculum/schema.js';
import { allQuestions, filterQuestions, findTopic, pickQuestions } from '../../quiz/select.js';
import { seededRng } from '../../quiz/rng.js';
import { questionStats, topicStats, type TopicStats } from '../../progress/stats.js';
import { readProgress } from '../../progress/store.js';
import { lessonSections, renderLesson } from '../../ui/render/lesson.js';
import { plainTheme } from '../../ui/plain.js';
import type { Prompter } from '../../ui/prompter.js';
import { sanitizeLine } from '../../sanitize.js';
import { runPager, showPaged } from '../pager.js';
import type { Context } from '../context.js';
import { keep, menuName } from '../../ui/text.js';
import { loadCurriculum } from '../load.js';
import { requireTerminal, seedFrom, terminalPrompter } from '../interactive.js';
import { runSession } from '../quiz-session.js';

type Where = { topic: Topic; section: Section; module: Module };

export async function run(args: string[], _raw: Record<string, unknown>, ctx: Context): Promise<void> {
  const curriculum = await loadCurriculum(ctx);
  let where: Where | undefined;
  if (args[0]) {
    where = findTopic(curriculum, args[0]);
    if (!where) throw new UsageError(`no topic "${sanitizeLine(args[0])}"; give a topic id or number (see study topics)`);
    if (!ctx.interactive) {
      // Piped or redirected: the whole lesson as plain text, and nothing that waits for input.
      ctx.out(`${renderLesson(where, plainTheme, ctx.columns)}\n`);
      return;
    }
  }
  requireTerminal(ctx, 'study learn (without a TOPIC)');
  const prompter = await terminalPrompter(ctx);
  for (;;) {
    const stats = topicStats(readProgress(ctx.progressPath));
    where ??= await chooseTopic(curriculum, stats, prompter, ctx);
    if (!where) return;
    ctx.out('\n');
    await showLesson(where, ctx, prompter);
    const count = where.topic.questions.length;
    const next = await prompter.select({
      message: 'Next',
      choices: [
        ...(count ? [{ name: `Quiz on this topic (${Math.min(count, 10)} questions)`, value: 'quiz' as const }] : []),
        { name: 'Choose another topic', value: 'menu' as const },
        { name: 'Done', value: 'done' as const },
      ],
    });
    if (next === 'done') return;
    if (next === 'quiz') {
      const pool = filterQuestions(allQuestions(curriculum), { topic: where.topic.id });
      const rng = seededRng(seedFrom(undefined));
      const refs = pickQuestions(pool, questionStats(readProgress(ctx.progressPath)), 10, rng);
      await runSession(refs, ctx, { source: 'learn', rng, prompter });
      const again = await prompter.confirm({ message: 'Choose another topic?', default: true });
      if (!again) return;
    }
    where = undefined;
  }
}

/** The lesson, paged when it is taller than the terminal (through $PAGER when set). */
async function showLesson(where: Where, ctx: Context, prompter: Prompter): Promise<void> {
  const sections = lessonSections(where, ctx.theme, ctx.columns).map((s) => s.text);
  const pager = ctx.env.PAGER?.trim() || undefined;
  await showPaged(sections, renderLesson(where, plainTheme, ctx.columns), {
    out: ctx.out,
    err: ctx.err,
    rows: process.stdout.rows || 24,
    ask: (hint) => prompter.page({ message: ctx.theme.dim(hint) }),
    pager,
    runPager: (command, text) => runPager(command, text, ctx.env),
  });
}

function practised(s: TopicStats | undefined): string {
  return s ? `${s.answered} answered, ${Math.round((100 * s.correct) / s.answered)}%` : 'not started';
}

/** Two spaces between a title and its counts (a no-break space first: wrapping keeps both). */
const GAP = '\u00a0 ';

/** Module -> section -> topic menus, each showing what has been practised; undefined when the user backs out. */
async function chooseTopic(c: Curriculum, stats: Map<string, TopicStats>, p: Prompter, ctx: Context): Promise<Where | undefined> {
  const t = ctx.theme;
  const topicsOf = (m: Module) => m.sections.flatMap((s) => s.topics);
  for (;;) {
    const module = await p.select<Module | null>({
      message: 'Module',
      choices: [
        ...c.modules.map((m) => {
          const topics = topicsOf(m);
          const done = topics.filter((x) => stats.has(x.id)).length;
          return { ...menuName(`${m.number}. ${sanitizeLine(m.title)}${GAP}${t.dim(keep(`${done}/${topics.length} topics practised`))}`, ctx.columns, `${m.number}. ${sanitizeLine(m.title)}`), value: m };
        }),
        { name: 'Quit', value: null },
      ],
    });
    if (!module) return undefined;
    const section = await p.select<Section | null>({
      message: `Section of module ${module.number}`,
      choices: [
        ...module.sections.map((s) => ({ ...menuName(`${sanitizeLine(s.title)}${GAP}${t.dim(keep(`${s.topics.filter((x) => stats.has(x.id)).length}/${s.topics.length} practised`))}`, ctx.columns, sanitizeLine(s.title)), value: s })),
        { name: '← Back', value: null },
      ],
    });
    if (!section) continue;
    const topic = await p.select<Topic | null>({
      message: sanitizeLine(section.title),
      choices: [
        ...section.topics.map((x) => ({ ...menuName(`${String(x.number).padStart(2, '\u00a0')}. ${sanitizeLine(x.title)}${GAP}${t.dim(keep(practised(stats.get(x.id))))}`, ctx.columns, `${x.number}. ${sanitizeLine(x.title)}`), value: x })),
        { name: '← Back', value: null },
      ],
    });
    if (topic) return { topic, section, module };
  }
}
