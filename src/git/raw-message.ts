import { runGit, runGitRaw } from './exec.js';
import { readRevisionObjects } from './revision-blobs.js';
import { objectId } from './object-id.js';
import type { Identity } from '../core/types.js';

/** What a commit object stores, read as UTF-8 and never re-encoded by git: its message, author and committer. */
export interface StoredCommit {
  message: string;
  author: Identity;
  committer: Identity;
}

/**
 * `Name <email> <date> <zone>` of an author or committer header as git splits it (the name before
 * the first `<`, the address up to the `>` after it); a header without an address is all name.
 */
function headerIdentity(value: string | undefined): Identity {
  if (value === undefined) return { name: '', email: '' };
  const open = value.indexOf('<');
  const close = open < 0 ? -1 : value.indexOf('>', open + 1);
  if (close < 0) return { name: value.trim(), email: '' };
  return { name: value.slice(0, open).trim(), email: value.slice(open + 1, close).trim() };
}

/**
 * A commit as stored (the bytes of its headers and of its message after them, read as UTF-8),
 * never re-encoded by git: under an `encoding` header git re-encodes the whole object, the
 * author and committer lines as well as the message, before `%an`, `%ae` or `%B` read it.
 */
export async function storedCommit(cwd: string, sha: string): Promise<StoredCommit> {
  objectId(sha, 'commit');
  const body = await runGitRaw(['cat-file', 'commit', sha], { cwd, asStored: true });
  const end = body.indexOf('\n\n');
  const headers = (end < 0 ? body : body.subarray(0, end)).toString('utf8').split('\n');
  const header = (name: string): string | undefined => headers.find((line) => line.startsWith(`${name} `))?.slice(name.length + 1);
  return {
    message: end < 0 ? '' : body.subarray(end + 2).toString('utf8'),
    author: headerIdentity(header('author')),
    committer: headerIdentity(header('committer')),
  };
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
