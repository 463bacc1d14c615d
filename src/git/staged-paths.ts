import { NO_FSMONITOR, runGitSync } from './exec.js';

/**
 * Paths the commit being made changes: the index against HEAD (against the empty tree on an
 * unborn branch). Inside a hook, git's `GIT_INDEX_FILE` (e.g. for `git commit -a` or
 * `git commit <paths>`) is inherited, so this is the index git is about to commit. HEAD is read
 * as stored (enforcement): a replace ref cannot change what the commit is seen to change.
 */
export function stagedPathsSync(cwd: string): string[] {
  return indexPathsSync(cwd, []);
}

/**
 * Paths the commit an amend makes changes: the index against HEAD's parent (the amended commit
 * replaces HEAD, so what HEAD changed is its change too, as check and the push hooks read it),
 * against the empty tree when HEAD is a root commit. An amended merge keeps the staged paths
 * against HEAD: the other layers judge a merge by what it did not take whole from a merged side
 * (judge-commits' ownPathsOfMerge), which the index alone cannot tell. As stored.
 */
export function amendedPathsSync(cwd: string): string[] {
  const [head, ...parents] = runGitSync(['rev-list', '--parents', '-n', '1', 'HEAD', '--'], { cwd, okCodes: [128], asStored: true }).trim().split(' ');
  if (!head || parents.length > 1 || !parents.every((parent) => /^[0-9a-f]{40,64}$/.test(parent))) return stagedPathsSync(cwd);
  const base = parents[0] ?? runGitSync(['hash-object', '-t', 'tree', '--stdin'], { cwd }).trim();
  return indexPathsSync(cwd, [base]);
}

/** `git diff --cached` of the index against HEAD (`base` empty) or `base`: the paths, as stored. */
function indexPathsSync(cwd: string, base: readonly string[]): string[] {
  const out = runGitSync([...NO_FSMONITOR, 'diff', '--cached', '--name-only', '-z', '--no-renames', '--no-relative', '--no-ext-diff', '--no-textconv', '--ignore-submodules=none', ...base, '--'], { cwd, asStored: true });
  return out.split('\0').filter((path) => path !== '');
}

/**
 * Paths the patch `git am` is about to apply changes (its message hook runs before the patch is
 * applied: the index is still HEAD's): the names `git apply --numstat` reads in the patch file, the
 * new ones and, read in reverse, the old ones (a rename counts on both sides). The patch is read,
 * never applied. Under `git am -p<n>`, `--directory` or `--include`/`--exclude` (stored in
 * `rebase-apply/apply-opt`) the paths would differ from what git applies: none then (judged at push).
 */
export function patchPathsSync(cwd: string, patchFile: string): string[] {
  const paths = new Set<string>();
  for (const reverse of [false, true]) {
    const out = runGitSync(['apply', ...(reverse ? ['-R'] : []), '--numstat', '-z', '--', patchFile], { cwd });
    for (const record of out.split('\0')) {
      const path = /^(?:\d+|-)\t(?:\d+|-)\t(.+)$/s.exec(record)?.[1];
      if (path !== undefined) paths.add(path);
    }
  }
  return [...paths];
}
