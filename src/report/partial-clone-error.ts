import { GitError } from '../git/exec.js';
import { isPartialClone } from '../git/partial-clone.js';
import { blameMessages } from './blame-messages.js';
import { ShallowHistoryError } from './shallow-history-error.js';

/**
 * Run `build`; a git failure in a partial clone (git fetches the versions it never downloaded as
 * blame reads them, and that fetch can fail) is said as what it is: the report cannot be made
 * here, with what to do (exit 3), not git's bare `fatal:` about a remote.
 */
export async function explainPartialClone<T>(root: string, build: () => Promise<T>): Promise<T> {
  try {
    return await build();
  } catch (error) {
    if (!(error instanceof GitError) || error instanceof ShallowHistoryError) throw error;
    if (!(await isPartialClone(root).catch(() => false))) throw error;
    throw new GitError(blameMessages.partialClone(error.message.split('\n')[0] ?? ''), error.args, error.exitCode, error.stderr, { cause: error });
  }
}
