import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { UsageError } from '../errors/usage-error.js';
import { commitChangingEntry, firstCommitChanging } from '../git/rev-list.js';
import { enforceMessages } from './messages.js';

/** `file` as a path inside the work tree at `root`, or null when it lies outside. */
function insideRoot(root: string, file: string): string | null {
  const path = relative(root, file);
  return path === '' || path.startsWith(`..${sep}`) || path === '..' || isAbsolute(path) ? null : path.split(sep).join('/');
}

/** The directories a repository path lies in (`a/b/c.yml` → `a`, `a/b`). */
function directoriesOf(path: string): string[] {
  const parts = path.split('/');
  return parts.slice(0, -1).map((_, index) => parts.slice(0, index + 1).join('/'));
}

/**
 * `check --config <file>` where the file is one the judged commits change (CI naming the
 * checkout's own `.aitrailrc.yml`: the pull request's copy) would let the judged choose the policy
 * that judges them: UsageError (exit 2). The file is followed through symbolic links; a directory
 * it lies in counts too when the judged commits change what stands there (a submodule moved to
 * another commit, as when CI keeps the policy in a submodule the pull request bumps; a link); a
 * file outside the work tree, or one the range leaves alone, is the CI's own.
 */
export async function refuseJudgedConfig(root: string, cwd: string, configFile: string, revisions: readonly string[]): Promise<void> {
  const given = resolve(cwd, configFile);
  let real = given;
  try {
    real = realpathSync(given);
  } catch {
    // A missing file is reported by the config loader.
  }
  const paths = [...new Set([given, real].map((file) => insideRoot(realpathSync(root), file) ?? insideRoot(root, file)).filter((path): path is string => path !== null))];
  if (paths.length === 0) return;
  const changed = (await firstCommitChanging(root, revisions, paths)) ?? (await commitChangingEntry(root, revisions, [...new Set(paths.flatMap(directoriesOf))]));
  if (changed) throw new UsageError(enforceMessages.judgedConfig(configFile, changed));
}
