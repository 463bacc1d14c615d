// Every user-facing line about writing git-ai notes (post-commit, post-rewrite, notes squash, pre-push), in one place.
import { plural } from '../core/blame/format.js';
import { fetchNotesCommand } from '../core/notes/notes-ref.js';
import { sanitize } from '../core/sanitize.js';

const short = (sha: string) => sha.slice(0, 12);

export const recordMessages = {
  noteExists: (commit: string) =>
    `commit ${short(commit)} already has a note in refs/notes/ai (written by git-ai?): left as it is, aitrail's line-level record of it is not written.`,
  rewriteUnreadable: (commit: string) => `the git-ai note of ${short(commit)} cannot be read; the rewritten commit keeps the copy git made.`,
  rewriteForeign: (old: string, commit: string) =>
    `the git-ai note of ${short(old)} was written for another commit (copied there by an amend or rebase without aitrail's hooks): its line numbers cannot be carried to ${short(commit)}, which keeps it as it is (read for every line of the commit).`,
  squashNoNotes: (range: string) => `no commit of ${sanitize(range, { max: 200 })} has a git-ai note: nothing to compose.`,
  squashExists: (commit: string) => `${short(commit)} already has a different note in refs/notes/ai; use --force to replace it.`,
  squashWritten: (commit: string, files: number, notes: number) => `wrote the git-ai note of ${short(commit)}: ${plural(files, 'file', 'files')}, composed from ${plural(notes, 'note', 'notes')}.`,
  squashUnchanged: (commit: string) => `the git-ai note of ${short(commit)} is already this one; nothing changed.`,
  squashMergeUnnoted: (commit: string, silent: string, parent: string) =>
    `squash commit ${short(commit)} got no line-level note: squashed commit ${short(silent)} declares AI but has no git-ai note of its lines (a note would give them to a person), so the whole commit keeps its message's models; 'aitrail notes squash ${short(parent)}..<branch> --onto ${short(commit)}' writes one anyway.`,
  squashEmpty: (commit: string) => `no line of ${short(commit)} comes from the branch's AI lines: no note written.`,
  pushFailed: (remote: string, reason: string) =>
    `could not push refs/notes/ai to ${sanitize(remote, { max: 100 })} (${sanitize(reason, { max: 200 })}); the push itself goes on. If the remote has notes you lack, merge them (as git-ai does, into its own tracking ref): ${sanitize(fetchNotesCommand(remote), { max: 600 })}. To stop pushing notes: notes.push: false in the aitrail config.`,
};
