import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOriginParser, type OriginGroup } from '../core/blame/parse-origins.js';
import { BLAME_COMMAND } from './blame.js';
import { runGitRaw, splitRecords, streamGit } from './exec.js';
import { foundObject, objectInfoLines } from './object-batch.js';
import { listTreeEntries } from './read-blob.js';

// Enforcement reads history as stored (`asStored`: replace refs and grafts ignored, so a pushed
// `refs/replace/<sha>` cannot make an AI commit look human). Paths are literal: `*` is that file.
const STORED = { asStored: true, env: { GIT_LITERAL_PATHSPECS: '1' } } as const;

/**
 * A path `git cat-file --batch-check` cannot be asked for: its input is lines, and git strips a
 * carriage return before the newline (`src/crypto/key.ts\r` was asked as `src/crypto/key.ts`,
 * found missing, and the protected file was never blamed).
 */
const NOT_A_LINE = /[\n\r]/;

/**
 * Which `(rev, path)` pairs name a file (a blob), in one `git cat-file` pass; a path holding a
 * line break (NOT_A_LINE) cannot be asked that way and is asked with `ls-tree` instead.
 * Submodules and directories are not files.
 */
export async function filesAt(cwd: string, asked: ReadonlyArray<{ rev: string; path: string }>): Promise<Array<{ rev: string; path: string }>> {
  const plain = asked.filter(({ path }) => !NOT_A_LINE.test(path));
  const found: Array<{ rev: string; path: string }> = [];
  if (plain.length > 0) {
    const answers = await objectInfoLines(cwd, plain.map(({ rev, path }) => `${rev}:${path}`), { asStored: true });
    found.push(...plain.filter((_, index) => foundObject(answers[index] ?? '')?.type === 'blob'));
  }
  for (const pair of asked.filter(({ path }) => NOT_A_LINE.test(path))) {
    const [entry] = await listTreeEntries(cwd, pair.rev, [pair.path], STORED);
    if (entry?.type === 'blob') found.push(pair);
  }
  return found;
}

/**
 * Run `use` with a file that makes `boundary` commits parentless for `git blame -S` (blame's
 * own graft list, for that process only): a blame from a tip of a range then stops where the
 * range stops, as `git blame A..B` does, without paying for the revision walk over the whole
 * range that a negative revision costs every blame process (seconds over 10,000 commits and
 * hundreds of files). The file is removed afterwards.
 */
export function withBoundaryFile<T>(boundary: readonly string[], use: (file: string) => Promise<T>): Promise<T> {
  return withGraftFile(boundary.map((sha) => [sha]), use);
}

/**
 * Run `use` with a graft file for `git blame -S` (that process only): each entry is a commit
 * followed by the parents blame is to see for it (none: a root). The file is removed afterwards.
 */
export async function withGraftFile<T>(grafts: readonly (readonly string[])[], use: (file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'aitrail-boundary-'));
  try {
    const file = join(dir, 'boundary');
    await writeFile(file, grafts.map((line) => `${line.join(' ')}\n`).join(''), { mode: 0o600 });
    return await use(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface OriginBlame {
  /** The commit to blame from. */
  rev: string;
  /** A `withBoundaryFile` file: the walk stops at those commits (their lines are theirs). */
  boundaryFile?: string;
  /** 1-based inclusive line ranges to blame; none = the whole file. */
  lines?: ReadonlyArray<readonly [number, number]>;
  /**
   * Look for the lines in every file of each commit's parent (`-C -C -C`): a copy whose source
   * file that commit left untouched. Costly (a search of the whole tree wherever lines would stay
   * with a commit): only for lines already known to stand elsewhere too (copySuspects).
   */
  anyFile?: boolean;
}

/**
 * Who wrote each line of `path` at `rev`, following the lines through renames of the file and
 * through moves and copies from files changed in the same commit (`-C`: a cut and paste), and
 * ignoring whitespace-only changes (`-w`: re-indenting a line does not make it the re-indenter's).
 * Not `-C -C`: git then searches every file of the parent tree for each file a commit creates
 * (about a second per created file in a 3,000-file tree, ten in a 30,000-file one), nor
 * `-C -C -C` (the same for every commit). No ignore-revs list (configured or not), no textconv:
 * the lines as committed.
 */
export async function blameOrigins(cwd: string, path: string, blame: OriginBlame): Promise<OriginGroup[]> {
  const ranges = (blame.lines ?? []).flatMap(([start, end]) => ['-L', `${start},${end}`]);
  const boundary = blame.boundaryFile === undefined ? [] : ['-S', blame.boundaryFile];
  // `--ignore-revs-file=` (empty) drops every configured blame.ignoreRevsFile: no commit is skipped.
  const copies = blame.anyFile === true ? ['-C', '-C', '-C'] : ['-C'];
  const args = [...BLAME_COMMAND, '--ignore-revs-file=', '-w', ...copies, ...boundary, ...ranges, blame.rev, '--', path];
  const parser = createOriginParser();
  for await (const line of splitRecords(streamGit(args, { cwd, ...STORED }), '\n')) parser.line(line);
  return parser.groups();
}

/**
 * How many bytes of files `rev`'s tree holds (`git ls-tree -r -l`): what one `-C -C -C` blame at
 * `rev` reads and diffs for each commit that changes its file (every file of the parent's tree).
 */
export async function treeBytes(cwd: string, rev: string): Promise<number> {
  const out = await runGitRaw(['ls-tree', '-r', '-z', '-l', '--full-tree', '--end-of-options', rev], { cwd, ...STORED });
  let bytes = 0;
  for (const record of out.toString('latin1').split('\0')) {
    // `<mode> blob <oid> <size>\t<path>`; a submodule's size is `-`.
    const size = /^\d+ blob [0-9a-f]+ +(\d+)\t/.exec(record)?.[1];
    if (size !== undefined) bytes += Number(size);
  }
  return bytes;
}
