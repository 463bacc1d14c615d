import type { TestRepo } from './gitdir.js';

/** A tree of main's files plus `src/crypto/<name>.ts` (written into the object store only, the work tree left as it is): what a tag of a tree names (rows 823, s47j-*). */
export function treeWith(work: TestRepo, name: string): string {
  const blob = work.git(['hash-object', '-w', '--stdin'], { input: `export const ${name} = 1;\n` });
  const env = { GIT_INDEX_FILE: `${work.dir}/.git/index-${name}` };
  work.git(['read-tree', 'main'], { env });
  work.git(['update-index', '--add', '--cacheinfo', `100644,${blob},src/crypto/${name}.ts`], { env });
  return work.git(['write-tree'], { env });
}
