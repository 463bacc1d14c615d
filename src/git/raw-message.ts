import { runGit, runGitRaw } from './exec.js';
import { readRevisionObjects } from './revision-blobs.js';
import { objectId } from './object-id.js';

/** A commit's message as stored (bytes after the header, read as UTF-8), never re-encoded by git. */
export async function rawCommitMessage(cwd: string, sha: string): Promise<string> {
  objectId(sha, 'commit');
  const body = await runGitRaw(['cat-file', 'commit', sha], { cwd, asStored: true });
  const end = body.indexOf('\n\n');
  return end < 0 ? '' : body.subarray(end + 2).toString('utf8');
}

/**
 * The commits of `revisions` (rev-list arguments) whose stored message holds a NUL byte, each
 * with that message without its NUL bytes (read as UTF-8). git reads a message only up to its
 * first NUL (`git log`, its trailer parser: a UTF-16 message shows one letter), while the object
 * goes on and `git cat-file -p` shows it whole. One rev-list and one `cat-file --batch` (objects
 * read as stored); only those messages are kept.
 */
export async function messagesPastNul(cwd: string, revisions: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const shas = (await runGit(['rev-list', ...revisions, '--'], { cwd, asStored: true })).split('\n').filter((line) => line !== '');
  for (const object of await readRevisionObjects(cwd, shas, { asStored: true })) {
    if (object?.type !== 'commit') continue;
    const header = object.content.indexOf('\n\n');
    const message = header < 0 ? null : object.content.subarray(header + 2);
    if (message?.includes(0)) found.set(object.oid, Buffer.from(message.filter((byte) => byte !== 0)).toString('utf8'));
  }
  return found;
}
