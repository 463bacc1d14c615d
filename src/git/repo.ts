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

/** The questions every command asks first, in one `git rev-parse` (seven answers, one line each unless a path holds a newline: answersOf). */
const WORK_TREE_QUESTIONS = ['--is-bare-repository', '--absolute-git-dir', '--git-common-dir', '--show-toplevel', '--is-shallow-repository', '--git-path', 'shallow', '--show-prefix'];

/**
 * One `git rev-parse` whose answers are one line each, or `undefined` when the output has more
 * lines than answers: a path holding a newline (a directory named so) shifts every answer after
 * it, and the shifted lines named a git dir outside the repository (config-cache.json and the
 * fast-path files were written beside it) and a `.git` directory inside the work tree.
 */
async function answersOf(cwd: string, args: string[], count: number): Promise<string[] | undefined> {
  const lines = (await runGit(['rev-parse', ...args], { cwd })).split('\n');
  return lines.length === count + 1 && lines[count] === '' ? lines.slice(0, count) : undefined;
}

/** One `git rev-parse` question alone: its whole answer, newlines in it kept. */
async function answerOf(cwd: string, arg: string): Promise<string> {
  return (await runGit(['rev-parse', arg], { cwd })).replace(/\n$/, '');
}

/**
 * Resolve the repository containing `cwd`, as git itself does (`git rev-parse`).
 * Throws a GitError that says what to do when `cwd` is not inside a repository.
 */
export async function locateRepo(cwd: string): Promise<RepoLocation> {
  const { resolve } = await import('node:path');
  const located = (bareFlag: string | undefined, gitDir: string | undefined, commonDirRaw: string | undefined, top: string | undefined): RepoLocation => {
    const bare = bareFlag === 'true';
    const commonDir = resolve(cwd, commonDirRaw ?? gitDir ?? '.');
    return { root: bare || !top ? (gitDir ?? cwd) : top, gitDir: gitDir ?? cwd, commonDir, bare };
  };
  // A work tree (every command's usual case) answers all of them in one git process; --show-toplevel
  // fails anywhere else (a bare repository, inside .git), which the questions apart below handle.
  try {
    const answers = await answersOf(cwd, WORK_TREE_QUESTIONS, 7);
    const [bareFlag, gitDir, commonDirRaw, top, shallowFlag, shallowPath, prefix] = answers ?? [];
    if (bareFlag === 'false' && gitDir && top && (shallowFlag === 'true' || shallowFlag === 'false') && shallowPath && prefix !== undefined) {
      const location = located(bareFlag, gitDir, commonDirRaw, top);
      location.shallow = { shallow: shallowFlag === 'true', path: resolve(cwd, shallowPath) };
      location.prefix = prefix;
      return location;
    }
  } catch {}
  let answers: string[];
  try {
    // --show-toplevel fails in a bare repository, so ask for it only once we know there is a work tree.
    const questions = ['--is-bare-repository', '--absolute-git-dir', '--git-common-dir'];
    answers = (await answersOf(cwd, questions, questions.length)) ?? (await Promise.all(questions.map((question) => answerOf(cwd, question))));
  } catch (error) {
    const text = error instanceof GitError ? error.stderr : error instanceof Error ? error.message : String(error);
    if (/not a git repository/i.test(text)) {
      throw new GitError(`not a git repository: ${cwd}\nRun aitrail inside a git repository (or 'git init' first).`, ['rev-parse'], 128, text, { cause: error });
    }
    throw new GitError(`git rev-parse failed: ${text.trim().split('\n')[0]}`, ['rev-parse'], null, text, { cause: error });
  }
  const [bareFlag, gitDir, commonDirRaw] = answers;
  let top: string | undefined;
  if (bareFlag !== 'true') {
    top = (await answerOf(cwd, '--show-toplevel').catch(() => '')) || undefined;
  }
  return located(bareFlag, gitDir, commonDirRaw, top);
}
