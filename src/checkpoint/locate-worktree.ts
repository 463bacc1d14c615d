import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';

/** A work tree found without running git: its top and its own git dir (a linked worktree's, not the common one). */
export interface Worktree {
  top: string;
  gitDir: string;
}

const MAX_DEPTH = 64;

/** The git dir `.git` names at `top`: the directory itself, or the `gitdir: <path>` of a `.git` file (worktrees, submodules). */
function gitDirAt(top: string): string | null {
  const dotGit = join(top, '.git');
  let stat;
  try {
    stat = lstatSync(dotGit);
  } catch {
    return null;
  }
  if (stat.isDirectory()) return dotGit;
  if (!stat.isFile() || stat.size > 4096) return null;
  const match = /^gitdir: (.+?)\r?\n?$/.exec(readFileSync(dotGit, 'utf8'));
  if (!match) return null;
  return isAbsolute(match[1]!) ? match[1]! : resolve(top, match[1]!);
}

/**
 * The innermost work tree holding the directory `start` (absolute): the nearest ancestor with a
 * `.git` that names a git dir (one holding HEAD). Null outside any repository, or in a bare one.
 * Reads a few directory entries: no git spawned (this runs on every agent edit).
 */
export function locateWorktree(start: string): Worktree | null {
  let dir = resolve(start);
  for (let depth = 0; depth < MAX_DEPTH; depth += 1) {
    const gitDir = gitDirAt(dir);
    if (gitDir !== null && existsSync(join(gitDir, 'HEAD'))) return { top: dir, gitDir };
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
  return null;
}
