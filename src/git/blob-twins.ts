import { runGit, splitRecords, streamGit } from './exec.js';

// History as stored (replace refs and grafts ignored); paths literal (`*` is that file).
const STORED = { asStored: true, env: { GIT_LITERAL_PATHSPECS: '1' } } as const;

/** A commit that wrote `blob` at `path` (the file's content there once it was made), and its committer time. */
export interface BlobWriter {
  sha: string;
  path: string;
  blob: string;
  time: number;
}

/**
 * At most this many blobs and paths are asked in one search (command-line arguments): a range that moves
 * more files a person's commits wrote into protected paths is not judged (fail closed, see twinLines).
 */
export const BLOB_TWINS_CAP = 2_000;

export class BlobTwinsCapError extends Error {
  constructor(readonly asked: number) {
    super(`blob twin search: ${asked} blobs and paths asked`);
  }
}

/**
 * Every commit the repository holds (any ref but the notes, and `more` commits) that wrote one
 * of `blobs` at one of `paths`, in one path-limited `git log --find-object` pass (merges left
 * out: what a merge brings is its parents'). A commit removing the blob is not a writer.
 */
export async function blobWriters(cwd: string, blobs: readonly string[], paths: readonly string[], more: readonly string[] = []): Promise<BlobWriter[]> {
  if (blobs.length === 0 || paths.length === 0) return [];
  if (blobs.length + paths.length > BLOB_TWINS_CAP) throw new BlobTwinsCapError(blobs.length + paths.length);
  const wanted = new Set(blobs);
  const args = [
    'log', '-z', '--format=%x01%H %ct', '--raw', '--no-abbrev', '--no-renames', '--no-merges', '--no-color', '--no-relative', '--no-show-signature', '--ignore-submodules=none',
    ...blobs.map((blob) => `--find-object=${blob}`),
    '--exclude=refs/notes/*', '--all', '--stdin', '--', ...paths,
  ];
  const found: BlobWriter[] = [];
  let current: { sha: string; time: number } | undefined;
  let blob: string | undefined;
  for await (const token of splitRecords(streamGit(args, { cwd, input: more.map((sha) => `${sha}\n`).join(''), ...STORED }), '\0')) {
    const head = /^\n?\u0001([0-9a-f]{40,64}) (\d+)$/.exec(token);
    if (head) {
      current = { sha: head[1] as string, time: Number(head[2]) };
      blob = undefined;
      continue;
    }
    const raw = /^\n?:\d{6} \d{6} [0-9a-f]{40,64} ([0-9a-f]{40,64}) [A-Z]\d*$/.exec(token);
    if (raw) {
      blob = raw[1];
      continue;
    }
    if (current !== undefined && blob !== undefined && token !== '') {
      if (wanted.has(blob)) found.push({ sha: current.sha, path: token, blob, time: current.time });
      blob = undefined;
    }
  }
  return found;
}

/** Committer times of `commits` (one `git log --no-walk` pass). */
export async function commitTimes(cwd: string, commits: readonly string[]): Promise<Map<string, number>> {
  const times = new Map<string, number>();
  if (commits.length === 0) return times;
  const out = await runGit(['log', '--no-walk=unsorted', '--stdin', '--format=%H %ct'], { cwd, input: commits.map((sha) => `${sha}\n`).join(''), ...STORED });
  for (const line of out.split('\n')) {
    const match = /^([0-9a-f]{40,64}) (\d+)$/.exec(line);
    if (match) times.set(match[1] as string, Number(match[2]));
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
