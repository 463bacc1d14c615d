import { lstatSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import { UsageError } from '../errors/usage-error.js';
import type { TreeFile, TreeLink } from '../git/blame-files.js';
import { listTreeEntries } from '../git/read-blob.js';
import { blameMessages, oneGlobAFlag } from './blame-messages.js';
import { trimTrailing } from '../core/trim-run.js';

/** A user path (relative to cwd, like git) as a literal pathspec relative to the top ('' = all). */
export function toPathspec(path: string, cwd: string, root: string, prefix: string): string {
  if (path === '' || path.includes('\0')) throw new UsageError('invalid path: empty or holding a NUL byte.');
  let rel: string;
  if (isAbsolute(path)) {
    // The repository may sit behind a symlink (/tmp -> /private/tmp): resolve the directories,
    // but never a symlink named last (that would blame its target in its place).
    let real = resolve(path);
    try {
      real = lstatSync(real).isSymbolicLink() ? join(realpathSync(dirname(real)), basename(real)) : realpathSync(real);
    } catch {
      // a path absent from the work tree may still name a file of --rev
    }
    rel = relative(realpathSync(root), real).split(sep).join('/');
  } else rel = posix.normalize(`${prefix}${path}`);
  rel = trimTrailing(rel, '/');
  if (rel === '..' || rel.startsWith('../') || isAbsolute(rel)) throw new UsageError(`path '${path}' is outside the repository (${cwd}).`);
  return rel === '.' ? '' : rel;
}

/** `a/b/c` -> `a`, `a/b`. */
function ancestors(path: string): string[] {
  const parts = path.split('/');
  return parts.slice(1).map((_, index) => parts.slice(0, index + 1).join('/'));
}

/**
 * Check the paths named on the command line against the tree of `rev`: a symlink or submodule
 * (or a path under one) is skipped with a note, not an error; a path with no file at all is a
 * usage error. Returns how many named paths are left to blame.
 */
export async function checkNamedPaths(
  root: string,
  rev: string,
  revName: string,
  specs: readonly string[],
  listing: { all: readonly TreeFile[]; links: readonly TreeLink[] },
  onNote: (message: string) => void,
): Promise<number> {
  let left = 0;
  for (const spec of specs) {
    const link = listing.links.find((entry) => entry.path === spec);
    if (link) {
      onNote(blameMessages.skippedLink(spec, link.kind));
      continue;
    }
    if (listing.all.some((file) => file.path === spec || file.path.startsWith(`${spec}/`))) {
      left += 1;
      continue;
    }
    if (listing.links.some((entry) => entry.path.startsWith(`${spec}/`))) continue; // only links under it: nothing to count, nothing wrong
    const above = (await listTreeEntries(root, rev, ancestors(spec))).find((entry) => entry.mode === '120000' || entry.mode === '160000');
    if (above) {
      onNote(blameMessages.skippedInside(spec, above.path, above.mode === '120000' ? 'symlink' : 'submodule'));
      continue;
    }
    throw new UsageError(`path '${spec}' has no file in ${revName} (${rev.slice(0, 12)}).${oneGlobAFlag(spec)}`);
  }
  return left;
}
