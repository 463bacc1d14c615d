import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_NOTES_REF } from '../core/notes/notes-ref.js';
import { GitError } from '../git/exec.js';
import { notesTip } from '../git/notes.js';
import { pushNotesRef } from '../git/push-notes.js';
import { writeFileAtomicSync } from '../io/atomic-write.js';
import { recordMessages } from './messages.js';

/** Where the notes tip last pushed to a remote is remembered (no network when nothing changed). */
function pushedFile(gitDir: string, remote: string, url: string): string {
  return join(gitDir, 'aitrail', 'notes-pushed', createHash('sha256').update(`${remote}\0${url}`).digest('hex').slice(0, 32));
}

/**
 * pre-push's second job: push refs/notes/ai along with the branches, so line-level data reaches
 * the server (git does not push notes by itself). Skipped when there are no notes or the same tip
 * was pushed before; a refusal (the remote has notes this clone lacks, or takes no notes) is one
 * warning, never a failed push. Returns the warning, or null.
 */
export async function pushNotes(cwd: string, gitDir: string, remote: string, url: string, known?: string): Promise<string | null> {
  // `known`: the tip pre-push judged the pushed commits by ('' for none), read as stored; else read here.
  const tip = known !== undefined ? known || null : await notesTip(cwd, DEFAULT_NOTES_REF);
  if (!tip) return null;
  const record = pushedFile(gitDir, remote, url);
  try {
    if (readFileSync(record, 'utf8').trim() === tip) return null;
  } catch {}
  try {
    await pushNotesRef(cwd, remote !== '' ? remote : url, DEFAULT_NOTES_REF, tip);
  } catch (error) {
    const reason = error instanceof GitError ? (error.stderr.trim().split('\n').find((line) => /rejected|error|fatal/i.test(line)) ?? error.message) : String(error);
    return recordMessages.pushFailed(remote || url, reason.replace(/^(error|fatal): /, ''));
  }
  writeFileAtomicSync(record, `${tip}\n`, { mkdir: true });
  return null;
}
