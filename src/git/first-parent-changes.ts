import type { ChainCommit } from '../core/blame/blame-anchors.js';
import { ChangeBound } from './change-size.js';
import { splitRecords, streamGit } from './exec.js';

const ZERO = /^0+$/;

/**
 * A path's object as blame compares it: its type (`10` file, `12` symlink, `16` submodule: the
 * mode's first digits) and blob, '' when absent. git blame passes a file's whole blame to a parent
 * that holds the same blob as the same type (100644 and 100755 alike); a type change is an add.
 */
const object = (mode: string, blob: string): string => (ZERO.test(blob) || ZERO.test(mode) ? '' : `${mode.slice(0, 2)}:${blob}`);

/**
 * The first-parent chain of `rev` (newest first; with `since`, only commits not reachable from it),
 * each commit with the objects (type and blob) of the paths it changed against its first parent (`--raw`, no rename
 * detection, a root against the empty tree). Streamed: stop iterating and git is stopped.
 * Immune to the user's log and diff config (renames, relative paths, signatures, colour).
 * `git log --raw` holds a commit's whole change before printing it: the chain is listed first (no
 * diff), then read in chunks (32 commits, then four times more each time), each chunk's changes
 * bounded first (ChangeBound): the walk ends before a commit changing more than CHANGED_PATHS_CAP
 * files (row 900), as if the chain stopped there (a walk that ends early is never wrong).
 */
export async function* firstParentChanges(cwd: string, rev: string, since: string | null): AsyncGenerator<ChainCommit> {
  const range = [rev, ...(since ? [`^${since}`] : [])];
  const bound = new ChangeBound(cwd, {}, undefined, true);
  let chunk: string[][] = [];
  let size = 32;
  for await (const line of splitRecords(streamGit(['log', '--first-parent', '--format=%H %T %P', '--no-show-signature', '--no-color', ...range, '--'], { cwd }), '\n')) {
    if (line !== '') chunk.push(line.split(' '));
    if (chunk.length < size) continue;
    if (!(yield* boundedChunk(cwd, bound, chunk))) return;
    chunk = [];
    size *= 4;
  }
  if (chunk.length > 0) yield* boundedChunk(cwd, bound, chunk);
}

/** The changes of `chunk` (`[sha, tree, parents...]`, the chain's order) up to the first that changes too much; false when one did. */
async function* boundedChunk(cwd: string, bound: ChangeBound, chunk: readonly string[][]): AsyncGenerator<ChainCommit, boolean> {
  const huge = await bound.firstTooLarge(chunk);
  const read = huge === null ? chunk : chunk.slice(0, chunk.findIndex(([sha]) => sha === huge));
  if (read.length > 0) yield* chainChanges(cwd, ['--no-walk=unsorted', '--stdin'], `${read.map(([sha]) => sha).join('\n')}\n`);
  return huge === null;
}

/** The changes of the commits `revisions` name (with `input`, on stdin), as firstParentChanges yields them. */
async function* chainChanges(cwd: string, revisions: readonly string[], input: string): AsyncGenerator<ChainCommit> {
  const args = ['log', '-z', '--format=%x00%H%x00%P', '--first-parent', '--raw', '--no-abbrev', '--no-renames', '--diff-merges=first-parent', '--root', '--no-color', '--no-relative', '--no-show-signature', '--no-ext-diff', '--no-textconv', '--ignore-submodules=none', ...revisions, '--'];
  let current: { sha: string; parents: string[]; changes: Map<string, readonly [string, string]> } | null = null;
  let state: 'sha' | 'parents' | 'raw' | 'path' = 'raw';
  let pending: readonly [string, string] = ['', ''];
  for await (const token of splitRecords(streamGit(args, { cwd, input }), '\0')) {
    if (state === 'sha') {
      current = { sha: token, parents: [], changes: new Map() };
      state = 'parents';
    } else if (state === 'parents') {
      current!.parents = token === '' ? [] : token.split(' ');
      state = 'raw';
    } else if (state === 'path') {
      current!.changes.set(token, pending);
      state = 'raw';
    } else if (token === '') {
      if (current) yield current;
      current = null;
      state = 'sha';
    } else {
      // `:<old mode> <new mode> <old blob> <new blob> <status>` (the first one after a newline).
      const [oldMode = '', newMode = '', before = '', after = ''] = token.replace(/^\n/, '').slice(1).split(' ');
      pending = [object(oldMode, before), object(newMode, after)];
      state = 'path';
    }
  }
  if (current) yield current;
}
