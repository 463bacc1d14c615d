import { ConfigError } from '../config/config-error.js';
import { sanitize } from '../core/sanitize.js';
import { GitError } from '../git/exec.js';
import { fileError, FileError, isSystemError } from '../io/file-error.js';
import { exitCodeOf } from './exit-code-of.js';
import { UsageError } from './usage-error.js';
import { writeStderr } from '../io/write-fd.js';

/**
 * Print an error for people on stderr (no stack trace unless AITRAIL_DEBUG) and return its exit
 * code (exitCodeOf). Used at the edges only: the CLI and the hook handlers.
 */
export function reportError(error: unknown): number {
  const debug = process.env.AITRAIL_DEBUG ? `\n${error instanceof Error ? error.stack : ''}` : '';
  if (error instanceof ConfigError || error instanceof UsageError || error instanceof GitError) {
    writeStderr(`aitrail: ${sanitize(error.message, { keepNewlines: true })}${debug}\n`);
  } else if (error instanceof FileError || isSystemError(error)) {
    // A full disk, a read-only git dir…: one line naming the file and the cause, not "internal error".
    const failure = error instanceof FileError ? error : fileError(error.syscall ?? 'access', error.path ?? 'a file', error);
    writeStderr(`aitrail: ${sanitize(failure.message)}${debug}\n`);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    writeStderr(`aitrail: internal error: ${sanitize(message)}${debug}\nPlease report this with AITRAIL_DEBUG=1 output.\n`);
  }
  return exitCodeOf(error);
}
