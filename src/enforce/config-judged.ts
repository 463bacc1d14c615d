import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { UsageError } from '../errors/usage-error.js';
import { firstCommitChanging } from '../git/rev-list.js';
import { enforceMessages } from './messages.js';

/** `file` as a path inside the work tree at `root`, or null when it lies outside. */
function insideRoot(root: string, file: string): string | null {
  const path = relative(root, file);
  return path === '' || path.startsWith(`..${sep}`) || path === '..' || isAbsolute(path) ? null : path.split(sep).join('/');
}

/**
 * `check --config <file>` where the file is one the judged commits change (CI naming the
 * checkout's own `.aitrailrc.yml`: the pull request's copy) would let the judged choose the policy
 * that judges them: UsageError (exit 2). The file is followed through symbolic links; a file
 * outside the work tree, or one the range leaves alone, is the CI's own.
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
  const changed = await firstCommitChanging(root, revisions, paths);
  if (changed) throw new UsageError(enforceMessages.judgedConfig(configFile, changed));
}
