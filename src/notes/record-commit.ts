import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkpointNoted, sessionRecords } from '../core/checkpoint/checkpoint-note.js';
import { splitLines } from '../core/lines/line-owners.js';
import { composeFile } from '../core/notes/compose-note.js';
import { DEFAULT_NOTES_REF } from '../core/notes/notes-ref.js';
import { isEmptyNote } from '../core/notes/parse-authorship-log.js';
import { serializeAuthorshipLog, type NoteToWrite } from '../core/notes/serialize-authorship-log.js';
import { listCheckpoints, removeCheckpoint } from '../checkpoint/checkpoint-store.js';
import { decodeWorkTree, maybeOtherEncoding, workTreeEncoding } from '../checkpoint/worktree-encoding.js';
import { lastHeadReflogEntry } from '../git/head-reflog.js';
import { readRevisionObjectsSync } from '../git/revision-blobs.js';
import { readNoteSync, writeNote } from '../git/write-note.js';
import { removeFileIfThere } from '../io/remove-file.js';
import { writeFreshNote } from './fresh-note.js';
import { pickUnderway } from './pick-source.js';
import { recordMessages } from './messages.js';

/** A checkpoint untouched this long is dropped at the next commit (an agent's abandoned work). */
const STALE_MS = 30 * 24 * 3600 * 1000;

/** Lines without the CR of a CRLF ending. */
const withoutCr = (lines: readonly string[]): string[] => lines.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));

/**
 * The work tree file holds exactly the committed bytes, or those bytes with CRLF line endings (as
 * core.autocrlf or `eol=crlf` check them out), read as UTF-8 where git keeps the file in another
 * encoding in the work tree (`working-tree-encoding`): nothing of it is left to commit.
 */
function worktreeHolds(top: string, path: string, committed: Buffer): boolean {
  try {
    const file = join(top, path);
    const stat = statSync(file);
    // No larger than the committed text could be in the work tree (UTF-32 with CRLF: 8 bytes a byte, and a mark):
    // a bigger file (an agent's 2 GB sparse file) cannot hold it, and is not read (it was, whole, 11 s and 2 GB at 1.9 GB).
    if (!stat.isFile() || stat.size > committed.length * 8 + 4) return false;
    const bytes = readFileSync(file);
    if (bytes.equals(committed)) return true;
    const asCommitted = (text: Buffer) => text.equals(committed) || (text.length > committed.length && !committed.includes(13) && Buffer.from(text.toString('latin1').replace(/\r\n/g, '\n'), 'latin1').equals(committed));
    // A file git keeps in another encoding in the work tree (working-tree-encoding): its UTF-8 text.
    const encoding = maybeOtherEncoding(bytes) ? workTreeEncoding(top, path) : null;
    const text = encoding ? decodeWorkTree(bytes, encoding) : null;
    return asCommitted(text === null ? bytes : Buffer.from(text, 'utf8'));
  } catch {
    return false;
  }
}

/**
 * The commit can be rewritten by the command that made it, so post-rewrite or the cherry-pick
 * carry will want the note just written (fresh-note.ts): anything but a commit git's HEAD reflog
 * names a plain one (`commit:`, `commit (initial):`, `commit (merge):`), written as HEAD now is and
 * with no GIT_REFLOG_ACTION of the caller's in the way, and no cherry-pick being committed (a
 * plain `git commit` of a `cherry-pick -n -x`, or after a conflict, reads `commit:`, and the carry
 * writes the picked note over this one without it). An amend reads `commit (amend):`; no
 * reflog, or one that says something else, answers yes. Writing the note's copy costs a plain
 * commit's post-commit ~2 ms (ext4 flushes a file renamed over another).
 */
function rewritable(gitDir: string, head: string, env: NodeJS.ProcessEnv): boolean {
  // A cherry-pick being committed by a plain `git commit` (`-n -x`, after a conflict): post-commit carries the picked note over this one.
  if (env.GIT_REFLOG_ACTION !== undefined || pickUnderway(gitDir)) return true;
  const entry = lastHeadReflogEntry(gitDir);
  return !(entry && entry.newOid === head && /^commit(?: \((?:initial|merge)\))?: /.test(entry.message));
}

/**
 * Write the git-ai note of HEAD from the worktree's checkpoints, then drop the checkpoints it
 * consumed (a file committed whole; a file committed in part keeps its checkpoint for the next
 * commit, which notes only the lines it adds). Returns warnings, one line each, and the note's
 * text when it wrote one.
 */
export async function recordCommit(top: string, gitDir: string, env: NodeJS.ProcessEnv, now = Date.now()): Promise<{ warnings: string[]; written: string | null }> {
  const warnings: string[] = [];
  let written: string | null = null;
  const { checkpoints, broken } = listCheckpoints(gitDir);
  for (const file of broken) removeFileIfThere(file);
  const fresh = checkpoints.filter((checkpoint) => now - checkpoint.updated < STALE_MS);
  for (const stale of checkpoints.filter((checkpoint) => !fresh.includes(checkpoint))) removeCheckpoint(gitDir, stale.path);
  if (fresh.length === 0) return { warnings, written };
  // The commit and its files and its parent's, from one git process (post-commit: HEAD is the commit just made).
  const [commit, ...objects] = readRevisionObjectsSync(top, ['HEAD^{commit}', ...fresh.flatMap((checkpoint) => [`HEAD:${checkpoint.path}`, `HEAD^1:${checkpoint.path}`])]);
  if (commit?.type !== 'commit') return { warnings, written };
  const head = commit.oid;
  const blobs = objects.map((object) => (object?.type === 'blob' ? object : null));
  const note: NoteToWrite = { files: [], baseCommitSha: head, sessions: {} };
  const consumed: string[] = [];
  const used = new Set<string>();
  fresh.forEach((checkpoint, index) => {
    const committed = blobs[2 * index] ?? null;
    const parent = blobs[2 * index + 1] ?? null;
    if (!committed || parent?.oid === committed.oid) return;
    const noted = checkpointNoted(checkpoint);
    // The work tree may hold CRLF where the commit holds LF (core.autocrlf, `eol=crlf`): lines are
    // matched without their CR, the parent's too, also when the commit holds CRLF itself. A commit
    // of the very bytes the agent's edit left needs no diff: told by the bytes, not by the SHA-1
    // blob id the checkpoint keeps (a SHA-256 repository's ids never equal it).
    const lines = withoutCr(splitLines(committed.content.toString('utf8')));
    const from = committed.content.equals(Buffer.from(checkpoint.content, 'utf8')) ? { ...noted, lines } : { ...noted, lines: withoutCr(noted.lines) };
    const entries = composeFile([from], lines, parent ? withoutCr(splitLines(parent.content.toString('utf8'))) : null);
    if (entries.length > 0) note.files.push({ path: checkpoint.path, entries });
    for (const entry of entries) used.add(entry.key);
    if (worktreeHolds(top, checkpoint.path, committed.content)) consumed.push(checkpoint.path);
  });
  if (note.files.length > 0) {
    note.sessions = sessionRecords(fresh.flatMap((checkpoint) => checkpoint.owners).filter((owner) => used.has(owner.key)));
    const text = serializeAuthorshipLog(note);
    let status = writeNote(top, DEFAULT_NOTES_REF, head, text).status;
    // git-ai's post-commit, run first, noted the commit empty (it saw no AI line): aitrail's note says more.
    if (status === 'exists' && isEmptyNote(readNoteSync(top, DEFAULT_NOTES_REF, head) ?? '')) status = writeNote(top, DEFAULT_NOTES_REF, head, text, { force: true }).status;
    if (status === 'exists') warnings.push(recordMessages.noteExists(head));
    else {
      written = text;
      if (rewritable(gitDir, head, env)) writeFreshNote(gitDir, head, text);
    }
  }
  for (const path of consumed) removeCheckpoint(gitDir, path);
  return { warnings, written };
}
