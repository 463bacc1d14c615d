import { GitError } from './exec.js';

/** Where a repository lives, as git itself resolves it from `cwd`. */
export interface RepoLocation {
  /** Work tree top, or the git dir of a bare repository. */
  root: string;
  /** Absolute git dir of this worktree (`.git`, `.git/worktrees/<name>`, or the bare repo). */
  gitDir: string;
  /** Absolute common git dir (shared by all worktrees). */
  commonDir: string;
  bare: boolean;
}

/**
 * Resolve the repository containing `cwd` with simple-git (loaded lazily: hooks never pay for it).
 * Throws a GitError that says what to do when `cwd` is not inside a repository.
 */
export async function locateRepo(cwd: string): Promise<RepoLocation> {
  const { simpleGit } = await import('simple-git');
  const git = simpleGit({ baseDir: cwd, trimmed: true });
  const { resolve } = await import('node:path');
  const located = (bareFlag: string | undefined, gitDir: string | undefined, commonDirRaw: string | undefined, top: string | undefined): RepoLocation => {
    const bare = bareFlag === 'true';
    const commonDir = resolve(cwd, commonDirRaw ?? gitDir ?? '.');
    return { root: bare || !top ? (gitDir ?? cwd) : top, gitDir: gitDir ?? cwd, commonDir, bare };
  };
  // A work tree (every command's usual case) answers all four in one git process; --show-toplevel
  // fails anywhere else (a bare repository, inside .git), which the questions apart below handle.
  try {
    const [bareFlag, gitDir, commonDirRaw, top] = (await git.raw(['rev-parse', '--is-bare-repository', '--absolute-git-dir', '--git-common-dir', '--show-toplevel'])).split('\n');
    if (bareFlag === 'false' && gitDir && top) return located(bareFlag, gitDir, commonDirRaw, top);
  } catch {}
  let out: string;
  try {
    // --show-toplevel fails in a bare repository, so ask for it only once we know there is a work tree.
    out = await git.raw(['rev-parse', '--is-bare-repository', '--absolute-git-dir', '--git-common-dir']);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    if (/not a git repository/i.test(text)) {
      throw new GitError(`not a git repository: ${cwd}\nRun aitrail inside a git repository (or 'git init' first).`, ['rev-parse'], 128, text, { cause: error });
    }
    throw new GitError(`git rev-parse failed: ${text.trim().split('\n')[0]}`, ['rev-parse'], null, text, { cause: error });
  }
  const [bareFlag, gitDir, commonDirRaw] = out.split('\n');
  let top: string | undefined;
  if (bareFlag !== 'true') {
    top = (await git.raw(['rev-parse', '--show-toplevel']).catch(() => '')).trim() || undefined;
  }
  return located(bareFlag, gitDir, commonDirRaw, top);
}
