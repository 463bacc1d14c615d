import { unquoteCPath } from '../core/blame/parse-blame.js';
import { runGit, runGitRaw } from './exec.js';
import { PatchSplitter } from './patch-splitter.js';

// History as stored (replace refs and grafts ignored); paths literal (`*` is that file).
const STORED = { asStored: true, env: { GIT_LITERAL_PATHSPECS: '1' } } as const;

/**
 * At most this many paths (and PATH_BYTES_CAP bytes of them) go to one `git log -p` (command-line
 * arguments): more are searched in as many runs, each path in one run only.
 */
export const PATH_PATCHES_CAP = 2_000;
const PATH_BYTES_CAP = 256 * 1024;

export class PathPatchesCapError extends Error {
  constructor(readonly asked: number) {
    super(`path patches: ${asked} paths asked, their changes past ${PATCH_OUTPUT_CAP} bytes`);
  }
}

/** `paths` in runs of at most PATH_PATCHES_CAP paths and PATH_BYTES_CAP bytes. */
export function pathRuns(paths: readonly string[]): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  let bytes = 0;
  for (const path of paths) {
    const size = Buffer.byteLength(path) + 1;
    if (run.length > 0 && (run.length >= PATH_PATCHES_CAP || bytes + size > PATH_BYTES_CAP)) {
      runs.push(run);
      run = [];
      bytes = 0;
    }
    run.push(path);
    bytes += size;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** Committer times of `commits`, and their raw messages lower-cased (one `git log --no-walk` pass). */
export async function commitTimes(cwd: string, commits: readonly string[]): Promise<Map<string, { time: number; message: string }>> {
  const times = new Map<string, { time: number; message: string }>();
  if (commits.length === 0) return times;
  // Each record starts with a mark no message can hold (it is drawn now): a message cannot forge another commit's record.
  // node:crypto when first needed: loaded with this module, it cost every check run ~3 ms (twin lines are rarely looked for).
  const mark = `aitrail-${process.getBuiltinModule('node:crypto').randomBytes(16).toString('hex')}`;
  const out = await runGit(['log', '--no-walk=unsorted', '--stdin', `--format=${mark} %H %ct%n%B`], { cwd, input: commits.map((sha) => `${sha}\n`).join(''), ...STORED });
  for (const record of out.split(`${mark} `).slice(1)) {
    const match = /^([0-9a-f]{40,64}) (\d+)\n/.exec(record);
    if (match) times.set(match[1] as string, { time: Number(match[2]), message: record.slice(match[0].length).toLowerCase() });
  }
  return times;
}

/** Whether `ancestor` is an ancestor of (or is) `of`. */
export async function isAncestor(cwd: string, ancestor: string, of: string): Promise<boolean> {
  try {
    await runGit(['merge-base', '--is-ancestor', ancestor, of], { cwd, ...STORED });
    return true;
  } catch {
    return false;
  }
}

/**
 * Where pathPatches' `git log -p` runs (added-lines.ts's attributesFree, given by the caller: that module reads this one):
 * so that no `.gitattributes` of the content makes a file's change a `GIT binary patch` of its bytes (row 1215).
 */
export interface LogPlace {
  gitDir: string;
  args: readonly string[];
  env: Record<string, string | undefined>;
}

/**
 * Hunks placed as git blame places them (BLAME_COMMAND: myers, the indent heuristic), whatever the machine's
 * diff.algorithm or diff.indentHeuristic say: added-lines.ts's counts and pathPatches' added lines are blame's (git-config-s25e, row 1220).
 */
export const BLAME_PLACED: readonly string[] = ['--diff-algorithm=myers', '--indent-heuristic'];

/** At most this much `git log -p` output is read for one patch-id search: past it, fail closed (PathPatchesCapError). */
export const PATCH_OUTPUT_CAP = 64 * 1024 * 1024;

/** One commit's change to the asked paths: its patch id (`git patch-id --stable`), and where each line it adds sits, in order. */
export interface PatchOf {
  sha: string;
  patchId: string;
  /** Added lines by path: their line numbers in the commit's version of the file, in diff order. */
  added: Map<string, number[]>;
  /** The blob each path holds once the commit is made (`index <old>..<new>`; a deleted path has none). */
  blobs: Map<string, string>;
}

/**
 * The added lines of each commit's `git log -p` text, by the path of its `+++ b/` side: a hunk's
 * lines are counted by its header (`@@ -a,b +c,d @@`), so a line of content that reads like a header
 * (`+++ b/x` added) stays content.
 */
/**
 * A `-U0`/`-p` hunk header's counts (`@@ -a[,b] +c[,d] @@`: a count left out is 1): the old side's lines,
 * the new side's first line and its lines; null for any other line. The one reading of hunk headers
 * ({@link addedLinesOf}, `added-lines.ts`).
 */
export function hunkHeader(line: string): { oldCount: number; newStart: number; newCount: number } | null {
  const hunk = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
  if (!hunk) return null;
  return { oldCount: hunk[1] === undefined ? 1 : Number(hunk[1]), newStart: Number(hunk[2]), newCount: hunk[3] === undefined ? 1 : Number(hunk[3]) };
}

export function addedLinesOf(patch: string): Map<string, { added: Map<string, number[]>; blobs: Map<string, string> }> {
  const result = new Map<string, { added: Map<string, number[]>; blobs: Map<string, string> }>();
  let commit: { added: Map<string, number[]>; blobs: Map<string, string> } | undefined;
  let blob: string | undefined;
  let lines: number[] | undefined;
  let next = 0;
  let oldLeft = 0;
  let newLeft = 0;
  for (const line of patch.split('\n')) {
    if (oldLeft > 0 || newLeft > 0) {
      if (line.startsWith('+')) {
        lines?.push(next);
        next += 1;
        newLeft -= 1;
      } else if (line.startsWith('-')) oldLeft -= 1;
      else if (line.startsWith(' ') || line === '') {
        next += 1;
        oldLeft -= 1;
        newLeft -= 1;
      }
      continue;
    }
    const head = /^commit ([0-9a-f]{40,64})$/.exec(line);
    if (head) {
      commit = { added: new Map(), blobs: new Map() };
      result.set(head[1] as string, commit);
      lines = undefined;
    } else if (line.startsWith('diff --git ')) {
      lines = undefined;
      blob = undefined;
    } else if (/^index [0-9a-f]+\.\.[0-9a-f]+/.test(line)) blob = /\.\.([0-9a-f]{40,64})(?: |$)/.exec(line)?.[1];
    else if (line.startsWith('+++ ') && commit !== undefined) {
      // C-quoted when it holds special bytes (`"b/t\tab.ts"`); a name with a space ends with a tab.
      const name = unquoteCPath(line.slice(4).replace(/\t$/, ''));
      lines = name.startsWith('b/') ? [] : undefined;
      if (lines !== undefined) commit.added.set(name.slice(2), lines);
      if (lines !== undefined && blob !== undefined) commit.blobs.set(name.slice(2), blob);
    } else {
      const hunk = hunkHeader(line);
      if (hunk) {
        oldLeft = hunk.oldCount;
        next = hunk.newStart;
        newLeft = hunk.newCount;
      }
    }
  }
  return result;
}

/**
 * The patch ids of every commit the repository holds (any ref but the notes, and `more` commits)
 * that changes `paths`, computed on its change to those paths only (merges left out), with the lines
 * each adds and the blobs it leaves there: one `git log -p` and one `git patch-id --stable` a run of
 * PATH_PATCHES_CAP paths (one run but for a move of thousands of files). A commit that changes paths
 * of two runs has an entry in each, for the paths of that run. Binary changes are hashed whole (`--binary`).
 */
export async function pathPatches(cwd: string, paths: readonly string[], more: readonly string[] = [], place?: LogPlace): Promise<PatchOf[]> {
  const found: PatchOf[] = [];
  let read = 0;
  for (const run of pathRuns(paths)) {
    // A commit that changes paths of two runs has a patch (and a patch id) in each: its entries are told apart by path.
    const raw = await runPatches(place ?? { gitDir: cwd, args: [], env: STORED.env }, run, more);
    read += raw.length;
    if (read > PATCH_OUTPUT_CAP) throw new PathPatchesCapError(paths.length);
    if (raw.length === 0) continue;
    const patch = raw.toString('utf8');
    // Each file's change as the whole-history twin search reads it (PatchSplitter: blank lines, line breaks, white space
    // and wrapping no part of it; row 1213), its files' ids joined: the commit's change to these paths.
    const splitter = new PatchSplitter((line) => (line.startsWith('commit ') ? line.slice('commit '.length) : undefined));
    // Fed 64 KiB at a time, each slice's parts joined at once (a part a line of millions of tiny runs held a Buffer each).
    const parts: Buffer[] = [];
    for (let at = 0; at < raw.length; at += 65_536) parts.push(Buffer.concat(splitter.push(raw.subarray(at, at + 65_536))));
    const input = Buffer.concat([...parts, ...splitter.end()]);
    const ids = await runGit(['patch-id', '--stable'], { cwd, input, ...STORED });
    const changes = addedLinesOf(patch);
    const byCommit = new Map<string, string[]>();
    for (const line of ids.split('\n')) {
      const match = /^([0-9a-f]{40,64}) ([0-9a-f]{40,64})$/.exec(line);
      if (match) byCommit.set(match[2] as string, [...(byCommit.get(match[2] as string) ?? []), match[1] as string]);
    }
    const patchIds = new Map([...byCommit].map(([sha, fileIds]) => [sha, fileIds.sort().join(' ')] as const));
    // A commit whose change to the paths is only a mode or an empty file has no patch id: still a writer of its blobs.
    found.push(...[...changes].map(([sha, change]) => ({ sha, patchId: patchIds.get(sha) ?? `none:${sha}`, ...change })));
  }
  return found;
}

/**
 * One `git log -p` over `paths` (see pathPatches): without context lines (`-U0`, row 1214 as row 1102: a line two above
 * the change moved gave a pick of it another id); hunks placed as blame places them (BLAME_PLACED, row 1220: under a
 * user's `diff.algorithm=histogram` the added lines were others than the ones blame gives the commit).
 */
async function runPatches(place: LogPlace, paths: readonly string[], more: readonly string[]): Promise<Buffer> {
  const args = [
    ...place.args, '-c', 'core.quotePath=false', 'log', '-p', '--binary', '--format=commit %H', '--no-merges', '--no-renames', '--no-color', '--no-ext-diff', '--no-textconv', '--no-relative', '--no-show-signature', '--full-index', '--src-prefix=a/', '--dst-prefix=b/', '-U0', ...BLAME_PLACED,
    '--exclude=refs/notes/*', '--all', '--stdin', '--', ...paths,
  ];
  return runGitRaw(args, { cwd: place.gitDir, env: place.env, asStored: true, input: more.map((sha) => `${sha}\n`).join('') });
}
