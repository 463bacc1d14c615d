import { dirname } from 'node:path';
import { CHECKPOINT_DIR, CHECKPOINT_SUFFIX, FRESH_NOTE, PICK_SOURCE, REBASE_AMEND, REBASE_AUTHOR_SCRIPT, REBASE_DONE, REBASE_FIXUPS, REBASE_STOPPED, RESET_PENDING, RESET_SEEN, SQUASH_SOURCE, TEMPLATE_MARKER } from '../core/checkpoint/store-layout.js';
import { DEFAULT_NOTES_REF } from '../core/notes/notes-ref.js';
import { amendedQuietFunction, fastPathCall, fastPathFunctions, fastPathLines, foldedQuietCall, foldedQuietFunction, freshFunction, plainCommitsFunction, preparedFunction, sameFunction } from './fast-path.js';
import { notesMayExistLines, REBASING, there } from './notes-may-exist.js';
import type { InstalledHook } from './hook-names.js';
import { packageVersion } from './package-version.js';
import { envNames } from './fast-path-signals.js';

/**
 * The sh gates that end a hook (exit 0) before anything starts when node would find nothing to do.
 * Each reads a few names in the git dir: no git, no node spawned. Safe under husky's `sh -e`.
 * Each states, clause by clause, what the node handler it stands for checks first; a doubt (a
 * name it cannot tell about) starts node.
 */

/**
 * `aitrail_g`: the git dir of the worktree a hook without a message file runs for, as node's
 * worktreeGitDir finds it: GIT_DIR when git set it, else `.git` at the work tree top (git runs hooks
 * there), the directory or a file naming it (worktrees, submodules; a relative name is relative to
 * that top).
 */
function worktreeGitDirLines(): string[] {
  return [
    'aitrail_g=${GIT_DIR-}',
    'if [ -z "$aitrail_g" ]; then',
    '  if [ -f .git ]; then read -r aitrail_g <.git || :; aitrail_g=${aitrail_g#gitdir: }; else aitrail_g=.git; fi',
    'fi',
  ];
}

/** What `\w` matches in a JavaScript regular expression without the `u` flag. */
const WORD_CHARACTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_';

/**
 * post-commit (src/hooks/post-commit.ts) does something only when an agent left a checkpoint (a
 * name ending in `.json` in `<git dir>/aitrail/checkpoints/`, as node reads them) or a
 * cherry-pick is committed (`<git dir>/CHERRY_PICK_HEAD`, or what prepare-commit-msg kept of it)
 * whose note it may carry (notesMayExistLines: with no git-ai note anywhere there is none), or
 * a `git merge --squash` whose commits prepare-commit-msg kept (SQUASH_SOURCE), or the first commit
 * after git wrote `ORIG_HEAD` (a reset, also a merge, pull or rebase) since post-commit last looked
 * (RESET_SEEN newer), while a note may exist and the HEAD reflog's line before this commit is a reset
 * (one `tail`, then the shim marks the look when it is not): node carries a reset's undone notes (reset-note.ts).
 * During a rebase (`rebase-merge` or `rebase-apply` in the git dir) it records nothing (what a
 * rebase commits came from other commits: post-rewrite's business) and carries a pick's note only
 * from what prepare-commit-msg kept: then only that file starts node; except new work whose
 * checkpoints node records: a commit an `exec` step's command makes (the last line of
 * `rebase-merge/done`) and a `git commit` at a stop (no `rebase-apply`, and none of git's replay
 * variables, or not the author git gives the commit `git rebase --continue` makes: stopLines); looked
 * at only when a checkpoint is there, so a person's rebase starts nothing.
 */
export function pendingCheckpointsGate(): string[] {
  return [
    `# Nothing to record unless an agent left a checkpoint (<git dir>/${CHECKPOINT_DIR}/*${CHECKPOINT_SUFFIX}, written by aitrail checkpoint) or a cherry-pick (or a squash merge, kept by prepare-commit-msg) is committed while a note may exist to carry; during a rebase, only a kept cherry-pick or checkpoints new work takes (an exec step's commit, a commit at a stop).`,
    ...worktreeGitDirLines(),
    'aitrail_p=',
    'aitrail_sq=',
    // Every name node reads (any name ending in ${CHECKPOINT_SUFFIX}: dot names too), dangling links too.
    `for aitrail_f in "$aitrail_g"/${CHECKPOINT_DIR}/*${CHECKPOINT_SUFFIX} "$aitrail_g"/${CHECKPOINT_DIR}/.*${CHECKPOINT_SUFFIX} "$aitrail_g"/${CHECKPOINT_DIR}/${CHECKPOINT_SUFFIX}; do if [ -e "$aitrail_f" ] || [ -L "$aitrail_f" ]; then aitrail_p=1; break; fi; done`,
    'aitrail_k=$aitrail_p',
    // A cherry-pick's note is carried only when there is one to carry.
    'if [ -f "$aitrail_g/CHERRY_PICK_HEAD" ]; then',
    ...notesMayExistLines('  '),
    '  [ -n "$aitrail_n" ] && aitrail_p=1',
    'fi',
    // A reset (git's ORIG_HEAD newer than post-commit's last look at it, RESET_SEEN: builtins) whose undone commits' notes node may carry
    // (row 931): only while a note may exist, and not during a rebase (which wrote ORIG_HEAD). merge, pull, rebase and am write ORIG_HEAD
    // too: one `tail` of the HEAD reflog tells, once; the line before this commit's not `reset: moving to`, the shim marks the look itself.
    `if [ -f "$aitrail_g/ORIG_HEAD" ] && ! ${REBASING} && ! [ "$aitrail_g/${RESET_SEEN}" -nt "$aitrail_g/ORIG_HEAD" ]; then`,
    ...notesMayExistLines('  '),
    '  if [ -n "$aitrail_n" ]; then',
    '    aitrail_safe',
    '    aitrail_r=$(tail -n 2 "$aitrail_g/logs/HEAD" 2>/dev/null) || aitrail_r=',
    // The line before this commit's a reset that moved HEAD (`git reset` to unstage logs one from HEAD to HEAD: nothing undone).
    // Or a reset under GIT_REFLOG_ACTION (`<action>: updating HEAD`, row 951).
    '    case $aitrail_r in *"	reset: moving to "*"',
    '"*|*": updating HEAD',
    '"*) aitrail_r=${aitrail_r%%"	"*}; aitrail_o=${aitrail_r%% *}; aitrail_r=${aitrail_r#* }; [ "$aitrail_o" != "${aitrail_r%% *}" ] && aitrail_p=1 ;; esac',
    '  fi',
    // Else the mark (a write, no process), never through a link: `: >` would truncate the file a planted link names. Also with no
    // note anywhere (nothing to carry): unmarked, each later commit looked again, a `grep` of packed-refs each in a cloned repository (review s49w).
    `  [ -n "$aitrail_p" ] || { [ -d "$aitrail_g/${dirname(RESET_SEEN)}" ] && ! [ -L "$aitrail_g/aitrail" ] && ! [ -L "$aitrail_g/${dirname(RESET_SEEN)}" ] && ! [ -L "$aitrail_g/${RESET_SEEN}" ] && { : >"$aitrail_g/${RESET_SEEN}"; } 2>/dev/null; }`,
    'fi',
    // The second and later commits after a reset whose undone commits hold a note (node keeps RESET_PENDING while the reflog runs from it
    // through plain commits: row 950): a builtin test, the file there only after such a reset.
    `[ -e "$aitrail_g/${RESET_PENDING}" ] && ! ${REBASING} && aitrail_p=1`,
    // During a rebase only an `exec` step's command (the last line of rebase-merge/done) and a `git commit` at a stop (no rebase-apply; none of
    // git's replay variables, or at a stop not the author git gives its own commit) commit new work: looked at only when an agent left a checkpoint.
    `if ${REBASING}; then`,
    '  aitrail_x=',
    '  if [ -n "$aitrail_k" ]; then',
    // A commit of git's own replays only as in-rebase.ts reads it: its variables, and at a stop the author git gives it
    // (a committed .env may set the variables; a cherry-pick's GIT_REFLOG_ACTION counts through what prepare-commit-msg kept).
    '    if ! [ -e "$aitrail_g/rebase-apply" ]; then',
    ...inRebaseLines('aitrail_x', true).map((line) => `      ${line}`),
    // git's own commit at a conflict stop (`--continue`, stopped-sha without amend): node notes the lines the agent wrote into the resolution (post-commit.ts resolvedAtStop).
    `      if [ -n "$aitrail_x" ] && { ! [ -e "$aitrail_g/${REBASE_STOPPED}" ] || [ -e "$aitrail_g/${REBASE_AMEND}" ]; }; then aitrail_x=; else aitrail_x=stop; fi`,
    '    fi',
    `    if [ -z "$aitrail_x" ] && [ -f "$aitrail_g/${REBASE_DONE}" ]; then aitrail_safe; aitrail_x=$(tail -n 1 "$aitrail_g/${REBASE_DONE}" 2>/dev/null) || aitrail_x=exec; fi`,
    '  fi',
    '  case $aitrail_x in stop|"exec "*|"x "*|"exec\t"*|"x\t"*) ;; *) aitrail_p= ;; esac',
    // The last step of a squash (or `fixup -c`/`-C`) chain, whose editor may have dropped what the folded commits declared (node: src/hooks/squashed-attributions.ts).
    `  if [ -e "$aitrail_g/${REBASE_FIXUPS}" ] && [ -f "$aitrail_g/${REBASE_DONE}" ]; then`,
    '    aitrail_safe',
    `    case $(tail -n 1 "$aitrail_g/${REBASE_DONE}" 2>/dev/null) in "squash"[" \t"]*|"s"[" \t"]*|"fixup"[" \t"]-[cC]*|"f"[" \t"]-[cC]*) aitrail_sq=1 ;; esac`,
    '  fi',
    'fi',
    // What prepare-commit-msg kept of a cherry-pick or a squash merge (git's `git commit` removes CHERRY_PICK_HEAD and SQUASH_MSG before post-commit).
    `[ -e "$aitrail_g/${PICK_SOURCE}" ] && aitrail_p=1`,
    `[ -e "$aitrail_g/${SQUASH_SOURCE}" ] && aitrail_p=1`,
    '[ -n "$aitrail_p" ] || [ -n "$aitrail_sq" ] || exit 0',
    // Read by the shell only past that exit: a commit with nothing pending never parses these functions.
    ...sameFunction(),
    ...plainCommitsFunction(),
    ...foldedQuietFunction(packageVersion()),
    // At such a step, node only when the chain may name an agent (aitrail_folded: HEAD, the commit before it, HEAD@{1}, and current-fixups; it sets aitrail_p).
    "if [ -z \"$aitrail_p\" ]; then aitrail_folded 'HEAD@{1}' && exit 0; aitrail_p=1; fi",
  ];
}

/**
 * post-rewrite (src/hooks/post-rewrite.ts) recomputes the notes of the rewritten commits from the
 * old commits' notes in refs/notes/ai and from the note post-commit just wrote
 * (`<git dir>/aitrail/last-note`): with neither there is nothing to carry. The ref is looked for
 * where git keeps it, in the common git dir (GIT_COMMON_DIR, or the `commondir` a linked worktree's
 * git dir names): a loose ref, a mention in packed-refs, or any reftable repository (not read here:
 * node decides).
 */
export function notesToCarryGate(): string[] {
  return [
    `# Nothing to carry unless a git-ai note exists (${DEFAULT_NOTES_REF}, loose or packed; any reftable repository; after an amend, for the commit it replaced) or post-commit just wrote one (<git dir>/${FRESH_NOTE}), or an amend (not a rebase's own) replaced a commit that may name an agent.`,
    ...worktreeGitDirLines(),
    ...notesMayExistLines(),
    ...amendCarryLines(),
    '[ -n "$aitrail_n" ] || [ -n "$aitrail_am" ] || exit 0',
  ];
}

/**
 * post-rewrite after an amend (src/hooks/amended-rewrite.ts) records again what the amended commit
 * declared when the new message dropped it: node is needed only when that commit (the first id of
 * stdin's one line) may name an agent (aitrail_amended), and never for a rebase's own amends (git's
 * variables, as in-rebase.ts reads them). Where a git-ai note may exist (`aitrail_n`, set by
 * notesMayExistLines before), an amend's note carrying (src/notes/carry-rewrite.ts) has nothing to
 * carry when the replaced commit has no note in ${DEFAULT_NOTES_REF} and post-commit wrote none
 * (aitrail_unnoted: one `git notes list`, exit 1 and no output): `aitrail_n` is then cleared, and
 * the amend gate alone decides. stdin, read here, is given back to what runs next as it
 * was (a here-document: no process). Sets `aitrail_am`; may clear `aitrail_n`.
 */
function amendCarryLines(): string[] {
  return [
    'aitrail_am=',
    ...inRebaseLines('aitrail_r', true),
    'if [ "${1-}" = amend ] && [ -z "$aitrail_r" ]; then',
    '  aitrail_in=',
    '  while IFS= read -r aitrail_l || [ -n "$aitrail_l" ]; do',
    '    aitrail_in="$aitrail_in$aitrail_l',
    '"',
    '    aitrail_l=',
    '  done',
    '  exec <<aitrail_EOF',
    '$aitrail_in',
    'aitrail_EOF',
    ...sameFunction().map((line) => `  ${line}`),
    ...plainCommitsFunction().map((line) => `  ${line}`),
    ...amendedQuietFunction(packageVersion()).map((line) => `  ${line}`),
    ...unnotedFunction().map((line) => `  ${line}`),
    // The second id: up to the space before git's extra information or the line's end.
    '  aitrail_w=${aitrail_in#* }',
    '  aitrail_w=${aitrail_w%%[!0-9a-f]*}',
    '  [ -n "$aitrail_n" ] && aitrail_unnoted "${aitrail_in%% *}" && aitrail_n=',
    // A note to carry starts node anyway: the amended commit is not read.
    '  [ -n "$aitrail_n" ] || aitrail_amended "${aitrail_in%% *}" "$aitrail_w" || aitrail_am=1',
    'fi',
  ];
}

/**
 * sh function `aitrail_unnoted <old>`, for post-rewrite after an amend (stdin read into
 * `aitrail_in`): true when node's note carrying would find nothing to carry: stdin is that one line,
 * `<old>` a full commit id with no note in ${DEFAULT_NOTES_REF} (`git notes list`: exit 1, nothing
 * printed; any other answer is a doubt), and post-commit left no note (<git dir>/${FRESH_NOTE}).
 * `--ref` overrides GIT_NOTES_REF and core.notesRef, as node reads that ref by name.
 */
function unnotedFunction(): string[] {
  return [
    "# The commit an amend replaced has no git-ai note and post-commit wrote none: node's note carrying has nothing to carry.",
    'aitrail_unnoted() {',
    `  ${there(`$aitrail_g/${FRESH_NOTE}`)} && return 1`,
    '  case $1 in ""|*[!0-9a-f]*) return 1 ;; esac',
    '  case ${#1} in 40|64) ;; *) return 1 ;; esac',
    // One line (an amend's; aitrail_in ends each line it read with a newline): ids and spaces, nothing more.
    '  case ${aitrail_in%?} in *[!0-9a-f\\ ]*) return 1 ;; esac',
    '  aitrail_v=0',
    '  aitrail_safe',
    `  aitrail_x=$(git notes --ref=${DEFAULT_NOTES_REF} list "$1" </dev/null 2>/dev/null) || aitrail_v=$?`,
    '  [ "$aitrail_v" = 1 ] && [ -z "$aitrail_x" ]',
    '}',
  ];
}

/**
 * Sets the shell variable `name` to 1 when git's variables say the hook runs for a rebase, as
 * src/hooks/in-rebase.ts reads them (GIT_CHERRY_PICK_HELP, or GIT_REFLOG_ACTION `rebase…`), else to
 * empty; with `gitDir` set (`aitrail_g` known), only while a rebase is under way there (a committed
 * `.env` may set the variables: in-rebase.ts).
 */
function inRebaseLines(name: string, gitDir = false): string[] {
  return [
    `${name}=`,
    // JavaScript's /^rebase\b/: `rebase` alone or before a character that is not an ASCII word character (listed: no locale's ranges).
    `case \${GIT_REFLOG_ACTION-} in rebase|rebase[!${WORD_CHARACTERS}]*) ${name}=1 ;; esac`,
    `[ -n "\${GIT_CHERRY_PICK_HELP+x}" ] && ${name}=1`,
    ...(gitDir ? [`[ -n "$${name}" ] && ! ${REBASING} && ${name}=`, ...stopLines(name)] : []),
  ];
}

/**
 * Empties the shell variable `name` at a stop of an interactive rebase (`rebase-merge/stopped-sha`)
 * unless the commit carries the GIT_AUTHOR_DATE git writes in `rebase-merge/author-script` for the
 * commit `git rebase --continue` makes (in-rebase.ts continuesStop): a `git commit` made at the stop is
 * new work, whatever variables a committed `.env` hands it. Node decides what this cannot (a
 * `--reset-author-date` rebase). At an `edit` stop (`rebase-merge/amend`) none is git's replay: its
 * `--continue` commits only to amend the stopped commit with what was staged there (new work).
 * Between steps of an interactive rebase (`rebase-merge`, no stop, no `author-script`: a `break`
 * stop, an `exec` step) git commits nothing of its own, so the variables are emptied there too.
 * Read by the shell (three lines, no process; file tests only when no stop), only with git's
 * variables set: a person's commit pays nothing.
 */
function stopLines(name: string): string[] {
  const script = `"$aitrail_g/${REBASE_AUTHOR_SCRIPT}"`;
  return [
    // Between steps (a `break` stop, an `exec` step) there is no author-script: git replays nothing there (in-rebase.ts).
    `[ -n "$${name}" ] && [ -d "$aitrail_g/rebase-merge" ] && ! [ -e "$aitrail_g/${REBASE_STOPPED}" ] && ! [ -e ${script} ] && ${name}=`,
    `if [ -n "$${name}" ] && [ -e "$aitrail_g/${REBASE_STOPPED}" ]; then`,
    `  ${name}=`,
    `  if [ -n "\${GIT_AUTHOR_DATE+x}" ] && ! [ -e "$aitrail_g/${REBASE_AMEND}" ] && [ -f ${script} ]; then`,
    `    while IFS= read -r aitrail_l || [ -n "$aitrail_l" ]; do [ "$aitrail_l" = "GIT_AUTHOR_DATE='$GIT_AUTHOR_DATE'" ] && ${name}=1; aitrail_l=; done <${script}`,
    '  fi',
    'fi',
  ];
}

/**
 * prepare-commit-msg (src/hooks/prepare-commit-msg.ts) records nothing for a rebase replaying
 * commits (GIT_CHERRY_PICK_HELP set, or GIT_REFLOG_ACTION `rebase…`, while `rebase-merge` or
 * `rebase-apply` is in the git dir): their trailers travel with
 * their messages, whatever the environment says now. Before that it only tidies: it removes the
 * template marker and what an earlier cherry-pick kept, and keeps a cherry-pick being committed
 * outside a rebase (`CHERRY_PICK_HEAD`, no `rebase-merge`/`rebase-apply`). So a replay with none of
 * these ends here. A fixup or squash step (`rebase-merge/current-fixups` there) is recorded with what
 * the commits it folds declared: it ends here only when none of them holds an AI signal
 * (aitrail_folded), else node starts whatever the message says. The git dir as node's hookGitDir
 * finds it from the message file (`$1`): GIT_DIR when git set it, else the file's folder when it is
 * a git dir; anything else starts node.
 */
export function rebaseReplayGate(): string[] {
  return [
    '# A rebase replaying commits records nothing (their trailers travel with their messages): it ends here unless node has a template marker, a kept cherry-pick or a cherry-pick to keep to tidy, or a fixup or squash step folds a commit that may name an agent.',
    'aitrail_fold=',
    ...inRebaseLines('aitrail_r'),
    'if [ -n "$aitrail_r" ] && [ -n "${1-}" ] && [ -f "$1" ]; then',
    '  aitrail_g=${GIT_DIR:-${1%/*}}',
    // Only while a rebase is under way in that git dir: git's variables alone may come from a committed .env (in-rebase.ts).
    `  if [ "$aitrail_g" != "$1" ] && [ -f "$aitrail_g/HEAD" ] && { [ -n "\${GIT_DIR-}" ] || [ -d "$aitrail_g/objects" ] || [ -f "$aitrail_g/commondir" ]; } && ${REBASING}; then`,
    // At a stop, a commit without the author git gives its own is new work (in-rebase.ts): node records it.
    ...stopLines('aitrail_r').map((line) => `    ${line}`),
    `    if [ -n "$aitrail_r" ] && ! ${there(`$aitrail_g/${TEMPLATE_MARKER}`)} && ! ${there(`$aitrail_g/${PICK_SOURCE}`)}; then`,
    // A commit an `exec` step makes (the last line of rebase-merge/done) is new work, not a replay: git exports
    // GIT_CHERRY_PICK_HELP to exec commands too. Read only when git exported an author: `git commit` exports
    // GIT_AUTHOR_NAME, _EMAIL and _DATE together (builtin/commit.c determine_author_info), a pick's hook gets
    // none of git's. A person who exports GIT_AUTHOR_NAME (and EMAIL) in the shell's environment hands it to every
    // pick, but never GIT_AUTHOR_DATE: without the date, no `tail` process per replayed commit (session 48, row 876).
    '      aitrail_x=',
    `      if [ -n "\${GIT_AUTHOR_NAME+x}" ] && [ -n "\${GIT_AUTHOR_DATE+x}" ] && [ -f "$aitrail_g/${REBASE_DONE}" ]; then aitrail_safe; aitrail_x=$(tail -n 1 "$aitrail_g/${REBASE_DONE}" 2>/dev/null) || aitrail_x=exec; fi`,
    '      case $aitrail_x in "exec "*|"x "*|"exec\t"*|"x\t"*) ;; *)',
    // A fixup or squash step (git keeps the chain's folded commits in current-fixups): node records what they declared, when any of them may declare something.
    // Decided after the fast path (foldStepGate): `aitrail_fold=2` keeps the fast path from ending it, and a person's
    // commit, which ends there, never parses aitrail_plain's patterns.
    `        [ -e "$aitrail_g/${REBASE_FIXUPS}" ] || exit 0`,
    '        aitrail_fold=2',
    '        ;;',
    '      esac',
    '    fi',
    '  fi',
    'fi',
  ];
}

/**
 * prepare-commit-msg at a rebase's fixup or squash step (rebaseReplayGate set `aitrail_fold=2`; the fast
 * path, which an `aitrail_fold` keeps from ending the hook, ran nothing): ends it when none of the folded
 * commits may name an agent (aitrail_folded), else node starts (`aitrail_fold=1`). Placed after the fast
 * path's exit, with the functions it alone needs: dash parses a script one command at a time, so a
 * commit the fast path ends never parses aitrail_plain's ~11 KB of patterns (~0.8 million instructions,
 * a sixth of that shim's work); the decision is the same one, taken a few lines later (nothing between
 * reads or sets what aitrail_folded reads: `aitrail_g`, the rebase's files).
 */
function foldStepGate(): string[] {
  return [
    "# A rebase's fixup or squash step (aitrail_fold=2, set above): node records what the commits it folds declared, when any of them may name an agent.",
    'if [ "$aitrail_fold" = 2 ]; then',
    ...plainCommitsFunction().map((line) => `  ${line}`),
    ...foldedQuietFunction(packageVersion()).map((line) => `  ${line}`),
    ...foldedQuietCall('  '),
    'fi',
  ];
}

/**
 * commit-msg (src/hooks/reworded-attributions.ts) carries what a commit declared into the message a
 * rebase's `reword` step gives it, when the editor dropped it: git picks the commit, then amends it
 * with the editor, and only commit-msg sees the new message. A person's reword reads as no AI to the
 * fast path, so a reword step (a rebase's variables, the last line of `rebase-merge/done`) sets
 * `aitrail_rw` and the fast path lets node start; the git dir as rebaseReplayGate finds it.
 */
export function rewordGate(): string[] {
  return [
    "# A rebase's reword step starts node: the editor's new message may have dropped what the commit declared.",
    ...inRebaseLines('aitrail_rw'),
    'if [ -n "$aitrail_rw" ] && [ -n "${1-}" ]; then',
    '  aitrail_x=',
    `  aitrail_w=\${GIT_DIR:-\${1%/*}}/${REBASE_DONE}`,
    '  [ -f "$aitrail_w" ] && aitrail_safe && aitrail_x=$(tail -n 1 "$aitrail_w" 2>/dev/null)',
    '  case $aitrail_x in "reword "*|"r "*|"reword\t"*|"r\t"*) ;; *) aitrail_rw= ;; esac',
    'fi',
  ];
}

/**
 * applypatch-msg: `git rebase --apply` replays commits through `git am --rebasing`, which runs the
 * hook for every commit it replays; git marks it with `rebase-apply/rebasing` beside the message
 * file (`git am` itself: `rebase-apply/applying`). A replay records and refuses nothing, as
 * prepare-commit-msg and commit-msg do for a rebase's picks. A file in the git dir, never in the
 * repository's content.
 */
function applyReplayGate(): string[] {
  return [
    '# `git rebase --apply` (git am --rebasing, marked by rebase-apply/rebasing beside the message file) replays commits: nothing to record or refuse.',
    'case ${1-} in */rebase-apply/final-commit) [ -e "${1%/*}/rebasing" ] && exit 0 ;; esac',
    // git am opens no editor and stores the message as it is, `#` lines and all: the fast path reads it as
    // for `git commit -F` (GIT_EDITOR=:, as node's handler does), never as comments git would strip.
    '# git am stores the message as it is (no editor, `#` lines kept): read it as git commit -F would be.',
    'GIT_EDITOR=:',
  ];
}

/**
 * pre-applypatch: git gives it no argument; the message `git am` commits is
 * `<git dir>/rebase-apply/final-commit` (GIT_DIR, which git sets in a linked worktree, else the
 * work tree top's `.git`, where git runs the hook). Given as `$1` to the lines after (the fast
 * path, node's handler): a `.git` file or a missing message is a doubt (node finds the git dir).
 */
function appliedMessageGate(): string[] {
  return ['# git am gives pre-applypatch no argument: its message is <git dir>/rebase-apply/final-commit.', 'set -- "${GIT_DIR:-.git}/rebase-apply/final-commit"'];
}

/**
 * pre-applypatch, after the fast path: applypatch-msg's node passed this very message in this
 * `git am` with the paths git applies (it left a copy, `rebase-apply/aitrail-judged`, only with no
 * `apply-opt` and no `-3`; git removes the folder when `git am` ends), and no agent variable is set:
 * nothing more to judge, no second node start for a person's signed-off patch. Any agent variable,
 * an `aitrail use` session (`<git dir>/aitrail/session.json`: it may have been set since, and
 * applypatch-msg judged the models of its own moment),
 * another message (edited before `--continue`), `-p<n>`/`--directory`/`-3`: node judges.
 */
/** The `aitrail use` session of a worktree, under its git dir (src/session/session-file.ts sessionPath). */
const SESSION_FILE = 'aitrail/session.json';

function judgedMessageGate(): string[] {
  const env = envNames().map((name) => `\${${name}+x}`).join('');
  return [
    "# applypatch-msg passed this very message in this git am with the patch's own paths (its copy, rebase-apply/aitrail-judged), no agent variable is set and no `aitrail use` session (set since, maybe): nothing more to judge.",
    'aitrail_d=${1%/final-commit}',
    `if [ -z "${env}" ] && ! ${there(`\${aitrail_d%/rebase-apply}/${SESSION_FILE}`)} && [ -f "$aitrail_d/aitrail-judged" ] && ! [ -s "$aitrail_d/apply-opt" ] && { read -r aitrail_t <"$aitrail_d/threeway"; } 2>/dev/null && [ "$aitrail_t" = f ] && aitrail_same "$1" "$aitrail_d/aitrail-judged"; then exit 0; fi`,
  ];
}

/**
 * post-applypatch: node writes the note of the commit `git am` made only from an agent's pending
 * checkpoints (post-commit's first test). `git rebase --apply`'s commits (`rebase-apply/rebasing`,
 * written when the rebase starts) are replays, but the one `git rebase --continue` makes after a
 * conflict stop holds the resolution (row 491 for the am backend): a checkpoint newer than the
 * marker (an agent's edit during the rebase, at a stop) starts node; older ones (left before the
 * rebase) do not. A person's `git am` with no checkpoint starts nothing.
 */
function appliedCheckpointsGate(): string[] {
  return [
    `# Nothing to note unless an agent left a checkpoint (<git dir>/${CHECKPOINT_DIR}/*${CHECKPOINT_SUFFIX}); git rebase --apply (rebase-apply/rebasing) replays, but for a checkpoint written since it started (at a stop).`,
    ...worktreeGitDirLines(),
    'aitrail_r=',
    '[ -e "$aitrail_g/rebase-apply/rebasing" ] && aitrail_r=$aitrail_g/rebase-apply/rebasing',
    'aitrail_p=',
    `for aitrail_f in "$aitrail_g"/${CHECKPOINT_DIR}/*${CHECKPOINT_SUFFIX} "$aitrail_g"/${CHECKPOINT_DIR}/.*${CHECKPOINT_SUFFIX} "$aitrail_g"/${CHECKPOINT_DIR}/${CHECKPOINT_SUFFIX}; do if [ -e "$aitrail_f" ] || [ -L "$aitrail_f" ]; then if [ -z "$aitrail_r" ] || ! [ -e "$aitrail_f" ] || [ "$aitrail_f" -nt "$aitrail_r" ]; then aitrail_p=1; break; fi; fi; done`,
    '[ -n "$aitrail_p" ] || exit 0',
  ];
}

/**
 * What a hook checks before it looks for aitrail, so that a commit or a history edit with nothing
 * for node to do starts nothing: the message hooks' fast path, the rebase replays prepare-commit-msg
 * records nothing for, post-commit's pending checkpoints, post-rewrite's notes. The shims
 * (shim-source.ts) and the husky block (husky-block.ts) run the same lines; `shim`: the git shims'
 * prepare-commit-msg also keeps the commit a plain `git commit --amend --no-edit` amends (fast-path.ts
 * amendSourceLines), which the husky block, whose functions every commit parses, does not.
 */
export function hookGates(hook: InstalledHook, shim = false): string[] {
  if (hook === 'prepare-commit-msg') return [...sameFunction(), ...rebaseReplayGate(), ...fastPathFunctions(packageVersion()), ...freshFunction(), ...preparedFunction(), ...fastPathCall(true, undefined, shim ? packageVersion() : undefined), ...foldStepGate()];
  if (hook === 'commit-msg') return [...rewordGate(), ...fastPathLines(packageVersion(), '[ -z "$aitrail_rw" ]')];
  if (hook === 'applypatch-msg') return [...applyReplayGate(), ...fastPathLines(packageVersion())];
  if (hook === 'pre-applypatch') return [...appliedMessageGate(), ...applyReplayGate(), ...fastPathLines(packageVersion()), ...judgedMessageGate()];
  if (hook === 'post-commit') return pendingCheckpointsGate();
  if (hook === 'post-applypatch') return appliedCheckpointsGate();
  if (hook === 'post-rewrite') return notesToCarryGate();
  return [];
}
