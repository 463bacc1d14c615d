import { createHash } from 'node:crypto';
import type { FileBlame } from '../core/blame/types.js';
import { blameFile } from '../git/blame.js';
import { openBlobReader, type BlobReader } from '../git/blob-reader.js';
import { verifiedCommitGraph } from '../git/commit-graph-reads.js';
import type { TreeFile } from '../git/blame-files.js';
import { blameAnchors } from './blame-anchors.js';
import { giveBackEolLines } from './eol-give-back.js';
import { fileCacheDir, hasFileBlames, pruneFileBlames, readFileBlame, writeFileBlame } from './file-blame-cache.js';
import { runPool } from './run-pool.js';

export interface BlameFilesInput {
  root: string;
  rev: string;
  since: string | null;
  files: readonly TreeFile[];
  /** git blame flags as run (`--ignore-revs-file` with the real path). */
  flags: readonly string[];
  jobs: number;
  /** Commits that carry a note (without the cache: only their line groups are kept). */
  noted?: (sha: string) => boolean;
  /** false: keep the lines git gave a commit only for a final newline or line ending (`--no-give-back`; part of `keyBase`). */
  giveBack?: boolean;
  /** The cache directory and what every entry's key holds besides (anchor, path); null = no cache. */
  cache: { dir: string; keyBase: string } | null;
  onProgress?: (done: number, total: number) => void;
}

/** Reads of cache entries in flight at once. */
const READS = 32;

function entryKey(keyBase: string, anchor: string, path: string): string {
  return createHash('sha256').update(`${keyBase}\0${anchor}\0${path}`).digest('hex');
}

export interface BlamedFiles {
  /** What git blame says about each file, in the order of `files`. */
  blames: FileBlame[];
  /** Files git blame ran on (the others came from the cache). */
  blamed: number;
}

/** One file's blame, with the lines git gave a commit only for a final newline handed back (eol-give-back.ts): what a cache entry holds. */
async function blameOne(input: GraphInput, reader: () => BlobReader, path: string, revision: string, noted: ((sha: string) => boolean) | undefined): Promise<FileBlame> {
  const blame = await blameFile(input.root, path, { revision, flags: input.flags, noted, verifiedGraph: await input.graph() });
  if (blame.noted && input.giveBack !== false) await giveBackEolLines(input.root, reader(), blame, input.since, input.flags);
  return blame;
}

/** The input, and whether git blame may read the commit-graph (src/git/commit-graph-reads.ts). */
type GraphInput = BlameFilesInput & { graph: () => Promise<boolean> };

/**
 * Fewer files to blame than this (a report after a commit or two): no `git commit-graph verify`,
 * no graph. verify reads every commit the graph lists (0.10 s CPU for 20,000), about what reading
 * the graph saves one file's blame over such a history (0.22 -> 0.13 s).
 */
const GRAPH_MIN_FILES = 16;

/**
 * `input` for blaming `count` files: the graph verified once, when the first is blamed, and only
 * for GRAPH_MIN_FILES or more and no `since`. A `<since>..<rev>` blame marks the commits before
 * the window by a walk that stops by commit dates, and git 2.39's verify leaves a commit's date
 * unchecked when the graph gives it generation 0: made-up dates there moved a person's 17 lines
 * from before the window into it (README 849). A whole-history blame's result does not depend
 * on the dates (only the order it visits commits in).
 */
function withGraph(input: BlameFilesInput, count: number): GraphInput {
  let verified: Promise<boolean> | undefined;
  const read = count >= GRAPH_MIN_FILES && !input.since;
  return { ...input, graph: () => (verified ??= read ? verifiedCommitGraph(input.root) : Promise.resolve(false)) };
}

/** One `git cat-file --batch` for every file blamed in a run, opened when first needed; `close` lets it exit. */
function sharedReader(root: string): { get: () => BlobReader; close: () => Promise<void> } {
  let reader: BlobReader | null = null;
  return { get: () => (reader ??= openBlobReader(root)), close: async () => reader?.close() };
}

/**
 * What git blame says about each file. With the cache, a file is blamed only when no entry holds
 * its (anchor, path, options): after a commit that touched one file, one file is blamed. Cached
 * blames keep every line group (notes are applied later, whatever they are). With no entry at all
 * (a cold cache), blaming starts at once and the anchors are found beside it.
 */
export async function blameFiles(input: BlameFilesInput): Promise<BlamedFiles> {
  const { root, files } = input;
  const revision = input.since ? `${input.since}..${input.rev}` : input.rev;
  const blames: FileBlame[] = new Array(files.length);
  let done = 0;
  const total = files.length;
  input.onProgress?.(0, total);
  const tick = () => input.onProgress?.(++done, total);
  const reader = sharedReader(root);
  try {
    return await blameAll(input, reader.get, revision, blames, tick);
  } finally {
    await reader.close();
  }
}

async function blameAll(input: BlameFilesInput, reader: () => BlobReader, revision: string, blames: FileBlame[], tick: () => void): Promise<BlamedFiles> {
  const { root, files } = input;
  if (!input.cache) {
    const blaming = withGraph(input, files.length);
    await runPool(files, input.jobs, async (file, index) => {
      blames[index] = await blameOne(blaming, reader, file.path, revision, input.noted);
      tick();
    });
    return { blames, blamed: files.length };
  }
  const anchoring = blameAnchors(root, input.rev, input.since, files.map((file) => file.path), input.cache.dir, input.cache.keyBase);
  anchoring.catch(() => {});
  try {
    return await blameCached(input, reader, revision, blames, tick, anchoring);
  } catch (error) {
    // The anchor walk started beside the blame ends before the report fails: it went on reading (a git process of
    // its own) and writing the cache after the typed API's call had returned and ended its run (row 1046).
    await anchoring.catch(() => {});
    throw error;
  }
}

async function blameCached(input: BlameFilesInput, reader: () => BlobReader, revision: string, blames: FileBlame[], tick: () => void, anchoring: Promise<Map<string, string>>): Promise<BlamedFiles> {
  const { files } = input;
  const { keyBase } = input.cache!;
  const dir = fileCacheDir(input.cache!.dir);
  const keysOf = async () => {
    const anchors = await anchoring;
    return files.map((file) => entryKey(keyBase, anchors.get(file.path) ?? input.rev, file.path));
  };
  let missing: number[] = files.map((_, index) => index);
  if (await hasFileBlames(dir)) {
    const keys = await keysOf();
    missing = [];
    await runPool(files, READS, async (_, index) => {
      const hit = await readFileBlame(dir, keys[index]!);
      if (hit) {
        blames[index] = hit;
        tick();
      } else missing.push(index);
    });
    missing.sort((a, b) => a - b); // biggest first, as listed
  }
  const blaming = withGraph(input, missing.length);
  await runPool(missing, input.jobs, async (index) => {
    blames[index] = await blameOne(blaming, reader, files[index]!.path, revision, () => true);
    tick();
  });
  if (missing.length > 0) {
    const keys = await keysOf();
    await runPool(missing, READS, (index) => writeFileBlame(dir, keys[index]!, blames[index]!));
    await pruneFileBlames(dir, files.length);
  }
  return { blames, blamed: missing.length };
}
