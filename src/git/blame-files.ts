import { emptyTreeOf } from './empty-tree.js';
import { splitRecords, streamGit } from './exec.js';

/** A file of the tree at a revision that blame can count. */
export interface TreeFile {
  path: string;
  blob: string;
  size: number;
}

const LITERAL = { GIT_LITERAL_PATHSPECS: '1' };

/** A tree entry blame cannot count: a symlink (its "content" is a path) or a submodule (a commit of another repository). */
export interface TreeLink {
  path: string;
  kind: 'symlink' | 'submodule';
}

async function lsTree(root: string, rev: string, pathspecs: readonly string[]): Promise<{ files: TreeFile[]; links: TreeLink[] }> {
  const files: TreeFile[] = [];
  const links: TreeLink[] = [];
  const args = ['ls-tree', '-r', '-z', '-l', '--full-tree', rev, '--', ...pathspecs];
  for await (const record of splitRecords(streamGit(args, { cwd: root, env: LITERAL }), '\0')) {
    const tab = record.indexOf('\t');
    const [mode, type, blob, size] = record.slice(0, tab).split(/ +/);
    const path = record.slice(tab + 1);
    if (mode === '120000' || mode === '160000') links.push({ path, kind: mode === '120000' ? 'symlink' : 'submodule' });
    // Regular and executable files only: no submodules (commit), no symlinks (their "content" is a path).
    if (type !== 'blob' || (mode !== '100644' && mode !== '100755') || !blob) continue;
    files.push({ path, blob, size: Number(size) });
  }
  return { files, links };
}

/**
 * Paths whose blob at `rev` holds text, decided by content alone as `git grep -I` decides it
 * (a NUL in the first 8000 bytes = binary). Run from inside the git dir as a bare repository, so
 * work-tree and index `.gitattributes` play no part (the answer depends on the revision only,
 * which keeps the cache honest); `info/attributes` still applies and is part of the cache key.
 * git >= 2.43 reads a bare repository's attributes from HEAD's tree: `attr.tree` set to the
 * repository's own empty tree (`empty`, asked of git: the SHA-1 id in a SHA-256 repository is a
 * name git would look up as a ref, whose tree's `.gitattributes` would then decide) and no
 * GIT_ATTR_SOURCE keep that out too, so every git version gives the same answer.
 * Empty files have no line and are not listed.
 */
async function textPaths(gitDir: string, rev: string, pathspecs: readonly string[], empty: string): Promise<Set<string>> {
  const args = ['--git-dir=.', '-c', 'core.bare=true', '-c', 'core.attributesFile=/dev/null', '-c', 'submodule.recurse=false', '-c', `attr.tree=${empty}`, 'grep', '--no-color', '-I', '--name-only', '-z', '--no-textconv', '-e', '', rev, '--', ...pathspecs];
  const prefix = `${rev}:`;
  const paths = new Set<string>();
  const env = { ...LITERAL, GIT_ATTR_NOSYSTEM: '1', GIT_ATTR_SOURCE: undefined, GIT_DIR: undefined, GIT_WORK_TREE: undefined };
  for await (const record of splitRecords(streamGit(args, { cwd: gitDir, env, okCodes: [1] }), '\0')) {
    if (record.startsWith(prefix)) paths.add(record.slice(prefix.length));
  }
  return paths;
}

/**
 * The text files of `rev` under `pathspecs` (literal, relative to the top; none = whole tree),
 * biggest first so the slowest blames start first. Also returns every path found, binary or
 * not, so callers can tell a path that is absent from one that only holds binaries, the
 * symlinks and submodules (never blamed), and the paths left out because their names are not
 * valid UTF-8.
 */
export async function listBlameFiles(
  root: string,
  gitDir: string,
  rev: string,
  pathspecs: readonly string[],
): Promise<{ files: TreeFile[]; all: TreeFile[]; links: TreeLink[]; undecodable: string[] }> {
  const [{ files: all, links }, text] = await Promise.all([lsTree(root, rev, pathspecs), emptyTreeOf(root, rev).then((empty) => textPaths(gitDir, rev, pathspecs, empty))]);
  // A name that is not valid UTF-8 cannot be handed back to git as an argument: left out, reported.
  const undecodable = all.filter((file) => file.path.includes('\ufffd')).map((file) => file.path);
  const files = all.filter((file) => text.has(file.path) && !file.path.includes('\ufffd')).sort((a, b) => b.size - a.size);
  return { files, all, links, undecodable };
}
