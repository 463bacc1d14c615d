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

/** A commit object's bytes read as StoredCommit (its headers up to the first blank line, then its message). */
function parseStoredCommit(body: Buffer): StoredCommit {
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
 * A commit as stored (the bytes of its headers and of its message after them, read as UTF-8),
 * never re-encoded by git: under an `encoding` header git re-encodes the whole object, the
 * author and committer lines as well as the message, before `%an`, `%ae` or `%B` read it.
 */
export async function storedCommit(cwd: string, sha: string): Promise<StoredCommit> {
  objectId(sha, 'commit');
  return parseStoredCommit(await runGitRaw(['cat-file', 'commit', sha], { cwd, asStored: true }));
}

/**
 * The commits of `revisions` (rev-list arguments) whose stored object holds a NUL byte, each as
 * stored without its NUL bytes (read as UTF-8): its message, author and committer. git reads a
 * message only up to its first NUL (`git log`, its trailer parser: a UTF-16 message shows one
 * letter), and an author or committer line holding one not at all (`git log` and `git show`
 * print no author), while the object goes on and `git cat-file -p` shows it whole. One rev-list
 * and one `cat-file --batch` (objects read as stored); only those commits are kept.
 */
export async function commitsPastNul(cwd: string, revisions: readonly string[]): Promise<Map<string, StoredCommit>> {
  const found = new Map<string, StoredCommit>();
  const shas = (await runGit(['rev-list', ...revisions, '--'], { cwd, asStored: true })).split('\n').filter((line) => line !== '');
  for (const object of await readRevisionObjects(cwd, shas, { asStored: true })) {
    if (object?.type !== 'commit' || !object.content.includes(0)) continue;
    found.set(object.oid, parseStoredCommit(Buffer.from(object.content.filter((byte) => byte !== 0))));
  }
  return found;
}
