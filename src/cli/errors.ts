import { ExitCode } from '../core/exit-codes.js';
import { GitError } from '../git/exec.js';
import { sanitize } from '../core/sanitize.js';
import { fileError, FileError, isSystemError } from '../io/file-error.js';

import { UsageError } from '../errors/usage-error.js';
import { ConfigError } from '../config/config-error.js';

export { UsageError };

/** Print an error for people (no stack trace unless AITRAIL_DEBUG) and return its exit code. */
export function reportError(error: unknown): number {
  const debug = process.env.AITRAIL_DEBUG ? `\n${error instanceof Error ? error.stack : ''}` : '';
  if (error instanceof ConfigError) {
    process.stderr.write(`aitrail: ${sanitize(error.message, { keepNewlines: true })}${debug}\n`);
    return ExitCode.usage;
  }
  if (typeof error === 'string') {
    // yargs rejects with the bare message of a failed .check()
    process.stderr.write(`aitrail: ${sanitize(error, { keepNewlines: true })}\nRun 'aitrail <command> --help' for usage.\n`);
    return ExitCode.usage;
  }
  if (error instanceof UsageError || (error instanceof Error && error.name === 'YError')) {
    process.stderr.write(`aitrail: ${sanitize(error.message, { keepNewlines: true })}${debug}\n`);
    return ExitCode.usage;
  }
  if (error instanceof GitError) {
    process.stderr.write(`aitrail: ${sanitize(error.message, { keepNewlines: true })}${debug}\n`);
    return ExitCode.git;
  }
  if (error instanceof FileError || isSystemError(error)) {
    // A full disk, a read-only git dir…: one line naming the file and the cause, not "internal error".
    const failure = error instanceof FileError ? error : fileError(error.syscall ?? 'access', error.path ?? 'a file', error);
    process.stderr.write(`aitrail: ${sanitize(failure.message)}${debug}\n`);
    return ExitCode.git;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`aitrail: internal error: ${sanitize(message)}${debug}\nPlease report this with AITRAIL_DEBUG=1 output.\n`);
  return ExitCode.git;
}
