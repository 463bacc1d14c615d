import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOriginParser, type OriginGroup } from '../core/blame/parse-origins.js';
import { runGit, splitRecords, streamGit } from './exec.js';
import { listTreeEntries } from './read-blob.js';
import { resolveCommits } from './resolve-commits.js';

/**
 * Enforcement reads history as stored: replace refs are ignored (a pushed `refs/replace/<sha>`
 * must not make an AI commit look human). Paths are literal: a file named `*` is that file.
 */
const AS_STORED = { GIT_NO_REPLACE_OBJECTS: '1', GIT_LITERAL_PATHSPECS: '1' };

/** The commits a rev-list range (`A..B`, `A...B`, `B --not --remotes`) starts from. */
export async function rangeTips(cwd: string, revisions: readonly string[]): Promise<string[]> {
  const out = await runGit(['rev-parse', '--revs-only', ...revisions], { cwd, env: AS_STORED });
  const positive = out.split('\n').filter((line) => /^[0-9a-f]{40,64}$/.test(line));
  const commits = await resolveCommits(cwd, positive);
  return [...new Set(positive.map((rev) => commits.get(rev)).filter((commit): commit is string => !!commit))];
}

/**
 * Which `paths` are files (blobs) at each of `revs` (commit ids), in one `git cat-file` pass for
 * every pair; a path holding a newline cannot be asked that way and is asked per revision with
 * `ls-tree` instead. Submodules and directories are not files.
 */
export async function filesAt(cwd: string, revs: readonly string[], paths: readonly string[]): Promise<Array<{ rev: string; path: string }>> {
  const plain = paths.filter((path) => !path.includes('\n'));
  const odd = paths.filter((path) => path.includes('\n'));
  const asked = revs.flatMap((rev) => plain.map((path) => ({ rev, path })));
  const found: Array<{ rev: string; path: string }> = [];
  if (asked.length > 0) {
    const input = asked.map(({ rev, path }) => `${rev}:${path}\n`).join('');
    const types = (await runGit(['cat-file', '--batch-check=%(objecttype)'], { cwd, input, env: AS_STORED })).split('\n');
    asked.forEach((pair, index) => {
      if (types[index] === 'blob') found.push(pair);
    });
  }
  for (const rev of odd.length > 0 ? revs : []) {
    const entries = await listTreeEntries(cwd, rev, odd);
    found.push(...entries.filter((entry) => entry.type === 'blob').map((entry) => ({ rev, path: entry.path })));
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
export async function withBoundaryFile<T>(boundary: readonly string[], use: (file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'aitrail-boundary-'));
  try {
    const file = join(dir, 'boundary');
    await writeFile(file, boundary.map((sha) => `${sha}\n`).join(''), { mode: 0o600 });
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
}

/**
 * Who wrote each line of `path` at `rev`, following the lines through renames, through copies
 * made when a file is created and moves between files changed in one commit (`-C -C`), and
 * ignoring whitespace-only changes (`-w`: re-indenting a line does not make it the re-indenter's).
 * `-C -C -C` (copies from any file of every commit) would cost a scan of the whole tree per
 * commit: left out. No ignore-revs list (configured or not), no textconv: the lines as committed.
 */
export async function blameOrigins(cwd: string, path: string, blame: OriginBlame): Promise<OriginGroup[]> {
  const ranges = (blame.lines ?? []).flatMap(([start, end]) => ['-L', `${start},${end}`]);
  const boundary = blame.boundaryFile === undefined ? [] : ['-S', blame.boundaryFile];
  // `--ignore-revs-file=` (empty) drops every configured blame.ignoreRevsFile: no commit is skipped.
  const args = ['blame', '--incremental', '--root', '--no-textconv', '--ignore-revs-file=', '-w', '-C', '-C', ...boundary, ...ranges, blame.rev, '--', path];
  const parser = createOriginParser();
  for await (const line of splitRecords(streamGit(args, { cwd, env: AS_STORED }), '\n')) parser.line(line);
  return parser.groups();
}
