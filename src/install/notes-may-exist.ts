import { FRESH_NOTE } from '../core/checkpoint/store-layout.js';
import { DEFAULT_NOTES_REF } from '../core/notes/notes-ref.js';

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
