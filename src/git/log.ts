import { GitError, runGit, runGitRawSync, splitRecords, streamGit, type LongRecord } from './exec.js';
import { COMMIT_BYTES_CAP, LARGE_COMMIT_BYTES, loweredCap } from './commit-size.js';
import { showsOtherwise } from '../core/commit-encoding.js';
import { withoutTagSignature } from '../core/tag-signature.js';
import { foundObject, objectContents, objectInfoLines } from './object-batch.js';
import type { Identity } from '../core/types.js';

/** One commit as read from a single `git log` pass. */
export interface CommitRecord {
  sha: string;
  parents: string[];
  author: Identity;
  committer: Identity;
  /** Committer time, seconds since the epoch. */
  time: number;
  /** Whole raw message (`%B`), byte-exact apart from UTF-8 decoding. */
  message: string;
  /** The commit's `encoding` header (`%e`) when it has one: git re-encoded `message` from it. */
  encoding?: string;
  /** A merge's signed tags' messages, from its `mergetag` headers (row 920); absent when it has none. */
  mergeTags?: string[];
  /** Changed paths (only with `paths: true`); merges: against the first parent. */
  paths?: string[];
  /**
   * Symbolic links the commit adds, retargets or makes of another file (only with `links: true`):
   * path and link blob; submodules (gitlinks) likewise, `blob` then being the commit they name.
   */
  links?: { path: string; blob: string; submodule?: true }[];
  /**
   * Set when the commit was not read whole (row 966): a field git shows of it (its message) past
   * COMMIT_BYTES_CAP bytes of UTF-8, left empty here, or a merge's object past it, whose `mergetag`
   * headers were not read; `bytes`, that field's or object's length.
   */
  tooLarge?: { part: 'message' | 'object' | 'together'; bytes: number; most?: number };
}

export interface LogOptions {
  /**
   * A report's bound (row 1107): once the messages of more than loweredCap(LARGE_COMMIT_BYTES) read by this walk hold
   * more than this many bytes of UTF-8 together, each further such message is dropped unread and its commit
   * marked tooLarge (`together`, the sum with it), as check refuses such a range (row 1037).
   */
  largeTogether?: number;
  /**
   * With largeTogether: the count of large bytes read, shared by several walks (row 1132): `log`'s merge-footer
   * walks (one per merge) read 64 MiB of large messages together, not 64 MiB each.
   */
  largeRead?: { bytes: number };
  /** Collect changed paths (`--name-only`), for policy path rules. */
  paths?: boolean;
  /** With `paths`: also the symbolic links and submodules each commit makes (`--raw`: the modes), for path rules. */
  links?: boolean;
  /** Only commits that change these (pathspecs after `--`; `:(literal)` ones for names as given). */
  pathspec?: string[];
  /** Extra git log arguments placed before the revisions (e.g. `--first-parent`). */
  extra?: string[];
  /** History as stored: replace refs and grafts ignored (enforcement). */
  asStored?: boolean;
  /** Written to git's stdin (with `--stdin` among the revisions: one revision a line). */
  input?: string;
  /** The caller expects few commits (a pushed range, named commits): read in one synchronous run (streamGit's `whole`). */
  whole?: boolean;
}

const FIELDS = ['%H', '%P', '%an', '%ae', '%cn', '%ce', '%ct', '%e', '%B'];
// Leading NUL marks a commit start: file names and messages never hold NUL, and a file
// name is never empty, so an empty token after the file list can only be the next commit.
// Then a word drawn afresh for each run, which no commit's text can hold but by chance (2^-96):
// were git ever to print a NUL inside a field (git 2.39 reads an EBCDIC commit's `%B` from memory
// iconv left unwritten, row 702), the text after it could not pass for the next commit's record.
const format = (start: string): string => `--format=%x00${start}%x00${FIELDS.join('%x00')}`;
/** A commit id (SHA-1 or SHA-256), a list of them (`%P`), a committer time (`%ct`). */
const ID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
const TIME = /^(?:-?\d+)?$/; // empty where git finds no committer line (an object git re-encodes into one line)

/**
 * git's log output read out of line (a field holding a NUL): stopped, never read as other commits'
 * records, and said so (the run used to end in a later git's `bad revision ''` for a garbled id).
 */
function unreadable(args: readonly string[], after: string | undefined): GitError {
  const where = after === undefined ? 'at its first commit' : `after commit ${after}`;
  return new GitError(
    `git log printed output that is not one record per commit ${where} (a field holding a NUL byte: git read a commit's text out of its own bounds, as git 2.39 does under an encoding header such as IBM037).\nNothing was judged past that point; run again, and inspect the commits after it with 'git cat-file -p'.`,
    args,
    null,
    '',
  );
}

/**
 * A word of 24 hex digits drawn per run, starting each record. Math.random, not node:crypto (a check
 * loads no crypto: cli-cost-s41b): the commits' text is written before the run and cannot see its draw.
 */
function recordWord(): string {
  let word = '';
  for (let i = 0; i < 4; i += 1) word += Math.floor(Math.random() * 0x1000000).toString(16).padStart(6, '0');
  return word;
}

/** How many commits `git log <extra> <revisions>` lists (one `git rev-list --count`); 0 when git cannot say. */
export async function countCommits(cwd: string, revisions: readonly string[], extra: readonly string[] = []): Promise<number> {
  try {
    const count = Number((await runGit(['rev-list', '--count', ...extra, ...revisions, '--'], { cwd })).trim());
    return Number.isSafeInteger(count) ? count : 0;
  } catch (error) {
    if (error instanceof GitError) return 0;
    throw error;
  }
}

/** Every commit of `revisions` (e.g. `['A..B']`, `['HEAD']`, or `['--stdin']`-less rev list), streamed. */
export async function* streamCommits(cwd: string, revisions: string[], options: LogOptions = {}): AsyncGenerator<CommitRecord> {
  // Immune to the user's log config: log.showSignature would mix gpg output into the records,
  // log.showRoot=false would hide a root commit's files, diff.relative would change paths,
  // i18n.commitEncoding/logOutputEncoding (latin1 projects) would re-encode messages away from UTF-8,
  // `ignore = all` in the work tree's .gitmodules would drop gitlink changes from the paths.
  const start = recordWord();
  const args = ['log', '-z', format(start), '--no-color', '--no-mailmap', '--no-show-signature', '--root', '--no-relative', '--encoding=UTF-8', ...(options.extra ?? [])];
  const raw = options.paths === true && options.links === true;
  // --ignore-submodules=none: a gitlink change is always listed, whatever `submodule.<name>.ignore`
  // says in the checkout's own .gitmodules (a pull request's) or `diff.ignoreSubmodules` in config.
  if (options.paths) args.push(...(raw ? ['--raw', '--no-abbrev'] : ['--name-only']), '--no-renames', '--diff-merges=first-parent', '--ignore-submodules=none');
  args.push(...revisions, '--', ...(options.pathspec ?? []));
  let fields: string[] = [];
  let current: CommitRecord | undefined;
  let last: string | undefined;
  // Between the record start's empty token and the run's word.
  let started = false;
  // Commits read but not yet yielded, while some of them wait for bodiesFound (asked in batches).
  const held: CommitRecord[] = [];
  const asking: Array<{ record: CommitRecord; shown: string[] }> = [];
  // The characters of the messages held in `asking` (row 1133): asked once they pass ASK_CHARS, not only at ASK_BATCH commits.
  let askingChars = 0;
  const asker = bodyAsker(cwd, options.asStored === true);
  // Merges held for their `mergetag` headers, read MERGE_BATCH at a time (withMergeTags).
  const merging: CommitRecord[] = [];
  const settle = async (): Promise<CommitRecord[]> => {
    const found = asker(asking.map(({ record }) => record.sha));
    asking.forEach(({ record, shown }, at) => {
      if (found[at]) bound(Object.assign(record, shownRecord(shown)));
    });
    asking.length = 0;
    askingChars = 0;
    await withMergeTags(cwd, merging.splice(0), options.asStored === true);
    return held.splice(0);
  };
  const hold = (record: CommitRecord): void => {
    held.push(record);
    if (record.parents.length > 1) merging.push(record);
  };
  let inFields = false;
  // --raw: each change is a `:<old mode> <new mode> <old id> <new id> <status>` token, then its path.
  let change: string | undefined;
  // A field past COMMIT_BYTES_CAP (a 200 MB message; AITRAIL_SIZE_CAPS_DIVISOR lowers it: row 1073) is not kept: its length, for the record.
  let long: LongRecord | undefined;
  const cap = loweredCap(COMMIT_BYTES_CAP);
  // Row 1107: the bytes of the large messages read so far, and what makes a message large.
  const read = options.largeRead ?? { bytes: 0 };
  const largeAt = options.largeTogether === undefined ? Infinity : loweredCap(LARGE_COMMIT_BYTES);
  // A large message counted; past options.largeTogether, dropped unread. A commit under an encoding git may re-encode
  // is counted when its message is read apart (settle): an `encoding` header was a way past the bound (task w, 1114).
  const bound = (record: CommitRecord): void => {
    if (record.message.length <= largeAt / 3 || record.tooLarge) return;
    const bytes = Buffer.byteLength(record.message, 'utf8');
    // Only a large message is counted and dropped: one of largeAt bytes or fewer after the bound is read (row 1118).
    if (bytes <= largeAt) return;
    read.bytes += bytes;
    if (read.bytes > (options.largeTogether ?? Infinity)) Object.assign(record, { message: '', tooLarge: { part: 'together' as const, bytes: read.bytes, most: options.largeTogether } });
  };
  for await (const given of splitRecords(streamGit(args, { cwd, asStored: options.asStored === true, whole: options.whole === true, ...(options.input === undefined ? {} : { input: options.input }) }), '\0', cap)) {
    const token = typeof given === 'string' ? given : '';
    if (typeof given !== 'string' && !inFields) {
      // Only a commit's fields are read past the bound: a path that long (a crafted tree's entry) is out of line too, never skipped by a path rule.
      throw unreadable(args, last);
    }
    if (typeof given !== 'string') long = { tooLong: Math.max(long?.tooLong ?? 0, given.tooLong) };
    if (!inFields && !started && token === '') {
      if (current) hold(current);
      if (asking.length === 0 && merging.length === 0) yield* held.splice(0);
      else if (asking.length >= ASK_BATCH || askingChars >= ASK_CHARS || merging.length >= MERGE_BATCH || held.length >= HOLD) yield* await settle();
      current = undefined;
      fields = [];
      started = true;
      continue;
    }
    if (started) {
      if (token !== start) throw unreadable(args, last);
      started = false;
      inFields = true;
      continue;
    }
    if (inFields) {
      fields.push(token);
      if (fields.length === FIELDS.length) {
        const [sha, parents, ...shown] = fields as [string, string, string, string, string, string, string, string, string];
        if (!ID.test(sha) || (parents !== '' && !parents.split(' ').every((parent) => ID.test(parent))) || !TIME.test(shown[4])) throw unreadable(args, last);
        last = sha;
        // Under an encoding git may re-encode into one line, git may have read past the re-encoded text:
        // what it shows of the headers is that memory too (none, read within it). Read as no message
        // (git's showing when it reads within the text) until bodiesFound says git found its end.
        const ask = shown[5] !== '' && showsOtherwise(shown[5], []);
        current = {
          sha,
          parents: parents ? parents.split(' ') : [],
          ...shownRecord(ask ? ['', '', '', '', '', shown[5], ''] : shown),
          ...(options.paths ? { paths: [] } : {}),
          ...(raw ? { links: [] } : {}),
          ...(long ? { tooLarge: { part: 'message' as const, bytes: long.tooLong, most: cap } } : {}),
        };
        long = undefined;
        bound(current);
        if (ask) {
          asking.push({ record: current, shown });
          askingChars += shown[6].length;
        }
        change = undefined;
        inFields = false;
      }
      continue;
    }
    if (current?.paths && raw) {
      if (change === undefined) {
        change = token.replace(/^\n/, '');
        continue;
      }
      current.paths.push(token);
      const link = /^:\d{6} (120000|160000) [0-9a-f]{40,64} ([0-9a-f]{40,64}) [AMT]/.exec(change);
      if (link) current.links?.push({ path: token, blob: link[2]!, ...(link[1] === '160000' ? { submodule: true as const } : {}) });
      change = undefined;
    } else if (current?.paths) {
      const path = current.paths.length === 0 && token.startsWith('\n') ? token.slice(1) : token;
      if (path !== '') current.paths.push(path);
    }
  }
  // Output that ends inside a record: out of line too, never a shorter history.
  if (started || inFields) throw unreadable(args, last);
  if (current) hold(current);
  yield* asking.length === 0 && merging.length === 0 ? held.splice(0) : await settle();
}

/** Merges read at once for their `mergetag` headers: one `--batch-check` and one `--batch` question for them all. */
const MERGE_BATCH = 64;
/** The most bytes of merge objects one `--batch` question reads (each at most COMMIT_BYTES_CAP). */
const MERGE_BYTES = 2 * COMMIT_BYTES_CAP;

/**
 * `merges` given the messages of the signed tags their `mergetag` headers embed (`git merge <signed
 * tag>` writes one per tag merged), read from the stored commits through the shared `git cat-file
 * --batch`. `git log`'s formats show no such header; a merge whose own message drops the tag's
 * (`git merge -m`) kept the tagger's `Assisted-by:` out of every reading (row 920). Their sizes are
 * read first (`--batch-check`, the header alone): a merge past COMMIT_BYTES_CAP (a 34 MB `mergetag`)
 * is not read but marked tooLarge (row 966), and one question reads at most MERGE_BYTES.
 */
async function withMergeTags(cwd: string, merges: readonly CommitRecord[], asStored: boolean): Promise<void> {
  if (merges.length === 0) return;
  const sizes = (await objectInfoLines(cwd, merges.map((record) => record.sha), { asStored })).map((info) => foundObject(info)?.size ?? 0);
  const groups: CommitRecord[][] = [];
  const cap = loweredCap(COMMIT_BYTES_CAP);
  let bytes = Infinity;
  merges.forEach((record, at) => {
    const size = sizes[at] ?? 0;
    if (size > cap) {
      record.tooLarge = { part: 'object', bytes: size, most: cap };
      return;
    }
    if (bytes + size > MERGE_BYTES) {
      groups.push([]);
      bytes = 0;
    }
    groups[groups.length - 1]!.push(record);
    bytes += size;
  });
  for (const group of groups) {
    const answers = await objectContents(cwd, group.map((record) => record.sha), { asStored });
    group.forEach((record, at) => {
      const content = answers[at]?.content;
      const tags = content ? mergeTagMessages(content.toString('utf8')) : [];
      if (tags.length > 0) record.mergeTags = tags;
    });
  }
}

/**
 * The message of each tag a raw commit's `mergetag` headers hold (each header line and its continuation
 * lines, one space off each), without its signature as git reads a tag's (core/tag-signature.ts, row 823's
 * reading: from the LAST line that opens a signature, a whole armored block only). Cut at the first such
 * line, a tag whose message wrote `-----BEGIN PGP SIGNATURE-----` above its `Assisted-by:` (signed by
 * `git tag -s` all the same, the header written by `git merge`) hid the declaration (row 927).
 */
export function mergeTagMessages(raw: string): string[] {
  const end = raw.indexOf('\n\n');
  const lines = (end < 0 ? raw : raw.slice(0, end)).split('\n');
  const tags: string[] = [];
  let tag: string[] | null = null;
  for (const line of lines) {
    if (line.startsWith(' ') && tag !== null) tag.push(line.slice(1));
    else {
      if (tag !== null) tags.push(tag.join('\n'));
      tag = line.startsWith('mergetag ') ? [line.slice('mergetag '.length)] : null;
    }
  }
  if (tag !== null) tags.push(tag.join('\n'));
  return tags.flatMap((text) => {
    const body = text.indexOf('\n\n');
    if (body < 0) return [];
    const kept = withoutTagSignature(text.slice(body + 2));
    return kept.trim() === '' ? [] : [kept];
  });
}

/** A record's fields as git showed them (`%an %ae %cn %ce %ct %e %B`). */
function shownRecord(shown: readonly string[]): Pick<CommitRecord, 'author' | 'committer' | 'time' | 'message' | 'encoding'> {
  const [an, ae, cn, ce, ct, encoding, message] = shown as [string, string, string, string, string, string, string];
  return { author: { name: an, email: ae }, committer: { name: cn, email: ce }, time: Number(ct), message, ...(encoding === '' ? {} : { encoding }) };
}

/** Commits under such an encoding asked of one git process; commits held back at most before they are asked. */
const ASK_BATCH = 64;
/**
 * The characters of messages under such an encoding held at most before they are asked (row 1133): 64 messages of
 * 15 MiB were held whole, then git's raw output of them all read at once (~1 GB); now a batch closes past 8 Mi
 * characters (a message longer than that closes its batch at once, with the fewer than 8 Mi characters held before it),
 * so what is held is at most one such message and 8 Mi characters more, and their answer.
 */
const ASK_CHARS = 8 * 1024 * 1024;
const HOLD = 256;
/** Commits asked one by one at most per pass, where a batch's answer cannot be split (a NUL in a re-encoded text). */
const ASKED_ALONE = 64;

/**
 * bodyFound for several commits with one git process (`--no-walk=unsorted --stdin -z`: one record
 * per commit, in the order asked, each what the commit's own run prints), so a long history of such
 * commits costs a process per ASK_BATCH of them, not one each. A record holding a NUL (a hostile
 * re-encoded text) gives more records than commits: that batch is asked commit by commit, at most
 * ASKED_ALONE per pass, after which its commits are read as no message (what git shows when it
 * reads within the text).
 */
function bodyAsker(cwd: string, asStored: boolean): (shas: readonly string[]) => boolean[] {
  let alone = 0;
  return (shas) => {
    if (shas.length === 0) return [];
    if (shas.length > 1) {
      const records = runGitRawSync(['log', '--no-walk=unsorted', '--stdin', '-z', ...RAW_ARGS, '--'], { cwd, asStored, input: `${shas.join('\n')}\n` }).toString('latin1').split('\0');
      if (records[records.length - 1] === '') records.pop();
      if (records.length === shas.length && records.every((record, at) => record.startsWith(`commit ${shas[at]}\n`))) return records.map(holdsBody);
    }
    return shas.map((sha) => (alone++ < ASKED_ALONE ? bodyFound(cwd, sha, asStored) : false));
  };
}

const RAW_ARGS = ['--pretty=raw', '--no-notes', '--no-decorate', '--no-color', '--no-show-signature', '--encoding=UTF-8'];

/** Whether git's raw record of a commit finds the end of its re-encoded headers (bodyFound). */
function holdsBody(raw: string): boolean {
  return raw.indexOf('\n\n', raw.indexOf('\n') + 1) >= 0 || raw.startsWith('\n', raw.indexOf('\n') + 1);
}

/**
 * Whether git finds where the headers of `sha`, re-encoded from its `encoding` header to UTF-8,
 * end: an encoding whose bytes for a line break are not ASCII's (EBCDIC's IBM037, IBM1047) leaves
 * the whole object one line, and git 2.39 (pretty.c, parse_commit_header) then reads `%B` and
 * `%s` on past the end of that text, into memory iconv left unwritten: the same commit showed
 * `0\ufffd\ufffd\ufffd\ufffd\x7f` in one run and nothing or other bytes in the next. Asked of
 * git's raw format (`--pretty=raw`), which prints the re-encoded headers line by line, stops at
 * the text's end, and adds one line break after them: a blank line follows them only when the
 * text holds one (or ends with a line break, where git's `%B` is empty and read within it). None:
 * git shows no message, every time. One git process: a batch is asked so (bodyAsker) where it cannot be split.
 */
function bodyFound(cwd: string, sha: string, asStored: boolean): boolean {
  return holdsBody(runGitRawSync(['log', '--no-walk', ...RAW_ARGS, sha, '--'], { cwd, asStored }).toString('latin1'));
}
