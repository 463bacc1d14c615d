import { isTree, parseRawTree, treeFault } from '../core/tree-faults.js';
import type { ObjectView } from './exec.js';
import { readRevisionObjects } from './revision-blobs.js';

/** A malformed tree on the way to a path a commit changes: the commit, the folder (`''` the top) and what is wrong with it. */
export interface MalformedTree {
  commit: string;
  dir: string;
  fault: string;
}

interface Visit {
  commit: string;
  dir: string;
  /** The object name to read: `<commit>^{tree}`, then tree ids. */
  object: string;
  /** The asked paths, relative to `dir`. */
  below: string[];
}

/**
 * The trees on the way from each commit's top to the paths asked of it (`paths`: changed files),
 * checked as `git fsck` would (treeFault): the first fault of each commit that has one. Read level
 * by level through the run's one `git cat-file --batch` (object-batch.ts), each tree once. A
 * folder missing on the way (a deleted path) ends that way.
 */
export async function malformedTrees(repoDir: string, asked: ReadonlyArray<{ commit: string; paths: readonly string[] }>, view: ObjectView = {}): Promise<MalformedTree[]> {
  const found = new Map<string, MalformedTree>();
  const faults = new Map<string, string | null>();
  let level: Visit[] = asked.filter((entry) => entry.paths.length > 0).map((entry) => ({ commit: entry.commit, dir: '', object: `${entry.commit}^{tree}`, below: [...entry.paths] }));
  while (level.length > 0) {
    const names = [...new Set(level.map((visit) => visit.object))];
    const objects = await readRevisionObjects(repoDir, names, view);
    const read = new Map(names.map((name, index) => [name, objects[index] ?? null]));
    const next: Visit[] = [];
    for (const visit of level) {
      if (found.has(visit.commit)) continue;
      const object = read.get(visit.object);
      if (!object || object.type !== 'tree') continue;
      const entries = parseRawTree(object.content, object.oid.length / 2);
      let fault = faults.get(object.oid);
      if (fault === undefined) {
        fault = entries === null ? 'bytes that do not parse as a tree' : treeFault(entries);
        faults.set(object.oid, fault);
      }
      if (fault !== null || entries === null) {
        found.set(visit.commit, { commit: visit.commit, dir: visit.dir, fault: fault ?? 'bytes that do not parse as a tree' });
        continue;
      }
      const children = new Map<string, string[]>();
      for (const path of visit.below) {
        const slash = path.indexOf('/');
        if (slash < 0) continue;
        const child = path.slice(0, slash);
        const list = children.get(child);
        if (list) list.push(path.slice(slash + 1));
        else children.set(child, [path.slice(slash + 1)]);
      }
      if (children.size === 0) continue;
      // A well-formed tree names each entry once.
      const byName = new Map(entries.map((entry) => [entry.name.toString('utf8'), entry]));
      for (const [child, below] of children) {
        const entry = byName.get(child);
        if (entry && isTree(entry)) next.push({ commit: visit.commit, dir: `${visit.dir}${child}/`, object: entry.oid, below });
      }
    }
    level = next;
  }
  return [...found.values()];
}
