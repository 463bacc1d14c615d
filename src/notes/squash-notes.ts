import { composeMetadata, notesForRewrite, type NoteForRewrite } from '../core/notes/compose-note.js';
import type { UnreadWhy } from '../core/notes/compose-note.js';
import { DEFAULT_NOTES_REF } from '../core/notes/notes-ref.js';
import { isEmptyNote } from '../core/notes/parse-authorship-log.js';
import type { AuthorshipLog } from '../core/notes/types.js';
import { serializeAuthorshipLog, type NoteToWrite } from '../core/notes/serialize-authorship-log.js';
import { sanitize } from '../core/sanitize.js';
import { UsageError } from '../errors/usage-error.js';
import { checkRevisionText, UnknownRevisionError } from '../git/unknown-revision.js';
import { listNotes, notesTip } from '../git/notes.js';
import { resolveCommits } from '../git/resolve-commits.js';
import { commitsBetween } from '../git/rev-list.js';
import { readRevisionBlobs } from '../git/revision-blobs.js';
import { writeNote } from '../git/write-note.js';
import { composeFiles } from './compose-files.js';
import { foreignSources, wideBase, wideFiles } from './foreign-sources.js';
import { recordMessages } from './messages.js';
import { NOTE_SIZE_LIMIT } from './note-size-limit.js';
import { splitRange } from '../core/split-range.js';

export interface SquashOptions {
  cwd: string;
  range: string;
  onto: string;
  force?: boolean;
}

export interface SquashResult {
  status: 'written' | 'unchanged' | 'exists' | 'no-notes' | 'empty' | 'malformed';
  commit: string;
  files: number;
  notes: number;
  message: string;
}

/**
 * `aitrail notes squash <base>..<head> --onto <commit>`: the note of a squash-merged commit (the
 * hosting service's squash drops the branch commits and their notes) composed from the notes of
 * the branch's commits, oldest first, each carried to `<commit>`'s files through a line diff (a
 * later note wins a line; lines changed since are not claimed), keeping only the lines `<commit>`
 * adds to its parent. Every session, prompt and human record of those notes is kept.
 */
export async function squashNotes(options: SquashOptions): Promise<SquashResult> {
  // Two dots, both sides named (splitRange: the first `..` splits it, as check reads it).
  const split = splitRange(options.range);
  if (!split || split.dots !== '..' || split.left === '' || split.right === '' || options.range.includes('...')) throw new UsageError(`'${sanitize(options.range, { max: 200 })}' is not a range <base>..<head> (two dots): give the branch's base and head, e.g. origin/main..feature.`);
  const { left: baseRev, right: headRev } = split;
  // Text that is no revision at all (empty, option-like, blanks or control characters) is bad usage (exit 2), as blame's and trend's are.
  for (const rev of [baseRev, headRev, options.onto]) checkRevisionText(rev, rev === options.onto ? '--onto' : 'revision', { blanks: true });
  const resolved = await resolveCommits(options.cwd, [baseRev, headRev, options.onto]);
  for (const rev of [baseRev, headRev, options.onto]) {
    if (!resolved.get(rev)) throw new UnknownRevisionError(rev === options.onto ? '--onto' : 'commit', rev, rev === options.onto ? '' : ' A pull request\'s head: git fetch origin pull/<n>/head.');
  }
  const onto = resolved.get(options.onto)!;
  const commits = await commitsBetween(options.cwd, resolved.get(baseRev)!, resolved.get(headRev)!);
  const tip = await notesTip(options.cwd, DEFAULT_NOTES_REF);
  const entries = tip ? await listNotes(options.cwd, tip) : new Map();
  const noted = commits.filter((commit) => {
    const entry = entries.get(commit);
    return entry && entry.type === 'blob' && entry.size >= 0 && entry.size <= NOTE_SIZE_LIMIT;
  });
  const result = (status: SquashResult['status'], message: string, files = 0): SquashResult => ({ status, commit: onto, files, notes: noted.length, message });
  if (noted.length === 0) return result('no-notes', recordMessages.squashNoNotes(options.range));
  const current = entries.get(onto);
  const texts = await readRevisionBlobs(options.cwd, [...noted.map((commit) => entries.get(commit)!.oid), ...(current?.type === 'blob' ? [current.oid] : [])]);
  const sources: Array<{ commit: string; note: NoteForRewrite }> = [];
  const unread: Array<{ commit: string; names: string[]; why: UnreadWhy }> = [];
  noted.forEach((commit, index) => {
    const text = texts[index]?.content.toString('utf8');
    const { notes, why, salvaged } = text === undefined ? { notes: [] } : notesForRewrite(text);
    for (const note of notes) sources.push({ commit, note });
    // A note naming agents or models that cannot be composed (row 1186): composing without it would drop them from the squash commit's note.
    if (salvaged) unread.push({ commit, names: salvagedNames(salvaged), why: why ?? 'malformed' });
  });
  if (unread.length > 0) return result('malformed', recordMessages.squashMalformed(unread, onto));
  const carried = sources.map((source) => ({ note: source.note, rev: source.commit }));
  // A source note written for another commit (copied by an unhooked amend or rebase): its line numbers name no line; the composed note is commit-wide (foreign-sources.ts).
  const foreign = await foreignSources(options.cwd, carried);
  const wide = foreign.length > 0;
  const note: NoteToWrite = { files: wide ? await wideFiles(options.cwd, onto, carried, foreign) : await composeFiles(options.cwd, onto, carried), ...composeMetadata(sources.map((source) => source.note.metadata), wide ? wideBase(onto) : onto) };
  if (note.files.length === 0) return result('empty', recordMessages.squashEmpty(onto));
  const text = serializeAuthorshipLog(note);
  const existing = current?.type === 'blob' ? texts[noted.length]?.content.toString('utf8') : undefined;
  if (existing === text) return result('unchanged', recordMessages.squashUnchanged(onto), note.files.length);
  // git-ai's empty note of the squash commit (it saw no AI line in it) attests nothing: replaced.
  if (existing !== undefined && !options.force && !isEmptyNote(existing)) return result('exists', recordMessages.squashExists(onto), note.files.length);
  writeNote(options.cwd, DEFAULT_NOTES_REF, onto, text, { force: options.force === true || existing !== undefined });
  return result('written', recordMessages.squashWritten(onto, note.files.length, new Set(sources.map((source) => source.commit)).size), note.files.length);
}

/** `tool/model` of each record a salvaged note names (`?` for a part it leaves out), each once. */
function salvagedNames(log: Pick<AuthorshipLog, 'sessions' | 'prompts'>): string[] {
  const names = new Set<string>();
  for (const record of [...log.sessions.values(), ...log.prompts.values()]) {
    for (const one of [record, ...(record.others ?? [])]) if (one.tool !== null || one.model !== null) names.add(`${one.tool ?? '?'}/${one.model ?? '?'}`);
  }
  return [...names];
}
