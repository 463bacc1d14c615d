import { sidePathsOf, type MergeShape, type ObjectAt } from '../core/policy/merge-taken.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NO_FSMONITOR, runGit, runGitSync, type ObjectView } from './exec.js';
import { absoluteGitDirSync } from './git-path.js';
import { listTreeEntries } from './read-blob.js';
import { OBJECT_ID, objectId } from './object-id.js';

/** The merge bases of two commits, `git merge-base --all` (none for unrelated histories). */
export async function mergeBases(repoDir: string, one: string, other: string, view: ObjectView = {}): Promise<string[]> {
  const out = await runGit(['merge-base', '--all', one, other], { cwd: repoDir, okCodes: [1], asStored: view.asStored === true });
  return out.split('\n').filter((line) => line !== '');
}

/**
 * Merge commit `merge` (object ids: `parents` as stored, the first one first): its shape (each
 * other parent's merge bases with the first parent, `git merge-base --all`) and the objects of
 * `paths` in every commit of it (one `git ls-tree` per distinct commit).
 */
export async function readMergeShape(repoDir: string, merge: string, parents: readonly string[], paths: readonly string[], view: ObjectView = {}): Promise<{ shape: MergeShape; objectAt: ObjectAt }> {
  for (const sha of [merge, ...parents]) objectId(sha);
  const [first, ...rest] = parents as [string, ...string[]];
  const others = await Promise.all(
    rest.map(async (parent) => ({ parent, bases: await mergeBases(repoDir, first, parent, view) })),
  );
  const objects = new Map<string, string>();
  const sides = [...new Set(paths.flatMap(sidePathsOf))];
  const read = async (commit: string, names: readonly string[]) => {
    // Pathspecs in slices, so that a merge bringing many protected files stays under the system's argument limit.
    for (let at = 0; at < names.length; at += 1000) {
      for (const entry of await listTreeEntries(repoDir, commit, names.slice(at, at + 1000), view)) objects.set(`${commit}\0${entry.path}`, `${entry.mode} ${entry.oid}`);
    }
  };
  for (const commit of new Set([merge, first])) await read(commit, paths);
  for (const commit of new Set(others.flatMap(({ parent, bases }) => [parent, ...bases]))) await read(commit, sides);
  return { shape: { merge, first, others }, objectAt: (commit, path) => objects.get(`${commit}\0${path}`) ?? '' };
}

/** The key `objectAt` knows the index by, in the shape of the merge being committed. */
export const INDEX = ':index';

function treeObjectsSync(repoDir: string, commit: string, paths: readonly string[], objects: Map<string, string>): void {
  for (let at = 0; at < paths.length; at += 1000) {
    const out = runGitSync(['ls-tree', '-z', '--full-tree', commit, '--', ...paths.slice(at, at + 1000)], { cwd: repoDir, env: { GIT_LITERAL_PATHSPECS: '1' }, asStored: true });
    for (const record of out.split('\0')) {
      const match = /^(\d{6}) [a-z]+ ([0-9a-f]{40,64})\t([^]*)$/.exec(record);
      if (match) objects.set(`${commit}\0${match[3]!}`, `${match[1]!} ${match[2]!}`);
    }
  }
}

/**
 * The merge `git commit` is concluding right now (MERGE_HEAD present; null otherwise): HEAD as
 * its first parent, MERGE_HEAD's commits as the others, the index as the merge (`INDEX`), and the
 * objects of `paths` in each. Synchronous, for commit-msg; asked only when a path rule refuses.
 */
export function readMergeBeingMadeSync(repoDir: string, paths: readonly string[]): { shape: MergeShape; objectAt: ObjectAt } | null {
  let others: string[];
  try {
    others = readFileSync(join(absoluteGitDirSync(repoDir), 'MERGE_HEAD'), 'utf8').split('\n').map((line) => line.trim()).filter((line) => OBJECT_ID.test(line));
  } catch {
    return null;
  }
  if (others.length === 0) return null;
  const first = runGitSync(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], { cwd: repoDir, okCodes: [1], asStored: true }).trim();
  if (!OBJECT_ID.test(first)) return null;
  const objects = new Map<string, string>();
  const shape: MergeShape = {
    merge: INDEX,
    first,
    others: others.map((parent) => ({ parent, bases: runGitSync(['merge-base', '--all', first, parent], { cwd: repoDir, okCodes: [1], asStored: true }).split('\n').filter((line) => line !== '') })),
  };
  treeObjectsSync(repoDir, first, paths, objects);
  const sides = [...new Set(paths.flatMap(sidePathsOf))];
  for (const commit of new Set(shape.others.flatMap(({ parent, bases }) => [parent, ...bases]))) treeObjectsSync(repoDir, commit, sides, objects);
  for (let at = 0; at < paths.length; at += 1000) {
    const out = runGitSync([...NO_FSMONITOR, 'ls-files', '-s', '-z', '--', ...paths.slice(at, at + 1000)], { cwd: repoDir, env: { GIT_LITERAL_PATHSPECS: '1' } });
    // `<mode> <oid> <stage>\t<path>`: an unmerged path (stage 1-3) is no version of any side.
    for (const record of out.split('\0')) {
      const match = /^(\d{6}) ([0-9a-f]{40,64}) (\d)\t([^]*)$/.exec(record);
      if (match) objects.set(`${INDEX}\0${match[4]!}`, match[3] === '0' ? `${match[1]!} ${match[2]!}` : 'unmerged');
    }
  }
  return { shape, objectAt: (commit, path) => objects.get(`${commit}\0${path}`) ?? '' };
}
