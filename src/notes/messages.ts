// Every user-facing line about writing git-ai notes (post-commit, post-rewrite, notes squash, pre-push), in one place.
import { plural } from '../core/blame/format.js';
import { fetchNotesCommand } from '../core/notes/notes-ref.js';
import { sanitize } from '../core/sanitize.js';
import { JOINED_NOTES_LIMIT } from '../core/notes/joined-notes.js';
import type { UnreadWhy } from '../core/notes/compose-note.js';

const short = (sha: string) => sha.slice(0, 12);

/** What a note of a `schema_version` this reader does not write is (row 1187: no malformed note). */
const VERSION = 'of a schema version this aitrail does not write: another git-ai version\'s';

/** Why a note `squashMalformed`/`squashMergeMalformed` names cannot be read, in words (a joined note's parts may each parse: no "malformed" of them). */
const UNREAD_WORDS: Record<UnreadWhy, string> = {
  malformed: 'malformed',
  version: VERSION,
  mixed: 'it joins git-ai notes with text that is none',
  disagree: 'it joins notes that disagree about an AI line',
  many: `it joins more notes than are read apart (${JOINED_NOTES_LIMIT})`,
  foreign: 'no git-ai note',
};

/** Why the notes named cannot be read, each reason once; and the advice that fits them (upgrading helps a version note only). */
const unreadKinds = (unread: ReadonlyArray<{ why: UnreadWhy }>): string => [...new Set(unread.map((one) => UNREAD_WORDS[one.why]))].join(', or ');
const unreadAdvice = (unread: ReadonlyArray<{ why: UnreadWhy }>): string => (unread.some((one) => one.why === 'version') ? ' or upgrade aitrail' : '');

export const recordMessages = {
  noteExists: (commit: string) =>
    `commit ${short(commit)} already has a note in refs/notes/ai (written by git-ai?): left as it is, aitrail's line-level record of it is not written.`,
  // What was said of each (row 1075): "cannot be read" of a note read whole, and "keeps the copy git made" where git made none (a cherry-pick, a revert).
  rewriteUnread: (old: string, commit: string, why: UnreadWhy | 'unreadable', kept: boolean) =>
    `${
      why === 'unreadable'
        ? `the git-ai note of ${short(old)} cannot be read (git gave no object for it)`
        : why === 'foreign'
          ? `the note of ${short(old)} in refs/notes/ai is no git-ai note (no lines nor models can be read from it)`
          : why === 'malformed'
            ? `the git-ai note of ${short(old)} is malformed (its parser refuses it), so its line numbers are not carried; check, pre-push and pre-receive read the models its metadata names for every line of a commit it is on`
          : why === 'version'
            ? `the git-ai note of ${short(old)} is ${VERSION}, so its line numbers are not carried (check, pre-push and pre-receive still read it)`
          : why === 'mixed'
            ? `the git-ai note of ${short(old)} joins git-ai notes with text that is none (appended to it by hand, or by another tool: no lines nor models can be read from that part), so its line numbers are not carried`
          : why === 'disagree'
            ? `the git-ai note of ${short(old)} joins notes (git notes merge -s union, git notes append) that disagree about an AI line (two agents for one line, or one record named as two agents), so its line numbers are not carried`
            : `the git-ai note of ${short(old)} joins more notes than are read apart (${JOINED_NOTES_LIMIT}), so its line numbers are not carried`
    }; ${kept ? `${short(commit)} keeps the note it has, as it is` : `${short(commit)} gets no note from it`}.`,
  rewriteForeign: (old: string, commit: string) =>
    `the git-ai note of ${short(old)} was written for another commit (copied there by an amend or rebase without aitrail's hooks): its line numbers cannot be carried to ${short(commit)}, which keeps it as it is (read for every line of the commit).`,
  squashNoNotes: (range: string) => `no commit of ${sanitize(range, { max: 200 })} has a git-ai note: nothing to compose.`,
  squashExists: (commit: string) => `${short(commit)} already has a different note in refs/notes/ai; use --force to replace it.`,
  squashWritten: (commit: string, files: number, notes: number) => `wrote the git-ai note of ${short(commit)}: ${plural(files, 'file', 'files')}, composed from ${plural(notes, 'note', 'notes')}.`,
  squashUnchanged: (commit: string) => `the git-ai note of ${short(commit)} is already this one; nothing changed.`,
  squashMergeUnnoted: (commit: string, silent: string, parent: string) =>
    `squash commit ${short(commit)} got no line-level note: squashed commit ${short(silent)} declares AI but has no git-ai note of its lines (a note would give them to a person), so the whole commit keeps its message's models; 'aitrail notes squash ${short(parent)}..<branch> --onto ${short(commit)}' writes one anyway.`,
  squashMalformed: (unread: ReadonlyArray<{ commit: string; names: readonly string[]; why: UnreadWhy }>, commit: string) =>
    `no note written for ${short(commit)}: the git-ai note of ${unread
      .slice(0, 3)
      .map((one) => `${short(one.commit)} (naming ${sanitize(one.names.slice(0, 4).join(', '), { max: 200 })})`)
      .join(', ')}${unread.length > 3 ? ` and ${unread.length - 3} more` : ''} cannot be read (${unreadKinds(unread)}), so its lines cannot be carried, and a note composed without it would name none of its models. Mend it (git notes --ref refs/notes/ai edit <commit>)${unreadAdvice(unread)}, and run this again.`,
  squashMergeMalformed: (commit: string, malformed: string, parent: string, why: UnreadWhy) =>
    `squash commit ${short(commit)} got no line-level note: the git-ai note of squashed commit ${short(malformed)} cannot be read (${unreadKinds([{ why }])}), and a note composed without it would name none of the models its metadata names; mend it (git notes --ref refs/notes/ai edit ${short(malformed)})${unreadAdvice([{ why }])}, then run 'aitrail notes squash ${short(parent)}..<branch> --onto ${short(commit)}'.`,
  squashEmpty: (commit: string) => `no line of ${short(commit)} comes from the branch's AI lines: no note written.`,
  pushFailed: (remote: string, reason: string) =>
    `could not push refs/notes/ai to ${sanitize(remote, { max: 100 })} (${sanitize(reason, { max: 200 })}); the push itself goes on. If the remote has notes you lack, merge them (as git-ai does, into its own tracking ref): ${sanitize(fetchNotesCommand(remote), { max: 600 })}. To stop pushing notes: notes.push: false in the aitrail config.`,
};
