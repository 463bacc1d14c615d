import { neverBlocks, type InstalledHook, type ShimHook } from './hook-names.js';
import { SHIM_MARKER } from './shim.js';
import { hookGates } from './pending-gate.js';
import { BINARY_BUN_CONFIG_SKIPPED, BINARY_BUN_LOCKB_SKIPPED, BINARY_LOCK_SKIPPED, BINARY_REGISTRY_SKIPPED, BINARY_TRACKED_SKIPPED, binaryBunConfigMessage, binaryBunLockbMessage, binaryLockMessage, binaryMissingMessage, binaryRegistryMessage, binaryTrackedMessage, binaryYarnMessage, cannotStartMessage } from './hook-messages.js';
import { plantedEnv } from './planted-env.js';
import { nodeOptionsLines } from './node-options.js';
import { configLacksLines } from './fast-path.js';
import { FAST_PATH_DIR } from '../core/fast-path-layout.js';

/**
 * The one template of the POSIX sh shims in hooks/ (`npm run build:shims` writes them; a unit
 * test keeps them equal). What varies per hook: whether git gives it stdin to share with a
 * chained hook, whether it may block, and where it looks for aitrail (the server: PATH only).
 */
export function shimSource(hook: ShimHook): string {
  if (hook === 'post-checkout') return worktreeShimSource();
  if (hook === 'reference-transaction') return transactionShimSource();
  const server = hook === 'pre-receive';
  const blocks = !neverBlocks(hook);
  const fail = blocks ? 'exit 1' : 'exit 0';
  // The client's lookup leaves the command line in "$@" (clientLookup); the server runs aitrail from PATH.
  // The server's: receive-pack's id ($PPID) names what pre-receive judged by for the reference-transaction shim.
  const run = server ? 'AITRAIL_RECEIVE_PID=$PPID "$a" hook "$h" "$@"' : '"$@"';
  const lines = [
    '#!/bin/sh',
    `# aitrail-shim: ${hook}`,
    '# Installed by `aitrail init`; `aitrail uninstall` removes it and restores the hook it replaced.',
    `# Runs the hook this one replaced ($0.aitrail-chained), if any, then \`aitrail hook ${hook} "$@"\`.`,
    server
      ? "# AITRAIL=0 does not switch it off: a push over a local path hands the pusher's environment to this hook."
      : '# AITRAIL=0 switches aitrail off (the replaced hook still runs).',
    '# Generated from src/install/shim-source.ts (npm run build:shims): edit that, not this file.',
    ...inheritedShellLines(fail),
    `h=${hook}`,
    // Cleaned (aitrail_safe) before the chained hook's `mktemp` and `cat` (pre-push, post-rewrite): with a hook
    // chained (git-lfs's pre-push), `npm run`'s node_modules/.bin, `.` or an empty entry named the repository's
    // `mktemp`/`cat`. The chained hook itself still runs under the user's PATH (aitrail_p0).
    ...(server ? [] : safePathLines()),
    'c="$0.aitrail-chained"',
    'if [ -x "$c" ]; then',
    ...(hook === 'pre-push' || hook === 'post-rewrite' || server
      ? [
          `  # Both hooks read ${hook === 'post-rewrite' ? 'the rewritten commits' : 'the ref list'} on stdin: keep a copy for the second one.`,
          ...(server ? [] : ['  aitrail_safe']),
          '  f=$(mktemp "${TMPDIR:-/tmp}/aitrail-stdin.XXXXXX") || exit 1',
          '  trap \'rm -f "$f"\' EXIT',
          "  trap 'exit 1' HUP INT TERM",
          '  cat >"$f"',
          `  ${server ? '' : 'PATH=$aitrail_p0 '}"$c" "$@" <"$f" || exit $?`,
          '  exec <"$f"',
        ]
      : [`  ${server ? '' : 'PATH=$aitrail_p0 '}"$c" "$@" || exit $?`]),
    'fi',
    // Past the gates, which start nothing for a commit with nothing to record or refuse: their
    // answer is the same whatever AITRAIL* say, and such a commit (the person's with AITRAIL=0, a
    // test's set-up) spares plantedEnv's git process.
    ...hookGates(hook, !server),
    // Past the gates every shim cleans PATH (a builtin walk, no process) before git, grep, node or aitrail run.
    ...(server ? [] : ['aitrail_safe']),
    ...(server ? [] : plantedEnv(blocks)),
    ...(server ? serverLookup(hook) : clientLookup(hook, fail)),
    ...runLines(hook, run),
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * The lines that run `run` (aitrail's command line) and end the script: a blocking hook fails with aitrail's
 * status (126/127 said: aitrail could not start), the others end at 0 with a warning. The shims' and husky
 * mode's block's (husky-block.ts, after the same clientLookup).
 */
export function runLines(hook: InstalledHook, run: string): string[] {
  return neverBlocks(hook)
    ? [
        `# This hook never blocks${hook === 'post-rewrite' ? '' : ' a commit'}: aitrail that cannot start (no node on the PATH git gives hooks) is a warning.`,
        `${run} && exit 0`,
        's=$?',
        `echo "aitrail: ${cannotStartMessage(hook)}" >&2`,
        'exit 0',
      ]
    : [run, 's=$?', 'if [ "$s" = 126 ] || [ "$s" = 127 ]; then', `  echo "aitrail: ${cannotStartMessage(hook)}" >&2`, '  exit 1', 'fi', 'exit "$s"'];
}

/**
 * Where /bin/sh is bash (Fedora, RHEL, Arch, openSUSE; macOS's bash 3.2), the shell takes more than
 * variables from the environment a hook inherits: a function from each `BASH_FUNC_<name>%%` (even `[`,
 * `read`, `git`: looked up before builtins and PATH, and handed on to every sh child, pnpm's wrapper's
 * `sed`/`dirname`), the `set` options SHELLOPTS names and the `shopt` ones BASHOPTS names. aider loads a
 * committed `.env` over its environment (python-dotenv: `BASH_FUNC_read%%='() { exit 0; }'`; Node's dotenv,
 * Gemini CLI's and Qwen Code's, takes `SHELLOPTS` only), so a hook ended at 0 having judged nothing, or
 * (`noclobber`) left the note that nothing under node_modules is tracked unemptied. Each function the shell
 * imported is unset (a builtin `compgen` says whether there is any: a person's commit forks nothing; only
 * then one `$(declare -F)`, no exec), and the options the shims' lines assume are put back. `SHELLOPTS=noexec`
 * runs no line of any script: only pre-push's warning names it (planted-hook-switches.ts). dash (Debian's and
 * Ubuntu's /bin/sh) imports none of these: the lines are skipped by a `case`.
 */
export function inheritedShellLines(refuse = 'exit 1'): string[] {
  return [
    ...classGuardLines(refuse),
    '# bash as sh: no function, set or shopt option from the environment (a committed .env an agent loads) changes what runs (src/install/shim-source.ts inheritedShellLines).',
    'case ${BASH_VERSION-} in ?*)',
    // First: errexit (SHELLOPTS) would end the shim at compgen's status 1.
    '  set +aCefkuvx',
    '  unset -f compgen declare',
    '  compgen -A function >/dev/null 2>&1',
    '  case $? in 1) ;; *) for aitrail_fn in $(declare -F); do case $aitrail_fn in declare|-*) ;; *) unset -f "$aitrail_fn" ;; esac; done ;; esac',
    '  set +o pipefail',
    '  shopt -u failglob nullglob nocaseglob nocasematch dotglob extglob globstar xpg_echo lastpipe 2>/dev/null ;;',
    'esac',
  ];
}

/** A `-c` script (quoted for the shim) that exits 0 in a shell that knows `[[:space:]]`, 1 in one that does not (posh). */
const KNOWS_CLASSES = `"case ' ' in [[:space:]]) exit 0 ;; esac; exit 1"`;

/**
 * Row 1070: a /bin/sh that does not know POSIX character classes in bracket expressions (posh 0.14: `[[:space:]]`
 * matches nothing) reads every `[[:space:]]`/`[[:alnum:]]` of the shims otherwise than dash, so a check of the fast
 * path or of which aitrail to run silently fails. Such a shell re-runs the shim under one that knows them, found at a
 * fixed system path (no PATH search: the repository's folders are never asked), with the same arguments and stdin; with
 * none there, the shim refuses in one line. Other shells pay one `case`, no process. `refuse`: the command that ends
 * the hook when no such shell is found, `exit 0` for a hook that never blocks (the husky lib, sourced from the user's
 * hook file, cannot re-run itself: it ends there, by the hook `h` names).
 */
export function classGuardLines(refuse: string, rerun = true): string[] {
  const say = 'echo "aitrail: hook stopped: this /bin/sh does not know [[:space:]] in patterns (posh?), so the model policy cannot be checked. Fix: make /bin/sh dash or bash, or install dash." >&2';
  return [
    '# A /bin/sh without POSIX character classes (posh) re-runs the shim under one that has them (src/install/shim-source.ts classGuardLines).',
    "case ' ' in [[:space:]]) ;; *)",
    ...(rerun
      ? [
          // bash by that name (not `sh`) would source BASH_ENV, which a committed .env an agent loads may set.
          '  unset BASH_ENV',
          // Each asked first whether it knows the classes (row 1078): a /bin/dash that is posh (a link, a
          // diversion) would otherwise be exec'd again and again, the commit hung for good.
          `  for aitrail_sh in /bin/dash /usr/bin/dash /bin/bash /usr/bin/bash /bin/mksh /usr/bin/mksh; do [ -x "$aitrail_sh" ] && "$aitrail_sh" -c ${KNOWS_CLASSES} 2>/dev/null && exec "$aitrail_sh" "$0" "$@"; done`,
          `  for aitrail_sh in /bin/busybox /usr/bin/busybox; do [ -x "$aitrail_sh" ] && "$aitrail_sh" sh -c ${KNOWS_CLASSES} 2>/dev/null && exec "$aitrail_sh" sh "$0" "$@"; done`,
        ]
      : []),
    `  ${say}`,
    `  ${refuse} ;;`,
    'esac',
  ];
}

/**
 * The tools the shims run by name (`cmp`, `grep`, `tr`, `realpath`, `readlink`, `mv`, `cat`, `tail`) come from a
 * PATH without relative or empty entries and without folders of the work tree (663): git runs hooks at
 * the top, where husky's `node_modules/.bin`, `.` or an empty entry name the repository's files, and
 * `npm run` puts the top's node_modules/.bin first, where `npm install --ignore-scripts` links a committed
 * `file:` package's `"bin": {"realpath": …}`: a `realpath` of the repository's answered for the
 * repository's own aitrail. Set after the chained hook ran (it keeps the user's PATH); aitrail and node
 * are still looked for on the whole PATH (`aitrail_p0`, judged there); aitrail runs under this PATH too. An
 * ancestor that is the top (`-ef`, stats, no process) marks a folder of the work tree.
 * Lazily (session 44): `aitrail_safe` cleans PATH once, the first time a gate is about to run a tool by
 * name (grep, tail, git), and always past the gates, before plantedEnv's git and the lookup; a person's
 * commit whose gates end it runs only builtins and cmp by its absolute path (aitrail_cmp walks PATH itself),
 * so the walk (~0.12 ms per shim for an 11-entry PATH, three or four shims a commit) is spared. "Cleaned"
 * is `aitrail_ps` being set, unset first: never a value the hook inherited (669).
 */
export function safePathLines(): string[] {
  return [
    'aitrail_p0=$PATH',
    // Never a value the hook inherited (a committed .env an agent loads): "already cleaned" is this shell's own word (669).
    'unset aitrail_ps',
    '# PATH without relative or empty entries and folders of the work tree, set once, before the first tool run by name (src/install/shim-source.ts safePathLines).',
    'aitrail_safe() {',
    '  [ -z "${aitrail_ps+x}" ] || return 0',
    '  aitrail_ps=',
    '  aitrail_co=$IFS',
    '  IFS=:',
    '  set -f',
    '  for aitrail_cd in $aitrail_p0; do',
    '    case $aitrail_cd in /*) ;; *) continue ;; esac',
    '    aitrail_q=$aitrail_cd',
    '    while [ -n "$aitrail_q" ] && [ ! "$aitrail_q" -ef . ]; do aitrail_q=${aitrail_q%/*}; done',
    '    [ -n "$aitrail_q" ] || aitrail_ps=${aitrail_ps:+$aitrail_ps:}$aitrail_cd',
    '  done',
    '  IFS=$aitrail_co',
    '  set +f',
    // Nothing left (an empty PATH would search the top): the system's folders.
    '  PATH=${aitrail_ps:-/usr/bin:/bin}',
    '}',
  ];
}

/** The server runs aitrail from PATH only: a bare repository's directory holds no installed binary. */
function serverLookup(hook: InstalledHook): string[] {
  return ['if command -v aitrail >/dev/null 2>&1; then a=aitrail', 'else', `  echo "aitrail: ${binaryMissingMessage(hook)}" >&2`, '  exit 1', 'fi'];
}

/**
 * sh function `aitrail_pkg`: true when git config surely holds no aitrail.packageDir, so that the
 * shim spares the git process asking for it: a git dir (GIT_DIR, else the work tree top's `.git`,
 * a folder or a file naming one, as git runs client hooks at the top) with a HEAD and a config
 * file, and no config git reads, nor `git -c` or GIT_CONFIG_* setting, that mentions packageDir
 * or an include (configLacksLines). Any doubt asks git. Believing it unset when it is not could
 * only leave the package's binary unfound (the top's and PATH's are looked at the same way).
 */
export function packageDirFunction(): string[] {
  return [
    '# git config surely holds no aitrail.packageDir: no config file git reads, no git -c, mentions it or an include.',
    'aitrail_pkg() {',
    '  aitrail_k=${GIT_DIR-}',
    '  if [ -z "$aitrail_k" ]; then',
    '    if [ -f .git ]; then read -r aitrail_k <.git || return 1; aitrail_k=${aitrail_k#gitdir: }; else aitrail_k=.git; fi',
    '  fi',
    '  [ -f "$aitrail_k/HEAD" ] || return 1',
    '  { [ -f "$aitrail_k/config" ] || [ -f "$aitrail_k/commondir" ]; } || return 1',
    ...configLacksLines(['packagedir', 'include'], 'aitrail_k'),
    '}',
  ];
}

/** The note, in the fast path's folder, that git tracked nothing under the top's node_modules when the index was last read. */
export const UNTRACKED_NODE_MODULES_FILE = 'node-modules-untracked';

/**
 * Whether git tracks anything under the top's node_modules, remembered while git's index stays as
 * it was (every hook that starts node asked git: ~1.5 ms of CPU and a process, and an agent's
 * commit runs three). `aitrail_u=kept`: the note says nothing is tracked and is newer than the
 * index, so git is not asked. Otherwise, where a note may be kept, it is written *before* git reads
 * the index (`aitrail_u` names it; under the shell's own name, `<note>.<pid>`, renamed over the note
 * once git answered: one `mv` process then), and emptied first unless git answered "nothing tracked": an
 * index written while or after git read it is at least as new as the note (`test -nt` is strict,
 * whether the shell compares seconds or nanoseconds), so an answer that may be stale is never
 * read. Kept only in the plain layout: git's own index (GIT_INDEX_FILE unset or naming it: git
 * exports it to hooks; `git commit <paths>` gives another), no GIT_DIR or GIT_WORK_TREE, a git dir
 * with the fast path's folder (no link on the way), a node_modules that is no link (git refuses a
 * path beyond one: counted as tracked, and that depends on the work tree, not the index); the note
 * names the work tree top it was made in. A note dated after now (a file `now` beside it, written
 * by the shell each time the note is read, dates now: a write, no process) is not trusted: a clock
 * set back since the note was made, or a note planted with a future date, would make it outlive
 * index writes.
 */
function untrackedNodeModulesLines(): string[] {
  const note = `$aitrail_k/aitrail/${FAST_PATH_DIR}/${UNTRACKED_NODE_MODULES_FILE}`;
  return [
    'aitrail_u=',
    'if [ -z "${GIT_DIR+x}${GIT_WORK_TREE+x}" ] && { [ -z "${GIT_INDEX_FILE+x}" ] || [ "$GIT_INDEX_FILE" = "$aitrail_k/index" ] || [ "$GIT_INDEX_FILE" = "$PWD/$aitrail_k/index" ]; } && [ -f "$aitrail_k/index" ] && [ ! -L "$aitrail_k/index" ] && [ ! -L "$aitrail_k/aitrail" ] && [ -d "$aitrail_k/aitrail/' + FAST_PATH_DIR + '" ] && [ ! -L "$aitrail_k/aitrail/' + FAST_PATH_DIR + '" ] && [ ! -L node_modules ]; then',
    `  aitrail_u="${note}"`,
    // Now, as the file system dates it (a write, no process): a note dated later (a clock set back since, a note planted with `touch -d`) is not trusted.
    `  aitrail_now="$aitrail_k/aitrail/${FAST_PATH_DIR}/now"`,
    '  if [ -f "$aitrail_u" ] && [ ! -L "$aitrail_u" ] && [ ! -L "$aitrail_now" ] && { [ ! -e "$aitrail_now" ] || [ -f "$aitrail_now" ]; } && { echo >"$aitrail_now"; } 2>/dev/null && [ ! "$aitrail_u" -nt "$aitrail_now" ] && [ "$aitrail_u" -nt "$aitrail_k/index" ] && { read -r aitrail_v && read -r aitrail_w; } 2>/dev/null <"$aitrail_u" && [ "$aitrail_v" = untracked ] && [ "$aitrail_w" = "$PWD" ]; then',
    '    aitrail_u=kept',
    '  fi',
    'fi',
    // Written just before git is asked, under a name of this shell's own: a hook killed while git answered
    // (Ctrl-C, an agent's timeout) left the note saying "untracked" with no answer, trusted by the next
    // hook that starts node (a pre-push then ran the repository's own node_modules/.bin/aitrail).
    'aitrail_nm_start() {',
    '  case $aitrail_u in kept|"") return 0 ;; esac',
    '  if [ -L "$aitrail_u" ] || [ -L "$aitrail_u.$$" ] || ! { printf \'%s\\n%s\\n\' untracked "$PWD" >"$aitrail_u.$$"; } 2>/dev/null; then aitrail_u=; fi',
    '}',
    // Put in place after the answer (a rename keeps the time it was written, before git looked); any
    // answer but "nothing tracked" (1) empties it first: never trusted.
    'aitrail_nm_end() {',
    '  case $aitrail_u in kept|"") return 0 ;; esac',
    '  [ "$aitrail_n" = 1 ] || { : >"$aitrail_u.$$"; } 2>/dev/null',
    '  mv -f "$aitrail_u.$$" "$aitrail_u" 2>/dev/null || { : >"$aitrail_u"; } 2>/dev/null',
    '}',
  ];
}

/**
 * Whether a candidate in the work tree that git does not track leads, through links, to code git
 * tracks (`aitrail_led`: 0 = it does, or it cannot be told). npm links `.bin/aitrail` to its
 * package and a `file:` dependency's package (`node_modules/aitrail -> ../vendor/aitrail`, as
 * `npm install --ignore-scripts` makes it from the repository's package.json), a workspace, or a
 * node_modules that is itself a link lead into a folder the repository commits, while git answers
 * for the path as written (nothing under node_modules tracked, a path beyond a link unknown): the
 * shims ran the repository's code. The candidate's real path (`realpath`, else `readlink -f`: one
 * process, only where node starts anyway, no git process unless it leads outside node_modules; none
 * for the top's `.bin/aitrail` with no link on the way, or npm's one link to
 * node_modules/aitrail/bin/aitrail.js, told by the shell's `-L` and `-ef`, whose package npm's record
 * judges: one grep, aitrail_np) is judged: outside the work tree, it is not the repository's unless a pnpm
 * store a committed .npmrc put there says so (aitrail_vo);
 * under the top's node_modules (or packageDir's, already found untracked), neither, unless pnpm's lock
 * (or npm's record) there says the package came from a folder or tarball in the work tree (aitrail_pn,
 * aitrail_np); elsewhere in the work tree, npm's record of the node_modules it lies under, then git, is asked for it. pnpm's
 * `.bin` files are sh wrappers that `exec node "$basedir/../<package>/<bin>"`: each such target is
 * judged too. A system with neither tool (macOS before 12.3) judges the path as written, as before.
 */
export function ledIntoTrackedLines(): string[] {
  return lazyFunctions(['aitrail_tp=', ...judgeLines(), ...yarnWrapperLines()], LAZY_JUDGES);
}

/**
 * The judges an install by npm (its hidden lockfile, a registry or a .npmrc) never calls: yarn's and pnpm's
 * wrappers, locks and stores, bun's lock, a copy or link in the work tree (issue 12: dash parses a function
 * definition when it reaches it, and ~19 KB of these were parsed on every AI commit). Each stays in the shim,
 * as text: one single-quoted string the shell scans but does not parse, `eval`ed by aitrail_lz the first time
 * one of them is called (each name is first a stub that loads them all, then calls itself, now the judge); no
 * second file. What each judge says is unchanged.
 */
const LAZY_JUDGES = ['aitrail_iw', 'aitrail_ru', 'aitrail_lk', 'aitrail_vs', 'aitrail_at', 'aitrail_pin', 'aitrail_nb', 'aitrail_nw', 'aitrail_na', 'aitrail_yj', 'aitrail_nl', 'aitrail_lr', 'aitrail_cu', 'aitrail_bo', 'aitrail_vo', 'aitrail_pn', 'aitrail_pw', 'aitrail_yw', 'aitrail_yx'];

/**
 * `lines` (sh function definitions, and top-level lines before the first) with the functions named in `lazy`
 * kept as one single-quoted string that aitrail_lz evals on the first call of any of them (a stub each).
 */
export function lazyFunctions(lines: readonly string[], lazy: readonly string[]): string[] {
  const eager: string[] = [];
  const deferred: string[] = [];
  const found = new Set<string>();
  let into = eager;
  for (const line of lines) {
    const start = /^([a-z_]+)\(\) \{/.exec(line);
    if (start) {
      into = lazy.includes(start[1]!) ? deferred : eager;
      if (into === deferred) found.add(start[1]!);
    }
    into.push(line);
  }
  if (found.size !== lazy.length) throw new Error(`lazyFunctions: not all of ${lazy.join(' ')} defined`);
  const text = deferred.join('\n').replace(/'/g, "'\\''");
  // The string ends at the first `'` then a line `}`: no judge's line may end so inside it.
  if (text.includes("'\n}")) throw new Error('lazyFunctions: a quoted line ends the string early');
  return [...eager, ...lazy.map((name) => `${name}() { aitrail_lz; ${name} "$@"; }`), 'aitrail_lz() {', `  eval '${text}'`, '}'];
}

/** The judges' definitions as written (ledIntoTrackedLines loads the rarely needed ones lazily). */
function judgeLines(): string[] {
  return [
    'aitrail_in() {',
    // The usual layouts, told without a process: no link on the way, or npm's one link to the aitrail package's own bin.
    '  if [ ! -L node_modules ] && [ ! -L node_modules/.bin ] && [ "$1" = node_modules/.bin/aitrail ]; then',
    '    [ ! -L "$1" ] && return 1',
    // Not where pnpm installed (node_modules/.pnpm): its `node-linker=hoisted` copies a `file:` package into
    // node_modules/aitrail as npm does, and it is judged by pnpm's lock (aitrail_pn).
    // npm copies a `file:` package (a tarball, or a folder with a committed .npmrc's `install-links=true`) into
    // node_modules/aitrail as it unpacks one from a registry: its own record says where it came from (aitrail_np).
    '    if [ ! -e node_modules/.pnpm ] && [ ! -L node_modules/.pnpm ] && [ ! -L node_modules/aitrail ] && [ ! -L node_modules/aitrail/bin ] && [ ! -L node_modules/aitrail/bin/aitrail.js ] && [ "$1" -ef node_modules/aitrail/bin/aitrail.js ]; then',
    '      aitrail_rg "" && return 0',
    // yarn 2+'s `nodeLinker: node-modules` writes node_modules/.yarn-state.yml (row 856, aitrail_nz in aitrail_np).
    // bun writes none, its lock beside package.json (row 873, aitrail_nb in aitrail_np).
    '      [ -f node_modules/.package-lock.json ] || [ -f node_modules/.yarn-integrity ] || [ -f node_modules/.yarn-state.yml ] || [ -f bun.lock ] || [ -f bun.lockb ] || return 1',
    '      if [ -n "$aitrail_tp" ]; then :; elif aitrail_phys; then aitrail_tp=$aitrail_tq; else aitrail_tp=$(pwd -P && echo .) || return 0; aitrail_tp=${aitrail_tp%.}; aitrail_tp=${aitrail_tp%?}; fi',
    '      aitrail_np "" node_modules/aitrail/bin/aitrail.js',
    '      return',
    '    fi',
    '  fi',
    // Nothing there runs nothing: pnpm's wrapper names "$basedir/node", absent in every install; a strict
    // realpath (macOS's, busybox's) fails on it, and that failure refused every agent's commit.
    '  [ -e "$1" ] || return 1',
    // A tool that cannot resolve at all (macOS before 12.3: a readlink without -f; a realpath without --) judges
    // the path as written, as with no tool; a working one that fails on this existing path counts as led.
    // The `.` after the answer keeps a real path ending in a line break (npm links `.bin/aitrail` to a
    // package's `"bin": "bin/ai\n"`): `$(…)` strips trailing ones, and git was asked for a name that is not there.
    '  if command -v realpath >/dev/null 2>&1 && aitrail_x=$(realpath -- "$1" 2>/dev/null && echo .); then :',
    '  elif command -v readlink >/dev/null 2>&1 && aitrail_x=$(readlink -f -- "$1" 2>/dev/null && echo .); then :',
    '  elif { command -v realpath && realpath -- /; } >/dev/null 2>&1 || { command -v readlink && readlink -f -- /; } >/dev/null 2>&1; then return 0',
    '  else return 1',
    '  fi',
    '  aitrail_x=${aitrail_x%.}',
    '  aitrail_x=${aitrail_x%?}',
    '  if [ -n "$aitrail_tp" ]; then :; elif aitrail_phys; then aitrail_tp=$aitrail_tq; else aitrail_tp=$(pwd -P && echo .) || return 0; aitrail_tp=${aitrail_tp%.}; aitrail_tp=${aitrail_tp%?}; fi',
    // Outside the work tree: a pnpm store a committed .npmrc put there (`virtual-store-dir=../vs`) is judged by its lock (aitrail_vo).
    // Outside the work tree through a link git tracks (a committed `file:` package's `run.sh -> /usr/bin/true`, or
    // `bin -> /usr/bin` above its script): the repository chose what runs (aitrail_lk).
    // bun's `--backend=symlink` (row 965): the package's files are links into bun's cache, outside the work tree.
    // aitrail_phys's $PWD names this folder, but maybe by a path realpath does not give (a bind mount, a case-insensitive
    // volume's other spelling: no link on the way): a target spelled outside it is in the work tree when a folder above
    // it is the top (`-ef`, stats, no process), which is then the top as realpath spells it (row 1019).
    '  case $aitrail_x in "$aitrail_tp"/*) ;; /*) aitrail_tu=${aitrail_x%/*}; while [ -n "$aitrail_tu" ]; do if [ "$aitrail_tu" -ef . ]; then aitrail_tp=$aitrail_tu; break; fi; aitrail_tu=${aitrail_tu%/*}; done ;; esac',
    '  case $aitrail_x in "$aitrail_tp"/*) aitrail_x=${aitrail_x#"$aitrail_tp"/} ;; /*) aitrail_lk "$1" && return 0; aitrail_bo "$1" && return 0; aitrail_vo "$1"; return ;; *) return 0 ;; esac',
    // In the work tree and not the repository's by its real path (untracked: under node_modules, a gitignored
    // folder): a link git tracks on the way still makes it so (a committed `run.sh -> ../../node_modules/truthy/run.sh`,
    // truthy unpacked from a tarball outside, ran as aitrail). Links under the top's or packageDir's node_modules
    // (npm's `.bin`, pnpm's `node_modules/aitrail`) are not asked of git: shipped found nothing tracked there.
    '  aitrail_iw && return 0',
    '  aitrail_lk "$1"',
    '}',
    // The real path in the work tree (aitrail_x, relative to the top) judged by itself: 0 = the repository's.
    'aitrail_iw() {',
    // Under a node_modules whose project names a registry of its own (row 790): what was installed there is what that registry served.
    // A nested project's by every folder from it up to the top (rows 805, 813): yarn 2+ reads each .yarnrc.yml upward, npm and pnpm a workspace root's .npmrc.
    '  case $aitrail_x in node_modules/*) aitrail_rg "" && return 0 ;; */node_modules/*) aitrail_ru "${aitrail_x%%/node_modules/*}" && return 0 ;; esac',
    // pnpm's `virtual-store-dir` (a committed .npmrc) other than <base>/node_modules/.pnpm: `<dir>/<folder>/node_modules/<name>`,
    // pnpm's lock.yaml in `<dir>`, an untracked copy whatever it came from: the repository's. Every
    // `/node_modules/` on the path is looked at, also under the top's node_modules (`vs/node_modules/x/vs`,
    // `node_modules/vs`: 660), before aitrail_pn, which reads only node_modules/.pnpm's lock.
    '  aitrail_vs "$aitrail_x"',
    '  case $? in 0) return 0 ;; 2) return 1 ;; esac',
    // Under node_modules: a package pnpm installed is judged by where pnpm took it from (aitrail_pn).
    '  case $aitrail_x in node_modules/*) aitrail_pn "" "${aitrail_x#node_modules/}"; return ;; esac',
    '  if [ -n "$d" ]; then case $aitrail_x in "$d/node_modules/"*) aitrail_pn "$d" "${aitrail_x#"$d/node_modules/"}"; return ;; esac; fi',
    // Another folder's node_modules (a nested project, a workspace's own): npm's record there, else the top's (workspaces' keys).
    '  case $aitrail_x in */node_modules/*) aitrail_nb=${aitrail_x%%/node_modules/*}; if [ -f "$aitrail_nb/node_modules/.package-lock.json" ] || [ -f "$aitrail_nb/node_modules/.yarn-integrity" ]; then aitrail_np "$aitrail_nb" "${aitrail_x#"$aitrail_nb"/}" && return 0; else aitrail_np "" "$aitrail_x" && return 0; fi ;; esac',
    '  tracked "$aitrail_x"',
    '}',
    // Whether the project at `$1` (relative to the top, "" the top) names a registry of its own: a `.npmrc` (npm, pnpm,
    // yarn 1) or `.yarnrc` saying `registry`, a `.yarnrc.yml` saying `npmRegistryServer`, other than the public
    // registry (registry.npmjs.org, registry.yarnpkg.com) and other than one the person names in their own files
    // (aitrail_rt): a package installed there (as "aitrail" from "the registry") is what a server the repository
    // chose served (row 790; as registryChosen in binary-reachable.ts). Each line is read by aitrail_rk (one that
    // may name a registry in a form not read here: the repository's, row 805). `aitrail_rr` names the file (its base name
    // only: a folder name is the repository's bytes) for the hooks' message. No such file: no process.
    // aitrail_rg for the project at `$1` and every folder above it up to the top (row 813): stats, a grep only where a file is.
    "aitrail_ru() {",
    "  aitrail_ud=$1",
    "  while :; do",
    "    aitrail_rg \"$aitrail_ud\" && return 0",
    "    case $aitrail_ud in */*) aitrail_ud=${aitrail_ud%/*} ;; '') return 1 ;; *) aitrail_ud= ;; esac",
    "  done",
    "}",
    "aitrail_rg() {",
    "  for aitrail_rf in \"${1:+$1/}.npmrc\" \"${1:+$1/}.yarnrc\" \"${1:+$1/}.yarnrc.yml\"; do",
    "    [ -f \"$aitrail_rf\" ] || continue",
    // Read as npm's ini (and yarn 1's parser, YAML) splits lines: at a carriage return too (`foo=x<CR>registry=…`
    // is two lines to npm, one to grep: row 812). Lines saying `config` or `prefix` (npm reads the file a project's
    // `userconfig=`/`globalconfig=`/`prefix=` names) or a `$` (npm's `${VAR?}` in a key) are read as well. `-a`: a NUL
    // anywhere made GNU grep print nothing ("binary file matches" on stderr), every line unread (row 814).
    "    aitrail_rl=$(tr '\\r' '\\n' <\"$aitrail_rf\" 2>/dev/null | grep -a -i -e registry -e config -e prefix -e proxy -e ssl -e ca -e '\\\\' -e '[$]' 2>/dev/null) || continue",
    "    aitrail_rn=",
    "    while IFS= read -r aitrail_rx; do",
    "      aitrail_rk \"$aitrail_rx\"",
    "      case $? in",
    "        0) aitrail_rv \"$aitrail_rx\"",
    "          case $aitrail_gv in https://registry.npmjs.org|https://registry.yarnpkg.com) ;; *) aitrail_rn=\"$aitrail_rn$aitrail_rx",
    "\" ;; esac ;;",
    "        2) aitrail_rr=${aitrail_rf##*/}; return 0 ;;",
    // A proxy or TLS line (row 855): the person's only as the very same line of their own file (aitrail_hg).
    "        3) aitrail_hg \"$aitrail_rf\" \"$aitrail_rx\" || { aitrail_rr=${aitrail_rf##*/}; return 0; } ;;",
    "      esac",
    "    done <<AITRAIL_RL",
    "$aitrail_rl",
    "AITRAIL_RL",
    "    [ -n \"$aitrail_rn\" ] || continue",
    "    aitrail_rl=$aitrail_rn",
    "    aitrail_rt && continue",
    "    aitrail_rr=${aitrail_rf##*/}",
    "    return 0",
    "  done",
    "  return 1",
    "}",
    // One line of the file (grep's: it says `registry`, any case, or holds a backslash): 0, a line naming the registry
    // (`registry` in .npmrc and .yarnrc, `npmRegistryServer` in .yarnrc.yml) as plainly written; 2, one that may name
    // it in a way not read here (row 805): a backslash in the key (npm's ini and yarn 1 take a quoted key as JSON:
    // `"\\u0072egistry"=`), anywhere in a yarn file (YAML escapes), `registry[]=`, yarn 1's `--registry`/`--install.registry`
    // argument lines, `npmRegistryServer` anywhere in a .yarnrc.yml but a plain `npmRegistryServer:` line
    // (`{npmRegistryServer: …}`, `? npmRegistryServer`, an anchor): the repository's; 3, a proxy or TLS line (row
    // 855: `proxy`, `https-proxy`, `strict-ssl`, `ca`, `cafile`; yarn 2+'s `httpsProxy`, `enableStrictSsl`,
    // `caFilePath`, `networkSettings`); 1, anything else (a comment).
    "aitrail_rk() {",
    "  case $aitrail_rf in",
    "    *.npmrc) case ${1%%=*} in *\\\\*) return 2 ;; esac ;;",
    "    *) case $1 in *\\\\*) return 2 ;; esac ;;",
    "  esac",
    "  aitrail_ry=$1",
    "  while :; do case $aitrail_ry in [[:space:]]*) aitrail_ry=${aitrail_ry#?} ;; *) break ;; esac; done",
    "  aitrail_ry=${aitrail_ry#[\\\"\\']}",
    "  case $aitrail_rf in",
    "    *.npmrc)",
    "      aitrail_ry=${aitrail_ry%%=*}",
    "      while :; do case $aitrail_ry in *[[:space:]]) aitrail_ry=${aitrail_ry%?} ;; *) break ;; esac; done",
    "      aitrail_ry=${aitrail_ry%[\\\"\\']}",
    // Row 812: npm trims a key as JavaScript does (a BOM, a no-break or other Unicode space before `registry`), fills
    // `${VAR?}` in a key (`reg${X?}istry`: empty when unset), and reads the file a `userconfig`/`globalconfig`/`prefix`
    // key names (a committed one saying `registry=`): a key with any character but these, a `$` (but a `//host/:` one's),
    // or one of those keys, may name a registry in a form not read here. A comment (`#`, `;` first) is none.
    "      case ${1%%[\\#\\;]*} in *[![:space:]]*) ;; *) return 1 ;; esac",
    "      case $aitrail_ry in *[!-[:alnum:]_.~:/@%+{}?\\$\\\"\\'\\ \\\t]*) return 2 ;; esac",
    "      case $aitrail_ry in //*) ;; *\\$*) return 2 ;; esac",
    "      case $aitrail_ry in [Uu][Ss][Ee][Rr][Cc][Oo][Nn][Ff][Ii][Gg]*|[Gg][Ll][Oo][Bb][Aa][Ll][Cc][Oo][Nn][Ff][Ii][Gg]*|[Pp][Rr][Ee][Ff][Ii][Xx]*) return 2 ;; esac",
    // Row 855: a proxy (`proxy`, `https-proxy`) or TLS trust (`strict-ssl`, `ca`, `cafile`) line lets a server of
    // the repository's answer for the public registry (a lock's `https://registry.npmjs.org/…` tarball): 3. `noproxy`
    // only sends a host past a proxy: none.
    "      case $aitrail_ry in [Nn][Oo][Pp][Rr][Oo][Xx][Yy]) return 1 ;; *[Pp][Rr][Oo][Xx][Yy]*|*[Ss][Ss][Ll]*|*[Cc][Aa][Ff][Ii][Ll][Ee]*|[Cc][Aa]) return 3 ;; esac",
    "      case $aitrail_ry in [Rr][Ee][Gg][Ii][Ss][Tt][Rr][Yy]) return 0 ;; [Rr][Ee][Gg][Ii][Ss][Tt][Rr][Yy]*) return 2 ;; esac ;;",
    "    *.yarnrc)",
    // A BOM or other byte before the key (yarn 1 drops a BOM): not read here (row 812).
    "      case $aitrail_ry in [@[:alnum:]\\\"\\'\\#-]*) ;; *) return 2 ;; esac",
    // Row 855: a proxy or TLS key (the first word; `--https-proxy` argument lines too): 3, as in .npmrc.
    "      aitrail_rj=${aitrail_ry%%[\\\"\\':=[:space:]]*}",
    "      case $aitrail_rj in \\#*|[Nn][Oo][Pp][Rr][Oo][Xx][Yy]) ;; *[Pp][Rr][Oo][Xx][Yy]*|*[Ss][Ss][Ll]*|*[Cc][Aa][Ff][Ii][Ll][Ee]*|[Cc][Aa]|-*[Cc][Aa]) return 3 ;; esac",
    "      case $aitrail_ry in",
    "        [Rr][Ee][Gg][Ii][Ss][Tt][Rr][Yy]) return 2 ;;",
    "        [Rr][Ee][Gg][Ii][Ss][Tt][Rr][Yy][\\\"\\':[:space:]]*) return 0 ;;",
    "        [Rr][Ee][Gg][Ii][Ss][Tt][Rr][Yy]*|-*[Rr][Ee][Gg][Ii][Ss][Tt][Rr][Yy]*) return 2 ;;",
    "      esac ;;",
    "    *)",
    // yarn 2+: `httpProxy`, `httpsProxy`, `enableStrictSsl`, `caFilePath`, `httpsCaFilePath`, `networkSettings` (row 855).
    "      case ${aitrail_ry%%:*} in \\#*) ;; *[Pp][Rr][Oo][Xx][Yy]*|*[Ss][Ss][Ll]*|*[Cc][Aa][Ff][Ii][Ll][Ee]*|*[Nn][Ee][Tt][Ww][Oo][Rr][Kk][Ss][Ee][Tt][Tt][Ii][Nn][Gg][Ss]*) return 3 ;; esac",
    "      case $1 in *[Nn][Pp][Mm][Rr][Ee][Gg][Ii][Ss][Tt][Rr][Yy][Ss][Ee][Rr][Vv][Ee][Rr]*) ;; *) return 1 ;; esac",
    "      case $aitrail_ry in \\#*) return 1 ;; esac",
    "      case $aitrail_ry in [Nn][Pp][Mm][Rr][Ee][Gg][Ii][Ss][Tt][Rr][Yy][Ss][Ee][Rr][Vv][Ee][Rr]*) ;; *) return 2 ;; esac",
    "      aitrail_ry=${aitrail_ry#?????????????????}",
    "      aitrail_ry=${aitrail_ry#[\\\"\\']}",
    "      while :; do case $aitrail_ry in [[:space:]]*) aitrail_ry=${aitrail_ry#?} ;; *) break ;; esac; done",
    "      case $aitrail_ry in :*) return 0 ;; esac",
    "      return 2 ;;",
    "  esac",
    "  return 1",
    "}",
    // Whether every registry line of `$aitrail_rl` names a registry the person names too, as `registry` or
    // `@scope:registry` in ~/.npmrc or ~/.yarnrc, `npmRegistryServer` in ~/.yarnrc.yml (row 803): a company's
    // mirror committed in `.npmrc` is then the person's choice as well. Their files only: HOME absolute, neither it
    // nor a folder above it the top (a dotfiles repository at $HOME, a HOME a committed .env points into the work
    // tree), the file not the project's own (`-ef`). Values compared as written, quotes, spaces and one trailing `/`
    // aside (aitrail_rv). One grep, only where a project file names a registry of its own.
    "aitrail_rt() {",
    "  aitrail_hg \"$aitrail_rf\" || return 1",
    "  while IFS= read -r aitrail_hr; do",
    "    [ -n \"$aitrail_hr\" ] || continue",
    "    aitrail_rv \"$aitrail_hr\"",
    "    aitrail_hw=$aitrail_gv",
    "    [ -n \"$aitrail_hw\" ] || return 1",
    "    aitrail_hk=",
    "    while IFS= read -r aitrail_hr; do",
    "      aitrail_rv \"$aitrail_hr\"",
    "      [ \"$aitrail_gv\" = \"$aitrail_hw\" ] && { aitrail_hk=1; break; }",
    "    done <<AITRAIL_HL",
    "$aitrail_hl",
    "AITRAIL_HL",
    "    [ -n \"$aitrail_hk\" ] || return 1",
    "  done <<AITRAIL_RL",
    "$aitrail_rl",
    "AITRAIL_RL",
    "  return 0",
    "}",
    // The person's own registry lines (aitrail_hl) for aitrail_rt and aitrail_rs; `$1` a project file that is not theirs.
    "aitrail_hg() {",
    "  case ${HOME-} in /*) ;; *) return 1 ;; esac",
    "  aitrail_hq=$HOME",
    "  while [ -n \"$aitrail_hq\" ]; do [ \"$aitrail_hq\" -ef . ] && return 1; aitrail_hq=${aitrail_hq%/*}; done",
    "  aitrail_hx=$1",
    "  aitrail_hy=${2-}",
    "  while :; do case $aitrail_hy in [[:space:]]*) aitrail_hy=${aitrail_hy#?} ;; *[[:space:]]) aitrail_hy=${aitrail_hy%?} ;; *) break ;; esac; done",
    "  set --",
    "  for aitrail_hf in \"$HOME/.npmrc\" \"$HOME/.yarnrc\" \"$HOME/.yarnrc.yml\"; do",
    "    [ -f \"$aitrail_hf\" ] && { [ -z \"$aitrail_hx\" ] || [ ! \"$aitrail_hf\" -ef \"$aitrail_hx\" ]; } && set -- \"$@\" \"$aitrail_hf\"",
    "  done",
    "  [ $# != 0 ] || return 1",
    // `$2`: a project's proxy or TLS line (row 855), the person's when one of their files holds it as it is, spaces around aside.
    "  [ -z \"$aitrail_hy\" ] || { aitrail_ht \"$@\"; return; }",
    "  aitrail_hl=$(grep -hEi -e \"^[[:space:]]*[\\\"']?(@[^:=[:space:]\\\"']*:)?(registry|npmregistryserver)[\\\"']?[[:space:]]*[=:[:space:]]\" -- \"$@\" 2>/dev/null)",
    "  [ -n \"$aitrail_hl\" ]",
    "}",
    // Whether one of the person's files (`$@`) holds the line `$aitrail_hy` (row 855), spaces around either aside: one grep.
    "aitrail_ht() {",
    "  aitrail_hz=$(grep -ahF -e \"$aitrail_hy\" -- \"$@\" 2>/dev/null) || return 1",
    "  while IFS= read -r aitrail_hr; do",
    "    while :; do case $aitrail_hr in [[:space:]]*) aitrail_hr=${aitrail_hr#?} ;; *[[:space:]]) aitrail_hr=${aitrail_hr%?} ;; *) break ;; esac; done",
    "    [ \"$aitrail_hr\" = \"$aitrail_hy\" ] && return 0",
    "  done <<AITRAIL_HZ",
    "$aitrail_hz",
    "AITRAIL_HZ",
    "  return 1",
    "}",
    "aitrail_rv() {",
    "  aitrail_gv=$1",
    "  while :; do case $aitrail_gv in [[:space:]]*) aitrail_gv=${aitrail_gv#?} ;; *) break ;; esac; done",
    "  aitrail_gv=${aitrail_gv#[\\\"\\']}",
    "  case $aitrail_gv in @*:*) aitrail_gv=${aitrail_gv#*:} ;; esac",
    "  case $aitrail_gv in",
    "    [Rr][Ee][Gg][Ii][Ss][Tt][Rr][Yy]*) aitrail_gv=${aitrail_gv#????????} ;;",
    "    [Nn][Pp][Mm][Rr][Ee][Gg][Ii][Ss][Tt][Rr][Yy][Ss][Ee][Rr][Vv][Ee][Rr]*) aitrail_gv=${aitrail_gv#?????????????????} ;;",
    "    *) aitrail_gv=; return ;;",
    "  esac",
    "  aitrail_gv=${aitrail_gv#[\\\"\\']}",
    "  while :; do case $aitrail_gv in [[:space:]]*) aitrail_gv=${aitrail_gv#?} ;; *) break ;; esac; done",
    "  aitrail_gv=${aitrail_gv#[=:]}",
    "  while :; do case $aitrail_gv in [[:space:]]*) aitrail_gv=${aitrail_gv#?} ;; *) break ;; esac; done",
    "  aitrail_gv=${aitrail_gv#[\\\"\\']}",
    "  while :; do case $aitrail_gv in *[[:space:]]) aitrail_gv=${aitrail_gv%?} ;; *) break ;; esac; done",
    "  aitrail_gv=${aitrail_gv%[\\\"\\']}",
    "  aitrail_gv=${aitrail_gv%/}",
    "}",
    // Whether a link git tracks lies on the way to `$1` (relative to the top, or absolute): every link followed,
    // component by component (`[ -L ]`, one readlink each), at its real place; those in the work tree asked of git
    // in one ls-files (as ledByTrackedLink, src/install/tracked-link.ts), but for those under the top's or packageDir's
    // node_modules, where shipped found nothing tracked. A way that does not end, a readlink or git that fails: led.
    // No such link in the work tree: no git process.
    'aitrail_lk() {',
    '  case $1 in /*) aitrail_wd= ;; *) aitrail_wd=$aitrail_tp ;; esac',
    '  aitrail_wp=$1',
    '  aitrail_wh=0',
    '  set --',
    '  while [ -n "$aitrail_wp" ]; do',
    '    case $aitrail_wp in */*) aitrail_wc=${aitrail_wp%%/*}; aitrail_wp=${aitrail_wp#*/} ;; *) aitrail_wc=$aitrail_wp; aitrail_wp= ;; esac',
    '    case $aitrail_wc in \'\'|.) continue ;; ..) aitrail_wd=${aitrail_wd%/*}; continue ;; esac',
    '    aitrail_wf=$aitrail_wd/$aitrail_wc',
    '    if [ ! -L "$aitrail_wf" ]; then aitrail_wd=$aitrail_wf; continue; fi',
    '    aitrail_wh=$((aitrail_wh + 1))',
    '    [ "$aitrail_wh" -gt 40 ] && return 0',
    '    case $aitrail_wf in "$aitrail_tp"/node_modules/*) ;; "$aitrail_tp"/*) aitrail_wr=${aitrail_wf#"$aitrail_tp"/}; case $aitrail_wr in "$d/node_modules/"*) ;; *) set -- "$@" "$aitrail_wr" ;; esac ;; esac',
    '    aitrail_wt=$(readlink -- "$aitrail_wf" && echo .) || return 0',
    '    aitrail_wt=${aitrail_wt%.}',
    '    aitrail_wt=${aitrail_wt%?}',
    '    case $aitrail_wt in /*) aitrail_wd= ;; esac',
    '    aitrail_wp=$aitrail_wt${aitrail_wp:+/$aitrail_wp}',
    '  done',
    '  [ $# -gt 0 ] || return 1',
    '  aitrail_wo=$(GIT_LITERAL_PATHSPECS=1 git ls-files -- "$@" </dev/null 2>/dev/null) || return 0',
    '  [ -n "$aitrail_wo" ]',
    '}',
    // Whether a real path in the work tree (`$1`, relative to the top) lies in a pnpm virtual store other than
    // a `<base>/node_modules/.pnpm`: a `<folder>/node_modules/` whose folder's parent holds a lock.yaml.
    'aitrail_vs() {',
    '  aitrail_q=$1',
    '  while :; do',
    '    case $aitrail_q in */node_modules/*) aitrail_q=${aitrail_q%/node_modules/*} ;; *) return 1 ;; esac',
    // packageDir's own node_modules (npm's layout there): aitrail_pn, below, as before.
    '    [ -n "$d" ] && [ "$aitrail_q" = "$d" ] && continue',
    '    case $aitrail_q in */*) aitrail_v=${aitrail_q%/*} ;; *) aitrail_v=. ;; esac',
    // The top's own store: aitrail_pn, below. Another folder's `node_modules/.pnpm` (packageDir's, a nested
    // project's, Rush's common/temp): judged by its lock as the top's is (2: not the repository's).
    '    case $aitrail_v in node_modules/.pnpm) continue ;; */node_modules/.pnpm) aitrail_pn "${aitrail_v%/node_modules/.pnpm}" "${1#"${aitrail_v%/.pnpm}/"}" && return 0; return 2 ;; esac',
    '    [ -f "$aitrail_v/lock.yaml" ] && return 0',
    '  done',
    '}',
    // Whether a path pnpm's lock names (a `directory:` or `tarball: file:` resolution, relative to the
    // folder holding that node_modules/.pnpm) lands in the work tree: `..`s taken off first, then an
    // ancestor that is the top (`-ef .`, no process). A quoted value, `.`/`..` inside, or `//` counts as in it.
    // aitrail_at BASE VALUE: aitrail_q is VALUE taken from the folder BASE (absolute: as it is), its leading `..`s
    // taken off BASE; false when `.`/`..` is left inside or `//` (it cannot be told where it lands).
    'aitrail_at() {',
    '  case $2 in /*) aitrail_q=$2 ;; *)',
    '    aitrail_q=$1',
    '    aitrail_v=$2',
    '    while :; do',
    '      case $aitrail_v in ..) aitrail_v= ;; ../*) aitrail_v=${aitrail_v#../} ;; *) break ;; esac',
    '      aitrail_q=${aitrail_q%/*}',
    '    done',
    '    aitrail_q=$aitrail_q${aitrail_v:+/$aitrail_v} ;;',
    '  esac',
    '  case $aitrail_q/ in */./*|*/../*|*//*) return 1 ;; esac',
    '}',
    'aitrail_pin() {',
    '  case $2 in ""|\\\'*|\\"*) return 0 ;; esac',
    '  aitrail_at "$aitrail_tp${1:+/$1}" "$2" || return 0',
    '  while [ -n "$aitrail_q" ]; do [ "$aitrail_q" -ef . ] && return 0; aitrail_q=${aitrail_q%/*}; done',
    '  return 1',
    '}',
    // npm's layout: a `file:` dependency on a tarball the repository commits (`file:aitrail.tgz`), or on a folder
    // with a committed .npmrc saying `install-links=true` (also npm 11's `install-strategy=linked`, into
    // node_modules/.store), is unpacked or copied under node_modules, untracked, as a registry package is.
    // yarn 2+ (`nodeLinker: node-modules`, row 856): its record `<base>/node_modules/.yarn-state.yml` keys each
    // package's folders (`    - "node_modules/aitrail"`) by the locator it installed, which a committed yarn.lock's
    // `resolution:` chose, whatever package.json asks (`"aitrail@npm:9.9.9"` resolved to `"aitrail@https://<host>/…tgz"`).
    // The locator of the longest folder holding `$2`: `<name>@npm:<semver>` is a registry install (its registry judged
    // by aitrail_rg); a URL must be a registry's tarball of it (aitrail_rs); anything else (`patch:`, `file:`, `portal:`,
    // git, `::__archiveUrl=`, `virtual:`), no such folder, a backslash: the repository's, said as yarn.lock. No record: 1, no process.
    "aitrail_nz() {",
    "  aitrail_zf=${1:+$1/}node_modules/.yarn-state.yml",
    "  [ -f \"$aitrail_zf\" ] || return 1",
    "  aitrail_zk=$(awk -v p=\"$2\" '",
    "/\\\\/ { print \"x\"; bad = 1; exit }",
    "/^[^ #]/ { k = $0; next }",
    "/^    - \"/ { l = substr($0, 8); if (substr(l, length(l)) != \"\\\"\") next; l = substr(l, 1, length(l) - 1); if (l != \"\" && index(p, l \"/\") == 1 && length(l) > length(b)) { b = l; bk = k } }",
    "END { if (bad) exit; if (b == \"\") print \"x\"; else { n = b; sub(/.*node_modules\\//, \"\", n); print n; print bk } }",
    "' \"$aitrail_zf\" 2>/dev/null) || return 0",
    "  aitrail_zn=${aitrail_zk%%\"",
    "\"*}",
    "  aitrail_zk=${aitrail_zk#*\"",
    "\"}",
    "  aitrail_zk=${aitrail_zk#\\\"}",
    "  aitrail_zk=${aitrail_zk%:}",
    "  aitrail_zk=${aitrail_zk%\\\"}",
    "  case $aitrail_zk in \"$aitrail_zn@\"*) aitrail_zk=${aitrail_zk#\"$aitrail_zn@\"} ;; *) aitrail_rr=yarn.lock; return 0 ;; esac",
    "  case $aitrail_zk in",
    "    npm:[0-9]*.[0-9]*.[0-9]*) case ${aitrail_zk#npm:} in *[!0-9A-Za-z.+-]*) ;; *) return 1 ;; esac ;;",
    "    https://*|http://*) aitrail_rs \"$aitrail_zk\" \"$aitrail_zn\" && return 1 ;;",
    "  esac",
    "  aitrail_rr=yarn.lock",
    "  return 0",
    "}",
    // npm's own record of where it took each package, `<base>/node_modules/.package-lock.json` (npm 7+, written at
    // every install, indented and ended as the project's package.json: the unit read from its second line), is
    // read for the local ones (one grep: each `"resolved": "file:…"` or `"git+file:…"` line and the 4 before it,
    // where its entry's key is): an entry whose key is a folder holding `$2` (the path under `<base>`) and whose
    // source lands in the work tree (aitrail_pin, relative to `<base>`), or cannot be read (an escape, a
    // `git+file:` not absolute or holding `%`, a key not found), is the repository's. No record: not judged.
    // bun (row 873) writes no record under node_modules: its lock beside package.json (bun.lock, text; bun.lockb,
    // binary, not read: the repository's, said as bun.lockb, row 907) names where each package came from: `"<key>": ["<name>@<version>",
    // "<tarball URL or empty for the default registry>", …]`. Every entry of the package holding `$2` must be a
    // registry's: a version, then "" or a registry's tarball of it (aitrail_rs, as 833); a URL, git, `file:`,
    // `link:`, another name's (an alias: no entry of its own), none at all: the repository's, said as bun.lock.
    'aitrail_nb() {',
    // `$3` (row 893): an npm record is there too, which bun leaves as it was: bun.lock is judged only where it
    // has the package's entry (bun wrote one when it installed it); bun.lockb is not read then.
    '  [ -z "$3" ] && [ -f "${1:+$1/}bun.lockb" ] && { aitrail_rr=bun.lockb; return 0; }',
    '  [ -f "${1:+$1/}bun.lock" ] || return 1',
    '  aitrail_nh=${2%node_modules/*}',
    '  aitrail_nt=${2#"${aitrail_nh}node_modules/"}',
    '  case $aitrail_nt in @*/*) aitrail_nv=${aitrail_nt#*/}; aitrail_nt=${aitrail_nt%%/*}/${aitrail_nv%%/*} ;; *) aitrail_nt=${aitrail_nt%%/*} ;; esac',
    '  aitrail_rr=bun.lock',
    // bun reads bun.lock as JSONC (row 906): a comment or a string may hold a line in the judged form that bun never
    // installs, and the real entry may be written over lines. So a backslash (an escape), a `'` (bun's single-quoted
    // strings) or a `/*` anywhere, a `"<name>"` not followed by `: "`, `,`, `]` or `: ["<name>@` (a key whose
    // entry is elsewhere, or another name's), or a `"<name>@` not in the one judged form per line (after `[`, no
    // `//` before it): the repository's.
    '  aitrail_ng=$(grep -F -e "\\"$aitrail_nt@" -e "\\"$aitrail_nt\\"" -e "\\\\" -e "\'" -e "/*" -- "${1:+$1/}bun.lock" 2>/dev/null) || { [ -n "$3" ] && { aitrail_rr=; return 1; }; return 0; }',
    '  aitrail_po=$IFS',
    "  IFS='",
    "'",
    '  set -f',
    '  aitrail_nr=1',
    '  aitrail_nn=',
    '  for aitrail_l in $aitrail_ng; do',
    "    case $aitrail_l in *[\\\\\\']*|*'/*'*) aitrail_nr=0; break ;; esac",
    '    aitrail_nv=$aitrail_l',
    '    while :; do',
    '      case $aitrail_nv in *"\\"$aitrail_nt\\""*) aitrail_nv=${aitrail_nv#*"\\"$aitrail_nt\\""} ;; *) break ;; esac',
    '      case $aitrail_nv in \': "\'*|,*|]*|": [\\"$aitrail_nt@"*) ;; *) aitrail_nr=0; break 2 ;; esac',
    '    done',
    '    case $aitrail_l in *"\\"$aitrail_nt@"*) ;; *) continue ;; esac',
    '    aitrail_nv=${aitrail_l%%"\\"$aitrail_nt@"*}',
    '    case $aitrail_nv in *//*) aitrail_nr=0; break ;; *\\[) ;; *) aitrail_nr=0; break ;; esac',
    '    aitrail_l=${aitrail_l#*"[\\"$aitrail_nt@"}',
    '    case $aitrail_l in *"\\"$aitrail_nt@"*) aitrail_nr=0; break ;; esac',
    '    aitrail_nn=1',
    '    aitrail_nv=${aitrail_l%%\\"*}',
    "    case $aitrail_nv in [0-9]*) case $aitrail_nv in *[!0-9A-Za-z.+-]*) aitrail_nr=0; break ;; esac ;; *) aitrail_nr=0; break ;; esac",
    '    case $aitrail_l in "$aitrail_nv\\", \\""*) aitrail_l=${aitrail_l#"$aitrail_nv\\", \\""} ;; *) aitrail_nr=0; break ;; esac',
    '    aitrail_nv=${aitrail_l%%\\"*}',
    '    [ -z "$aitrail_nv" ] && continue',
    '    aitrail_rs "$aitrail_nv" "$aitrail_nt" || { aitrail_nr=0; break; }',
    '  done',
    '  IFS=$aitrail_po',
    '  set +f',
    '  [ "$aitrail_nr" = 0 ] && return 0',
    // Only keys, names in arrays or escapes and comments: no entry of the package (beside npm's record: not judged).
    '  [ -z "$aitrail_nn" ] && { [ -n "$3" ] && { aitrail_rr=; return 1; }; return 0; }',
    '  aitrail_rr=',
    '  aitrail_nw "$1"',
    '}',
    // bun takes its registry (and a proxy or TLS setting) from the project's bunfig.toml and from the `.env` files it
    // loads at install, and fetches a lock entry's `""` (the default registry) from there (row 891): a line of
    // bunfig.toml saying registry, proxy, tls, ssl, ca, cafile or holding a backslash (TOML's escaped keys), but
    // `registry = "https://registry.npmjs.org/"` as written, or such a line in a `.env`/`.env.*`: the repository's,
    // said as that file. One grep each, only where the file is.
    'aitrail_nw() {',
    '  if [ -f "${1:+$1/}bunfig.toml" ]; then',
    "    aitrail_ng=$(grep -a -i -E -e '[\\\\]|registry|proxy|tls|ssl|cafile|(^|[^a-z0-9-])ca([^a-z0-9-]|$)' -- \"${1:+$1/}bunfig.toml\" 2>/dev/null)",
    '    while IFS= read -r aitrail_l; do',
    "      while :; do case $aitrail_l in [[:space:]]*) aitrail_l=${aitrail_l#?} ;; *[[:space:]]) aitrail_l=${aitrail_l%?} ;; *) break ;; esac; done",
    "      case $aitrail_l in '') continue ;; 'registry = \"https://registry.npmjs.org/\"'|'registry = \"https://registry.npmjs.org\"'|'registry=\"https://registry.npmjs.org/\"'|'registry=\"https://registry.npmjs.org\"') continue ;; esac",
    '      aitrail_rr=bunfig.toml',
    '      return 0',
    '    done <<AITRAIL_NK',
    '$aitrail_ng',
    'AITRAIL_NK',
    '  fi',
    '  aitrail_nq=$-',
    '  set +f',
    '  set -- "${1:+$1/}.env" "${1:+$1/}".env.*',
    '  case $aitrail_nq in *f*) set -f ;; esac',
    '  for aitrail_ne; do shift; [ -f "$aitrail_ne" ] && set -- "$@" "$aitrail_ne"; done',
    '  [ "$#" -gt 0 ] || return 1',
    "  aitrail_ne=$(grep -a -i -l -E -e 'registry|proxy|tls|ssl|cafile|(^|[^a-z0-9-])ca([^a-z0-9-]|$)' -- \"$@\" 2>/dev/null) || return 1",
    '  aitrail_ne=${aitrail_ne%%"',
    '"*}',
    '  aitrail_rr=${aitrail_ne##*/}',
    '  return 0',
    '}',
    // A bun.lockb (binary, not read) beside npm's record (row 915): bun 1.3 keeps writing a committed bun.lockb, so
    // a bun install over npm's leaves no bun.lock for aitrail_nb to judge, and npm's record as npm wrote it. Whatever
    // bun put in the package's folder was linked or written after npm wrote its record: a file or folder of the
    // package whose status and content both changed after the record was written (find -cnewer -newer: bun makes each
    // folder and link anew, so their times are its install's even where it links files its cache holds from before)
    // is bun's, the repository's, said as bun.lockb; find failing too (busybox has no -cnewer). npm's own install (the
    // record written last) runs, and so does its tree restored by `cp -a` or a CI cache (row 945: times kept, change
    // times new) or `chmod`ed after it.
    // The first such path ends the walk (`-print -quit`): a package of a million files holds no million paths in a variable.
    'aitrail_na() {',
    '  aitrail_nh=${2%node_modules/*}',
    '  aitrail_nt=${2#"${aitrail_nh}node_modules/"}',
    '  case $aitrail_nt in @*/*) aitrail_nv=${aitrail_nt#*/}; aitrail_nt=${aitrail_nt%%/*}/${aitrail_nv%%/*} ;; *) aitrail_nt=${aitrail_nt%%/*} ;; esac',
    '  aitrail_ng=$(find "${1:+$1/}${aitrail_nh}node_modules/$aitrail_nt" "${1:+$1/}$2" -cnewer "$aitrail_nf" -newer "$aitrail_nf" -print -quit 2>/dev/null) || aitrail_ng=1',
    '  [ -n "$aitrail_ng" ] || return 1',
    '  aitrail_rr=bun.lockb',
    '  return 0',
    '}',
    'aitrail_np() {',
    // yarn 2+'s record first (aitrail_nz): a stat unless it is there.
    '  aitrail_nz "$1" "$2" && return 0',
    // yarn classic's record first (aitrail_ny): no process unless it is there.
    '  aitrail_ny "$1" "$2" && return 0',
    // A cache or mirror a committed .npmrc/.yarnrc puts in the work tree (aitrail_nc): where a record is.
    '  { [ -f "${1:+$1/}node_modules/.package-lock.json" ] || [ -f "${1:+$1/}node_modules/.yarn-integrity" ]; } && aitrail_nc "$1" && return 0',
    '  aitrail_nf=${1:+$1/}node_modules/.package-lock.json',
    // No npm record: bun's layout, judged by its bun.lock (aitrail_nb, row 873).
    '  [ -f "$aitrail_nf" ] || { aitrail_nb "$1" "$2"; return; }',
    // A bun.lock beside npm's record (row 893): `bun install` replaces the package and leaves npm's record as
    // npm wrote it, so the record says the registry while bun installed what bun.lock (or bunfig.toml) names.
    '  [ -f "${1:+$1/}bun.lock" ] && aitrail_nb "$1" "$2" stale && return 0',
    '  [ -f "${1:+$1/}bun.lockb" ] && aitrail_na "$1" "$2" && return 0',
    '  { IFS= read -r aitrail_l && IFS= read -r aitrail_l; } 2>/dev/null <"$aitrail_nf" || return 0',
    "  aitrail_nu=${aitrail_l%%[!\t ]*}",
    '  case $aitrail_nu in "") return 0 ;; esac',
    // One grep for both views of npm's record (it costs a process, ~1.5 ms, on each hook of an AI commit): every
    // line of a file: entry or of the package's key, numbered, with 4 lines each side; the two outputs the loops
    // below read (grep -E -B 4 of the file: lines, grep -F -A 4 of the key) rebuilt from the numbers, `--` where
    // grep puts it. As text (-a, bytes): a record that is no text is read, not skipped as binary. Row 1108.
    '  aitrail_nh=${2%node_modules/*}',
    '  aitrail_nt=${2#"${aitrail_nh}node_modules/"}',
    '  case $aitrail_nt in @*/*) aitrail_nv=${aitrail_nt#*/}; aitrail_nt=${aitrail_nt%%/*}/${aitrail_nv%%/*} ;; *) aitrail_nt=${aitrail_nt%%/*} ;; esac',
    '  aitrail_n6="$aitrail_nu$aitrail_nu\\"${aitrail_nh}node_modules/$aitrail_nt\\": {"',
    '  case $aitrail_n6 in *\'',
    '\'*) return 0 ;; esac',
    '  aitrail_nx=$(LC_ALL=C grep -a -n -F -B 4 -A 4 -e "$aitrail_nu$aitrail_nu$aitrail_nu\\"resolved\\": \\"file:" -e "$aitrail_nu$aitrail_nu$aitrail_nu\\"resolved\\": \\"git+file:" -e "$aitrail_n6" -- "$aitrail_nf" 2>/dev/null) || aitrail_nx=',
    '  aitrail_n1=',
    '  aitrail_n2=',
    '  aitrail_ng=',
    '  aitrail_nj=',
    // Past 16 KiB of matched lines, the two greps as before (row 1115): the rebuild below appends line by line, and
    // each append copies the whole string (dash, posh), so a record of 20,000 `file:` entries took minutes of CPU.
    '  [ "${#aitrail_nx}" -le 16384 ] || {',
    '    aitrail_ng=$(LC_ALL=C grep -a -E -B 4 -e "^$aitrail_nu$aitrail_nu$aitrail_nu\\"resolved\\": \\"(file|git\\\\+file):" -- "$aitrail_nf" 2>/dev/null) || aitrail_ng=',
    '    aitrail_nj=$(LC_ALL=C grep -a -F -A 4 -e "$aitrail_n6" -- "$aitrail_nf" 2>/dev/null) || aitrail_nj=',
    '    aitrail_nx=',
    '  }',
    '  aitrail_po=$IFS',
    '  IFS=\'',
    '\'',
    '  set -f',
    '  for aitrail_l in $aitrail_nx; do',
    '    aitrail_n3=${aitrail_l%%[!0-9]*}',
    '    case ${aitrail_l#"$aitrail_n3"} in :*) ;; *) continue ;; esac',
    '    aitrail_ns=${aitrail_l#"$aitrail_n3":}',
    '    case $aitrail_ns in "$aitrail_nu$aitrail_nu$aitrail_nu\\"resolved\\": \\"file:"*|"$aitrail_nu$aitrail_nu$aitrail_nu\\"resolved\\": \\"git+file:"*) aitrail_n1="$aitrail_n1 $aitrail_n3" ;; esac',
    '    case $aitrail_ns in *"$aitrail_n6"*) aitrail_n2="$aitrail_n2 $aitrail_n3" ;; esac',
    '  done',
    '  aitrail_n4=',
    '  aitrail_n5=',
    '  for aitrail_l in $aitrail_nx; do',
    '    aitrail_n3=${aitrail_l%%[!0-9]*}',
    '    [ -n "$aitrail_n3" ] || continue',
    '    aitrail_ns=${aitrail_l#"$aitrail_n3"?}',
    // Both lists ascend as the lines do: a number behind the line read is dropped, each list read once.
    '    while aitrail_n7=${aitrail_n1# }; aitrail_n7=${aitrail_n7%% *}; [ -n "$aitrail_n7" ] && [ "$aitrail_n7" -lt "$aitrail_n3" ]; do aitrail_n1=${aitrail_n1# "$aitrail_n7"}; done',
    '    if [ -n "$aitrail_n7" ] && [ "$aitrail_n7" -le $((aitrail_n3 + 4)) ]; then',
    '      [ -z "$aitrail_n4" ] || [ "$aitrail_n4" = $((aitrail_n3 - 1)) ] || aitrail_ng="$aitrail_ng',
    '--"',
    '      aitrail_ng="${aitrail_n4:+$aitrail_ng',
    '}$aitrail_ns"',
    '      aitrail_n4=$aitrail_n3',
    '    fi',
    '    while aitrail_n7=${aitrail_n2# }; aitrail_n7=${aitrail_n7%% *}; [ -n "$aitrail_n7" ] && [ $((aitrail_n7 + 4)) -lt "$aitrail_n3" ]; do aitrail_n2=${aitrail_n2# "$aitrail_n7"}; done',
    '    if [ -n "$aitrail_n7" ] && [ "$aitrail_n7" -le "$aitrail_n3" ]; then',
    '      [ -z "$aitrail_n5" ] || [ "$aitrail_n5" = $((aitrail_n3 - 1)) ] || aitrail_nj="$aitrail_nj',
    '--"',
    '      aitrail_nj="${aitrail_n5:+$aitrail_nj',
    '}$aitrail_ns"',
    '      aitrail_n5=$aitrail_n3',
    '    fi',
    '  done',
    '  IFS=$aitrail_po',
    '  set +f',
    '  aitrail_nk=',
    '  aitrail_nr=1',
    '  aitrail_po=$IFS',
    "  IFS='",
    "'",
    '  set -f',
    '  for aitrail_l in $aitrail_ng; do',
    '    case $aitrail_l in',
    '      "$aitrail_nu$aitrail_nu$aitrail_nu\\"resolved\\": \\""*)',
    // A key not seen (more than 4 lines before): judged, as if on the path.
    '        if [ -n "$aitrail_nk" ]; then case $2 in "$aitrail_nk"/*) ;; *) continue ;; esac; fi',
    '        aitrail_l=${aitrail_l#"$aitrail_nu$aitrail_nu$aitrail_nu\\"resolved\\": \\""}',
    '        aitrail_l=${aitrail_l%\\"*}',
    "        case $aitrail_l in *[\\\\\\\"]*) aitrail_nr=0; break ;; file:*) aitrail_nv=${aitrail_l#file:} ;; git+file:///*) aitrail_nv=${aitrail_l#git+file://}; aitrail_nv=${aitrail_nv%%#*} ;; *) aitrail_nr=0; break ;; esac",
    "        case $aitrail_nv in *%*) aitrail_nr=0; break ;; esac",
    '        aitrail_pin "$1" "$aitrail_nv" && { aitrail_nr=0; break; } ;;',
    '      "$aitrail_nu$aitrail_nu\\""*\\"": {"*)',
    '        aitrail_nk=${aitrail_l#"$aitrail_nu$aitrail_nu\\""}',
    '        aitrail_nk=${aitrail_nk%\\"": {"*} ;;',
    '      --|"$aitrail_nu$aitrail_nu}"*) aitrail_nk= ;;',
    '    esac',
    '  done',
    '  IFS=$aitrail_po',
    '  set +f',
    '  [ "$aitrail_nr" = 0 ] && return 0',
    // The entry of the package holding `$2` (its folder after the last node_modules/, `@scope/name` whole; one grep -F):
    // npm writes where it took it third at most; none (a committed lock's `resolved` of a tarball in the work tree,
    // `"./aitrail-9.9.9.tgz"`, or a hash found in a cache, npm then writes none) or one that is no URL: the repository's.
    '  aitrail_ng=$aitrail_nj',
    '  aitrail_nr=1',
    '  aitrail_nk=',
    "  IFS='",
    "'",
    '  set -f',
    '  for aitrail_l in $aitrail_ng; do',
    '    case $aitrail_l in',
    '      "$aitrail_nu$aitrail_nu\\"${aitrail_nh}node_modules/$aitrail_nt\\": {"*) [ "$aitrail_nk" = 1 ] && { aitrail_nr=0; break; }; aitrail_nk=1 ;;',
    '      --|"$aitrail_nu$aitrail_nu}"*) [ "$aitrail_nk" = 1 ] && { aitrail_nr=0; break; }; aitrail_nk= ;;',
    // A `name` in the entry: an alias (`"aitrail": "npm:other@1"`), another package the repository named in aitrail's place (row 791).
    '      "$aitrail_nu$aitrail_nu$aitrail_nu\\"name\\": \\""*) [ -n "$aitrail_nk" ] && { aitrail_nr=0; aitrail_nk=3; break; } ;;',
    '      "$aitrail_nu$aitrail_nu$aitrail_nu\\"resolved\\": \\""*)',
    '        [ -n "$aitrail_nk" ] || continue',
    '        aitrail_l=${aitrail_l#"$aitrail_nu$aitrail_nu$aitrail_nu\\"resolved\\": \\""}',
    // A URL (row 833): a registry's tarball of this very package, from the public registry or one the person
    // names in their own files (aitrail_rs); any other host, a git source, is one a committed lock (or package.json) named.
    '        case $aitrail_l in file:*|git+file:*) aitrail_nk=2 ;; https://*|http://*|git+https://*|git+ssh://*|git+http://*|git://*) if aitrail_rs "${aitrail_l%%\\"*}" "$aitrail_nt"; then aitrail_nk=2; else aitrail_nr=0; aitrail_nk=3; aitrail_lr "$1"; break; fi ;; *) aitrail_nr=0; aitrail_nk=3; break ;; esac ;;',
    '    esac',
    '  done',
    '  [ "$aitrail_nk" = 1 ] && aitrail_nr=0',
    '  IFS=$aitrail_po',
    '  set +f',
    // No source at all: npm writes none for a registry package under `omit-lockfile-registry-resolved=true` (the
    // user's config or the environment) too; the committed lock then says the same (aitrail_nl).
    '  [ "$aitrail_nr" = 0 ] && [ "$aitrail_nk" = 1 ] && { aitrail_nl "$1" "${aitrail_nh}node_modules/$aitrail_nt" || aitrail_nr=1; }',
    '  return $aitrail_nr',
    '}',
    // yarn classic's layout: yarn 1 copies a `file:` folder (or unpacks a tarball) the repository commits into
    // node_modules as it unpacks a registry package, and a committed yarn.lock may resolve a registry range to a
    // local tarball (`resolved "file:aitrail.tgz#…"`, `"./x.tgz"`, an absolute path). yarn's own record of the install,
    // `<base>/node_modules/.yarn-integrity` (JSON, 2 spaces), lists each pattern (`"<name>@<range>"`, yarn writes a
    // `file:` path relative to the project, also a dependency's own) and, in lockfileEntries, where yarn took it
    // (`": "<resolved>"`, "" for a folder). Every line for the package's name (its folder after the last
    // node_modules/ of `$2`; one grep) is judged: a local range or source landing in the work tree (aitrail_pin,
    // relative to `<base>`), a line with an escape, or a registry-looking range resolved from a folder (""), is the
    // repository's. No record, or no line for the name: not judged here.
    'aitrail_ny() {',
    '  aitrail_yf=${1:+$1/}node_modules/.yarn-integrity',
    '  [ -f "$aitrail_yf" ] || return 1',
    '  aitrail_yn=${2##*node_modules/}',
    '  case $aitrail_yn in @*/*) aitrail_yv=${aitrail_yn#*/}; aitrail_yn=${aitrail_yn%%/*}/${aitrail_yv%%/*} ;; *) aitrail_yn=${aitrail_yn%%/*} ;; esac',
    "  case $aitrail_yn in ''|*[\\\\\\\"]*) return 0 ;; esac",
    '  aitrail_yg=$(grep -F -e "    \\"$aitrail_yn@" -- "$aitrail_yf" 2>/dev/null) || return 1',
    '  aitrail_yr=1',
    '  aitrail_po=$IFS',
    "  IFS='",
    "'",
    '  set -f',
    '  for aitrail_l in $aitrail_yg; do',
    '    case $aitrail_l in "    \\"$aitrail_yn@"*) ;; *) continue ;; esac',
    '    case $aitrail_l in *\\\\*) aitrail_yr=0; break ;; esac',
    '    aitrail_l=${aitrail_l#"    \\"$aitrail_yn@"}',
    '    aitrail_yj "$1" "${aitrail_l%%\\"*}" 1',
    '    aitrail_yc=$?',
    '    [ "$aitrail_yc" = 0 ] && { aitrail_yr=0; break; }',
    '    aitrail_l=${aitrail_l#*\\"}',
    // A URL a committed yarn.lock named (row 835): a registry's tarball of this package (yarn's `#<sha1>` aside), the
    // public registry's or one the person names (aitrail_rs); any other server, a git source: the repository's.
    "    case $aitrail_l in ': \"\"'*) [ \"$aitrail_yc\" = 2 ] && { aitrail_yr=0; break; } ;; ': \"'*) aitrail_l=${aitrail_l#': \"'}; aitrail_l=${aitrail_l%\\\"*}",
    "      case $aitrail_l in",
    "        https://*|http://*|git+https://*|git+http://*|git+ssh://*|git://*|ssh://*|npm:*|github:*|gitlab:*|bitbucket:*|gist:*) aitrail_rs \"${aitrail_l%%#*}\" \"$aitrail_yn\" || { aitrail_yr=0; aitrail_rr=yarn.lock; break; } ;;",
    "        *) aitrail_yj \"$1\" \"$aitrail_l\" 0 && { aitrail_yr=0; break; } ;;",
    "      esac ;;",
    "    esac",
    '  done',
    '  IFS=$aitrail_po',
    '  set +f',
    '  return $aitrail_yr',
    '}',
    // A yarn pattern's range ($3 = 1) or resolved source ($3 = 0): 0 a path in the work tree (or unreadable), 1 not,
    // 2 a range that is no path (a version, a tag, a GitHub shorthand). A source that is no URL is a path.
    'aitrail_yj() {',
    '  case $2 in',
    '    https://*|http://*|git+https://*|git+http://*|git+ssh://*|git://*|ssh://*|npm:*|github:*|gitlab:*|bitbucket:*|gist:*) return 1 ;;',
    '    file:*|link:*) aitrail_yp=${2#*:} ;;',
    '    git+file://*) aitrail_yp=${2#git+file://} ;;',
    "    '~/'*) aitrail_yp=$HOME/${2#??} ;;",
    '    /*|./*|../*|.|..) aitrail_yp=$2 ;;',
    '    *) [ "$3" = 1 ] && return 2; aitrail_yp=$2 ;;',
    '  esac',
    '  aitrail_yp=${aitrail_yp%%#*}',
    '  case $aitrail_yp in *%*) return 0 ;; esac',
    '  aitrail_pin "$1" "$aitrail_yp"',
    '}',
    // A package manager's cache or offline mirror in the work tree (a committed `.npmrc` saying `cache=./vendor/cache`,
    // a `.yarnrc` saying `yarn-offline-mirror "./mirror"` or `cache-folder`): npm or yarn takes a package whose lock
    // says `https://registry…` (and the committed tarball's hash) from there, and its record says registry. Any such
    // setting in `<base>`'s or the top's `.npmrc`/`.yarnrc` (yarn reads the parents' too) counts as the repository's.
    // Read by the shell (no process); more than 2000 lines: the repository's.
    // Whether the lock npm installed from (`<base>`'s npm-shrinkwrap.json, else package-lock.json) makes the entry `$2`
    // (a key of `packages`) the repository's when npm's record names no source: read by one awk as JSON tokens (strings
    // and brackets, by depth): every entry so keyed in the top-level `packages` (npm reads no other: a key so named in
    // another object, where lockfileVersion 1's `dependencies` name the source, is no entry) must name a plain semver
    // `version` and no `resolved` (npm then fetched `<name>@<version>` from the registry:
    // `omit-lockfile-registry-resolved=true`); a `resolved` (row 715's `"./aitrail-9.9.9.tgz"`), another version
    // (`file:…`), no such entry, no lock, a backslash (an escape JSON decodes), a line over 4096 bytes, or awk failing:
    // the repository's (0). `npm install` under that setting rewrites the work tree's lock as it writes its record,
    // dropping a committed tarball's `resolved`: the same awk reads HEAD's locks too (one git cat-file). A `resolved`
    // URL in either (`npm ci` keeps the lock's) is listed after `ok` and must be a registry's tarball of this package,
    // the public registry's or one the person names (aitrail_rs, row 833); no other source.
    "aitrail_nl() {",
    "  aitrail_lf=${1:+$1/}npm-shrinkwrap.json",
    "  [ -f \"$aitrail_lf\" ] || aitrail_lf=${1:+$1/}package-lock.json",
    "  [ -f \"$aitrail_lf\" ] || return 0",
    "  aitrail_la=$(printf '%s\\n' \"HEAD:${1:+$1/}npm-shrinkwrap.json\" \"HEAD:${1:+$1/}package-lock.json\" | git -c core.fsmonitor=false cat-file --batch 2>/dev/null | awk -v k=\"$2\" '",
    "function reset() { if (ent) bad = 1; d = 0; ent = 0; pend = 0; vk = 0; rk = 0; pk = 0; tk = \"\" }",
    "FNR == 1 { reset(); hd = (FILENAME == \"-\") }",
    "index($0, \"\\\\\") || length($0) > 4096 { bad = 1; exit }",
    "hd && /^[0-9a-f]+ blob [0-9]+$/ { reset(); next }",
    "{",
    "  line = $0",
    "  while ((p = match(line, /[][{}\"]/)) > 0) {",
    "    c = substr(line, p, 1); line = substr(line, p + 1)",
    "    if (c == \"\\\"\") {",
    "      e = index(line, \"\\\"\"); if (e == 0) { bad = 1; exit }",
    "      s = substr(line, 1, e - 1); line = substr(line, e + 1)",
    "      if (vk) { vk = 0; if (s !~ /^[0-9]+\\.[0-9]+\\.[0-9]+([-+][0-9A-Za-z.+-]*)?$/) bad = 1; else ver = 1; continue }",
    "      if (rk) { rk = 0; if (s !~ /^(https?|git\\+https?|git\\+ssh|git):\\/\\//) bad = 1; else us = us s \"\\n\"; continue }",
    "      if (ent && d == ed && s == \"resolved\") rk = 1",
    "      if (ent && d == ed && s == \"version\") vk = 1",
    "      if (d == 1) tk = s",
    "      pend = (d == 2 && pk && s == k)",
    "      continue",
    "    }",
    "    if (vk || rk) { bad = 1; vk = 0; rk = 0 }",
    "    if (c == \"{\" || c == \"[\") { d++; if (d == 2) pk = (c == \"{\" && tk == \"packages\"); if (c == \"{\" && pend) { ent = 1; ed = d; ver = 0; if (!hd) found = 1 } }",
    "    else { if (ent && d == ed) { ent = 0; if (!ver) bad = 1 } d-- }",
    "    pend = 0",
    "  }",
    "}",
    "END { reset(); if (bad || !found) print \"x\"; else printf \"ok\\n%s\", us }",
    "' \"$aitrail_lf\" - 2>/dev/null) || return 0",
    "  case $aitrail_la in ok|ok\"\n\"*) ;; *) return 0 ;; esac",
    // Each `resolved` either lock names (row 833): a registry's tarball of this very package, from the public
    // registry or one the person names (aitrail_rs); any other host, a git source: the repository's, said as the lock's.
    "  while IFS= read -r aitrail_lu; do",
    "    case $aitrail_lu in ok|'') continue ;; esac",
    "    aitrail_rs \"$aitrail_lu\" \"${2##*node_modules/}\" || { aitrail_lr \"$1\"; return 0; }",
    "  done <<AITRAIL_LA",
    "$aitrail_la",
    "AITRAIL_LA",
    "  return 1",
    "}",
    // The lock a package's source was read from, for the hooks' message (its base name): `$1`'s npm-shrinkwrap.json, else package-lock.json.
    "aitrail_lr() {",
    "  if [ -f \"${1:+$1/}npm-shrinkwrap.json\" ]; then aitrail_rr=npm-shrinkwrap.json; else aitrail_rr=package-lock.json; fi",
    "}",
    // Whether `$1`, a `resolved` URL, is a registry's tarball of the package `$2` (`<registry>/<name>/-/<base>-….tgz`, no
    // `/`, `..`, `%`, `?`, `#` after it) from the public registry or a registry the person names in their own files
    // (aitrail_hg, as aitrail_rt): 0 = the person's. No process for the public registry; one grep otherwise.
    "aitrail_rs() {",
    "  aitrail_sv=$1",
    "  aitrail_rp https://registry.npmjs.org \"$2\" && return 0",
    "  aitrail_rp https://registry.yarnpkg.com \"$2\" && return 0",
    "  aitrail_hg \"\" || return 1",
    "  while IFS= read -r aitrail_hr; do",
    "    aitrail_rv \"$aitrail_hr\"",
    "    [ -n \"$aitrail_gv\" ] && aitrail_rp \"$aitrail_gv\" \"$2\" && return 0",
    "  done <<AITRAIL_HL",
    "$aitrail_hl",
    "AITRAIL_HL",
    "  return 1",
    "}",
    "aitrail_rp() {",
    "  case $aitrail_sv in \"$1/$2/-/\"*) ;; *) return 1 ;; esac",
    "  aitrail_sw=${aitrail_sv#\"$1/$2/-/\"}",
    "  case $aitrail_sw in */*|*..*|*[!A-Za-z0-9._+-]*) return 1 ;; \"${2##*/}-\"*.tgz) return 0 ;; esac",
    "  return 1",
    "}",
    // Whether a relative cache value (`$1`) counts as the repository's: anything but plain components (letters,
    // digits, `.`, `_`, `-`; no `.`/`..` component) counts; else one git ls-files for what git tracks at any depth
    // under a folder so named (`**/<value>/**`), or at the value or a folder on its way (a link, a submodule) (without
    // case: on a case-insensitive file system `cache=.NPM` is the committed `.npm`; in checked-out submodules too: npm
    // run in `lib/` reads `lib/.npm`, which the submodule's own repository may commit). Its variables are its own: the
    // node walk below reaches it and keeps IFS in aitrail_co (aitrail_cmp cmp's path in aitrail_cp); sharing them left IFS
    // as git's output after the walk (row 778).
    'aitrail_cu() {',
    '  aitrail_cw=$1',
    '  while :; do case $aitrail_cw in ./*) aitrail_cw=${aitrail_cw#./} ;; *) break ;; esac; done',
    '  aitrail_cw=${aitrail_cw%/}',
    "  case $aitrail_cw in ''|*[!ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._/-]*|.|..|./*|../*|*/.|*/..|*/./*|*/../*|*//*) return 0 ;; esac",
    // One answer per value and hook run: the candidate walk asks again for the same base (the link, its target).
    '  case ${aitrail_cz-} in "$aitrail_cw:0") return 0 ;; "$aitrail_cw:1") return 1 ;; esac',
    '  set -- ":(glob,icase)**/$aitrail_cw/**"',
    '  aitrail_cx=$aitrail_cw',
    '  while :; do set -- "$@" ":(glob,icase)**/$aitrail_cx"; case $aitrail_cx in */*) aitrail_cx=${aitrail_cx%/*} ;; *) break ;; esac; done',
    '  aitrail_ct=$(GIT_LITERAL_PATHSPECS=0 GIT_NOGLOB_PATHSPECS=0 GIT_ICASE_PATHSPECS=0 git ls-files --recurse-submodules -- "$@" </dev/null 2>/dev/null) || return 0',
    '  if [ -n "$aitrail_ct" ]; then aitrail_cz=$aitrail_cw:0; return 0; fi',
    '  aitrail_cz=$aitrail_cw:1',
    '  return 1',
    '}',
    'aitrail_nc() {',
    '  for aitrail_cf in "${1:+$1/}.npmrc" "${1:+$1/}.yarnrc" .npmrc .yarnrc; do',
    '    [ -f "$aitrail_cf" ] || continue',
    '    aitrail_cn=0',
    '    while IFS= read -r aitrail_l || [ -n "$aitrail_l" ]; do',
    '      aitrail_cn=$((aitrail_cn + 1))',
    '      [ "$aitrail_cn" -gt 2000 ] && return 0',
    '      aitrail_l=${aitrail_l#"${aitrail_l%%[![:space:]]*}"}',
    '      aitrail_l=${aitrail_l#\\"}',
    '      aitrail_l=${aitrail_l#--}',
    '      case ${aitrail_l%%.*} in "$aitrail_l"|*[!a-z]*) ;; *) aitrail_l=${aitrail_l#*.} ;; esac',
    '      case $aitrail_l in cache|cache[=\\"[:space:]]*|cache-folder|cache-folder[=\\"[:space:]]*|yarn-offline-mirror|yarn-offline-mirror[=\\"[:space:]]*) ;; *) continue ;; esac',
    // Its value: an absolute path (or `~/…`, the home folder's) outside the work tree holds nothing the repository
    // commits (the user's own cache, limit of 714): not counted; anything else (relative, in the work tree, an
    // expansion, a quote or escape left, none) counts.
    '      aitrail_cv=${aitrail_l#yarn-offline-mirror}',
    '      aitrail_cv=${aitrail_cv#cache-folder}',
    '      [ "$aitrail_cv" = "$aitrail_l" ] && aitrail_cv=${aitrail_l#cache}',
    '      aitrail_cv=${aitrail_cv#\\"}',
    '      aitrail_cv=${aitrail_cv#"${aitrail_cv%%[!=[:space:]]*}"}',
    '      aitrail_cv=${aitrail_cv%"${aitrail_cv##*[![:space:]]}"}',
    '      case $aitrail_cv in \\"*\\") aitrail_cv=${aitrail_cv#\\"}; aitrail_cv=${aitrail_cv%\\"} ;; esac',
    "      case $aitrail_cv in '~/'*) [ -n \"${HOME-}\" ] || return 0; aitrail_cv=$HOME/${aitrail_cv#??} ;; esac",
    // A plain relative value (`cache=.npm`): the person's own cache in the work tree, untracked (gitignored), holds
    // what npm or yarn fetched, as the user's cache does; one git tracks anything in (or a link or submodule at, at
    // any depth: npm reads it from where it runs) is the repository's (aitrail_cu).
    "      case $aitrail_cv in /*) ;; *) aitrail_cu \"$aitrail_cv\" && return 0; continue ;; esac",
    "      case $aitrail_cv in *[\\\\\\\"\\'\\$\\`]*) return 0 ;; esac",
    '      aitrail_pin \'\' "$aitrail_cv" && return 0',
    '    done <"$aitrail_cf"',
    '  done',
    '  return 1',
    '}',
    // A real path outside the work tree (aitrail_x) reached through `$1` (a path in it, as written): pnpm's
    // `virtual-store-dir` in a committed .npmrc may put its store there (`../vs`, an absolute path): pnpm hard-links
    // the committed `file:vendor/aitrail` into `<store>/aitrail@file+vendor+aitrail/…`, a copy outside the work
    // tree. pnpm's `<base>/node_modules/.modules.yaml` (base: what comes before the first node_modules/ of `$1`)
    // names the store (`virtualStoreDir`, relative to that node_modules; one grep, only where the file is): a real
    // path under it is judged by the store's lock.yaml as the default store's (aitrail_pn). No such file, or a
    // real path not under the store (a global install): not the repository's, as before.
    // bun's `--backend=symlink` (row 965): bun makes the package's folders and links each file into its cache, outside the
    // work tree, so the real path of node_modules/.bin/aitrail said nothing of bun.lockb or bun.lock (row 915's and
    // 873's judges never ran) and the server's tarball ran. Where a bun lock is beside package.json, `.bin/<name>`'s one
    // link into a package of the top's node_modules (not itself a link: `npm link`'s) whose file is a link out is judged
    // as that file's path in the tree (aitrail_iw: npm's record, bun.lock or bun.lockb). 0 = the repository's.
    'aitrail_bo() {',
    '  { [ -f bun.lock ] || [ -f bun.lockb ]; } || return 1',
    '  case $1 in node_modules/.bin/*) ;; *) return 1 ;; esac',
    '  aitrail_bl=$(readlink -- "$1" && echo .) || return 1',
    '  aitrail_bl=${aitrail_bl%.}',
    '  aitrail_bl=${aitrail_bl%?}',
    '  case $aitrail_bl in ../.*|*/../*|*/./*|*//*) return 1 ;; ../?*/?*) aitrail_bl=node_modules/${aitrail_bl#../} ;; *) return 1 ;; esac',
    '  aitrail_bt=${aitrail_bl#node_modules/}',
    '  case $aitrail_bt in @*/*/*) aitrail_bv=${aitrail_bt#*/}; aitrail_bt=${aitrail_bt%%/*}/${aitrail_bv%%/*} ;; @*) return 1 ;; *) aitrail_bt=${aitrail_bt%%/*} ;; esac',
    '  [ -L "$aitrail_bl" ] && [ ! -L "node_modules/$aitrail_bt" ] || return 1',
    '  aitrail_x=$aitrail_bl',
    '  aitrail_iw',
    '}',
    'aitrail_vo() {',
    '  case $1 in node_modules/*) aitrail_vb= ;; */node_modules/*) aitrail_vb=${1%%/node_modules/*} ;; *) return 1 ;; esac',
    '  [ -f "${aitrail_vb:+$aitrail_vb/}node_modules/.modules.yaml" ] || return 1',
    '  aitrail_vd=$(grep -E -e \'^(virtualStoreDir: |  "virtualStoreDir": )\' -- "${aitrail_vb:+$aitrail_vb/}node_modules/.modules.yaml" 2>/dev/null) || return 1',
    '  case $aitrail_vd in "virtualStoreDir: "*) aitrail_vd=${aitrail_vd#virtualStoreDir: } ;; *) aitrail_vd=${aitrail_vd#*: \\"}; aitrail_vd=${aitrail_vd%,}; aitrail_vd=${aitrail_vd%\\"} ;; esac',
    // Two lines, a quoted or escaped value: it cannot be read, the repository's.
    "  case $aitrail_vd in ''|*[\\\\\\\"\\']*|*'",
    "'*) return 0 ;; esac",
    '  aitrail_at "$aitrail_tp${aitrail_vb:+/$aitrail_vb}/node_modules" "$aitrail_vd" || return 0',
    '  aitrail_v=${aitrail_x%/*}',
    '  while [ -n "$aitrail_v" ] && [ ! "$aitrail_v" -ef "$aitrail_q" ]; do aitrail_v=${aitrail_v%/*}; done',
    '  [ -n "$aitrail_v" ] || return 1',
    '  aitrail_py=$aitrail_v/lock.yaml',
    '  aitrail_pn "$aitrail_vb" ".pnpm/${aitrail_x#"$aitrail_v"/}"',
    '  aitrail_vr=$?',
    '  aitrail_py=',
    '  return $aitrail_vr',
    '}',
    // A package under `<base>/node_modules` (`$2`: the path under it). pnpm hard-links or unpacks a `file:`
    // dependency on a folder or tarball the repository commits into its virtual store
    // (`.pnpm/aitrail@file+vendor+aitrail/…`), or, with `node-linker=hoisted` (a committed .npmrc), into
    // node_modules/aitrail itself. The store folder's name cannot be trusted: `+` stands for `/` or a name's
    // own `+` (and `:`, `*`, …), an upper-case path is hashed, and a committed pnpm-lock.yaml names a package
    // `aitrail@file:../elsewhere` whose `resolution: {directory: vendor/aitrail}` pnpm installs. pnpm\'s own
    // record, `<base>/node_modules/.pnpm/lock.yaml` (one grep, only where it exists: its package keys and
    // resolutions), says where it took each package from: every entry of the package names on the path (the
    // store folder\'s, else each one after a node_modules/) whose resolution is a local folder or tarball is
    // judged (aitrail_pin); one in the work tree, one that cannot be read, or (a `file+` store folder) none at
    // all, counts as the repository\'s. No lock (npm\'s layout): not the repository\'s, as before.
    'aitrail_pn() {',
    '  aitrail_pp=${aitrail_py:-${1:+$1/}node_modules/.pnpm/lock.yaml}',
    "  aitrail_pw=' '",
    '  aitrail_pz=',
    '  aitrail_px=',
    '  case $2 in',
    '    .pnpm/*/*)',
    '      aitrail_pf=${2#.pnpm/}',
    '      aitrail_pf=${aitrail_pf%%/*}',
    '      case $aitrail_pf in *file+*) aitrail_pz=1 ;; esac',
    '      case $aitrail_pf in file+*) aitrail_pw=\' file: \' ;; @*) aitrail_pm=${aitrail_pf#@}; aitrail_pw=" @${aitrail_pm%%@*}@ " ;; *) aitrail_pw=" ${aitrail_pf%%@*}@ " ;; esac ;;',
    '    *)',
    '      aitrail_pf=$2',
    '      while :; do',
    '        case $aitrail_pf in @*/*) aitrail_pm=${aitrail_pf#*/}; aitrail_pw="$aitrail_pw${aitrail_pf%%/*}+${aitrail_pm%%/*}@ " ;; *) aitrail_pw="$aitrail_pw${aitrail_pf%%/*}@ " ;; esac',
    '        case $aitrail_pf in */node_modules/*) aitrail_pf=${aitrail_pf#*/node_modules/} ;; *) break ;; esac',
    '      done',
    // `node-linker=hoisted`: the folder is named by the dependency's alias (`"aitrail": "file:vendor/x"` of a
    // package named x is the lock's `x@file:vendor/x`; pnpm 8 keys it `file:vendor/x`), so the folder's name
    // says nothing: pnpm's node_modules/.modules.yaml (`hoistedLocations`: each lock key, then the folders it
    // went to) names the very keys judged. None listed: the names on the path, as before.
    '      if [ -f "${1:+$1/}node_modules/.pnpm/lock.yaml" ] && [ -f "${1:+$1/}node_modules/.modules.yaml" ]; then',
    '        aitrail_pg=$(grep -E -e \'^(  [^ ]|    - |    "|      ")\' -- "${1:+$1/}node_modules/.modules.yaml" 2>/dev/null)',
    '        aitrail_ph=',
    '        aitrail_po=$IFS',
    "        IFS='",
    "'",
    '        set -f',
    '        for aitrail_pl in $aitrail_pg; do',
    '          case $aitrail_pl in',
    // pnpm 10 writes the file as JSON: `    "<key>": [`, then `      "<folder>",`.
    "            '    \"'*'\": [')",
    '              aitrail_ph=${aitrail_pl#    \\"}',
    '              aitrail_ph=${aitrail_ph%\\": [} ;;',
    "            '    - '*|'      \"'*)",
    '              aitrail_pl=${aitrail_pl#    - }',
    '              aitrail_pl=${aitrail_pl#      }',
    '              aitrail_pl=${aitrail_pl%,}',
    '              case $aitrail_pl in [\\\'\\"]*) aitrail_pl=${aitrail_pl#?}; aitrail_pl=${aitrail_pl%?} ;; esac',
    // The keys kept one a line ($IFS is the newline here).
    '              [ -n "$aitrail_ph" ] && case node_modules/$2 in "$aitrail_pl"/*) aitrail_px=$aitrail_px$IFS$aitrail_ph$IFS ;; esac ;;',
    '            \'    "\'*) aitrail_ph= ;;',
    '            *)',
    '              aitrail_ph=${aitrail_pl#  }',
    '              aitrail_ph=${aitrail_ph%:}',
    '              case $aitrail_ph in [\\\'\\"]*) aitrail_ph=${aitrail_ph#?}; aitrail_ph=${aitrail_ph%?} ;; esac ;;',
    '          esac',
    '        done',
    '        IFS=$aitrail_po',
    '        set +f',
    '      fi ;;',
    '  esac',
    // No pnpm lock: npm's layout, judged by npm's own record (aitrail_np): packageDir's, else the top's (workspaces).
    '  if [ ! -f "$aitrail_pp" ]; then',
    '    [ -n "$aitrail_pz" ] && return 0',
    '    [ -n "$aitrail_py" ] && return 1',
    '    if [ -z "$1" ] || [ -f "$1/node_modules/.package-lock.json" ] || [ -f "$1/node_modules/.yarn-integrity" ]; then aitrail_np "$1" "node_modules/$2"; else aitrail_np "" "$1/node_modules/$2"; fi',
    '    return',
    '  fi',
    // The top-level lines too: `patchedDependencies:` opens the patches the repository commits (row 872).
    '  aitrail_pg=$(grep -E -e \'^([A-Za-z]|  [^ ]|    resolution: )\' -- "$aitrail_pp" 2>/dev/null)',
    '  aitrail_pd=',
    '  aitrail_pr=1',
    '  aitrail_pa=1',
    '  aitrail_pq=',
    '  aitrail_pk=',
    '  aitrail_po=$IFS',
    "  IFS='",
    "'",
    '  set -f',
    '  for aitrail_pl in $aitrail_pg; do',
    '    case $aitrail_pl in',
    "      patchedDependencies:*) aitrail_pd=1 ;;",
    "      [A-Za-z]*) aitrail_pd= ;;",
    "      '    resolution: '*)",
    // Listed keys (hoisted): every entry's resolution is judged too (aitrail_pa), for keys the lock spells otherwise.
    '        [ -n "$aitrail_pk" ] || [ -n "$aitrail_px" ] || continue',
    '        aitrail_pl=${aitrail_pl#    resolution: }',
    "        case $aitrail_pl in '{'*'}') aitrail_pl=${aitrail_pl#?}; aitrail_pl=${aitrail_pl%?} ;; *) aitrail_pa=0; [ -n \"$aitrail_pk\" ] && aitrail_pr=0; continue ;; esac",
    '        while [ -n "$aitrail_pl" ]; do',
    '          aitrail_pm=${aitrail_pl%%, *}',
    "          case $aitrail_pl in *', '*) aitrail_pl=${aitrail_pl#*, } ;; *) aitrail_pl= ;; esac",
    // A tarball URL a committed pnpm-lock.yaml named for the package (row 836): a registry's tarball of it, the
    // public registry's or one the person names (aitrail_rs); any other server: the repository's. A git source
    // (`{commit: …, repo: …, type: git}`, row 871) or any other `type:` but a folder: the repository's too
    // (a registry's resolution is its `integrity:` alone, or 836's tarball).
    "          case $aitrail_pm in 'directory: '*) aitrail_pm=${aitrail_pm#directory: } ;; 'tarball: file:'*) aitrail_pm=${aitrail_pm#tarball: file:} ;; 'tarball: '*) [ -n \"$aitrail_pk\" ] && ! aitrail_rs \"${aitrail_pm#tarball: }\" \"$aitrail_pj\" && { aitrail_pr=0; aitrail_pa=0; aitrail_rr=pnpm-lock.yaml; }; continue ;; 'type: directory') continue ;; 'type: '*|'repo: '*|'commit: '*) [ -n \"$aitrail_pk\" ] && { aitrail_pr=0; aitrail_pa=0; aitrail_rr=pnpm-lock.yaml; }; continue ;; *) continue ;; esac",
    '          aitrail_pz=',
    '          aitrail_pin "$1" "$aitrail_pm" && { aitrail_pa=0; [ -n "$aitrail_pk" ] && aitrail_pr=0; }',
    '        done ;;',
    '      *)',
    // A patch pnpm applies to the package (`aitrail@1.0.0`, `aitrail`; its key's name as the path's names are
    // spelled): the code that runs is the repository's, whatever registry served the rest (row 872).
    '        if [ -n "$aitrail_pd" ]; then',
    '          aitrail_pm=${aitrail_pl#  }',
    "          aitrail_pm=${aitrail_pm%%: *}",
    '          aitrail_pm=${aitrail_pm%:}',
    '          case $aitrail_pm in [\\\'\\"]*) aitrail_pm=${aitrail_pm#?}; aitrail_pm=${aitrail_pm%?} ;; esac',
    '          case $aitrail_pm in @*) aitrail_pm=${aitrail_pm#@}; aitrail_pm=@${aitrail_pm%%@*}@ ;; *) aitrail_pm=${aitrail_pm%%@*}@ ;; esac',
    '          case $aitrail_pm in */*) aitrail_pm=${aitrail_pm%%/*}+${aitrail_pm#*/} ;; esac',
    '          case $aitrail_pw in *" $aitrail_pm "*) aitrail_pr=0; aitrail_pa=0; aitrail_rr=pnpm-lock.yaml ;; esac',
    '          continue',
    '        fi',
    '        aitrail_pm=${aitrail_pl#  }',
    '        aitrail_pm=${aitrail_pm%:}',
    '        case $aitrail_pm in [\\\'\\"]*) aitrail_pm=${aitrail_pm#?}; aitrail_pm=${aitrail_pm%?} ;; esac',
    // The key's package name (`aitrail@9.9.9`, pnpm 6's `/aitrail@9.9.9`, `@s/n@1.0.0(peer@1)`), for aitrail_rs.
    '        aitrail_pj=${aitrail_pm#/}',
    '        case $aitrail_pj in @*) aitrail_pj=${aitrail_pj#@}; aitrail_pj=@${aitrail_pj%%@*} ;; *) aitrail_pj=${aitrail_pj%%@*} ;; esac',
    '        if [ -n "$aitrail_px" ]; then aitrail_pk=; case $aitrail_px in *"$IFS$aitrail_pm$IFS"*) aitrail_pk=1; aitrail_pq=1 ;; esac; continue; fi',
    '        case $aitrail_pm in file:*) aitrail_pm=file: ;; @*) aitrail_pm=${aitrail_pm#@}; aitrail_pm=@${aitrail_pm%%@*}@ ;; *) aitrail_pm=${aitrail_pm%%@*}@ ;; esac',
    '        case $aitrail_pm in */*) aitrail_pm=${aitrail_pm%%/*}+${aitrail_pm#*/} ;; esac',
    '        aitrail_pk=',
    '        case $aitrail_pw in *" $aitrail_pm "*) aitrail_pk=1 ;; esac ;;',
    '    esac',
    '  done',
    '  IFS=$aitrail_po',
    '  set +f',
    '  [ -n "$aitrail_pz" ] && return 0',
    // pnpm 8 lists a registry package as `/aitrail/1.0.0`, its lock as `/aitrail@1.0.0`: no listed key in the
    // lock, every entry counts (a folder or tarball in the work tree anywhere in the lock: the repository's).
    '  [ -n "$aitrail_px" ] && [ -z "$aitrail_pq" ] && return $aitrail_pa',
    '  return $aitrail_pr',
    '}',
    // pnpm writes a package's bin path into its wrapper unescaped, inside double quotes: a `bin` of
    // `bin/a$(sh x)` (a file the package holds) made the shell run the repository's x when the hook ran it, and
    // a `"` in it ends the quoted target early. A target holding $, ` or \ counts as led, and so does a
    // line that goes on with anything but pnpm's own `"$@"` or `]; then` after its targets.
    // pnpm's wrapper's target (`exec node  "$basedir/<bin>" "$@"`, pnpm 8-10's form) in aitrail_pt, when it
    // names one that is not the repository's (shipped): a target holding $, `, \\ or " is not taken.
    'aitrail_pw() {',
    '  aitrail_pt=',
    '  aitrail_y=0',
    '  while [ "$aitrail_y" -lt 64 ] && IFS= read -r aitrail_l; do',
    '    aitrail_y=$((aitrail_y + 1))',
    '    aitrail_l=${aitrail_l#"${aitrail_l%%[! ]*}"}',
    '    case $aitrail_l in \'exec node  "$basedir/\'*\'" "$@"\') ;; *) continue ;; esac',
    '    aitrail_m=${aitrail_l#\'exec node  "$basedir/\'}',
    '    aitrail_m=${aitrail_m%\'" "$@"\'}',
    '    case $aitrail_m in \'\'|*\'"\'*|*\'$\'*|*\'`\'*|*\'\\\'*) return 1 ;; esac',
    '    aitrail_pt=${1%/*}/$aitrail_m',
    '    break',
    '  done <"$1"',
    '  [ -n "$aitrail_pt" ] && [ -f "$aitrail_pt" ] && ! shipped "$aitrail_pt"',
    '}',
    'aitrail_led() {',
    '  aitrail_in "$1" && return 0',
    '  [ -f "$1" ] || return 1',
    // A file whose first line is exactly `#!/usr/bin/env node` is run as JavaScript, by node (runLines: the same line
    // read with its blanks kept, so this one too) or by the kernel's reading of that line (a node candidate): no line of
    // it can lead the shell to a target, so its next 63 lines are not read (a read(2) per byte in dash: ~3,000 for
    // aitrail's own bin, on every AI commit where npm installed it).
    '  aitrail_l=',
    '  { IFS= read -r aitrail_l <"$1"; } 2>/dev/null || :',
    '  [ "$aitrail_l" != "#!/usr/bin/env node" ] || return 1',
    '  aitrail_y=0',
    '  aitrail_mp=',
    '  while [ "$aitrail_y" -lt 64 ] && IFS= read -r aitrail_l; do',
    '    aitrail_y=$((aitrail_y + 1))',
    '    case $aitrail_l in *\\"\\$basedir/*) ;; *) continue ;; esac',
    '    while :; do',
    '      case $aitrail_l in *\\"\\$basedir/*) ;; *) break ;; esac',
    '      aitrail_l=${aitrail_l#*\\"\\$basedir/}',
    '      case $aitrail_l in *\\"*) ;; *) return 0 ;; esac',
    '      aitrail_m=${aitrail_l%%\\"*}',
    '      aitrail_l=${aitrail_l#*\\"}',
    '      case $aitrail_m in *\'$\'*|*\'`\'*|*\'\\\'*) return 0 ;; esac',
    // pnpm names its target twice (`[ -x "$basedir/node" ]`'s two branches): judged once.
    '      [ -n "$aitrail_m" ] && [ "$aitrail_m" != "$aitrail_mp" ] || continue',
    '      aitrail_mp=$aitrail_m',
    '      aitrail_in "${1%/*}/$aitrail_m" && return 0',
    '    done',
    '    aitrail_l=${aitrail_l#"${aitrail_l%%[! ]*}"}',
    '    case $aitrail_l in \'"$@"\'|\']; then\') ;; *) return 0 ;; esac',
    '  done <"$1"',
    '  return 1',
    '}',
  ];
}

/** yarn 2+'s PATH wrappers' judges (clientLookup's PATH candidate calls them; loaded lazily: ledIntoTrackedLines). */
function yarnWrapperLines(): string[] {
  return [
    // yarn 2+'s `yarn run`/`yarn exec` puts a folder of its own (`/tmp/xfs-*`) first on PATH, one wrapper per bin of
    // the project's packages, `#!/bin/sh` then `exec "<node>" '<script>' "$@"` (its makePathWrapper): a `portal:` or
    // `link:` package of the work tree (`portal:vendor/aitrail`), or a copy yarn unplugged there, has its script in
    // the work tree, and the wrapper outside was trusted: the repository's script ran as aitrail. As pnpm's wrapper
    // (aitrail_pw), its target is judged: in the work tree (spelled under $PWD, or an ancestor `-ef` the top: stats,
    // no process), or a line not ended as yarn ends it (a `'` yarn escaped, a line break in the path): the
    // repository's (0). Outside it, a copy yarn made (`<slug>/node_modules/<name>/…`: an unplugged folder a committed
    // .yarnrc.yml puts outside, `pnpUnpluggedFolder: ../x`, or its cache's zip) is the registry's only as yarn names a
    // registry package's, `<name>-npm-<version>-<10 hex>` (a `file:`, `patch:`, `portal:` copy: `<name>-file-<hash>`):
    // anything else there is the repository's too. Anything else with that first line runs as before. Only PATH's
    // first aitrail is read so.
    "aitrail_yw() {",
    "  [ -f \"$1\" ] || return 1",
    "  { IFS= read -r aitrail_l && [ \"$aitrail_l\" = '#!/bin/sh' ] && IFS= read -r aitrail_l; } <\"$1\" 2>/dev/null || return 1",
    "  case $aitrail_l in \"exec \\\"\"*\"\\\" '\"*) ;; *) return 1 ;; esac",
    "  aitrail_m=${aitrail_l#*\"\\\" '\"}",
    "  case $aitrail_m in *\"' \\\"\\$@\\\"\") aitrail_m=${aitrail_m%\"' \\\"\\$@\\\"\"} ;; *) return 0 ;; esac",
    "  case $aitrail_m in /*) ;; *) return 0 ;; esac",
    "  case $aitrail_m in *\"'\"*|\"$PWD\"/*) return 0 ;; esac",
    "  aitrail_q=${aitrail_m%/*}",
    "  while [ -n \"$aitrail_q\" ]; do [ \"$aitrail_q\" -ef . ] && return 0; aitrail_q=${aitrail_q%/*}; done",
    "  aitrail_ya=$aitrail_m",
    "  while :; do",
    "    case $aitrail_ya in */node_modules/*) ;; *) return 1 ;; esac",
    "    aitrail_yb=${aitrail_ya%%/node_modules/*}",
    "    aitrail_yb=${aitrail_yb##*/}",
    "    aitrail_ya=${aitrail_ya#*/node_modules/}",
    "    case $aitrail_yb in *.zip) aitrail_yb=${aitrail_yb%-*} ;; esac",
    "    case $aitrail_yb in *-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]) aitrail_yb=${aitrail_yb%-*} ;; *) continue ;; esac",
    "    case $aitrail_ya in @*/*/*) aitrail_yc=${aitrail_ya%%/*}-${aitrail_ya#*/}; aitrail_yc=${aitrail_yc%%/*} ;; [!@]*/*) aitrail_yc=${aitrail_ya%%/*} ;; *) return 0 ;; esac",
    "    case $aitrail_yb in \"$aitrail_yc\"-npm-[0-9]*) aitrail_yb=${aitrail_yb#\"$aitrail_yc\"-npm-} ;; *) return 0 ;; esac",
    "    case $aitrail_yb in *[!0-9A-Za-z.+-]*) return 0 ;; esac",
    "  done",
    "}",
    // yarn 2+'s PATH wrapper by its first two lines (as aitrail_yw reads them); aitrail_yz: its script lies in a zip
    // (Plug'n'Play's cache), which node reads only through yarn's loader, never loaded into aitrail's node (734).
    'aitrail_yx() {',
    '  aitrail_yz=',
    '  [ -f "$1" ] || return 1',
    "  { IFS= read -r aitrail_l && [ \"$aitrail_l\" = '#!/bin/sh' ] && IFS= read -r aitrail_l; } <\"$1\" 2>/dev/null || return 1",
    "  case $aitrail_l in \"exec \\\"\"*\"\\\" '\"*) ;; *) return 1 ;; esac",
    '  case $aitrail_l in *.zip/*) aitrail_yz=1 ;; esac',
    '}',
  ];
}

/**
 * The package that ran `aitrail init` (git config aitrail.packageDir, relative to the work tree top:
 * `web` in a monorepo whose package.json is in web/), else the top's node_modules/.bin, else PATH;
 * never a binary the repository ships. A candidate in the work tree (git runs hooks at its top, so:
 * a relative path or one under $PWD) is refused when git tracks it or anything under the
 * node_modules it comes from (the top's, the package's: the package and the libraries it loads).
 * `--error-unmatch` exits 1 when nothing matches; any other status (git failing, a path beyond a
 * symbolic link) counts as tracked: fail closed. Whether git tracks the top's node_modules (every
 * candidate in the work tree needs it) is asked while git config answers, the two git processes
 * side by side (~2.5 ms of every hook that starts node); its status comes back through `wait`.
 * git config is asked only when a config git reads could set the key (aitrail_pkg: the shell reads
 * them, as aitrail_hash does); the usual install, with no packageDir, starts one git process fewer,
 * and asks about node_modules only when a candidate lies in the work tree (`shipped`, once): an
 * aitrail outside it (a global install, PATH) starts no git process at all to be found.
 */
export function clientLookup(hook: InstalledHook, fail: string, husky?: { packageDir: string }): string[] {
  return [
    'tracked() { GIT_LITERAL_PATHSPECS=1 git ls-files --error-unmatch -- "$1" </dev/null >/dev/null 2>&1; [ $? != 1 ]; }',
    ...packageDirFunction(),
    // Before the background git: aitrail_pkg's counter is aitrail_n too; aitrail_k is its git dir.
    'aitrail_pkg; aitrail_p=$?',
    // husky mode: the package folder is the block's (`aitrail_pkg='web'`), never git config's: git is not asked.
    ...(husky ? ['aitrail_p=0'] : []),
    ...untrackedNodeModulesLines(),
    'd=',
    'aitrail_n=',
    '[ "$aitrail_u" = kept ] && aitrail_n=1',
    ...(husky && husky.packageDir !== '' ? ['d=$aitrail_pkg'] : []),
    'if [ "$aitrail_p" != 0 ]; then',
    '  aitrail_nmpid=',
    '  if [ -z "$aitrail_n" ]; then aitrail_nm_start; tracked node_modules & aitrail_nmpid=$!; fi',
    '  d=$(git config --get aitrail.packageDir 2>/dev/null)',
    '  if [ -n "$aitrail_nmpid" ]; then wait "$aitrail_nmpid"; aitrail_n=$?; aitrail_nm_end; fi',
    'fi',
    ...ledIntoTrackedLines(),
    // A path spelled through another name of the work tree (PATH's `/tmp/l/repo/node_modules/.bin` where
    // the hook's $PWD is `/private/tmp/repo`, or the other way: git runs hooks at the top, the shell keeps
    // a PWD naming the same folder or else takes the physical one) read as outside it, and the
    // repository's committed node_modules/.bin/aitrail ran. An ancestor that is the top (`-ef`, a stat,
    // no process) makes it the path under the top.
    'shipped() {',
    '  case $1 in /*) case $1 in "$PWD"/*) ;; *)',
    '    aitrail_q=${1%/*}',
    '    while [ -n "$aitrail_q" ] && [ ! "$aitrail_q" -ef . ]; do aitrail_q=${aitrail_q%/*}; done',
    '    [ -n "$aitrail_q" ] || return 1',
    '    set -- "${1#"$aitrail_q"/}" ;;',
    '  esac ;; esac',
    '  if [ -z "$aitrail_n" ]; then aitrail_nm_start; tracked node_modules; aitrail_n=$?; aitrail_nm_end; fi',
    '  [ "$aitrail_n" != 1 ] && return 0',
    '  if [ -n "$d" ]; then tracked "$d/node_modules" && return 0; fi',
    '  case $1 in node_modules/*|"$d/node_modules/"*) ;; *) tracked "$1" && return 0 ;; esac',
    '  aitrail_led "$1"',
    '}',
    'unset aitrail_cz',
    'a=',
    't=',
    // Why `t` was refused, for the message: empty (the repository ships it), `.npmrc`/`.yarnrc`/`.yarnrc.yml` (a
    // registry that file names: aitrail_rr, row 803), `yarn` (yarn's wrapper, aitrail_yw), `pnp` (its script in a zip).
    'aitrail_tw=',
    'for c in ${d:+"$d/node_modules/.bin/aitrail"} node_modules/.bin/aitrail; do',
    '  [ -x "$c" ] || continue',
    '  aitrail_rr=',
    '  if shipped "$c"; then [ -n "$t" ] || { t=$c; aitrail_tw=$aitrail_rr; }; else a=$c; break; fi',
    'done',
    // PATH's first aitrail that is not the repository's (judged as the candidates above: `shipped`); the
    // repository's, the same file as one refused above (husky's relative node_modules/.bin, `npm run`'s absolute
    // one, where a package planted after init links its bin) or another, is passed over for PATH's next, and
    // refused only when none follows it (row 825: husky mode's block runs these lines, and husky's PATH holds
    // node_modules/.bin first). Stats only, no process, for a candidate outside the work tree.
    'p=',
    'if [ -z "$a" ]; then',
    '  aitrail_co=$IFS',
    '  IFS=:',
    '  set -f',
    '  for aitrail_cd in $aitrail_p0; do',
    '    [ -n "$aitrail_cd" ] || aitrail_cd=.',
    '    [ -f "$aitrail_cd/aitrail" ] && [ -x "$aitrail_cd/aitrail" ] || continue',
    '    IFS=$aitrail_co',
    '    set +f',
    '    [ -n "$t" ] && [ "$aitrail_cd/aitrail" -ef "$t" ] && continue',
    '    aitrail_rr=',
    '    if shipped "$aitrail_cd/aitrail"; then [ -n "$t" ] || { t=$aitrail_cd/aitrail; aitrail_tw=$aitrail_rr; }; continue; fi',
    '    p=$aitrail_cd/aitrail',
    '    break',
    '  done',
    '  IFS=$aitrail_co',
    '  set +f',
    'fi',
    'if [ -n "$p" ]; then',
    '  if aitrail_yx "$p"; then',
    '    aitrail_yn=',
    '    aitrail_ye=',
    '    aitrail_yy=$aitrail_yz',
    '    aitrail_co=$IFS',
    '    IFS=:',
    '    set -f',
    '    for aitrail_cd in $aitrail_p0; do',
    '      [ -n "$aitrail_cd" ] || aitrail_cd=.',
    '      if [ -z "$aitrail_ye" ]; then [ "$aitrail_cd/aitrail" = "$p" ] && aitrail_ye=1; continue; fi',
    '      [ -f "$aitrail_cd/aitrail" ] && [ -x "$aitrail_cd/aitrail" ] || continue',
    '      [ "$aitrail_cd/aitrail" -ef "$p" ] && continue',
    // Past the wrapper as the walk above: the repository's (the one refused above, or judged so) is passed over for
    // PATH's next (row 852: `yarn run` with a PATH holding `./node_modules/.bin` refused every agent's commit,
    // telling a person whose aitrail is global to install it globally).
    '      [ -n "$t" ] && [ "$aitrail_cd/aitrail" -ef "$t" ] && continue',
    '      IFS=$aitrail_co',
    '      set +f',
    '      if ! aitrail_yx "$aitrail_cd/aitrail"; then',
    '        aitrail_rr=',
    '        if shipped "$aitrail_cd/aitrail"; then [ -n "$t" ] || { t=$aitrail_cd/aitrail; aitrail_tw=$aitrail_rr; }; continue; fi',
    '      fi',
    '      aitrail_yn=$aitrail_cd/aitrail',
    '      break',
    '    done',
    '    IFS=$aitrail_co',
    '    set +f',
    '    if [ -n "$aitrail_yn" ] && ! aitrail_yx "$aitrail_yn"; then',
    '      a=$aitrail_yn',
    '    elif aitrail_yw "$p"; then [ -n "$t" ] || { t=$p; aitrail_tw=yarn; }',
    '    elif [ -n "$aitrail_yy" ]; then [ -n "$t" ] || { t=$p; aitrail_tw=pnp; }',
    '    else a=$p',
    '    fi',
    '  else a=$p',
    '  fi',
    'fi',
    'if [ -z "$a" ] && [ -n "$t" ]; then',
    '  a=$t',
    '  case $aitrail_tw in',
    `    "") echo "aitrail: ${binaryTrackedMessage(hook)}" >&2 ;;`,
    `    yarn) echo "aitrail: ${binaryYarnMessage(hook, false)}" >&2 ;;`,
    `    pnp) echo "aitrail: ${binaryYarnMessage(hook, true)}" >&2 ;;`,
    `    package-lock.json|npm-shrinkwrap.json|yarn.lock|pnpm-lock.yaml|bun.lock) echo "aitrail: ${binaryLockMessage(hook)}" >&2 ;;`,
    `    bunfig.toml|.env|.env.*) echo "aitrail: ${binaryBunConfigMessage(hook)}" >&2 ;;`,
    `    bun.lockb) echo "aitrail: ${binaryBunLockbMessage(hook)}" >&2 ;;`,
    `    *) echo "aitrail: ${binaryRegistryMessage(hook)}" >&2 ;;`,
    '  esac',
    `  ${fail}`,
    'fi',
    'if [ -z "$a" ]; then',
    `  echo "aitrail: ${binaryMissingMessage(hook)}" >&2`,
    `  ${fail}`,
    'fi',
    `if [ -n "$t" ]; then case $aitrail_tw in "") echo "${BINARY_TRACKED_SKIPPED}" >&2 ;; yarn|pnp) ;; package-lock.json|npm-shrinkwrap.json|yarn.lock|pnpm-lock.yaml|bun.lock) echo "${BINARY_LOCK_SKIPPED}" >&2 ;; bunfig.toml|.env|.env.*) echo "${BINARY_BUN_CONFIG_SKIPPED}" >&2 ;; bun.lockb) echo "${BINARY_BUN_LOCKB_SKIPPED}" >&2 ;; *) echo "${BINARY_REGISTRY_SKIPPED}" >&2 ;; esac; fi`,
    // aitrail's own bin starts `#!/usr/bin/env node`: run under the node env would find (PATH's),
    // one exec fewer for every hook that starts node. Only a regular file named by a path is read
    // (never a FIFO, never a bare name); anything else, or any other file (a pnpm wrapper), runs as it is.
    'aitrail_r=',
    'case $a in */*) if [ -f "$a" ]; then { read -r aitrail_r <"$a"; } 2>/dev/null; fi ;; esac',
    // node itself is PATH's (662): `npm run`'s PATH puts the top's node_modules/.bin first, husky's the
    // relative one, and a `file:` package the repository commits whose bin is `node` is linked there (or
    // `.`/an empty entry names a committed ./node): aitrail ran under the repository's script. PATH's first
    // node that is not the repository's (judged as aitrail's candidates are: `shipped`, no process for one
    // outside the work tree) runs aitrail, its folder first on PATH.
    'aitrail_nd=',
    'aitrail_nt=',
    'aitrail_co=$IFS',
    'IFS=:',
    'set -f',
    'for aitrail_cd in $aitrail_p0; do',
    '  [ -n "$aitrail_cd" ] || aitrail_cd=.',
    '  [ -f "$aitrail_cd/node" ] && [ -x "$aitrail_cd/node" ] || continue',
    '  IFS=$aitrail_co',
    '  set +f',
    '  if shipped "$aitrail_cd/node"; then aitrail_nt=$aitrail_cd/node; continue; fi',
    '  aitrail_nd=$aitrail_cd/node',
    '  break',
    'done',
    'IFS=$aitrail_co',
    'set +f',
    // aitrail (and pnpm's wrapper, whose `sed`, `dirname`, `uname` and `node` are found on PATH) runs under
    // the PATH the shims' tools came from, the chosen node's folder first (665) when that PATH holds it: a
    // node from a folder of the work tree or a relative one (an untracked registry `node` package in
    // node_modules/.bin) runs by its path, its folder never put back on PATH, where the repository's other
    // bins (a `file:` package's `git`, which aitrail spawns by name) lie beside it (668).
    'if [ -n "$aitrail_nd" ]; then case :$aitrail_ps: in *":${aitrail_nd%/node}:"*) PATH=${aitrail_nd%/node}:$PATH; export PATH ;; *)',
    // The node runs by its path, and pnpm's wrapper (`exec node "$basedir/<bin>"`) would find none on
    // this PATH (exit 127): a dotfiles repository at $HOME, node from ~/.nvm, every agent's commit blocked.
    // The wrapper's one target, judged with it (aitrail_led), runs under that node instead (no process).
    '  [ "$aitrail_r" = "#!/bin/sh" ] && aitrail_pw "$a" && a=$aitrail_pt && aitrail_r="#!/usr/bin/env node" ;; esac',
    'elif [ -n "$aitrail_nt" ]; then',
    '  echo "aitrail: not running $aitrail_nt: it comes from the repository (git tracks it or files under node_modules), and PATH holds no other node." >&2',
    `  ${fail}`,
    'fi',
    ...nodeOptionsLines(),
    'if [ "$aitrail_r" = "#!/usr/bin/env node" ]; then set -- "${aitrail_nd:-node}" "$a" hook "$h" "$@"; else set -- "$a" hook "$h" "$@"; fi',
  ];
}

/**
 * The server's reference-transaction shim (src/enforce/receive-record.ts says why). git runs it for
 * every ref update of the repository, with the update's state: for one a push's pre-receive of
 * aitrail's judged (a record under aitrail/receive/<receive-pack's id>: receive-pack is the parent
 * of both hooks, whose directory is the git dir), `prepared` takes aitrail's receive lock and
 * `committed`/`aborted` gives it back: so each push's ref updates land one at a time, and a check
 * and its landing are never split by another's. Under the lock, when the notes refs are not those
 * pre-receive read, or a commit arrived whose note the push let wait, aitrail judges the push
 * again; its refusal aborts the update. Anything else returns at once, starting nothing. A lock
 * whose holder is gone is taken over; one held for a minute (AITRAIL_RECEIVE_LOCK_WAIT seconds) refuses (fail closed).
 */
function transactionShimSource(): string {
  const hook = 'reference-transaction';
  return [
    '#!/bin/sh',
    `# aitrail-shim: ${hook}`,
    '# Installed by `aitrail init` in a bare (server) repository; `aitrail uninstall` removes it and restores the hook it replaced.',
    '# Runs the hook this one replaced ($0.aitrail-chained), if any; then, for a ref update of a push aitrail\'s pre-receive judged,',
    '# checks under a lock that no other push changed the AI notes or brought a commit this push\'s notes wait for, else',
    `# runs \`aitrail hook ${hook} prepared\` (the push judged again). AITRAIL=0 does not switch it off.`,
    '# Generated from src/install/shim-source.ts (npm run build:shims): edit that, not this file.',
    ...inheritedShellLines(),
    `h=${hook}`,
    'c="$0.aitrail-chained"',
    'if [ -x "$c" ]; then "$c" "$@" || exit $?; fi',
    'l=aitrail/receive.lock',
    'case ${1-} in',
    '  prepared) ;;',
    '  committed|aborted)',
    '    p=',
    '    { read -r p <"$l/pid"; } 2>/dev/null',
    '    [ -n "$p" ] && [ "$p" = "$PPID" ] && rm -rf "$l"',
    '    exit 0 ;;',
    '  *) exit 0 ;;',
    'esac',
    'r=aitrail/receive/$PPID',
    '[ -f "$r/notes" ] && [ -f HEAD ] && [ -d objects ] || exit 0',
    'n=0',
    'u=',
    // How long a lock held by a live push is waited on before this update is refused: a minute (600 tries of 0.1 s), or
    // AITRAIL_RECEIVE_LOCK_WAIT seconds, 1 to 999 as written (the server's own environment; anything else: the minute).
    // Taken as digits, never evaluated (no arithmetic on it). Shorter or longer, it only moves the refusal: a live holder is never taken over.
    'm=600',
    "e='a minute'",
    'case ${AITRAIL_RECEIVE_LOCK_WAIT-} in [1-9]|[1-9][0-9]|[1-9][0-9][0-9]) m=${AITRAIL_RECEIVE_LOCK_WAIT}0; e="$AITRAIL_RECEIVE_LOCK_WAIT s" ;; esac',
    'until mkdir "$l" 2>/dev/null; do',
    // No lock there and none can be made (`aitrail/` not writable for this user, not a folder): waiting
    // cannot help. Before, the loop below spun forever (its takeovers `continue`d past the minute's
    // refusal), and every push hung. As a server that cannot write its record: warn, check unlocked.
    '  if [ ! -e "$l" ] && [ ! -L "$l" ]; then',
    '    mkdir "$l" 2>/dev/null && break',
    '    [ -e "$l" ] || [ -L "$l" ] || {',
    `      echo "aitrail: warning: cannot make aitrail's lock $PWD/$l (check the permissions of that directory), so this ref update is checked without it: another push at the same moment may not be seen." >&2`,
    '      u=1; break; }',
    '  fi',
    '  n=$((n + 1))',
    '  p=',
    '  { read -r p <"$l/pid"; } 2>/dev/null',
    // Held by this receive-pack already: git (2.39) runs the hook for the packed-refs transaction a
    // deletion of a packed ref opens inside its own, with the same parent, before the deletion's own
    // `prepared`; waiting on itself, `git push origin --delete <branch>` hung a minute and failed.
    '  [ -n "$p" ] && [ "$p" = "$PPID" ] && break',
    // Its holder gone (on Linux /proc tells, for any user; elsewhere kill -0's "no such process"), or no id written for 10 s: taken over.
    '  g=',
    '  v=',
    '  if [ -n "$p" ]; then',
    // /proc mounted with hidepid (a shared server's hardening) hides another user's processes: a live push of another
    // ssh user read as gone, its lock taken over at once, two pushes unordered. kill -0 still tells (not permitted: alive).
    '    if [ -d /proc/self ]; then [ -d "/proc/$p" ] || case $(LC_ALL=C kill -0 "$p" 2>&1 && echo alive) in *alive|*"not permitted"*) v=1 ;; *) g=1 ;; esac',
    // Alive but no receive-pack: the id of a push killed holding the lock, given since to another
    // process (an editor, a daemon: ids are reused), held every push up for a minute, then refused.
    // A receive-pack of another repository (the id reused on a forge's server) held this one's pushes up a
    // minute, then refused: one whose working folder (its repository; readable when it is this user's)
    // is not this one is no holder either. Unreadable (another user's): waited on, as before; hidden (v): waited on.
    '      [ -n "$g$v" ] || case $(tr \'\\0\' \' \' <"/proc/$p/cmdline" 2>/dev/null) in',
    '        *receive-pack*) [ -d "/proc/$p/cwd/." ] && ! [ "/proc/$p/cwd/." -ef . ] && g=1 ;;',
    '        *) g=1 ;;',
    '      esac',
    // Without /proc (macOS, the BSDs): kill -0 fails for another user's live push too (not permitted): waited on, as with hidepid.
    '    else case $(LC_ALL=C kill -0 "$p" 2>&1 && echo alive) in *alive|*"not permitted"*) ;; *) g=1 ;; esac; fi',
    '  elif [ "$n" -ge 100 ]; then g=1',
    '  fi',
    // A lock that cannot be removed (another user's, a read-only `aitrail/`) is waited on, then refused: never spun on.
    '  [ -n "$g" ] && rm -rf "$l" 2>/dev/null && continue',
    '  if [ "$n" -ge "$m" ]; then',
    '    if [ -n "$g" ]; then',
    `      echo "aitrail: push rejected: aitrail's lock $PWD/$l, left by a push that is gone, cannot be removed, so this ref update cannot be checked. A server admin removes that folder (and checks the permissions of $PWD/aitrail)." >&2`,
    '    else',
    `      echo "aitrail: push rejected: another push (process $p) has held aitrail's lock $PWD/$l for $e, so this ref update cannot be checked against it. Push again; a server admin removes that folder if no push is running." >&2`,
    '    fi',
    '    exit 1',
    '  fi',
    '  sleep 0.1 2>/dev/null || sleep 1',
    'done',
    '[ -n "$u" ] || echo "$PPID" >"$l/pid"',
    `f=$(git for-each-ref --format='%(objectname) %(refname)' refs/notes/ 2>&1)`,
    // As pre-receive read them, or as this push's own notes updates leave them (a push that is not atomic lands each ref apart).
    'if [ "$f" = "$(cat "$r/notes")" ] || { [ -f "$r/landed" ] && [ "$f" = "$(cat "$r/landed")" ]; }; then',
    '  [ -s "$r/absent" ] || exit 0',
    `  t=$(git cat-file --batch-check='%(objecttype)' <"$r/absent" 2>&1) || t=commit`,
    '  w=',
    '  for w in $t; do [ "$w" = commit ] && break; done',
    '  [ "$w" = commit ] || exit 0',
    'fi',
    ...serverLookup(hook),
    'AITRAIL_RECEIVE_PID=$PPID "$a" hook "$h" prepared',
    's=$?',
    'if [ "$s" = 126 ] || [ "$s" = 127 ]; then',
    `  echo "aitrail: ${cannotStartMessage(hook)}" >&2`,
    '  exit 1',
    'fi',
    'exit "$s"',
    '',
  ].join('\n');
}

/**
 * The post-checkout shim (git mode, a hooks directory inside the work tree): `git worktree add` runs
 * it from the worktree the new one was made from (git names the hook by its full path: `$0` is in
 * that worktree's hooks directory), in the new one, with `<zeros> <new> 1`. The new worktree's hooks
 * directory is its own checkout's (`core.hooksPath` is relative), where aitrail's shims, never
 * committed, were missing: git ran none of them there, and an agent's commit in a worktree of its
 * own was neither recorded nor refused. Each of aitrail's shims beside this one is copied there when
 * nothing has that name yet, only into a folder of the new worktree reached without a symbolic link.
 * Pure sh; never fails the checkout.
 */
function worktreeShimSource(): string {
  return [
    '#!/bin/sh',
    '# aitrail-shim: post-checkout',
    '# Installed by `aitrail init` where the hooks directory is inside the work tree (a relative core.hooksPath); `aitrail uninstall` removes it and restores the hook it replaced.',
    '# Runs the hook this one replaced ($0.aitrail-chained), if any; then, in a worktree `git worktree add` just made, copies aitrail\'s shims into its hooks directory.',
    '# Generated from src/install/shim-source.ts (npm run build:shims): edit that, not this file.',
    ...inheritedShellLines('exit 0'),
    'c="$0.aitrail-chained"',
    'if [ -x "$c" ]; then "$c" "$@" || exit $?; fi',
    '[ "${AITRAIL-}" = 0 ] && exit 0',
    'case ${1-}:${3-} in *[!0]*:*|:*|*:[!1]*|*:) exit 0 ;; esac',
    // `cd <relative>` below looks in CDPATH first (inherited: a committed .env an agent loads, naming a folder with a
    // decoy of the hooks folder): the check failed and nothing was copied.
    'unset CDPATH',
    'w=$(git config --get core.hooksPath 2>/dev/null) || exit 0',
    "case $w in /*|''|.|..|../*|*/.|*/..|*/../*|./*|*/./*|*//*|*/) exit 0 ;; esac",
    // No tool by name but git (git's exec-path comes first on its hooks' PATH): the new worktree's top, where this
    // runs, holds the repository's files, which a `.` or an empty PATH entry names (a committed ./dirname, ./cp), and
    // a relative node_modules/.bin its committed bins. The hook's folder by the shell; mkdir, cp and chmod from the
    // system's default PATH (`command -p`).
    'case $0 in */*) o=${0%/*} ;; *) o=. ;; esac',
    't=$(pwd -P)',
    'case $w in */*) p=${w%/*} ;; *) p=. ;; esac',
    // The folder (or, when it is not there yet, the folder above it) reached from the top without a symbolic link.
    'if [ -e "$w" ] || [ -L "$w" ]; then [ -d "$w" ] && [ "$(cd "$w" 2>/dev/null && pwd -P)" = "$t/$w" ] || exit 0',
    'else',
    '  if [ "$p" = . ]; then r=$t; else r=$t/$p; fi',
    '  [ -d "$p" ] && [ "$(cd "$p" 2>/dev/null && pwd -P)" = "$r" ] && command -p mkdir "$w" 2>/dev/null || exit 0',
    'fi',
    '[ "$(cd "$o" 2>/dev/null && pwd -P)" != "$t/$w" ] || exit 0',
    'for f in "$o"/*; do',
    '  [ -f "$f" ] && [ ! -L "$f" ] || continue',
    '  n=${f##*/}',
    '  [ -e "$w/$n" ] || [ -L "$w/$n" ] && continue',
    '  l=',
    '  { read -r l && read -r l; } <"$f" 2>/dev/null || continue',
    `  case $l in '${SHIM_MARKER}'*) command -p cp "$f" "$w/$n" && command -p chmod 755 "$w/$n" || echo "aitrail: $w/$n could not be copied into this worktree: run 'aitrail init' here" >&2 ;; esac`,
    'done',
    'exit 0',
    '',
  ].join('\n');
}
