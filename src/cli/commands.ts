/**
 * The command table: names, arguments and options for commander, and a lazy loader for each
 * handler so that `study --version` imports none of them.
 */
import type { Context } from './context.js';
import type { Command } from 'commander';

/**
 * The calculators' flag tables and help (about 13 KB of code), loaded only when `calc` is run, its
 * help is shown, or every command is defined (`study`, `study --help`, completion): `prepare` below.
 */
let calc: { flags: typeof import('../calc/flags.js'); configure: typeof import('./calc/configure.js') } | undefined;
const calcLoaded = () => {
  if (!calc) throw new Error('calc flags used before prepare()');
  return calc;
};

/** A command handler: positional arguments, its own parsed options, the context. */
export type Handler = (args: string[], opts: Record<string, unknown>, ctx: Context) => Promise<void>;

export interface OptionSpec {
  flags: string;
  description: string;
  defaultValue?: string | boolean;
}

export interface CommandSpec {
  name: string;
  /** Commander argument syntax, e.g. `[dir]`. */
  args?: string;
  /** The usage line after the command's name, when the argument syntax alone would mislead. */
  usage?: string;
  summary: string;
  /** Extra help text shown under the command's --help. */
  help?: string;
  /** Help text for this command line instead of `help` (undefined: use `help`). */
  helpFor?: (argv: readonly string[]) => string | undefined;
  /** Commander set-up beyond the option list (argument parsers, help filtering), given the command line. */
  configure?: (cmd: Command, argv: readonly string[]) => void;
  options: OptionSpec[];
  /** Needs an interactive terminal unless one of these options is given (e.g. --json). */
  load: () => Promise<{ run: Handler }>;
  /** Checks the arguments before the handler loads (e.g. a topic id, with did-you-mean); import lazily. */
  check?: Handler;
  /** Loads what `options`, `help`, `helpFor` and `configure` need, before they are read. */
  prepare?: () => Promise<void>;
}

/** Runs the `prepare` of every command that will be defined in full (all of them when `only` is undefined). */
export async function prepareCommands(only?: string): Promise<void> {
  await Promise.all(COMMANDS.filter((c) => c.prepare && (only === undefined || c.name === only)).map((c) => c.prepare!()));
}

/** Options of `study` itself, accepted before or after any command. */
export const GLOBAL_OPTIONS: OptionSpec[] = [
  { flags: '--curriculum <dir>', description: 'curriculum folder (env STUDY_CURRICULUM; default: the bundled one)' },
  { flags: '--progress <file>', description: 'progress file (env STUDY_PROGRESS; default: $XDG_DATA_HOME/ai-design-study/progress.json)' },
  { flags: '--no-color', description: 'no colours (also NO_COLOR=1)' },
  { flags: '--debug', description: 'print stack traces of unexpected errors' },
];

const INTERVIEW_HELP = [
  'CAPSTONE is a problem id from --list (eta-pricing, payment-fraud), or a capstone\'s topic id or number (59); omit it for a menu.',
  'study interview show ID [--json] prints one problem\'s full material (phases, checklist, follow-ups, rubric bars).',
  'study interview grade FILE --capstone ID [--json] [--save] grades notes written anywhere (## headings naming a phase split them by phase); a transcript written by study names its problem.',
  'In a phase: type notes, ⏎ adds a line, ⏎ on an empty line ends the phase, ?⏎ shows the next hint tier (nudge, direction, reveal: a point first revealed counts at most as mentioned). Ctrl-C pauses (resume / save and quit / discard). Transcripts and the paused interview are kept in an interviews/ folder beside the progress file.',
];

export const COMMANDS: CommandSpec[] = [
  {
    name: 'learn',
    args: '[topic]',
    summary: 'read a lesson (menu, or a topic id or number), then quiz on it',
    options: [],
    load: () => import('./commands/learn.js'),
    check: (args, _opts, ctx) => import('./check-args.js').then((m) => m.checkTopicArg(args[0], ctx, 'study learn')),
  },
  {
    name: 'quiz',
    summary: 'answer questions: unseen and weak ones first',
    options: [
      { flags: '--module <n>', description: 'only module N' },
      { flags: '--section <id>', description: 'only this section' },
      { flags: '--topic <id>', description: 'only this topic (id or number)' },
      { flags: '--count <n>', description: 'how many questions (default 10)' },
      { flags: '--type <type>', description: 'only single, multi, truefalse, numeric, order or recall' },
      { flags: '--question <id>', description: 'just this question (ids from study search)' },
      { flags: '--seed <n>', description: 'seed for question choice and option order (reproducible)' },
    ],
    load: () => import('./commands/quiz.js'),
  },
  {
    name: 'review',
    summary: 'spaced repetition (FSRS): due cards first (mock-interview gaps, then most overdue), then new ones',
    options: [
      { flags: '--limit <n>', description: 'at most N cards (default 20)' },
      { flags: '--cram', description: 'practise the weakest cards without changing the schedule' },
      { flags: '--seed <n>', description: 'seed for option order' },
      { flags: '--retention <r>', description: 'desired retention for scheduling, 0.70-0.99 (default 0.9); saved for next time' },
      { flags: '--optimize', description: 'fit FSRS parameters to your review history (1,000+ reviews); saved when log loss and RMSE both improve' },
      { flags: '--apply', description: 'with --optimize: save the fitted parameters even if not both metrics improve' },
      { flags: '--reset-parameters', description: 'return to the default FSRS parameters' },
      { flags: '--json', description: 'with --optimize: print JSON {reviews, parameters, before, after, applied}' },
    ],
    load: () => import('./commands/review.js'),
  },
  {
    name: 'drill',
    args: '[kind]',
    summary: 'generated estimation problems: train, infer, kv, storage, capacity, zero, moe, ttft, serve or mixed',
    options: [
      { flags: '--count <n>', description: 'how many problems (default 5)' },
      { flags: '--seed <n>', description: 'seed for reproducible problems' },
      { flags: '--json', description: 'print the problems with answers instead of asking' },
    ],
    load: () => import('./commands/drill.js'),
  },
  {
    name: 'interview',
    args: '[capstone] [file]',
    usage: '[options] [problem]\n       study interview show PROBLEM [--json]\n       study interview grade FILE [--capstone ID]',
    summary: 'timed mock interview on a capstone or a library problem, with a debrief against a checklist and rubric',
    options: [
      { flags: '--minutes <n>', description: '45 or 60 (default 45)' },
      { flags: '--practice', description: 'no clock' },
      { flags: '--resume', description: 'continue a saved interview' },
      { flags: '--list', description: 'list the problems: capstones, then the library (with --json for scripts)' },
      { flags: '--history', description: 'past interviews and their trend' },
      { flags: '--json', description: 'JSON output for --list, --history, show and grade' },
      { flags: '--out <file>', description: 'where to write the Markdown transcript' },
      { flags: '--capstone <id>', description: 'grade: the problem the notes answer (a study transcript names its own)' },
      { flags: '--save', description: 'grade: record the graded notes in your progress like an interview' },
      { flags: '--seed <n>', description: 'session seed, recorded (probes are chosen from your notes, not drawn at random)' },
      { flags: '--no-cards', description: 'do not turn missed points into review cards after the debrief' },
    ],
    // One paragraph a line: help wraps them to the terminal.
    help: INTERVIEW_HELP.join('\n'),
    load: () => import('./commands/interview.js'),
  },
  {
    name: 'calc',
    args: '[kind]',
    summary: 'back-of-envelope calculators: train, infer, serve, kv, storage, egress, capacity, presets',
    // Built only when calc is the command being run (or its help is shown), not at every start.
    prepare: async () => {
      const [flags, configure] = await Promise.all([import('../calc/flags.js'), import('./calc/configure.js')]);
      calc ??= { flags, configure };
    },
    get help() {
      const { flags } = calcLoaded();
      return flags.calcHelp(flags.helpWidth(process.stdout.columns));
    },
    helpFor: (argv) => calcLoaded().configure.calcHelpFor(argv),
    configure: (cmd, argv) => calcLoaded().configure.configureCalc(cmd, argv),
    get options() {
      return calcLoaded().flags.calcOptions();
    },
    load: () => import('./commands/calc.js'),
  },
  {
    name: 'progress',
    summary: 'where you stand: per module and topic, weakest topics, 30-day activity; export, import, reset',
    options: [
      { flags: '--json', description: 'print JSON (answered, correct, reviewsDue, topics, modules, streakDays, interviews, drills, …)' },
      { flags: '--export <file>', description: 'write everything (versioned) to FILE, to move to another machine' },
      { flags: '--import <file>', description: 'merge an export into your progress (by event id: importing twice changes nothing)' },
      { flags: '--reset', description: 'erase progress (asks first; a backup is kept)' },
      { flags: '--yes', description: 'with --reset: do not ask' },
    ],
    load: () => import('./commands/progress.js'),
  },
  {
    name: 'search',
    args: '<terms...>',
    summary: 'find topics and questions by words in titles, key points and prompts',
    options: [
      { flags: '--limit <n>', description: 'how many results (default 20)' },
      { flags: '--json', description: 'print JSON results' },
    ],
    load: () => import('./commands/search.js'),
  },
  {
    name: 'export',
    summary: 'write flashcards for Anki, a Markdown study guide, or your review log (CSV) for the FSRS tools',
    options: [
      { flags: '--format <format>', description: 'anki (flashcards; re-import updates), markdown (study guide) or revlog (review log CSV for the FSRS tools)' },
      { flags: '--module <n>', description: 'only module N' },
      { flags: '--out <file>', description: 'write to FILE (default: standard output)' },
    ],
    load: () => import('./commands/export.js'),
  },
  {
    name: 'plan',
    summary: 'a day-by-day study calendar toward your interview date (saved; the home screen follows it)',
    options: [
      { flags: '--interview <date>', description: 'the interview day, YYYY-MM-DD (2 to 366 days away); omit to re-plan the saved one from today' },
      { flags: '--minutes-per-day <n>', description: 'daily study budget, 10-600 minutes (default 60, or the saved plan\'s)' },
      { flags: '--no-save', description: 'show the plan without saving it (the home screen keeps the saved one)' },
      { flags: '--json', description: 'print JSON: {interview, predictedRetention, days: [{date, minutes, topics, reviews, interview}], saved}' },
    ],
    load: () => import('./commands/plan.js'),
  },
  {
    name: 'config',
    args: '[action] [key] [value]',
    summary: 'settings kept beside the progress file: config list | get KEY | set KEY VALUE | unset KEY',
    // One line per paragraph: help wraps it to the terminal, a key and its values kept together (no-break spaces).
    help: [
      'Keys: retention\u00a0(0.70-0.99), interview-minutes\u00a0(45|60), new-topics-per-day\u00a0(1-10), pager\u00a0(auto|off), color\u00a0(auto|always|never), plan.interview\u00a0(YYYY-MM-DD), plan.minutes-per-day\u00a0(10-600).',
      'Settings live in config.json beside the progress file.',
    ].join('\n'),
    options: [{ flags: '--json', description: 'print JSON' }],
    load: () => import('./commands/config.js'),
  },
  {
    name: 'topics',
    summary: 'show the curriculum as a tree of modules, sections and topics',
    options: [
      { flags: '--module <n>', description: 'only module N (1-4)' },
      { flags: '--json', description: 'print JSON (modules, sections, topics with counts)' },
    ],
    load: () => import('./commands/topics.js'),
  },
  {
    name: 'validate',
    args: '[dir]',
    summary: 'check a curriculum folder: every problem as file:line:col, then a summary',
    options: [{ flags: '--strict', description: 'also check completeness (key points, questions, recall cards, references)' }],
    load: () => import('./commands/validate.js'),
  },
  {
    name: 'doctor',
    summary: 'versions, paths, data and terminal checks — paste it into a bug report',
    options: [{ flags: '--json', description: 'print JSON' }],
    load: () => import('./commands/doctor.js'),
  },
  {
    name: 'completion',
    args: '[shell]',
    summary: 'print a shell completion script: bash, zsh or fish',
    help: [
      'Install (see the README):',
      '  bash  add to ~/.bashrc:  eval "$(study completion bash)"',
      '  zsh   add to ~/.zshrc:   source <(study completion zsh)',
      '  fish  study completion fish > ~/.config/fish/completions/study.fish',
      'The script lists the commands, options, topic ids, capstones and calculator kinds of the curriculum in use; run it again after changing curricula.',
    ].join('\n'),
    options: [],
    load: () => import('./commands/completion.js'),
  },
];
