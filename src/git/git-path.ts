import { isAbsolute, resolve } from 'node:path';
import { NO_FSMONITOR, runGit, runGitSync } from './exec.js';
import type { ShallowAnswer } from './repo.js';
import { forgetAtRunEnd } from './run-end.js';

/**
 * `git rev-parse --git-path <name>` as an absolute path: honours `core.hooksPath` (relative values
 * are relative to the work tree top), worktrees (hooks live in the common dir) and GIT_DIR.
 */
export async function gitPath(cwd: string, name: string): Promise<string> {
  const out = (await runGit(['rev-parse', '--git-path', name], { cwd })).replace(/\n$/, '');
  return isAbsolute(out) ? out : resolve(cwd, out);
}

/** The absolute git dir of the worktree containing `cwd` (one git spawn). */
export function absoluteGitDirSync(cwd: string): string {
  return runGitSync(['rev-parse', '--absolute-git-dir'], { cwd }).replace(/\n$/, '');
}

// Git dirs already known, by the folder asked from: what a run's one `rev-parse` (runPaths) answered,
// or knownGitDirSync asked; a later question of the same run (added-lines' attributesFree) starts no process.
// Forgotten at the run's end: an API call after `git init --separate-git-dir` ran its diffs in the git dir the
// folder no longer holds (spawn ENOTDIR, row 1022).
const answeredGitDirs = new Map<string, string>();
const forgetGitDirs = () => answeredGitDirs.clear();

/** The absolute git dir of `cwd`, asked of git once per folder and run (runPaths' answer counts). */
export function knownGitDirSync(cwd: string): string {
  let gitDir = answeredGitDirs.get(cwd);
  if (gitDir === undefined) {
    answeredGitDirs.set(cwd, (gitDir = absoluteGitDirSync(cwd)));
    forgetAtRunEnd(forgetGitDirs);
  }
  return gitDir;
}

/** The absolute common git dir (shared by every worktree; the repository itself when bare). */
export async function absoluteCommonDir(cwd: string): Promise<string> {
  const out = (await runGit(['rev-parse', '--git-common-dir'], { cwd })).replace(/\n$/, '');
  return isAbsolute(out) ? out : resolve(cwd, out);
}

/** True when `path` is tracked in the repository at `cwd` (its index). */
export async function isTracked(cwd: string, path: string): Promise<boolean> {
  const out = await runGit([...NO_FSMONITOR, 'ls-files', '-z', '--', path], { cwd });
  return out.length > 0;
}

/**
 * A hook's repository paths, asked of git once: the first getter called runs ONE `git rev-parse
 * --absolute-git-dir --git-common-dir --is-shallow-repository --git-path shallow` (pre-receive
 * asked the common dir and the shallow file of two processes, pre-push the shallow file and the
 * git dir). The answers are the ones each question alone gives; a failed run, or an answer that
 * is not one line each (a path holding a newline shifts the lines), leaves each getter to its own
 * process as before, so a failure reads as it did.
 */
export interface RunPaths {
  /** `rev-parse --absolute-git-dir` (absoluteGitDirSync). */
  gitDir(): Promise<string>;
  /** `rev-parse --git-common-dir`, absolute (absoluteCommonDir). */
  commonDir(): Promise<string>;
  /** `rev-parse --is-shallow-repository --git-path shallow`, the path absolute: shallowBoundary's `known` (undefined: it asks git itself). */
  shallow(): Promise<ShallowAnswer | undefined>;
}

export function runPaths(cwd: string): RunPaths {
  let asked: Promise<{ gitDir: string; commonDir: string; shallow: ShallowAnswer } | undefined> | undefined;
  const answers = () =>
    (asked ??= runGit(['rev-parse', '--absolute-git-dir', '--git-common-dir', '--is-shallow-repository', '--git-path', 'shallow'], { cwd }).then(
      (out) => {
        const lines = out.split('\n');
        const [gitDir, commonDir, flag, shallowPath] = lines;
        if (lines.length !== 5 || lines[4] !== '' || !gitDir || !commonDir || (flag !== 'true' && flag !== 'false') || !shallowPath) return undefined;
        answeredGitDirs.set(cwd, gitDir);
        forgetAtRunEnd(forgetGitDirs);
        return { gitDir, commonDir: isAbsolute(commonDir) ? commonDir : resolve(cwd, commonDir), shallow: { shallow: flag === 'true', path: resolve(cwd, shallowPath) } };
      },
      () => undefined,
    ));
  return {
    gitDir: async () => (await answers())?.gitDir ?? absoluteGitDirSync(cwd),
    commonDir: async () => (await answers())?.commonDir ?? absoluteCommonDir(cwd),
    shallow: async () => (await answers())?.shallow,
  };
}
