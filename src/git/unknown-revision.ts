import { GitError } from './exec.js';
import { sanitize } from '../core/sanitize.js';
import { UsageError } from '../errors/usage-error.js';

/**
 * A revision a caller named that resolves to no commit of this repository (`blame --rev/--since/
 * --ignore-rev`, `trend`'s revisions, `notes squash`'s range and --onto): one rule for every
 * command, as DESIGN.md's exit codes fix it and `log`/`check` always did: a git error, exit 3 (the
 * commit may be on a remote not fetched yet). Text that is no revision at all (empty, option-like,
 * not a range where one is wanted) stays a usage error, exit 2.
 */
export class UnknownRevisionError extends GitError {
  constructor(
    /** What named it: `--since`, `revision`, `--onto`… */
    readonly option: string,
    readonly revision: string,
    hint = '',
  ) {
    super(`unknown ${option} '${sanitize(revision, { max: 200 })}': it names no commit of this repository (fetch it first if it is on a remote).${hint}`, ['rev-parse', '--verify'], 128, '');
    this.name = 'UnknownRevisionError';
  }
}

/**
 * Text that is no revision at all, bad usage (exit 2) before git is asked: empty, option-like, control characters,
 * and with `blanks` any whitespace (a range's sides, --onto; blame's `HEAD@{1 day ago}` keeps its blanks).
 */
export function checkRevisionText(value: string, option: string, options: { blanks?: boolean } = {}): void {
  if (value === '' || value.startsWith('-') || (options.blanks === true ? /[\s\0-\x1f\x7f]/ : /[\0-\x1f\x7f]/).test(value)) {
    throw new UsageError(`invalid ${option} '${value}': give a revision such as HEAD, a branch, a tag or a sha.`);
  }
}
