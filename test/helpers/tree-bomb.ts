import { execFileSync } from 'node:child_process';
import type { TestRepo } from './gitdir.js';

/**
 * A tree of many paths from a few objects (rows 840, 857): 100 names of one blob, then trees of
 * `counts` entries each naming the tree below (100, 100, 30: 30 million paths from ~300 objects).
 * `mode` writes the trees' entries as given (`040000`, zero-padded as old git wrote them: git reads them as trees too).
 */
export function treeBomb(work: TestRepo, counts: readonly number[], mode = '40000', leaf?: { name: string; content: string }): string {
  const names = (count: number): string[] => Array.from({ length: count }, (_, at) => `e${at}`).sort();
  const blob = work.git(['hash-object', '-w', '--stdin'], { input: leaf?.content ?? 'x\n' });
  // `leaf`: one file of that name and content at the bottom instead of 100 (row 900: millions of `.gitattributes`).
  let tree = work.git(['mktree'], { input: leaf ? `100644 blob ${blob}\t${leaf.name}\n` : names(100).map((name) => `100644 blob ${blob}\t${name}\n`).join('') });
  for (const count of counts) {
    const entries = names(count).map((name) => Buffer.concat([Buffer.from(`${mode} ${name}\0`), Buffer.from(tree, 'hex')]));
    tree = execFileSync('git', ['hash-object', '-t', 'tree', '-w', '--stdin', '--literally'], { cwd: work.dir, input: Buffer.concat(entries), encoding: 'utf8' }).trim();
  }
  return tree;
}

/** The tree of `commit` with `tree` added at the top folder `name` (the object store only). */
export function treeAddingFolder(work: TestRepo, commit: string, name: string, tree: string): string {
  const listing = work.git(['ls-tree', commit]);
  return work.git(['mktree'], { input: `${listing}\n040000 tree ${tree}\t${name}\n` });
}

/** A commit on `parent` adding `vendor/` of 2,100,000 files (100 x 100 x 210) with `message`, hooks not run (row 925's vendored import). */
export function vendoredCommit(work: TestRepo, parent: string, message: string): string {
  const tree = treeAddingFolder(work, parent, 'vendor', treeBomb(work, [100, 210]));
  return work.git(['commit-tree', tree, '-p', parent, '-F', '-'], { input: message });
}
