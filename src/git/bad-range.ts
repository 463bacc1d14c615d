import { GitError } from './exec.js';
import { sanitize } from '../core/sanitize.js';

/**
 * git's `fatal: bad revision 'x'` (from a log of a user-given range) as a GitError that says what
 * to give instead (still exit 3); `null` when `error` is anything else.
 */
export function badRangeError(error: unknown, range: string | undefined): GitError | null {
  if (!(error instanceof GitError) || range === undefined || !/bad revision|unknown revision|ambiguous argument|no upstream|bad default revision/i.test(error.stderr)) return null;
  const reason = error.stderr.trim().split('\n')[0]?.replace(/^fatal: /, '') ?? '';
  return new GitError(
    `unknown revision or range '${sanitize(range, { max: 200 })}' (${sanitize(reason, { max: 200 })}). Name commits of this repository: a branch, tag or sha, A..B, A...B or A.. (fetch them first if they are on a remote).`,
    error.args,
    error.exitCode,
    error.stderr,
    { cause: error },
  );
}
