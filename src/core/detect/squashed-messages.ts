import type { Identity } from '../types.js';
import { addressedIdentity } from './identity.js';

/** The line `git merge --squash` starts the message it prepares with (builtin/merge.c, squash_message). */
export const SQUASH_LINE = 'Squashed commit of the following:';
/** Each squashed commit starts with its id, as `git log` shows it. */
const COMMIT_LINE = /^commit [0-9a-f]{40}(?:[0-9a-f]{24})?$/;
/** Its message follows its headers (`Author:`, `Date:`, `Merge:`) and a blank line, each line indented so. */
const INDENT = '    ';
/** Its author header, as `git log` shows it (`Author: Name <email>`), read as a co-author line's `Name <email>` is. */
function authorHeader(line: string): Identity | null {
  return /^Author:[ \t]/.test(line) ? addressedIdentity(line.slice('Author:'.length)) : null;
}

/**
 * The messages (and authors) of the commits `git merge --squash` quotes in the message it prepares (a
 * `Squashed commit of the following:` line, then per commit `commit <sha>`, its headers, a blank
 * line and its message indented by four spaces, as `git log` shows it), de-indented; none for any
 * other message. Indented, a squashed commit's trailers are no trailers to git, yet they are what
 * the commits whose lines the squash commit brings declared. The squash line is looked for on any
 * line (people put a subject of their own above it); a squashed message ends at the next commit
 * line or at the first line that is neither blank nor indented.
 */
export function squashedMessages(message: string): Array<{ sha: string; author?: Identity; message: string }> {
  if (!message.includes(SQUASH_LINE)) return [];
  const lines = message.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  const start = lines.findIndex((line) => line.trimEnd() === SQUASH_LINE);
  if (start < 0) return [];
  const messages: Array<{ sha: string; author?: Identity; message: string }> = [];
  let sha = '';
  let author: Identity | undefined;
  let current: string[] | null = null;
  let inHeaders = false;
  const close = () => {
    if (current === null) return;
    const text = (current ?? []).join('\n').trim();
    if (text !== '' || author) messages.push({ sha, ...(author ? { author } : {}), message: text === '' ? '' : `${text}\n` });
    current = null;
  };
  for (const line of lines.slice(start + 1)) {
    if (COMMIT_LINE.test(line)) {
      close();
      sha = line.slice('commit '.length);
      author = undefined;
      current = [];
      inHeaders = true;
    } else if (current === null) {
      continue;
    } else if (inHeaders) {
      const header = authorHeader(line);
      if (header) author = header;
      if (line.trim() === '') inHeaders = false;
    } else if (line.startsWith(INDENT)) {
      current.push(line.slice(INDENT.length));
    } else if (line.trim() === '') {
      current.push('');
    } else {
      close();
    }
  }
  close();
  return messages;
}
