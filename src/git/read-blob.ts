import { GitError, runGit, type ObjectView } from './exec.js';

/** One entry of a revision's tree, as `git ls-tree -l` reports it. */
export interface TreeEntry {
  /** Path relative to the repository root. */
  path: string;
  /** `100644`, `100755` (files), `120000` (symlink), `040000` (tree), `160000` (submodule). */
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  oid: string;
  /** Size in bytes (blobs only). */
  size: number | null;
}

/**
 * The entries for `paths` (exact names from the root, no pathspec magic) in the tree of `rev`,
 * in the order of `paths`; missing paths are absent. `rev` is resolved first with
 * `--end-of-options`, so a hostile revision can never be read as an option.
 */
export async function listTreeEntries(repoDir: string, rev: string, paths: readonly string[], view: ObjectView = {}): Promise<TreeEntry[]> {
  const args = ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{tree}`];
  const tree = (
    await runGit(args, { cwd: repoDir, ...view }).catch((error: unknown) => {
      const shown = JSON.stringify(rev.slice(0, 100)).replace(/[\u007f-\u009f\u2028-\u202e]/g, '?');
      throw new GitError(`unknown revision ${shown}: no such commit or tree in this repository`, args, (error as GitError).exitCode ?? null, (error as GitError).stderr ?? '', { cause: error });
    })
  ).trim();
  const out = await runGit(['ls-tree', '-z', '-l', '--full-tree', tree, '--', ...paths], { cwd: repoDir, env: { GIT_LITERAL_PATHSPECS: '1' }, ...view });
  const found = new Map<string, TreeEntry>();
  for (const record of out.split('\0')) {
    const match = /^(\d{6}) (blob|tree|commit) ([0-9a-f]{40,64}) +(-|\d+)\t([^]*)$/.exec(record);
    if (!match) continue;
    const [, mode, type, oid, size, path] = match;
    found.set(path!, { path: path!, mode: mode!, type: type as TreeEntry['type'], oid: oid!, size: size === '-' ? null : Number(size) });
  }
  return paths.flatMap((path) => (found.has(path) ? [found.get(path)!] : []));
}

/** The content of a blob, by object id, as UTF-8 text. */
export async function readBlob(repoDir: string, oid: string, view: ObjectView = {}): Promise<string> {
  if (!/^[0-9a-f]{40,64}$/.test(oid)) throw new TypeError(`not an object id: ${JSON.stringify(oid)}`);
  return runGit(['cat-file', 'blob', oid], { cwd: repoDir, ...view });
}
