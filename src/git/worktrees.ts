import { GitError, runGit } from './exec.js';

/**
 * The work trees of the repository at `cwd` (`git worktree list --porcelain`), the main one first:
 * absolute paths as git recorded them, without the bare main entry of a bare repository and
 * without those git calls prunable (their folder is gone). NUL-separated where git offers it
 * (2.36); an older git's lines are read as they come, a path holding a newline then lost.
 */
export async function listWorktrees(cwd: string): Promise<string[]> {
  let out: string;
  let separator = '\0';
  try {
    out = await runGit(['worktree', 'list', '--porcelain', '-z'], { cwd });
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    out = await runGit(['worktree', 'list', '--porcelain'], { cwd });
    separator = '\n';
  }
  const trees: string[] = [];
  let path: string | null = null;
  let skip = false;
  const end = () => {
    if (path !== null && !skip) trees.push(path);
    path = null;
    skip = false;
  };
  for (const line of out.split(separator)) {
    if (line === '') end();
    else if (line.startsWith('worktree ')) {
      end();
      path = line.slice('worktree '.length);
    } else if (line === 'bare' || line === 'prunable' || line.startsWith('prunable ')) skip = true;
  }
  end();
  return trees;
}
