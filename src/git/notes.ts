import { GitError, runGit, splitRecords, streamGit, type ObjectView } from './exec.js';
import { GREP_COMMAND } from './grep-command.js';
import { objectId } from './object-id.js';

/** Where a commit's note is stored in the notes tree. */
export interface NoteEntry {
  /** Object id of the note (a blob, unless the tree is hostile). */
  oid: string;
  /** `blob`, or `commit`/other for an entry that is not one (never read). */
  type: string;
  /** Size in bytes (blobs), else -1 (not a blob, or missing from the repository). */
  size: number;
}

/**
 * The commit the notes ref `ref` (a full name) points at, or null when that very ref does not
 * exist. Never git's short-name rules: with refs/notes/ai missing, `rev-parse refs/notes/ai` reads
 * refs/tags/refs/notes/ai or refs/heads/refs/notes/ai, a tag anyone who can push may name so (and
 * CI fetches tags, not notes), whose fake notes would then say whose lines are whose.
 */
export async function notesTip(cwd: string, ref: string, view: ObjectView = {}): Promise<string | null> {
  // Not existingRefs (refs.ts): the type comes in the same process, and a ref to a missing object
  // (for-each-ref exits 128 reading its type) reads as no notes instead of failing the command.
  const out = await runGit(['for-each-ref', '--format=%(refname)%00%(objectname)%00%(objecttype)', '--end-of-options', ref], { cwd, okCodes: [128], ...view });
  // for-each-ref also lists refs under <ref>/ (a pattern is a prefix): only the ref itself counts.
  const found = out.split('\n').map((line) => line.split('\0')).find(([name]) => name === ref);
  if (!found || !/^[0-9a-f]{40,64}$/.test(found[1] ?? '')) return null;
  const [, oid, type] = found as [string, string, string];
  if (type === 'commit') return oid;
  // A ref to an annotated tag of the notes commit (made by hand): peeled as git notes would.
  const peeled = (await runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', `${oid}^{commit}`], { cwd, okCodes: [1, 128], ...view })).trim();
  return /^[0-9a-f]{40,64}$/.test(peeled) ? peeled : null;
}

/**
 * notesTip of each ref in `refs`, asked of git in ONE `for-each-ref` (blame reads refs/notes/ai and
 * refs/notes/ai-attribution on every run: a git process less). A ref git cannot read the type of
 * (exit 128, which may cut the listing of the others short) sends each ref back to notesTip alone.
 */
export async function notesTips(cwd: string, refs: readonly string[], view: ObjectView = {}): Promise<Array<string | null>> {
  let out: string;
  try {
    out = await runGit(['for-each-ref', '--format=%(refname)%00%(objectname)%00%(objecttype)', '--end-of-options', ...new Set(refs)], { cwd, ...view });
  } catch (error) {
    if (error instanceof GitError && error.exitCode === 128) return Promise.all(refs.map((ref) => notesTip(cwd, ref, view)));
    throw error;
  }
  return tipsListed(cwd, out.split('\n').map((line) => line.split('\0')), refs, view);
}

/** The tip of each of `refs` in a for-each-ref listing (`name\0oid\0type` lines, split), as notesTip reads one. */
function tipsListed(cwd: string, listed: string[][], refs: readonly string[], view: ObjectView = {}): Promise<Array<string | null>> {
  return Promise.all(
    refs.map(async (ref) => {
      // for-each-ref also lists refs under <ref>/ (a pattern is a prefix): only the ref itself counts.
      const found = listed.find(([name]) => name === ref);
      if (!found || !/^[0-9a-f]{40,64}$/.test(found[1] ?? '')) return null;
      const [, oid, type] = found as [string, string, string];
      if (type === 'commit') return oid;
      // Not a commit (an annotated tag of the notes commit, made by hand): as notesTip peels it.
      return notesTip(cwd, ref, view);
    }),
  );
}

/** The replace refs as blameEnvironment hashes them: `git for-each-ref --format='%(objectname) %(refname)' refs/replace/`'s output. */
export function listReplaceRefs(cwd: string): Promise<string> {
  return runGit(['for-each-ref', '--format=%(objectname) %(refname)', 'refs/replace/'], { cwd });
}

/**
 * notesTips of `refs` and listReplaceRefs, in ONE `for-each-ref` (blame asks both on every run, a
 * git process less): the replace refs are the listed names under refs/replace/, in for-each-ref's
 * order (by name, as listReplaceRefs lists them), written as listReplaceRefs writes them. A ref git
 * cannot read the type of (exit 128: a notes or replace ref to a missing object) asks each
 * question apart, as before.
 */
export async function notesTipsAndReplaceRefs(cwd: string, refs: readonly string[]): Promise<{ tips: Array<string | null>; replaceRefs: string }> {
  let out: string;
  try {
    out = await runGit(['for-each-ref', '--format=%(refname)%00%(objectname)%00%(objecttype)', '--end-of-options', ...new Set(refs), 'refs/replace/'], { cwd });
  } catch (error) {
    if (error instanceof GitError && error.exitCode === 128) {
      const [tips, replaceRefs] = await Promise.all([notesTips(cwd, refs), listReplaceRefs(cwd)]);
      return { tips, replaceRefs };
    }
    throw error;
  }
  const listed = out.split('\n').map((line) => line.split('\0'));
  const replaceRefs = listed
    .filter(([name, oid]) => name !== undefined && name.startsWith('refs/replace/') && oid !== undefined)
    .map(([name, oid]) => `${oid} ${name}\n`)
    .join('');
  return { tips: await tipsListed(cwd, listed, refs), replaceRefs };
}

/**
 * Every note of the notes commit `tip`: annotated commit → note entry, from ONE `git ls-tree -r`
 * (types and sizes come with it, so nothing oversized or not a blob is ever read). Fanout paths
 * (`ab/cdef…`, `ab/cd/ef…`) are joined; names that are not an object id are not notes and are
 * ignored. A commit noted twice (git-ai's batch writer puts a new note at `ab/cdef…` and leaves an
 * older one at `ab/cd/ef…`, git-ai-project/git-ai #1517; git itself shows the two concatenated)
 * keeps the entry at the shallowest path, as git-ai's reader does (flat, then `ab/…`): the note
 * git-ai wrote last, never the stale one ls-tree lists first. A path in upper-case hex (`ABCD…`,
 * `AB/cd…`, written by hand with `git mktree`) is that commit's note too, as git's notes.c reads
 * it (`git notes show`, `list`, git-ai's reader through them), and every `git notes add`, `copy` or
 * `merge` rewrites it in lower case; at the same depth the lower-case path wins. `shadowed`, when
 * given, gets the other entries of a commit noted twice (git shows them joined to the one read),
 * `twin` on one at the read entry's depth in the other case.
 */
export async function listNotes(cwd: string, tip: string, view: ObjectView = {}, shadowed?: Array<{ commit: string; twin?: true } & NoteEntry>): Promise<Map<string, NoteEntry>> {
  objectId(tip);
  const key = `${view.asStored === true ? 1 : 0}\0${tip}\0${cwd}`;
  let listing = listings.get(key);
  if (!listing) {
    (globalThis as Record<symbol, unknown>)[FORGET_AT_END] = forgetListings;
    if (listings.size >= LISTINGS_KEPT) listings.delete(listings.keys().next().value as string);
    const all: Array<{ commit: string } & NoteEntry> = [];
    const made = readNotesTree(cwd, tip, view, all).then((notes) => ({ notes, shadowed: all }));
    listing = made;
    listings.set(key, made);
    made.catch(() => {
      if (listings.get(key) === made) listings.delete(key);
    });
  }
  const { notes, shadowed: all } = await listing;
  shadowed?.push(...all.map((entry) => ({ ...entry })));
  return new Map([...notes].map(([commit, entry]) => [commit, { ...entry }]));
}

/**
 * The notes trees listed in this run (a notes commit's tree never changes): pre-receive asked the
 * same tip up to five times a push (notes taken, Qwen's notes taken, shadowed, added, the judge),
 * one `git ls-tree -r` each. The last few are kept.
 */
const listings = new Map<string, Promise<{ notes: Map<string, NoteEntry>; shadowed: Array<{ commit: string } & NoteEntry> }>>();
const LISTINGS_KEPT = 8;

/**
 * Where a run's end (src/git/run-end.ts) finds forgetListings: a program calling the API lists
 * again in its next call (through replace refs, which `git replace` may have changed since, a tip
 * that did not move lists other notes).
 */
const FORGET_AT_END = Symbol.for('aitrail.forgetNotesListings');

function forgetListings(): void {
  listings.clear();
}

async function readNotesTree(cwd: string, tip: string, view: ObjectView, shadowed: Array<{ commit: string } & NoteEntry>): Promise<Map<string, NoteEntry>> {
  const notes = new Map<string, NoteEntry>();
  const ranks = new Map<string, number>();
  // A shadowed entry at the read one's depth in the other case (`twin`): only a hand-made tree holds one (git and git-ai write lower case).
  const sameDepth = (one: number, other: number): true | undefined => (one >> 1 === other >> 1 ? true : undefined);
  const args = ['ls-tree', '-r', '-z', '-l', '--full-tree', tip];
  try {
    for await (const record of splitRecords(streamGit(args, { cwd, ...view }), '\0')) {
      // Size: `-` for what is not a blob, `BAD` for an object the repository lacks (read anyway: cat-file says it is missing).
      const match = /^\d{6} ([a-z]+) ([0-9a-f]{40,64}) +(-|\d+|BAD)\t([0-9a-fA-F/]{40,80})$/.exec(record);
      if (!match) continue;
      const [, type, oid, size, path] = match as unknown as [string, string, string, string, string];
      const joined = path.replace(/\//g, '');
      const commit = joined.toLowerCase();
      const rank = 2 * (path.length - joined.length) + (joined === commit ? 0 : 1);
      if (commit.length !== 40 && commit.length !== 64) continue;
      const entry = { oid, type, size: /^\d+$/.test(size) ? Number(size) : -1 };
      const chosen = notes.get(commit);
      const kept = ranks.get(commit);
      if (rank >= (kept ?? Infinity)) {
        const twin = sameDepth(rank, kept as number);
        shadowed?.push({ commit, ...entry, ...(twin ? { twin } : {}) });
        continue;
      }
      if (chosen) {
        const twin = sameDepth(rank, kept as number);
        shadowed?.push({ commit, ...chosen, ...(twin ? { twin } : {}) });
      }
      ranks.set(commit, rank);
      notes.set(commit, entry);
    }
  } catch (error) {
    if (error instanceof GitError) throw new GitError(`cannot read the notes at ${tip.slice(0, 12)}: ${error.message}`, args, error.exitCode, error.stderr, { cause: error });
    throw error;
  }
  return notes;
}

/**
 * For each of `texts`, the commits (at most `perText`) whose note in the notes commit `tip` holds
 * it byte for byte: ONE `git grep -F -o` over its tree for all of them (fanout paths joined back
 * into commit ids), as git-ai finds a prompt record stored in another note. Texts with a line
 * break are never searched.
 */
export async function grepNotes(cwd: string, tip: string, texts: readonly string[], perText: number, view: ObjectView = {}): Promise<Map<string, string[]>> {
  objectId(tip);
  const found = new Map<string, string[]>();
  const wanted = [...new Set(texts)].filter((text) => text !== '' && !/[\r\n\0]/.test(text));
  if (wanted.length === 0) return found;
  // --text: the work tree's .gitattributes (a pull request's `* -diff` or `* binary`) must not make
  // git answer "Binary file … matches" for a note, which names no text and would hide the record;
  const out = await runGit([...GREP_COMMAND, '-F', '-o', '-z', '--text', ...wanted.flatMap((text) => ['-e', text]), tip, '--'], { cwd, okCodes: [1], ...view });
  for (const line of out.split('\n')) {
    const nul = line.indexOf('\0');
    if (nul === -1 || !line.startsWith(`${tip}:`)) continue;
    const commit = line.slice(tip.length + 1, nul).replace(/\//g, '').toLowerCase();
    const text = line.slice(nul + 1);
    if (!/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(commit) || !wanted.includes(text)) continue;
    const list = found.get(text) ?? [];
    if (list.length < perText && !list.includes(commit)) list.push(commit);
    found.set(text, list);
  }
  return found;
}

/** The format and patterns of notesListing: the reference-transaction shim runs the same command and compares the text. */
export const NOTES_LISTING_ARGS: readonly string[] = ['for-each-ref', '--format=%(objectname) %(refname)', 'refs/notes/'];

/**
 * Every notes ref with its object, as git lists them (`<oid> <refname>` lines): what a push's
 * pre-receive judged by, written down for the reference-transaction hook to compare (receive-record.ts).
 */
export async function notesListing(cwd: string): Promise<string> {
  return runGit(NOTES_LISTING_ARGS, { cwd });
}

/**
 * notesListing and notesTips of `refs` (full names under refs/notes/) from ONE `for-each-ref` of
 * refs/notes/ (pre-receive asks both of every push: a git process less, and its tips are those of
 * the listing it records). The listing is notesListing's text (each line cut at the NUL before the
 * type: a ref name holds no NUL); the tips are read from the same lines as notesTips reads its own.
 * null when git cannot read a listed ref's type (exit 128: a notes ref to a missing object): the
 * caller asks each question apart, as before.
 */
export async function notesListingAndTips(
  cwd: string,
  refs: readonly string[],
  view: ObjectView = {},
  also?: string,
): Promise<{ listing: string; tips: Array<string | null>; also?: string } | null> {
  if (!refs.every((ref) => ref.startsWith('refs/notes/'))) throw new Error('notesListingAndTips: a ref outside refs/notes/');
  const [command, , pattern] = NOTES_LISTING_ARGS as [string, string, string];
  // `also` (pre-receive: HEAD's branch, as existingRefs reads it, exact name): listed by the same for-each-ref, kept out of the listing.
  const extra = also !== undefined && !also.startsWith(pattern) ? [also] : [];
  let out: string;
  try {
    out = await runGit([command, '--format=%(objectname) %(refname)%00%(objecttype)', pattern, ...extra], { cwd, ...view });
  } catch (error) {
    if (error instanceof GitError && error.exitCode === 128) return null;
    throw error;
  }
  const all = out.split('\n').filter((line) => line !== '');
  const listedAll = all.map((line) => {
    const space = line.indexOf(' ');
    const nul = line.indexOf('\0');
    return [line.slice(space + 1, nul), line.slice(0, space), line.slice(nul + 1)];
  });
  const lines = all.filter((_, at) => listedAll[at]![0]!.startsWith(pattern));
  const listed = listedAll.filter(([name]) => name!.startsWith(pattern));
  const listing = lines.map((line) => `${line.slice(0, line.indexOf('\0'))}\n`).join('');
  const alsoAt = also === undefined ? undefined : listedAll.find(([name]) => name === also)?.[1];
  return { listing, tips: await tipsListed(cwd, listed, refs, view), ...(alsoAt === undefined ? {} : { also: alsoAt }) };
}
