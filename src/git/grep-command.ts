import { NO_FSMONITOR } from './exec.js';

/**
 * `git grep` over a tree as aitrail reads its output, whatever the machine's git config says:
 * `grep.lineNumber` / `grep.column` would put numbers between a file's name and its line (the
 * copy search then matched no line, and a copy into a protected file passed `check`),
 * `grep.fullName=false` would name files from the working directory, `submodule.recurse` would
 * search submodules, `grep.fallbackToNoIndex` would search a directory that is no repository,
 * `core.fsmonitor` would run a program on the index read. The pattern kind (`-F`, `-P`) is always
 * given by the caller, so `grep.patternType` / `grep.extendedRegexp` do not apply.
 */
export const GREP_COMMAND: readonly string[] = ['-c', 'submodule.recurse=false', '-c', 'grep.fallbackToNoIndex=false', ...NO_FSMONITOR, 'grep', '--no-color', '--no-line-number', '--no-column', '--full-name', '--no-textconv'];
