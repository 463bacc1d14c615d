import { composeMetadata, notesForRewrite, readNoteForRewrite } from '../core/notes/compose-note.js';
import { DEFAULT_NOTES_REF } from '../core/notes/notes-ref.js';
import { serializeAuthorshipLog, type NoteToWrite } from '../core/notes/serialize-authorship-log.js';
import { listNotes, notesTip, type NoteEntry } from '../git/notes.js';
import { readRevisionBlobs } from '../git/revision-blobs.js';
import { addedLines } from '../git/added-lines.js';
import { foreignSources, wideBase, wideFiles } from './foreign-sources.js';
import { composeFiles, type NoteSource } from './compose-files.js';
import { writeNote } from '../git/write-note.js';
import { freshNoteOf } from './fresh-note.js';
import { recordMessages } from './messages.js';
import { usableNoteOid } from './note-size-limit.js';

const ID = /^[0-9a-f]{40,64}$/;

/** `<old> <new>[ <extra>]` lines of post-rewrite's stdin. */
export function parseRewrites(text: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const line of text.split('\n')) {
    const [old, rewritten] = line.trim().split(' ');
    if (old && rewritten && ID.test(old) && ID.test(rewritten)) pairs.push([old, rewritten]);
  }
  return pairs;
}




/**
 * The note of each rewritten commit, recomputed from its old commits' notes (several for a
 * squash or fixup, oldest first; also the note post-commit just wrote for it, after an amend or a
 * cherry-pick): every
 * noted line carried through a diff of its file between the commits, so line numbers hold after a
 * rebase that changed the file above them, and lines changed by the rewrite are no longer claimed.
 * Replaces the copy git made (notes.rewriteRef: verbatim, or several notes concatenated) only
 * when it differs. Returns warnings. `clip` (a revert: row 1015): only the lines the new commit adds
 * against `parent` keep their claim, and only the records those lines name stay (a record kept without a
 * line still names its model for the whole commit); a note for another commit is not carried then.
 */
export async function carryRewrittenNotes(top: string, gitDir: string, pairs: ReadonlyArray<[string, string]>, clip?: { parent: string | null }): Promise<string[]> {
  const warnings: string[] = [];
  const tip = await notesTip(top, DEFAULT_NOTES_REF);
  const entries: Map<string, NoteEntry> = tip ? await listNotes(top, tip) : new Map();
  // Old commits per new commit, in the order git lists them (a squash lists the squashed commits oldest first).
  const olds = new Map<string, string[]>();
  for (const [old, commit] of pairs) olds.set(commit, [...(olds.get(commit) ?? []), old]);
  const jobs: Array<{ commit: string; sources: NoteSource[]; current: string | null; foreign: NoteSource[] }> = [];
  for (const [commit, from] of olds) {
    const fresh = freshNoteOf(gitDir, commit);
    const named = from.map((old) => ({ rev: old, oid: usableNoteOid(entries.get(old)) })).filter((source): source is { rev: string; oid: string } => source.oid !== null);
    if (named.length === 0 && fresh === null) continue;
    const currentOid = usableNoteOid(entries.get(commit));
    const got = await readRevisionBlobs(top, [...named.map((source) => source.oid), ...(currentOid ? [currentOid] : [])]);
    const sources: NoteSource[] = [];
    let unreadable = false;
    named.forEach((source, index) => {
      const { notes, why } = got[index] ? notesForRewrite(got[index]!.content.toString('utf8')) : { notes: [], why: 'unreadable' as const };
      if (notes.length > 0) for (const note of notes) sources.push({ note, rev: source.rev });
      else {
        warnings.push(recordMessages.rewriteUnread(source.rev, commit, why ?? 'foreign', currentOid !== null));
        unreadable = true;
      }
    });
    // A note written for another commit than the old one (copied there by an unhooked amend or
    // rebase): its line numbers cannot be carried. Alone, it goes over as it is (its base still
    // naming that other commit, so every reader takes it for the whole commit). With other notes (a
    // squash or fixup, whose copy git joined into one unreadable note; an amend's fresh note), all
    // are composed into one note written for no commit (wideBase): every model each names is the
    // whole commit's, none dropped, none given lines by number.
    const foreign = await foreignSources(top, sources);
    if (foreign.length > 0 && clip) continue;
    // Last, as the newest: the note post-commit just wrote for this very commit (its text, in <git dir>/aitrail/last-note).
    const freshNote = fresh === null ? null : readNoteForRewrite(fresh);
    if (foreign.length > 0) {
      warnings.push(recordMessages.rewriteForeign(foreign[0]!.rev, commit));
      if ((sources.length === 1 && !freshNote) || unreadable) {
        if (!currentOid) {
          const at = named.findIndex((source) => source.rev === foreign[0]!.rev);
          writeNote(top, DEFAULT_NOTES_REF, commit, got[at]!.content.toString('utf8'), { force: true });
        }
        continue;
      }
    }
    if (freshNote) sources.push({ note: freshNote, rev: commit });
    if (unreadable || sources.length === 0) continue;
    jobs.push({ commit, sources, current: currentOid ? (got[named.length]?.content.toString('utf8') ?? null) : null, foreign });
  }
  for (const job of jobs) {
    const wide = job.foreign.length > 0;
    const metadata = composeMetadata(job.sources.map((source) => source.note.metadata), wide ? wideBase(job.commit) : job.commit);
    const note: NoteToWrite = { files: wide ? await wideFiles(top, job.commit, job.sources, job.foreign) : await composeFiles(top, job.commit, job.sources), ...metadata };
    if (clip) {
      const clipped = await clipToAdded(top, job.commit, clip.parent, note);
      if (clipped === null) continue;
      Object.assign(note, clipped);
    }
    const text = serializeAuthorshipLog(note);
    if (text !== job.current) writeNote(top, DEFAULT_NOTES_REF, job.commit, text, { force: true });
  }
  return warnings;
}

/**
 * `note` with only the lines `commit` adds against `parent` (one `git diff-tree`), and only the
 * records (sessions, prompts, humans) an entry left still names; null when no line is left.
 */
async function clipToAdded(top: string, commit: string, parent: string | null, note: NoteToWrite): Promise<Pick<NoteToWrite, 'files' | 'sessions' | 'prompts' | 'humans'> | null> {
  const added = await addedLines(top, commit, parent, note.files.map((file) => file.path));
  // Flat `[start, end, …]` pairs (inclusive) cut to the runs the commit adds.
  const cut = (path: string, ranges: readonly number[]): number[] => {
    const out: number[] = [];
    for (let at = 0; at + 1 < ranges.length; at += 2) {
      for (const [start, count] of added.get(path) ?? []) {
        const from = Math.max(ranges[at]!, start);
        const to = Math.min(ranges[at + 1]!, start + count - 1);
        if (from <= to) out.push(from, to);
      }
    }
    return out;
  };
  const files = note.files
    .map((file) => ({ path: file.path, entries: file.entries.map((entry) => ({ key: entry.key, ranges: cut(file.path, entry.ranges) })).filter((entry) => entry.ranges.length > 0) }))
    .filter((file) => file.entries.length > 0);
  if (files.length === 0) return null;
  const keys = new Set(files.flatMap((file) => file.entries.flatMap((entry) => [entry.key, entry.key.split('::')[0]!])));
  const kept = (records: Record<string, unknown> | undefined): Record<string, unknown> => Object.fromEntries(Object.entries(records ?? {}).filter(([key]) => keys.has(key)));
  return { files, sessions: kept(note.sessions), prompts: kept(note.prompts), humans: kept(note.humans) };
}
