import { isAbsolute, resolve } from 'node:path';
import { NO_FSMONITOR, runGit, runGitSync } from './exec.js';

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
