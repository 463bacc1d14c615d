import { GitError, runGit } from './exec.js';

/** One entry of `git worktree list --porcelain`: its path as git recorded it and what git says of it. */
export interface WorktreeEntry {
  path: string;
  /** The main entry of a bare repository (no work tree). */
  bare: boolean;
  /** `git worktree lock`ed (its folder may be on a medium not mounted now). */
  locked: boolean;
  /** git would prune it: its folder (or its git dir) is gone. */
  prunable: boolean;
}

/**
 * Every entry of `git worktree list --porcelain` of the repository at `cwd`, the main one first.
 * NUL-separated where git offers it (2.36); an older git's lines are read as they come, a path
 * holding a newline then lost.
 */
export async function worktreeEntries(cwd: string): Promise<WorktreeEntry[]> {
  let out: string;
  let separator = '\0';
  try {
    out = await runGit(['worktree', 'list', '--porcelain', '-z'], { cwd });
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    out = await runGit(['worktree', 'list', '--porcelain'], { cwd });
    separator = '\n';
  }
  const entries: WorktreeEntry[] = [];
  let entry: WorktreeEntry | null = null;
  for (const line of out.split(separator)) {
    if (line === '') entry = null;
    else if (line.startsWith('worktree ')) {
      entry = { path: line.slice('worktree '.length), bare: false, locked: false, prunable: false };
      entries.push(entry);
    } else if (entry === null) continue;
    else if (line === 'bare') entry.bare = true;
    else if (line === 'locked' || line.startsWith('locked ')) entry.locked = true;
    else if (line === 'prunable' || line.startsWith('prunable ')) entry.prunable = true;
  }
  return entries;
}

/**
 * The work trees of the repository at `cwd`, the main one first: absolute paths as git recorded
 * them, without the bare main entry of a bare repository and without those git calls prunable
 * (their folder is gone).
 */
export async function listWorktrees(cwd: string): Promise<string[]> {
  return (await worktreeEntries(cwd)).filter((entry) => !entry.bare && !entry.prunable).map((entry) => entry.path);
}
