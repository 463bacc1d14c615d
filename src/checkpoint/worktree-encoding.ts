import { isUtf8 } from 'node:buffer';
import { NO_FSMONITOR, runGitSync } from '../git/exec.js';

/**
 * Whether a work-tree file's bytes may not be the text git commits for it: a NUL byte in its first
 * 8,000 bytes (git's own binary test) or bytes that are not UTF-8. Only then is git asked for the
 * file's `working-tree-encoding` (one `git check-attr`): a UTF-8 file costs no process.
 */
export function maybeOtherEncoding(bytes: Buffer): boolean {
  return bytes.subarray(0, 8000).includes(0) || !isUtf8(bytes);
}

/**
 * git's `working-tree-encoding` attribute of `path` (repository-relative, `/`-separated) in the work
 * tree at `top` (`*.ps1 text working-tree-encoding=UTF-16LE eol=CRLF`, git's docs' example: the file
 * is UTF-16 in the work tree and UTF-8 in every commit), or null (none, or git could not answer).
 */
export function workTreeEncoding(top: string, path: string): string | null {
  try {
    const out = runGitSync([...NO_FSMONITOR, 'check-attr', '-z', 'working-tree-encoding', '--', path], { cwd: top });
    const value = out.split('\0')[2];
    return value && value !== 'unspecified' && value !== 'unset' && value !== 'set' ? value : null;
  } catch {
    return null;
  }
}

/**
 * The text git commits for `bytes` kept in the work tree as `encoding` (git converts to UTF-8 at
 * `git add`, dropping a byte order mark), or null when this reader cannot decode it: git's
 * `UTF-16`/`UTF-32` without a byte order mark, an encoding the runtime does not know (UTF-32, a
 * spelling its labels lack), or bytes invalid in it (git refuses to add those too).
 */
export function decodeWorkTree(bytes: Buffer, encoding: string): string | null {
  const name = encoding.toUpperCase();
  const bom = bytes[0] === 0xff && bytes[1] === 0xfe ? 'le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'be' : null;
  let label = name;
  if (name === 'UTF-16' || name === 'UTF16') {
    if (!bom) return null;
    label = `utf-16${bom}`;
  } else if (name === 'UTF-16LE-BOM' || name === 'UTF16LE-BOM') label = 'utf-16le';
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
