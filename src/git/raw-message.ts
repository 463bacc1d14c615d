import { runGit, runGitRaw } from './exec.js';
import { readRevisionObjects } from './revision-blobs.js';
import { objectId } from './object-id.js';
import type { Identity } from '../core/types.js';

/** What a commit object stores, read as UTF-8 and never re-encoded by git: its message, author and committer. */
export interface StoredCommit {
  message: string;
  /** The message's stored bytes (what `message` reads as UTF-8): a decoder of the `encoding` header's table reads them (row 1013). */
  messageBytes: Buffer;
  author: Identity;
  committer: Identity;
  /**
   * The author and committer lines after the first of each, in order: git's fsck refuses them
   * (`multipleAuthors`) but a server takes objects unchecked by default, `git log`'s `%an` shows the
   * last and `git show` every one.
   */
  further: { author: Identity[]; committer: Identity[] };
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

/** A commit object's bytes read as StoredCommit (its headers up to the first empty line, then its message; the message from the first line a screen shows blank, when that comes first). */
function parseStoredCommit(body: Buffer): StoredCommit {
  const end = body.indexOf('\n\n');
  const headers = (end < 0 ? body : body.subarray(0, end)).toString('utf8').split('\n');
  const shown = shownBlankLine(body);
  const every = (name: string): Identity[] => headers.filter((line) => line.startsWith(`${name} `)).map((line) => headerIdentity(line.slice(name.length + 1)));
  const [author = headerIdentity(undefined), ...moreAuthors] = every('author');
  const [committer = headerIdentity(undefined), ...moreCommitters] = every('committer');
  const messageBytes = shown !== null ? body.subarray(shown.after) : end < 0 ? Buffer.alloc(0) : body.subarray(end + 2);
  return { message: messageBytes.toString('utf8'), messageBytes, author, committer, further: { author: moreAuthors, committer: moreCommitters } };
}

/**
 * A line of white space alone, blank on a screen but no end of the headers to git, which ends them
 * at the first empty line only (`\n\n`): one that starts with a carriage return, tab, vertical tab
 * or form feed, or one that starts with a space (a header's continuation to git) when the next line
 * does not (a signature's or a merged tag's blank line is followed by its indented next line).
 */
const SHOWN_BLANK = /\n(?:[\t\v\f\r][\t\v\f\r ]*|[ ][\t\v\f\r ]*(?=\n(?! )))\n/;

/**
 * Where a screen shows the headers end before git does (a commit written with CRLF line ends:
 * `committer …\r\n\r\nfeat: x\r\n\r\nAssisted-by: …`, which holds no `\n\n`, so `git log` and
 * `git show` show no message while `git cat-file -p` shows it whole): the offset after that blank
 * line; null when git's own end comes first.
 */
function shownBlankLine(body: Buffer): { after: number } | null {
  const end = body.indexOf('\n\n');
  const match = SHOWN_BLANK.exec((end < 0 ? body : body.subarray(0, end + 1)).toString('latin1'));
  return match === null ? null : { after: match.index + match[0].length };
}

/** One reading of `stored` per author and committer line it holds (the first of each, then each further one): a token any names counts. */
export function identityReadings(stored: StoredCommit): Array<{ message: string; author: Identity; committer: Identity }> {
  const { further, messageBytes: _bytes, ...first } = stored;
  const count = Math.max(further.author.length, further.committer.length);
  return [first, ...Array.from({ length: count }, (_, at) => ({ ...first, author: further.author[at] ?? first.author, committer: further.committer[at] ?? first.committer }))];
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
 * of several author (or committer) lines the last only (`%an`: Qwen Code's line first, a person's
 * after), and a message after a line a screen shows blank but git does not (`\r\n\r\n`) not at
 * all, while the object goes on and `git cat-file -p` shows it whole. One rev-list and one
 * `cat-file --batch` (objects read as stored); only those commits are kept.
 */
export async function commitsReadAsStored(cwd: string, revisions: readonly string[] | { shas: readonly string[] }): Promise<Map<string, StoredCommit>> {
  const found = new Map<string, StoredCommit>();
  // `shas`: the commits rev-list gave already (as stored), never listed twice (row 1003).
  const shas: readonly string[] = 'shas' in revisions ? revisions.shas : (await runGit(['rev-list', ...revisions, '--'], { cwd, asStored: true })).split('\n').filter((line) => line !== '');
  for (const object of await readRevisionObjects(cwd, shas, { asStored: true })) {
    if (object?.type !== 'commit') continue;
    const nul = object.content.includes(0);
    if (!nul && identsAsGitShows(object.content) && shownBlankLine(object.content) === null) continue;
    found.set(object.oid, parseStoredCommit(nul ? Buffer.from(object.content.filter((byte) => byte !== 0)) : object.content));
  }
  return found;
}

/**
 * Whether git shows the author and committer of a commit object (no NUL in it) as stored: at most
 * one line of each (git shows the last of several), split as meant.
 */
function identsAsGitShows(body: Buffer): boolean {
  const end = body.indexOf('\n\n');
  const headers = (end < 0 ? body : body.subarray(0, end)).toString('latin1').split('\n');
  return ['author', 'committer'].every((name) => {
    const lines = headers.filter((header) => header.startsWith(`${name} `));
    return lines.length === 0 || (lines.length === 1 && WELL_FORMED_IDENT.test((lines[0] as string).slice(name.length + 1)));
  });
}
