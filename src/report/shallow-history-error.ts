import { GitError } from '../git/exec.js';

/**
 * The history `blame` needs is not in this shallow clone: refused (exit 3, like `check`) rather
 * than a report that gives the cut commit every older line.
 */
export class ShallowHistoryError extends GitError {
  constructor(
    message: string,
    /** The cut commits inside the range (empty when a named revision itself is missing). */
    readonly cut: readonly string[],
  ) {
    super(message, ['blame'], null, '');
    this.name = 'ShallowHistoryError';
  }
}
