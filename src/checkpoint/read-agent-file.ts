import { closeSync, constants, fstatSync, lstatSync, openSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { writablePath } from '../core/notes/serialize-authorship-log.js';
import { readBytes } from '../io/read-regular-file.js';
import { realOrPlanned } from '../io/real-or-planned.js';
import { sanitize } from '../core/sanitize.js';
import { decodeWorkTree, maybeOtherEncoding, workTreeEncoding } from './worktree-encoding.js';

/** Largest file recorded line by line (bigger: a warning, nothing recorded). */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

export type AgentFile = { ok: true; path: string; content: string | null } | { ok: false; reason: string };


/**
 * Where the agent's file `absolute` is in the work tree at `top`, and its text (null: it does not
 * exist, e.g. deleted, or about to be created). Refused with a reason: a path outside the work
 * tree, one that goes through a symbolic link (the file or a folder), one inside `.git`, a name a
 * note cannot hold (control characters, `"`), something that is not a regular file (a FIFO is
 * opened non-blocking, never waited on), a file over MAX_FILE_BYTES, a binary file (NUL byte). A
 * file with a `working-tree-encoding` (UTF-16 in the work tree) is read as the UTF-8 text git commits.
 */
export function readAgentFile(top: string, absolute: string): AgentFile {
  const realTop = realOrPlanned(top);
  const lexical = relative(top, absolute);
  if (lexical === '' || lexical === '..' || lexical.startsWith(`..${sep}`) || isAbsolute(lexical)) return { ok: false, reason: 'it is outside the repository' };
  const path = lexical.split(sep).join('/');
  if (path.split('/').includes('.git')) return { ok: false, reason: "it is inside git's own folder" };
  if (!writablePath(path)) return { ok: false, reason: 'its name holds characters a note cannot carry (a line feed)' };
  if (realOrPlanned(dirname(absolute)) !== join(realTop, dirname(lexical))) return { ok: false, reason: 'it goes through a symbolic link' };
  let stat;
  try {
    stat = lstatSync(absolute);
  } catch {
    return { ok: true, path, content: null };
  }
  if (stat.isSymbolicLink()) return { ok: false, reason: 'it is a symbolic link' };
  if (!stat.isFile()) return { ok: false, reason: 'it is not a regular file' };
  let fd: number;
  try {
    fd = openSync(absolute, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    return { ok: false, reason: 'it cannot be read' };
  }
  try {
    const opened = fstatSync(fd);
    if (!opened.isFile()) return { ok: false, reason: 'it is not a regular file' };
    if (opened.size > MAX_FILE_BYTES) return { ok: false, reason: `it is over ${MAX_FILE_BYTES / 1024 / 1024} MB` };
    const bytes = readBytes(fd, opened.size);
    // A file git keeps in another encoding in the work tree (`working-tree-encoding=UTF-16LE`):
    // read as the UTF-8 text git commits, so its lines are the committed lines.
    const encoding = maybeOtherEncoding(bytes) ? workTreeEncoding(top, path) : null;
    const nul = bytes.subarray(0, 8000).includes(0);
    if (encoding) {
      const text = decodeWorkTree(bytes, encoding);
      if (text !== null) return { ok: true, path, content: text };
      // One this runtime cannot decode (CP949, CP437: git's iconv knows more names than TextDecoder)
      // on a file with no NUL byte is read as UTF-8, as before: its ASCII lines are the committed ones.
      if (nul) return { ok: false, reason: `git keeps it as ${sanitize(JSON.stringify(encoding), { max: 40 })} in the work tree, which aitrail cannot decode` };
    }
    if (nul) return { ok: false, reason: 'it is binary' };
    return { ok: true, path, content: bytes.toString('utf8') };
  } finally {
    closeSync(fd);
  }
}
