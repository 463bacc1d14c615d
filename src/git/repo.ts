import { GitError, runGit } from './exec.js';

/** Where a repository lives, as git itself resolves it from `cwd`. */
export interface RepoLocation {
  /** Work tree top, or the git dir of a bare repository. */
  root: string;
  /** Absolute git dir of this worktree (`.git`, `.git/worktrees/<name>`, or the bare repo). */
  gitDir: string;
  /** Absolute common git dir (shared by all worktrees). */
  commonDir: string;
  bare: boolean;
  /**
   * What `git rev-parse --is-shallow-repository --git-path shallow` answered in the same process
   * (the path made absolute), when git was asked: shallowBoundary then asks no second git.
   */
  shallow?: ShallowAnswer;
  /** `git rev-parse --show-prefix` from `cwd` (a work tree only), when git was asked. */
  prefix?: string;
}

/** git's answer on a shallow clone: whether it is one, and the file that lists its cuts. */
export interface ShallowAnswer {
  shallow: boolean;
  /** Absolute path of `<git dir>/shallow` as git names it. */
  path: string;
}

/** The questions every command asks first, in one `git rev-parse`; --show-prefix last (a directory name may hold a newline). */
const WORK_TREE_QUESTIONS = ['--is-bare-repository', '--absolute-git-dir', '--git-common-dir', '--show-toplevel', '--is-shallow-repository', '--git-path', 'shallow', '--show-prefix'];

/**
 * Resolve the repository containing `cwd`, as git itself does (`git rev-parse`).
 * Throws a GitError that says what to do when `cwd` is not inside a repository.
 */
export async function locateRepo(cwd: string): Promise<RepoLocation> {
  const git = async (args: string[]) => (await runGit(['rev-parse', ...args], { cwd })).trim();
  const { resolve } = await import('node:path');
  const located = (bareFlag: string | undefined, gitDir: string | undefined, commonDirRaw: string | undefined, top: string | undefined): RepoLocation => {
    const bare = bareFlag === 'true';
    const commonDir = resolve(cwd, commonDirRaw ?? gitDir ?? '.');
    return { root: bare || !top ? (gitDir ?? cwd) : top, gitDir: gitDir ?? cwd, commonDir, bare };
  };
  // A work tree (every command's usual case) answers all of them in one git process; --show-toplevel
  // fails anywhere else (a bare repository, inside .git), which the questions apart below handle.
  try {
    const out = await runGit(['rev-parse', ...WORK_TREE_QUESTIONS], { cwd });
    const [bareFlag, gitDir, commonDirRaw, top, shallowFlag, shallowPath, ...rest] = out.split('\n');
    if (bareFlag === 'false' && gitDir && top) {
      const location = located(bareFlag, gitDir, commonDirRaw, top);
      // Only an answer whose every line is where it belongs is kept (a path holding a newline shifts them).
      if ((shallowFlag === 'true' || shallowFlag === 'false') && shallowPath && rest.length >= 2 && rest[rest.length - 1] === '') {
        location.shallow = { shallow: shallowFlag === 'true', path: resolve(cwd, shallowPath) };
        location.prefix = rest.slice(0, -1).join('\n');
      }
      return location;
    }
  } catch {}
  let out: string;
  try {
    // --show-toplevel fails in a bare repository, so ask for it only once we know there is a work tree.
    out = await git(['--is-bare-repository', '--absolute-git-dir', '--git-common-dir']);
  } catch (error) {
    const text = error instanceof GitError ? error.stderr : error instanceof Error ? error.message : String(error);
    if (/not a git repository/i.test(text)) {
      throw new GitError(`not a git repository: ${cwd}\nRun aitrail inside a git repository (or 'git init' first).`, ['rev-parse'], 128, text, { cause: error });
    }
    throw new GitError(`git rev-parse failed: ${text.trim().split('\n')[0]}`, ['rev-parse'], null, text, { cause: error });
  }
  const [bareFlag, gitDir, commonDirRaw] = out.split('\n');
  let top: string | undefined;
  if (bareFlag !== 'true') {
    top = (await git(['--show-toplevel']).catch(() => '')) || undefined;
  }
  return located(bareFlag, gitDir, commonDirRaw, top);
}
