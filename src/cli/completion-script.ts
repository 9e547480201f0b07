/**
 * Shell completion scripts for bash, zsh and fish, generated from data (the command table and the
 * curriculum's ids), never from hand-kept lists. Pure: data in, script text out.
 *
 * Every word put in a script is checked against a safe pattern (ids come from curriculum files,
 * which may be anyone's): a word that could break out of the script's quoting is dropped.
 */

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

export interface CompletionOption {
  /** Long name with dashes: `--topic`. */
  name: string;
  description: string;
  /** What its value is: none (a switch), a file, a folder, one of `words`, or anything. */
  value: 'none' | 'file' | 'dir' | 'words' | 'any';
  words?: readonly string[];
}

export interface CompletionCommand {
  name: string;
  summary: string;
  options: CompletionOption[];
  /** Words for its positional argument (topic ids, calculator kinds, …); empty for none. */
  args: readonly string[];
  /** The positional argument is a path (e.g. `validate [dir]`). */
  argIsPath?: 'file' | 'dir';
}

export interface CompletionData {
  commands: CompletionCommand[];
  global: CompletionOption[];
}

const SAFE_WORD = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/;

/** Only words that need no quoting in any of the three shells. */
function safe(words: readonly string[] | undefined): string[] {
  return [...new Set((words ?? []).filter((w) => SAFE_WORD.test(w)))];
}

/** A description reduced to plain characters (no quotes, backslashes, dollars or backticks). */
function plainText(s: string): string {
  return s.replace(/[^A-Za-z0-9 .,;()/%+=<>&_-]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80);
}

/** The completion script for `shell`. */
export function completionScript(shell: Shell, data: CompletionData): string {
  return shell === 'bash' ? bash(data) : shell === 'zsh' ? zsh(data) : fish(data);
}

const withValue = (opts: CompletionOption[], kind: CompletionOption['value']) => opts.filter((o) => o.value === kind).map((o) => o.name);

/** Options whose value is free text in every command that has them (no word list anywhere). */
function freeValued(opts: CompletionOption[]): string[] {
  const listed = new Set(withValue(opts, 'words'));
  return [...new Set(withValue(opts, 'any'))].filter((n) => !listed.has(n));
}

function bash(d: CompletionData): string {
  const all = [...d.global, ...d.commands.flatMap((c) => c.options)];
  const valueCases = d.commands
    .flatMap((c) => c.options.filter((o) => o.value === 'words').map((o) => ({ c: c.name, o })))
    .map(({ c, o }) => `      ${c}:${o.name}) words="${safe(o.words).join(' ')}" ;;`);
  const cmdCases = d.commands.map((c) => {
    const opts = [...c.options.map((o) => o.name), ...d.global.map((o) => o.name)].join(' ');
    const args = c.argIsPath ? `COMPREPLY=($(compgen -${c.argIsPath === 'dir' ? 'd' : 'f'} -- "$cur")); return` : `words="${safe(c.args).join(' ')}"`;
    return `    ${c.name}) if [[ $cur == -* ]]; then words="${opts}"; else ${args}; fi ;;`;
  });
  const globalWords = [...d.commands.map((c) => c.name), ...d.global.map((o) => o.name), '--version'].join(' ');
  return `# bash completion for study. Install: add to ~/.bashrc
#   eval "$(study completion bash)"
_study() {
  local cur prev cmd words i
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  cmd=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      ${withValue(d.global, 'file').concat(withValue(d.global, 'dir')).join('|') || '--none'}) ((i++)) ;;
      -*) ;;
      *) cmd="\${COMP_WORDS[i]}"; break ;;
    esac
  done
  case "$prev" in
    ${[...new Set(withValue(all, 'dir'))].join('|') || '--none'}) COMPREPLY=($(compgen -d -- "$cur")); return ;;
    ${[...new Set(withValue(all, 'file'))].join('|') || '--none'}) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    ${freeValued(all).join('|') || '--none'}) return ;;
  esac
  words=""
  case "$cmd:$prev" in
${valueCases.join('\n')}
  esac
  if [[ -n $words ]]; then COMPREPLY=($(compgen -W "$words" -- "$cur")); return; fi
  case "$cmd" in
    "") words="${globalWords}" ;;
${cmdCases.join('\n')}
  esac
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -F _study study
`;
}

function zsh(d: CompletionData): string {
  const describe = (name: string, text: string) => `'${name}:${plainText(text).replace(/:/g, ' ')}'`;
  const valueOf = (o: CompletionOption) =>
    o.value === 'file' ? '_files' : o.value === 'dir' ? '_files -/' : o.value === 'words' ? `compadd -- ${safe(o.words).join(' ')}` : o.value === 'any' ? ':' : '';
  const all = [...d.global, ...d.commands.flatMap((c) => c.options)];
  const free = new Set(freeValued(all));
  const seen = new Set<string>();
  const prevCases = all
    .filter((o) => (o.value === 'file' || o.value === 'dir' || free.has(o.name)) && !seen.has(o.name) && seen.add(o.name))
    .map((o) => `    ${o.name}) ${valueOf(o)}; return ;;`);
  const wordCases = d.commands.flatMap((c) => c.options.filter((o) => o.value === 'words').map((o) => `    ${c.name}:${o.name}) ${valueOf(o)}; return ;;`));
  const cmdCases = d.commands.map((c) => {
    const opts = [...c.options, ...d.global].map((o) => describe(o.name, o.description)).join(' ');
    const args = c.argIsPath ? (c.argIsPath === 'dir' ? '_files -/' : '_files') : safe(c.args).length ? `compadd -- ${safe(c.args).join(' ')}` : ':';
    return `    ${c.name})\n      if [[ $PREFIX == -* ]]; then opts=(${opts}); _describe option opts; else ${args}; fi ;;`;
  });
  return `#compdef study
# zsh completion for study. Install: add to ~/.zshrc (after compinit)
#   source <(study completion zsh)
# or save it as _study in a folder on $fpath.
_study() {
  local cmd="" prev="\${words[CURRENT-1]}" i=2
  local -a cmds opts
  while (( i < CURRENT )); do
    case "\${words[i]}" in
      ${withValue(d.global, 'file').concat(withValue(d.global, 'dir')).join('|') || '--none'}) (( i++ )) ;;
      -*) ;;
      *) cmd="\${words[i]}"; break ;;
    esac
    (( i++ ))
  done
  case "$prev" in
${prevCases.join('\n')}
  esac
  case "$cmd:$prev" in
${wordCases.join('\n')}
  esac
  case "$cmd" in
    "")
      if [[ $PREFIX == -* ]]; then
        opts=(${[...d.global.map((o) => describe(o.name, o.description)), describe('--version', 'print the version')].join(' ')}); _describe option opts
      else
        cmds=(${d.commands.map((c) => describe(c.name, c.summary)).join(' ')}); _describe command cmds
      fi ;;
${cmdCases.join('\n')}
  esac
}
if [[ "\${funcstack[1]}" == _study ]]; then _study "$@"; else compdef _study study; fi
`;
}

function fish(d: CompletionData): string {
  const q = (s: string) => `'${plainText(s)}'`;
  const lines = [
    '# fish completion for study. Install:',
    '#   study completion fish > ~/.config/fish/completions/study.fish',
    'complete -c study -f',
    ...d.commands.map((c) => `complete -c study -n '__fish_use_subcommand' -a ${c.name} -d ${q(c.summary)}`),
  ];
  const opt = (cond: string, o: CompletionOption) => {
    const base = `complete -c study${cond} -l ${o.name.replace(/^--/, '')} -d ${q(o.description)}`;
    if (o.value === 'file') return `${base} -r -F`;
    if (o.value === 'dir') return `${base} -r -a '(__fish_complete_directories)'`;
    if (o.value === 'words') return `${base} -x -a '${safe(o.words).join(' ')}'`;
    if (o.value === 'any') return `${base} -x`;
    return base;
  };
  for (const o of d.global) lines.push(opt('', o));
  lines.push(`complete -c study -n '__fish_use_subcommand' -s V -l version -d 'print the version'`);
  for (const c of d.commands) {
    const cond = ` -n '__fish_seen_subcommand_from ${c.name}'`;
    if (c.argIsPath === 'dir') lines.push(`complete -c study${cond} -a '(__fish_complete_directories)'`);
    else if (c.argIsPath === 'file') lines.push(`complete -c study${cond} -F`);
    else if (safe(c.args).length) lines.push(`complete -c study${cond} -a '${safe(c.args).join(' ')}'`);
    for (const o of c.options) lines.push(opt(cond, o));
  }
  return `${lines.join('\n')}\n`;
}
