import { ConfigError } from '../config/config-error.js';
import { sanitize } from '../core/sanitize.js';
import { GitError } from '../git/exec.js';
import { fileError, FileError, isSystemError } from '../io/file-error.js';
import { exitCodeOf } from './exit-code-of.js';
import { UsageError } from './usage-error.js';
import { writeStderr } from '../io/write-fd.js';

/** What an error says to people (after `aitrail: `, no trailing newline), and whether it is unexpected (an internal error). */
export function errorText(error: unknown): { text: string; internal: boolean } {
  if (error instanceof ConfigError || error instanceof UsageError || error instanceof GitError) {
    return { text: sanitize(error.message, { keepNewlines: true }), internal: false };
  }
  if (error instanceof FileError || isSystemError(error)) {
    // A full disk, a read-only git dir…: one line naming the file and the cause, not "internal error".
    const failure = error instanceof FileError ? error : fileError(error.syscall ?? 'access', error.path ?? 'a file', error);
    return { text: sanitize(failure.message), internal: false };
  }
  return { text: `internal error: ${sanitize(error instanceof Error ? error.message : String(error))}`, internal: true };
}

/**
 * Print an error for people on stderr (no stack trace unless AITRAIL_DEBUG) and return its exit
 * code (exitCodeOf). Used at the edges only: the CLI and the hook handlers.
 */
export function reportError(error: unknown): number {
  const debug = process.env.AITRAIL_DEBUG ? `\n${error instanceof Error ? error.stack : ''}` : '';
  const { text, internal } = errorText(error);
  writeStderr(`aitrail: ${text}${debug}\n${internal ? 'Please report this with AITRAIL_DEBUG=1 output.\n' : ''}`);
  return exitCodeOf(error);
}
