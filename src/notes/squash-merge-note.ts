import { commitSignals } from '../core/commit-signals.js';
import type { UnreadWhy } from '../core/notes/compose-note.js';
import { detectCommit, type DetectOptions } from '../core/detect.js';
import { composeMetadata, notesForRewrite, readNoteForRewrite } from '../core/notes/compose-note.js';
import { DEFAULT_NOTES_REF } from '../core/notes/notes-ref.js';
import { isEmptyNote } from '../core/notes/parse-authorship-log.js';
import { serializeAuthorshipLog, type NoteToWrite } from '../core/notes/serialize-authorship-log.js';
import { streamCommits } from '../git/log.js';
import { listNotes, notesTip, type NoteEntry } from '../git/notes.js';
import { readRevisionBlobs } from '../git/revision-blobs.js';
import { changedPaths } from '../git/ignored-revs.js';
import { commitsFromTips } from '../git/rev-list.js';
import { writeNote } from '../git/write-note.js';
import { composeFiles, type NoteSource } from './compose-files.js';
import { foreignSources, wideBase, wideFiles } from './foreign-sources.js';
import { recordMessages } from './messages.js';
import { usableNoteOid } from './note-size-limit.js';


/** What post-commit knows of the squash commit it just made. */
export interface SquashCommit {
  top: string;
  head: string;
  parent: string;
  /** The commits `SQUASH_MSG` named (squash-source.ts). */
  squashed: readonly string[];
  /** The note post-commit itself wrote for `head` just before, from the agents' checkpoints, or null. */
  own: string | null;
  options: DetectOptions;
  /** Told the paths the squashed commits' readable notes name, when one names any (reset-note.ts keeps looking at later commits then). */
  noted?: (paths: readonly string[]) => void;
  /** Told the text of the note written (reset-note.ts keeps an amend's for post-rewrite). */
  written?: (text: string) => void;
  /** Paths whose squashed notes are not carried (reset-note.ts: after a reset onto a sibling, the files this commit does not hold as the old tip did, row 979). */
  skip?: ReadonlySet<string>;
  /**
   * A note written for another commit is read commit-wide only for the files this commit changes (reset-note.ts: after a
   * reset the commit may be the person's own work beside the undone commits' files, row 1017); a squash merge's keeps all.
   */
  changedOnly?: boolean;
}

/**
 * post-commit after `git merge --squash` and `git commit`: git copies no note to the squash commit,
 * whose message quotes the branch's trailers, so every line of it read as the models they name. Its
 * note is composed as `aitrail notes squash <parent>..<branch> --onto HEAD` composes it, from the
 * notes of the branch's commits (oldest first, the note post-commit wrote for it last), each line
 * carried through a line diff; git-ai's own note of it is left alone. A branch commit that declares
 * AI without a note attesting its lines keeps the message's word for the whole commit: a note
 * would hand its lines to a person. Returns warnings.
 */
export async function writeSquashMergeNote(commit: SquashCommit): Promise<string[]> {
  const { top, head } = commit;
  const commits = await commitsFromTips(top, commit.parent, commit.squashed);
  const tip = await notesTip(top, DEFAULT_NOTES_REF);
  const entries: Map<string, NoteEntry> = tip ? await listNotes(top, tip) : new Map();
  const named = commits.flatMap((rev) => {
    const oid = usableNoteOid(entries.get(rev));
    return oid ? [{ rev, oid }] : [];
  });
  if (named.length === 0) return [];
  const currentOid = usableNoteOid(entries.get(head));
  const got = await readRevisionBlobs(top, [...named.map((source) => source.oid), ...(currentOid ? [currentOid] : [])]);
  const current = currentOid ? (got[named.length]?.content.toString('utf8') ?? null) : null;
  // A note aitrail did not just write (git-ai's, chained before): its word on the squash stands.
  if (current !== null && current !== commit.own && !isEmptyNote(current)) return [];
  const sources: NoteSource[] = [];
  const attesting = new Set<string>();
  const unread: Array<{ rev: string; why: UnreadWhy }> = [];
  named.forEach((source, index) => {
    const text = got[index]?.content.toString('utf8');
    const { notes, why, salvaged } = text === undefined ? { notes: [] } : notesForRewrite(text);
    for (const note of notes) {
      sources.push({ note, rev: source.rev });
      if (note.files.size > 0) attesting.add(source.rev);
    }
    // A note naming agents or models that cannot be composed (row 1186): a note composed without it would name none of them.
    if (salvaged) unread.push({ rev: source.rev, why: why ?? 'malformed' });
  });
  if (unread.length > 0) return [recordMessages.squashMergeMalformed(head, unread[0]!.rev, commit.parent, unread[0]!.why)];
  if (attesting.size === 0) return [];
  commit.noted?.([...new Set(sources.flatMap((source) => [...source.note.files.keys()]))]);
  const skip = commit.skip;
  if (skip !== undefined && skip.size > 0) for (const source of sources) for (const path of skip) source.note.files.delete(path);
  const silent = commits.filter((rev) => !attesting.has(rev));
  if (silent.length > 0) {
    for await (const record of streamCommits(top, silent, { extra: ['--no-walk=unsorted'], whole: true })) {
      if (detectCommit(commitSignals(record), commit.options).length > 0) return [recordMessages.squashMergeUnnoted(head, record.sha, commit.parent)];
    }
  }
  const own = commit.own === null ? null : readNoteForRewrite(commit.own);
  if (own) sources.push({ note: own, rev: head });
  // A source note written for another commit (copied by an unhooked amend or rebase): its line numbers name no line; the composed note is commit-wide (foreign-sources.ts).
  let foreign = await foreignSources(top, sources);
  if (foreign.length > 0 && commit.changedOnly === true) {
    // Its files this commit does not change give it no line: never a reason to read every line of it as their models' (row 1017).
    const changed = (await changedPaths(top, [head])).get(head) ?? new Set<string>();
    for (const source of foreign) for (const path of [...source.note.files.keys()]) if (!changed.has(path)) source.note.files.delete(path);
    const idle = new Set(foreign.filter((source) => source.note.files.size === 0));
    foreign = foreign.filter((source) => !idle.has(source));
    sources.splice(0, sources.length, ...sources.filter((source) => !idle.has(source)));
  }
  const wide = foreign.length > 0;
  const note: NoteToWrite = { files: wide ? await wideFiles(top, head, sources, foreign) : await composeFiles(top, head, sources), ...composeMetadata(sources.map((source) => source.note.metadata), wide ? wideBase(head) : head) };
  if (note.files.length === 0) return [];
  const text = serializeAuthorshipLog(note);
  if (text !== current) writeNote(top, DEFAULT_NOTES_REF, head, text, { force: current !== null });
  commit.written?.(text);
  return [];
}
