import { FRESH_NOTE } from '../core/checkpoint/store-layout.js';
import { DEFAULT_NOTES_REF } from '../core/notes/notes-ref.js';
import { shQuote } from '../core/sh-quote.js';

/** sh: `[ -e … ] || [ -L … ]`, the name is there, a dangling symbolic link too (node's reads and removals see it). */
export const there = (path: string) => `{ [ -e "${path}" ] || [ -L "${path}" ]; }`;

/** sh: a rebase is under way in the git dir `aitrail_g` (git's state folders, as node's `rebasing` reads them). */
export const REBASING = '{ [ -e "$aitrail_g/rebase-merge" ] || [ -e "$aitrail_g/rebase-apply" ]; }';

/**
 * sh lines, indented by `indent`, that set `aitrail_n=1` when a git-ai note may exist for node to
 * carry (post-rewrite, a cherry-pick's post-commit), else `aitrail_n=` : refs/notes/ai where git
 * keeps it, in the common git dir (GIT_COMMON_DIR, or the `commondir` a linked worktree's git dir
 * names), as a loose ref or a mention in packed-refs; any reftable repository (not read here); or
 * the note post-commit just wrote (`<git dir>/aitrail/last-note`). Reads `aitrail_g` (the
 * worktree's git dir), sets `aitrail_c`. No git, no node; safe under husky's `sh -e`.
 */
export function notesMayExistLines(indent = ''): string[] {
  const ref = DEFAULT_NOTES_REF;
  return [
    'aitrail_c=${GIT_COMMON_DIR-}',
    'if [ -z "$aitrail_c" ]; then',
    '  aitrail_c=$aitrail_g',
    '  if [ -f "$aitrail_g/commondir" ]; then read -r aitrail_c <"$aitrail_g/commondir" || :; case $aitrail_c in /*) ;; *) aitrail_c=$aitrail_g/$aitrail_c ;; esac; fi',
    'fi',
    'aitrail_n=',
    `if ${there(`$aitrail_g/${FRESH_NOTE}`)} || ${there(`$aitrail_c/${ref}`)} || [ -e "$aitrail_c/reftable" ]; then aitrail_n=1`,
    `elif [ -f "$aitrail_c/packed-refs" ] && aitrail_safe && grep -q -F '${ref}' "$aitrail_c/packed-refs"; then aitrail_n=1`,
    `elif [ -e "$aitrail_c/packed-refs" ] && [ ! -f "$aitrail_c/packed-refs" ]; then aitrail_n=1`,
    'fi',
  ].map((line) => `${indent}${line}`);
}

/**
 * sh function `aitrail_jr`, true when the commit being made is surely no revert whose restored content
 * is noted (row 1015, 1034): no cherry-pick (`CHERRY_PICK_HEAD`, MERGE_MSG's `-x` line) nor squash under
 * way, and no parent of any commit MERGE_MSG names on git revert's own line (`This reverts commit <sha>`,
 * 4 to 64 digits: a full sha, or the abbreviated one of git's reference format, which node's revertSource
 * resolves too: row 1042, as few digits as `core.abbrev` asks, git's minimum 4: row 1061; a line after a `\n`, as node's revertOf reads it: row 1041) has a note in refs/notes/ai. node's revertSource keeps
 * a restored commit (one of those parents) only when `git notes list` finds its note: with none, node
 * would keep nothing and the commit is judged as any other, so a person's revert in a repository with
 * a notes ref spares node (86 ms) for one grep, one `git rev-parse --disambiguate` (row 1074), one `git rev-parse <sha>^@`, one `git notes list` and one `git rev-parse <parent>^2` per parent (a merge: one `git log` of the named commits and a grep; doubt when one of them reverts that merge, rows 1106, 1120).
 * Any doubt (more than 4 named commits, one git does not know, git failing) is false:
 * node decides, as before. Reads `aitrail_g`; safe under husky's `sh -e`.
 */
export function revertRestoresNoNoteFunction(): string[] {
  const judge = [
    'aitrail_jq() {',
    '  [ ! -e "$aitrail_g/CHERRY_PICK_HEAD" ] && [ ! -e "$aitrail_g/SQUASH_MSG" ] || return 1',
    // git revert's own lines (a `-x` line: doubt), read as text whatever bytes the file holds, as node reads it (`-a`: GNU grep 3.5+
    // prints nothing of a binary file's matches, only a note on stderr: row 1043); their shas' parents (git rev-parse `<sha>^@`).
    "  aitrail_jx=$(grep -a -o -e '^(cherry picked from commit ' -e '^This reverts commit [0-9a-f]*' \"$aitrail_g/MERGE_MSG\" </dev/null 2>/dev/null) || return 1",
    '  set -f',
    '  set --',
    // A fifth named commit is doubt at once: counted after the loop, a `set -- "$@" …` per line of a hostile MERGE_MSG was quadratic (row 1062).
    '  for aitrail_jl in $aitrail_jx; do case $aitrail_jl in This|reverts|commit) ;; *[!0-9a-f]*) set +f; return 1 ;; *) case ${#aitrail_jl} in [4-9]|[1-5][0-9]|6[0-4]) [ "$#" -lt 4 ] || { set +f; return 1; }; set -- "$@" "--disambiguate=$aitrail_jl" ;; esac ;; esac; done',
    // Each named commit looked for among objects only (`--disambiguate`: a branch or tag named like an abbreviation
    // would win in `rev-parse <sha>^@`, row 1074): one object per name, in order, bearing it, else doubt.
    '  [ "$#" = 0 ] || {',
    '    aitrail_jx=$(git -c core.fsmonitor=false rev-parse "$@" </dev/null 2>/dev/null) || { set +f; return 1; }',
    '    aitrail_jn=',
    '    for aitrail_jl in $aitrail_jx; do case ${1-} in --disambiguate=*) ;; *) set +f; return 1 ;; esac; case $aitrail_jl in "${1#--disambiguate=}"*) ;; *) set +f; return 1 ;; esac; shift; aitrail_jn="$aitrail_jn $aitrail_jl"; set -- "$@" "$aitrail_jl^@"; done',
    '    case ${1-} in --disambiguate=*) set +f; return 1 ;; esac',
    '    aitrail_jx=$(git -c core.fsmonitor=false rev-parse "$@" -- </dev/null 2>/dev/null) || { set +f; return 1; }',
    '  }',
    // Each parent: `git notes list` exits 1 when it has no note; a note (0) or any other failure: node decides.
    '  for aitrail_jl in ${1+$aitrail_jx}; do',
    '    case $aitrail_jl in --) continue ;; *[!0-9a-f]*) set +f; return 1 ;; esac',
    '    aitrail_jy=0',
    `    aitrail_jx=$(git -c core.fsmonitor=false notes --ref=${DEFAULT_NOTES_REF} list "$aitrail_jl" </dev/null 2>/dev/null) || aitrail_jy=$?`,
    '    [ "$aitrail_jy" = 1 ] || { set +f; return 1; }',
    // A merge with no note restores what it brought in only when a named commit itself reverts that merge (a revert of a
    // `revert -m 1`: node composes the notes of the commits it brought in, row 1106); the merge is also the parent of any
    // commit made right after it, whose revert restores nothing it brought in (row 1120). Doubt when a named commit's own
    // revert line names a prefix of the merge (4-64 digits; longer: doubt), as node's revertSource reads it (row 1116).
    '    if git -c core.fsmonitor=false rev-parse -q --verify "$aitrail_jl^2" </dev/null >/dev/null 2>&1; then',
    '      aitrail_jz=$(git -c core.fsmonitor=false log --no-walk --format=%B $aitrail_jn -- </dev/null 2>/dev/null) || { set +f; return 1; }',
    "      aitrail_jz=$(printf '%s\\n' \"$aitrail_jz\" | grep -a -o -e '^This reverts commit [0-9a-f]*' 2>/dev/null) || aitrail_jz=",
    '      for aitrail_jw in $aitrail_jz; do case $aitrail_jw in This|reverts|commit) ;; *) case ${#aitrail_jw} in [0-3]) ;; [4-9]|[1-5][0-9]|6[0-4]) case $aitrail_jl in "$aitrail_jw"*) set +f; return 1 ;; esac ;; *) set +f; return 1 ;; esac ;; esac; done',
    '    fi',
    '  done',
    '  set +f',
    '}',
  ];
  return [
    // A revert (row 1015) whose named commits have no noted parent: node would keep nothing to carry. No comment line in the shim: a person's commit lexes every byte before its gates end it.
    // Asked once per hook (prepare-commit-msg reads MERGE_MSG as a message of its own too); never a value the hook inherited.
    'unset aitrail_jd',
    'aitrail_jr() {',
    '  [ -n "${aitrail_jd-}" ] || { aitrail_jd=1; aitrail_jq && aitrail_jd=0; }',
    '  [ "$aitrail_jd" = 0 ]',
    '}',
    // Kept as text the shell scans without parsing, eval'd on the first revert (a person's commit parses none of it: dash parses a definition when it reaches it).
    `aitrail_jq() { eval ${shQuote(judge.join('\n'))}; aitrail_jq; }`,
  ];
}
