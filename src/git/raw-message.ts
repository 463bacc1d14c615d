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

/** An author or committer line git splits as it is meant: `Name <email> <seconds> <zone>`. */
const WELL_FORMED_IDENT = /^[^<>\n]*<[^<>\n]*> \d+ [+-]\d{4}$/;

/**
 * `Name <email> <date> <zone>` of an author or committer header, read leniently where git reads
 * nothing or less (it needs both brackets): the address is what the brackets hold (the first `<`
 * to the `>` after it, doubled brackets dropped), up to the first blank when the `>` is missing,
 * or the word before a `>` whose `<` is missing; the name is what comes before it.
 */
function headerIdentity(value: string | undefined): Identity {
  if (value === undefined) return { name: '', email: '' };
  const open = value.indexOf('<');
  const close = value.indexOf('>', open + 1);
  let start: number;
  let end: number;
  if (open >= 0) {
    start = open + 1;
    end = close >= 0 ? close : value.slice(start).search(/\s|$/) + start;
  } else if (close >= 0) {
    start = value.slice(0, close).search(/\S+$/);
    end = close;
    if (start < 0) start = close;
  } else return { name: value.trim(), email: '' };
  const email = value.slice(start, end).replace(/^[<\s]+|[>\s]+$/g, '');
  return { name: value.slice(0, open >= 0 ? open : start).trim(), email };
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
 * The commits of `revisions` (rev-list arguments) git shows otherwise than they are stored, each
 * as stored (read as UTF-8, without NUL bytes): its message, author and committer. git reads a
 * message only up to its first NUL (`git log`, its trailer parser: a UTF-16 message shows one
 * letter), an author or committer line holding a NUL or missing a bracket not at all (`git log`
 * and `git show` print no author) and one with doubled brackets as an address starting with `<`,
 * while the object goes on and `git cat-file -p` shows it whole. One rev-list and one
 * `cat-file --batch` (objects read as stored); only those commits are kept.
 */
export async function commitsReadAsStored(cwd: string, revisions: readonly string[]): Promise<Map<string, StoredCommit>> {
  const found = new Map<string, StoredCommit>();
  const shas = (await runGit(['rev-list', ...revisions, '--'], { cwd, asStored: true })).split('\n').filter((line) => line !== '');
  for (const object of await readRevisionObjects(cwd, shas, { asStored: true })) {
    if (object?.type !== 'commit') continue;
    const nul = object.content.includes(0);
    if (!nul && identsWellFormed(object.content)) continue;
    found.set(object.oid, parseStoredCommit(nul ? Buffer.from(object.content.filter((byte) => byte !== 0)) : object.content));
  }
  return found;
}

/** Whether the author and committer lines of a commit object (no NUL in it) are ones git splits as meant. */
function identsWellFormed(body: Buffer): boolean {
  const end = body.indexOf('\n\n');
  const headers = (end < 0 ? body : body.subarray(0, end)).toString('latin1').split('\n');
  return ['author', 'committer'].every((name) => {
    const line = headers.find((header) => header.startsWith(`${name} `));
    return line === undefined || WELL_FORMED_IDENT.test(line.slice(name.length + 1));
  });
}
