import { lstatSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { trackedFiles } from '../git/tracked-files.js';
import { removeHuskyBlock } from './husky-block.js';

/** Hooks git runs through husky's runtime (husky v9 stubs these names in `.husky/_`). */
const GIT_HOOKS = new Set([
  'applypatch-msg', 'commit-msg', 'post-applypatch', 'post-checkout', 'post-commit', 'post-merge', 'post-rewrite',
  'pre-applypatch', 'pre-auto-gc', 'pre-commit', 'pre-merge-commit', 'pre-push', 'pre-rebase', 'prepare-commit-msg',
]);

/**
 * The hooks committed in `huskyDir` that setting husky up would make git run, other than aitrail's
 * own lines (a file holding only aitrail's block is not listed), as paths relative to `root`.
 */
export async function committedHuskyHooks(root: string, huskyDir: string): Promise<string[]> {
  const dir = relative(root, huskyDir);
  if (dir.startsWith('..')) return [];
  const tracked = await trackedFiles(root, dir === '' ? '.' : dir);
  return tracked.filter((path) => {
    const rel = relative(dir, path);
    if (rel.includes('/') || !GIT_HOOKS.has(rel)) return false;
    try {
      const full = join(root, path);
      if (lstatSync(full).isSymbolicLink()) return true;
      return removeHuskyBlock(readFileSync(full, 'utf8')).replace(/^#!.*\n/, '').trim() !== '';
    } catch {
      return false;
    }
  });
}
