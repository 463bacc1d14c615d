import { splitLines } from '../core/lines/line-owners.js';
import { composeFile, composeMetadata, readNoteForRewrite, type NotedFile, type NoteForRewrite } from '../core/notes/compose-note.js';
import { DEFAULT_NOTES_REF } from '../core/notes/notes-ref.js';
import { serializeAuthorshipLog, type NoteToWrite } from '../core/notes/serialize-authorship-log.js';
import { listNotes, notesTip } from '../git/notes.js';
import { readRevisionBlobs, type RevisionBlob } from '../git/revision-blobs.js';
import { writeNote } from '../git/write-note.js';
import { freshNoteOf } from './fresh-note.js';
import { recordMessages } from './messages.js';
import { NOTE_SIZE_LIMIT } from './read-notes.js';

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

const linesOf = (blob: RevisionBlob) => (blob ? splitLines(blob.content.toString('utf8')) : null);

/**
 * The note of each rewritten commit, recomputed from its old commit's note (and, for an amend,
 * from the note post-commit just wrote for it): every noted line carried through a diff of its
 * file between the two commits, so line numbers hold after a rebase that changed the file above
 * them, and lines changed by the rewrite are no longer claimed. Replaces the verbatim copy git
 * made (notes.rewriteRef) only when it differs. Returns warnings.
 */
export async function carryRewrittenNotes(top: string, gitDir: string, kind: string, pairs: ReadonlyArray<[string, string]>): Promise<string[]> {
  const warnings: string[] = [];
  const tip = await notesTip(top, DEFAULT_NOTES_REF);
  const entries = tip ? await listNotes(top, tip) : new Map();
  const jobs: Array<{ old: string; commit: string; sources: NoteForRewrite[]; fresh: number; current: string | null }> = [];
  for (const [old, commit] of pairs) {
    const oldNote = entries.get(old);
    const fresh = kind === 'amend' ? freshNoteOf(gitDir, commit) : null;
    const usable = oldNote && oldNote.type === 'blob' && oldNote.size >= 0 && oldNote.size <= NOTE_SIZE_LIMIT ? oldNote.oid : null;
    if (!usable && !fresh) continue;
    const current = entries.get(commit);
    const currentOid = current && current.type === 'blob' && current.size >= 0 && current.size <= NOTE_SIZE_LIMIT ? current.oid : null;
    const wanted = [usable, fresh, currentOid].filter((oid): oid is string => oid !== null);
    const got = await readRevisionBlobs(top, wanted);
    const textOf = (oid: string | null) => (oid === null ? null : (got[wanted.indexOf(oid)]?.content.toString('utf8') ?? null));
    const [oldText, freshText, currentText] = [textOf(usable), textOf(fresh), textOf(currentOid)];
    const sources: NoteForRewrite[] = [];
    if (usable) {
      const read = oldText === null ? null : readNoteForRewrite(oldText);
      if (!read) {
        warnings.push(recordMessages.rewriteUnreadable(old));
        continue;
      }
      sources.push(read);
    }
    const freshRead = freshText === null ? null : readNoteForRewrite(freshText);
    if (freshRead) sources.push(freshRead);
    if (sources.length === 0) continue;
    jobs.push({ old, commit, sources, fresh: freshRead ? sources.length - 1 : -1, current: currentText });
  }
  for (const job of jobs) {
    const paths = [...new Set(job.sources.flatMap((source) => [...source.files.keys()]))];
    const blobs = await readRevisionBlobs(top, paths.flatMap((path) => [`${job.old}:${path}`, `${job.commit}:${path}`, `${job.commit}^1:${path}`]));
    const note: NoteToWrite = { files: [], ...composeMetadata(job.sources.map((source) => source.metadata), job.commit) };
    paths.forEach((path, index) => {
      const target = linesOf(blobs[3 * index + 1] ?? null);
      if (!target) return;
      const before = linesOf(blobs[3 * index] ?? null) ?? [];
      const noted: NotedFile[] = job.sources.flatMap((source, at) => {
        const file = source.files.get(path);
        return file ? [{ entries: file, lines: at === job.fresh ? target : before }] : [];
      });
      const composed = composeFile(noted, target, linesOf(blobs[3 * index + 2] ?? null));
      if (composed.length > 0) note.files.push({ path, entries: composed });
    });
    const text = serializeAuthorshipLog(note);
    if (text !== job.current) await writeNote(top, DEFAULT_NOTES_REF, job.commit, text, { force: true });
  }
  return warnings;
}
