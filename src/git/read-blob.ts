import { GitError, runGit, runGitRaw, type ObjectView } from './exec.js';
import { foundObject, objectContents, objectInfoLines } from './object-batch.js';
import { OBJECT_ID, objectId } from './object-id.js';

/** One entry of a revision's tree, as `git ls-tree -l` reports it. */
export interface TreeEntry {
  /** Path relative to the repository root. */
  path: string;
  /** `100644`, `100755` (files), `120000` (symlink), `040000` (tree), `160000` (submodule). */
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  oid: string;
  /** Size in bytes (blobs only). */
  size: number | null;
}

/**
 * The entries for `paths` (exact names from the root, no pathspec magic) in the tree of `rev`,
 * in the order of `paths`; missing paths are absent. `rev` is resolved first with
 * `--end-of-options`, so a hostile revision can never be read as an option.
 */
export async function listTreeEntries(repoDir: string, rev: string, paths: readonly string[], view: ObjectView = {}): Promise<TreeEntry[]> {
  const found = new Map((await lsTree(repoDir, rev, paths, view)).map((entry) => [entry.path, entry]));
  return paths.flatMap((path) => (found.has(path) ? [found.get(path)!] : []));
}

/**
 * The entries at the top of the tree of `rev` (files, links, directories, submodules) whose name
 * `naming` (a global regex) finds a match in, as listTreeEntries reads them. Only the records
 * holding a match are decoded: a root of 50,000 files is one search of git's output (~10 ms),
 * not 50,000 records split and matched (~130 ms of node's CPU on every `check`). `folders`: top
 * folders whose entries are listed too, in place of the folder's own entry (`.config/aitrailrc.yml`).
 */
export async function listRootEntries(repoDir: string, rev: string, naming: RegExp, view: ObjectView = {}, folders: readonly string[] = []): Promise<TreeEntry[]> {
  // `.` lists the top as before; `<folder>/` lists that folder's entries in its place (`.config/x`), in the same ls-tree.
  return lsTree(repoDir, rev, folders.length === 0 ? [] : ['.', ...folders.map((folder) => `${folder}/`)], view, naming);
}

/** The records of ls-tree's `-z` output `out` in which `naming` matches (each once). */
function recordsNaming(out: string, naming: RegExp): string[] {
  const starts = new Set<number>();
  for (const match of out.matchAll(naming)) starts.add(out.lastIndexOf('\0', match.index) + 1);
  return [...starts].map((start) => {
    const end = out.indexOf('\0', start);
    return out.slice(start, end < 0 ? out.length : end);
  });
}

async function lsTree(repoDir: string, rev: string, paths: readonly string[], view: ObjectView, naming?: RegExp): Promise<TreeEntry[]> {
  const args = ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{tree}`];
  const unknown = (error: unknown): never => {
    const shown = JSON.stringify(rev.slice(0, 100)).replace(/[\u007f-\u009f\u2028-\u202e]/g, '?');
    throw new GitError(`unknown revision ${shown}: no such commit or tree in this repository`, args, (error as GitError).exitCode ?? null, (error as GitError).stderr ?? '', { cause: error });
  };
  // An object id (what the callers hold: a resolved commit) is given to ls-tree as it is, which
  // reads a commit's tree itself: one git process, not two. Any other name is resolved first.
  const tree = OBJECT_ID.test(rev) ? rev : (await runGit(args, { cwd: repoDir, ...view }).catch(unknown)).trim();
  const out = await runGit(['ls-tree', '-z', '-l', '--full-tree', tree, '--', ...paths], { cwd: repoDir, env: { GIT_LITERAL_PATHSPECS: '1' }, ...view }).catch((error: unknown) => (tree === rev ? unknown(error) : Promise.reject(error)));
  const entries: TreeEntry[] = [];
  for (const record of naming ? recordsNaming(out, naming) : out.split('\0')) {
    const match = /^(\d{6}) (blob|tree|commit) ([0-9a-f]{40,64}) +(-|\d+)\t([^]*)$/.exec(record);
    if (!match) continue;
    const [, mode, type, oid, size, path] = match;
    entries.push({ path: path!, mode: mode!, type: type as TreeEntry['type'], oid: oid!, size: size === '-' ? null : Number(size) });
  }
  return entries;
}

/** Every file (blob, link or submodule) under directory `path` ('' = the top) of commit `commit` (an object id), by its path relative to that directory. */
export async function treeFileNames(repoDir: string, commit: string, path: string, view: ObjectView = {}): Promise<string[]> {
  objectId(commit);
  return (await runGit(['ls-tree', '-r', '-z', '--name-only', `${commit}:${path}`], { cwd: repoDir, ...view })).split('\0').filter((name) => name !== '');
}

/**
 * Every symbolic link of commit `commit`'s tree (an object id): its path and the blob holding its
 * target's text. The listing's bytes are searched for a record of mode 120000 (each record starts
 * the output or follows a NUL, and starts with its mode), and only those are decoded: a tree of
 * 50,000 files and no link was decoded, split and matched record by record (~40 ms of CPU) for
 * every range `check`, pre-push and pre-receive judge under path rules. A commit's links are read
 * once a run (the link judge and the line judge ask for the same starting commits).
 */
export async function treeSymlinks(repoDir: string, commit: string, view: ObjectView = {}): Promise<Array<{ path: string; oid: string }>> {
  objectId(commit);
  const key = `${view.asStored === true ? 1 : 0}\0${repoDir}\0${commit}`;
  let links = symlinksRead.get(key);
  if (links === undefined) {
    const out = await runGitRaw(['ls-tree', '-r', '-z', '--full-tree', commit], { cwd: repoDir, ...view });
    lastListing = { key, out };
    links = [];
    const record = (start: number): void => {
      const end = out.indexOf(0, start);
      const match = /^120000 blob ([0-9a-f]{40,64})\t([^]*)$/.exec(out.toString('utf8', start, end === -1 ? out.length : end));
      if (match) links!.push({ path: match[2]!, oid: match[1]! });
    };
    if (out.subarray(0, LINK_MODE.length - 1).equals(LINK_MODE.subarray(1))) record(0);
    for (let at = out.indexOf(LINK_MODE); at !== -1; at = out.indexOf(LINK_MODE, at + 1)) record(at + 1);
    if (symlinksRead.size >= 64) symlinksRead.clear();
    symlinksRead.set(key, links);
  }
  return links.map((link) => ({ ...link }));
}

/** The last tree treeSymlinks listed (its raw `ls-tree -r -z` output), for treePathSet to read without a second git process. */
let lastListing: { key: string; out: Buffer } | null = null;
const pathSets = new Map<string, ReadonlySet<string>>();

/**
 * Every path of `commit`'s tree, its files (links, submodules) and the directories above them,
 * read from the listing treeSymlinks made of it when it was the last one (else listed again).
 */
export async function treePathSet(repoDir: string, commit: string, view: ObjectView = {}): Promise<ReadonlySet<string>> {
  objectId(commit);
  const key = `${view.asStored === true ? 1 : 0}\0${repoDir}\0${commit}`;
  const known = pathSets.get(key);
  if (known !== undefined) return known;
  const out = lastListing?.key === key ? lastListing.out : await runGitRaw(['ls-tree', '-r', '-z', '--full-tree', commit], { cwd: repoDir, ...view });
  const paths = new Set<string>();
  let previous = '';
  for (const record of out.toString('utf8').split('\0')) {
    const tab = record.indexOf('\t');
    if (tab === -1) continue;
    const path = record.slice(tab + 1);
    paths.add(path);
    // Listed by path: the files of one directory follow each other, its directories known after the first.
    const last = path.lastIndexOf('/');
    if (last > 0 && last === previous.length && path.startsWith(previous)) continue;
    previous = last > 0 ? path.slice(0, last) : '';
    for (let slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
      const dir = path.slice(0, slash);
      if (paths.has(dir)) break;
      paths.add(dir);
    }
  }
  if (pathSets.size >= 8) pathSets.clear();
  pathSets.set(key, paths);
  return paths;
}

/** A record of a symbolic link in `ls-tree -z` output, with the NUL that ends the record before it. */
const LINK_MODE = Buffer.from('\u0000120000 ');
const symlinksRead = new Map<string, Array<{ path: string; oid: string }>>();

/** The content of a blob, by object id, as UTF-8 text. */
export async function readBlob(repoDir: string, oid: string, view: ObjectView = {}): Promise<string> {
  objectId(oid);
  const [answer] = await objectContents(repoDir, [oid], view);
  if (answer?.content != null && foundObject(answer.header)?.type === 'blob') return answer.content.toString('utf8');
  // What `git cat-file blob <oid>` said of an object that is no blob or that the repository lacks.
  const stderr = `fatal: git cat-file ${oid}: bad file\n`;
  throw new GitError(`git cat-file failed: ${stderr.trim()}`, ['cat-file', 'blob', oid], 128, stderr);
}

/**
 * For each commit of `commits`, the object ids of `paths` in its tree (`''` where absent), in one
 * `git cat-file` pass: which commits hold the same files without reading any of them.
 */
export async function pathObjects(repoDir: string, commits: readonly string[], paths: readonly string[], view: ObjectView = {}): Promise<Map<string, string[]>> {
  const asked = [...new Set(commits)].filter((commit) => /^[0-9a-f]{40,64}$/.test(commit));
  const result = new Map<string, string[]>();
  if (asked.length === 0 || paths.length === 0) return result;
  const lines = await objectInfoLines(repoDir, asked.flatMap((commit) => paths.map((path) => `${commit}:${path}`)), view);
  asked.forEach((commit, index) => {
    result.set(commit, paths.map((_, offset) => foundObject(lines[index * paths.length + offset] ?? '')?.oid ?? ''));
  });
  return result;
}

/** Names `<rev>:<path>` asks git only for a path read as written (`./x`, `../x` are read from the working directory; a line feed ends a batch line). */
const ASKED_BY_TREE = /\n|\r|^\.\.?(\/|$)/;
/** `items` in runs of `size`. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let at = 0; at < items.length; at += size) out.push(items.slice(at, at + size));
  return out;
}

/**
 * The blob at each `{rev, path}` (null: no blob there; a link is a blob, as in listTreeEntries), its id and size, in the
 * order asked: `git cat-file --batch-check` for names read as written, listTreeEntries for the rest. A few processes for any number.
 */
export async function blobsAt(cwd: string, asked: ReadonlyArray<{ rev: string; path: string }>, view: ObjectView = {}): Promise<Array<{ oid: string; size: number } | null>> {
  const blobs: Array<{ oid: string; size: number } | null> = asked.map(() => null);
  const plain = asked.flatMap((pair, at) => (ASKED_BY_TREE.test(pair.path) ? [] : [at]));
  for (const part of chunks(plain, 100_000)) {
    const answers = await objectInfoLines(cwd, part.map((at) => `${asked[at]!.rev}:${asked[at]!.path}`), view);
    part.forEach((at, index) => {
      const found = foundObject(answers[index] ?? '');
      if (found?.type === 'blob') blobs[at] = { oid: found.oid, size: found.size };
    });
  }
  for (const [at, pair] of asked.entries()) {
    if (!ASKED_BY_TREE.test(pair.path)) continue;
    const [entry] = await listTreeEntries(cwd, pair.rev, [pair.path], view);
    if (entry?.type === 'blob') blobs[at] = { oid: entry.oid, size: entry.size ?? 0 };
  }
  return blobs;
}

/** The blob id at each `{rev, path}` (blobsAt). */
export async function blobIdsAt(cwd: string, asked: ReadonlyArray<{ rev: string; path: string }>, view: ObjectView = {}): Promise<Array<string | null>> {
  return (await blobsAt(cwd, asked, view)).map((blob) => blob?.oid ?? null);
}
