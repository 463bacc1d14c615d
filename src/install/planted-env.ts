import { ENV_PLANTED_IGNORED } from './hook-messages.js';
import { shQuote } from '../core/sh-quote.js';
import { ENV_ASSIGN_SEPARATOR_OR_END, ENV_ASSIGN_START } from '../git/env-assign.js';

/**
 * The committed files agents load as a `.env` (any folder), in any case: on a file system that ignores
 * case (macOS, Windows) the agents' `.qwen/.env` opens a committed `.qwen/.ENV`.
 */
const ENV_FILES = "':(glob,icase)**/.env' ':(glob,icase)**/.env.*'";

/**
 * `AITRAIL=0` switches the client hooks off, `AITRAIL_MODEL` / `AITRAIL_AGENT` declare what
 * helped and `AITRAIL_QUIET=1` silences the hooks' warnings, unless a `.env` file the repository
 * commits (any folder; `.env.*` too) assigns that variable: aider loads the git root's and its
 * working directory's `.env`, Gemini CLI and Qwen Code the nearest `.gemini/.env`, `.qwen/.env` or `.env`, into the environment their `git commit` hands
 * to the hooks, so such a file switched aitrail off, or named another model, for every agent commit
 * there without a word. Then the value is not the person's: it is ignored (unset), and the hooks
 * that block say so (`--no-verify` still skips the hooks; `aitrail use <model>` declares a model
 * the repository cannot plant). `git ls-files -s -t` lists the committed `.env` files (one git spawn,
 * only when one of them is set; most repositories commit none), and only when there are some `git
 * grep` (binary files as text) reads them as checked out, as the agents do: a committed
 * `working-tree-encoding` (`IBM037`), an `eol`/`text` attribute or a filter writes another text
 * there than the index holds; where one is gone from the work tree (the shell's `[ -e ]`; an agent
 * started before loaded the committed text) `git grep --cached` reads the index too, a third
 * process only then; a link (mode 120000) counts as setting every one (its target is read
 * by the agents, never by `git grep`). The git-mode
 * shims and aitrail's block in husky's `.husky/<hook>` files (husky v9 hands them the agent's
 * environment as git does) run the same lines.
 */
/**
 * Unset in the subshell of each git process below: the same `.env` may set GIT_ICASE_PATHSPECS,
 * GIT_GLOB_PATHSPECS or GIT_NOGLOB_PATHSPECS (the agent's own `git add -A` and `git commit` read no
 * pathspec and work on), and git dies on them beside GIT_LITERAL_PATHSPECS=1 (or on glob with
 * noglob): that git's failure read as "nothing tracked" left the planted AITRAIL=0 honoured.
 */
const PATHSPECS_AS_WRITTEN = 'unset GIT_GLOB_PATHSPECS GIT_NOGLOB_PATHSPECS GIT_ICASE_PATHSPECS;';
/**
 * Unset in the subshell of each git process that reads the repository's own committed `.env` files:
 * the same `.env` may set GIT_INDEX_FILE (an index of the agent's, `.agent-index`, with the `.env` in
 * .gitignore): the agent's `git add -A` fills it without the `.env` and its `git commit` hands the
 * hooks that index, where ls-files and git grep found no committed `.env`. The repository's own index
 * lists what it commits, also while `commit -a` or `-o` hands the hooks another. Or it may set GIT_DIR
 * to a folder the repository commits holding `HEAD` and a `commondir` file naming `../.git` (a linked
 * worktree's git dir, made by hand): the repository's refs and objects, an index of its own; the
 * agent's commit lands on the person's branch and `$GIT_DIR/index` lists no `.env`. So the git dir is
 * the one git finds from the work tree's top, where git runs the hooks (a linked worktree's or a
 * submodule's `.git` file names the git dir git hands the hooks as GIT_DIR), never one from the environment.
 */
const REPOSITORY_INDEX = 'unset GIT_INDEX_FILE GIT_DIR GIT_COMMON_DIR GIT_WORK_TREE GIT_CEILING_DIRECTORIES;';

/** What the committed `.env` files are read as setting when they cannot be read: every one of the variables. */
const ALL_SET = "'AITRAIL= AITRAIL_MODEL AITRAIL_AGENT AITRAIL_QUIET'";

/**
 * aitrail_phys: the top's physical path (`pwd -P`) in aitrail_tq without a process (a `$(pwd -P)` is a fork of
 * the shell, ~0.3-0.5 ms of CPU, and an AI commit's shims took two): the shell's `$PWD` when it is absolute,
 * holds no `.`, `..` or `//`, names this very folder (`-ef`) and no folder on it is a link (`-L`), which is then
 * the path `pwd -P` gives; any other `$PWD` (a link on the way, a stale or planted value) fails and the caller
 * asks `pwd -P` as before. Defined where every client shim and husky block passes before plantedEnv's walk and
 * the lookup's aitrail_tp (ledIntoTrackedLines), after the fast path: a person's commit parses none of it.
 */
export function physicalTopLines(): string[] {
  return [
    'aitrail_phys() {',
    '  aitrail_tq=${PWD-}',
    '  case $aitrail_tq in /?*) ;; *) return 1 ;; esac',
    '  case $aitrail_tq/ in */./*|*/../*|*//*) return 1 ;; esac',
    '  [ "$aitrail_tq" -ef . ] || return 1',
    '  aitrail_tz=$aitrail_tq',
    '  while [ -n "$aitrail_tz" ]; do [ ! -L "$aitrail_tz" ] || return 1; aitrail_tz=${aitrail_tz%/*}; done',
    '}',
  ];
}

export function plantedEnv(blocks: boolean): string[] {
  const assigns = `${ENV_ASSIGN_START}AITRAIL(_MODEL|_AGENT|_QUIET)?${ENV_ASSIGN_SEPARATOR_OR_END}`;
  const grep = (cached: string) =>
    `${PATHSPECS_AS_WRITTEN} ${REPOSITORY_INDEX} GIT_LITERAL_PATHSPECS=0 git -c core.fsmonitor=false -c submodule.recurse=false grep ${cached}--no-color --no-line-number --no-column -h -a -o -E ${shQuote(assigns)} -- ${ENV_FILES} </dev/null 2>/dev/null`;
  const drop = (pattern: string, name: string, say: string) =>
    `  case "$aitrail_d " in ${pattern}) if [ -n "\${${name}+x}" ]; then ${blocks ? `${say}echo "aitrail: ${ENV_PLANTED_IGNORED(name)}" >&2; ` : ''}unset ${name}; fi ;; esac`;
  return [
    ...physicalTopLines(),
    'if [ -n "${AITRAIL+x}${AITRAIL_MODEL+x}${AITRAIL_AGENT+x}${AITRAIL_QUIET+x}" ]; then',
    `  aitrail_l=$(${PATHSPECS_AS_WRITTEN} ${REPOSITORY_INDEX} GIT_LITERAL_PATHSPECS=0 git -c core.fsmonitor=false ls-files -s -t -- ${ENV_FILES} </dev/null 2>/dev/null) || aitrail_l=`,
    '  aitrail_d=',
    // No committed .env (nearly every repository): nothing for git grep to read, no second process.
    // git grep's own failure (exit 2 and up; 1 is "none found", kept apart by `||`: husky runs its files with sh -e) reads as every one set: the same `.env` may set git's
    // settings (GIT_CONFIG_COUNT, GIT_CONFIG_GLOBAL, HOME) with a value only git grep dies on (grep.threads=many), which
    // read as none set left its AITRAIL=0 honoured while the agent's add and commit worked on.
    `  [ -n "$aitrail_l" ] && { aitrail_s=0; aitrail_d=$(${grep('')}) || aitrail_s=$?; [ "$aitrail_s" -le 1 ] || aitrail_d=${ALL_SET}; }`,
    // One gone from the work tree (a path git quotes: can't tell), by the shell's own test: an agent
    // started before loaded it, so the index is read too (`ls-files -d` would stat the whole index).
    // Not one a sparse checkout keeps out of the work tree (`-t`'s `S`: the person's own index, which no committed
    // file sets): no agent there loaded it, and in a partial clone (`--filter=blob:none --sparse`) its blob was
    // never fetched: `git grep --cached` fetched it from the remote, and offline died, read as every one set.
    '  aitrail_eg=',
    '  [ -n "$aitrail_l" ] && while IFS= read -r aitrail_ef; do case $aitrail_ef in "S "*) continue ;; esac; aitrail_ef=${aitrail_ef#*\t}; case $aitrail_ef in \\"*) aitrail_eg=1 ;; *) [ -e "$aitrail_ef" ] || [ -L "$aitrail_ef" ] || aitrail_eg=1 ;; esac; done <<aitrail_EOF',
    '$aitrail_l',
    'aitrail_EOF',
    `  [ -n "$aitrail_eg" ] && { aitrail_s=0; aitrail_ec=$(${grep('--cached ')}) || aitrail_s=$?; [ "$aitrail_s" -le 1 ] || aitrail_ec=${ALL_SET}; aitrail_d="$aitrail_d $aitrail_ec"; }`,
    // A committed .env that is a link (mode 120000): what it points to sets any of them, unseen by git grep.
    `  case " $aitrail_l" in *[[:space:]]120000[[:space:]]*) aitrail_d=${ALL_SET} ;; esac`,
    // Gemini CLI and Qwen Code walk up past the work tree for the nearest `.qwen/.env`, `.gemini/.env` or
    // `.env`: a superproject's around a submodule, the main checkout's around a worktree made inside it.
    // One above the top (home and what is above it are the person's) is read when the work tree around it
    // tracks it: a shell test a folder, a git process only for a file that is there.
    // From the top's physical path, as the agents walk (node's process.cwd()): $PWD keeps the link a person's shell
    // came in through (`~/lib` -> the superproject's `lib`), whose parents are not the superproject's. Home as git
    // or the person may spell it (`-ef`: the same folder through links).
    '  if aitrail_phys; then aitrail_p=$aitrail_tq; else aitrail_p=$(pwd -P 2>/dev/null) || aitrail_p=$PWD; fi',
    '  aitrail_p=${aitrail_p%/*}',
    '  while [ -n "$aitrail_p" ] && [ "$aitrail_p" != "${HOME:-/}" ] && ! [ "$aitrail_p" -ef "${HOME:-/}" ]; do',
    '    for aitrail_ef in "$aitrail_p/.qwen/.env" "$aitrail_p/.gemini/.env" "$aitrail_p/.env"; do',
    '      [ -f "$aitrail_ef" ] || continue',
    // GIT_CEILING_DIRECTORIES unset: the agents walk past any, and a committed .env may set one (the superproject's path) so that git finds no work tree there.
    // A `.qwen` or `.gemini` that is a link (to a folder the work tree tracks): the agent reads the file through it,
    // git names it by its real path (`ls-files` of `.qwen/.env` fails, beyond a link): the tracked link stands for it.
    '      aitrail_er=${aitrail_ef#"$aitrail_p"/}',
    '      case $aitrail_er in */*) [ -L "${aitrail_ef%/*}" ] && aitrail_er=${aitrail_er%/*} ;; esac',
    // Untracked: ls-files' own "did not match" (exit 1), or no repository around it. Any other failure of git there is
    // read as tracked: the same file may set variables (GIT_CONFIG_COUNT with an includeIf scoped to the
    // superproject's git dir, naming a broken file it commits) that make git die in the superproject alone.
    `      aitrail_et=$(unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_COMMON_DIR GIT_PREFIX GIT_NAMESPACE GIT_CEILING_DIRECTORIES; ${PATHSPECS_AS_WRITTEN} cd "$aitrail_p" 2>/dev/null || exit 1; LC_ALL=C GIT_LITERAL_PATHSPECS=1 git -c core.fsmonitor=false ls-files --error-unmatch -- "$aitrail_er" </dev/null 2>&1 >/dev/null)`,
    '      case $?:$aitrail_et in 0:*) ;; 1:*|*"not a git repository"*) continue ;; esac',
    `      aitrail_d="$aitrail_d $(grep -a -o -E ${shQuote(assigns)} "$aitrail_ef" </dev/null 2>/dev/null)"`,
    '    done',
    '    aitrail_p=${aitrail_p%/*}',
    '  done',
    drop("*AITRAIL[!_]*", 'AITRAIL', '[ "${AITRAIL-}" = 0 ] && '),
    drop('*AITRAIL_MODEL*', 'AITRAIL_MODEL', ''),
    drop('*AITRAIL_AGENT*', 'AITRAIL_AGENT', ''),
    drop('*AITRAIL_QUIET*', 'AITRAIL_QUIET', ''),
    'fi',
    '[ "${AITRAIL-}" = 0 ] && exit 0',
  ];
}
