import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** A full object id, SHA-1 or SHA-256. */
const OID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
/** A branch name as a loose ref file can hold it: no `..`, no control character, no backslash (else git is asked). */
const BRANCH = /^refs\/heads\/(?!.*\.\.)(?!.*\/\.)[\x21-\x7e]+$/;

/** A file's first line (at most 512 bytes in all), or null when missing or unreadable. */
function firstLine(path: string): string | null {
  try {
    const text = readFileSync(path, 'latin1');
    if (text.length > 512) return null;
    const end = text.indexOf('\n');
    return end < 0 ? null : text.slice(0, end);
  } catch {
    return null;
  }
}

/**
 * The commit HEAD names, read from the files of a files-backend repository as git keeps them after a
 * commit: `<git dir>/HEAD` with an id (detached), or `ref: refs/heads/<branch>` whose loose ref file
 * in the common git dir (a linked worktree's `commondir`) holds the id. Null for anything else,
 * where git is to be asked: `GIT_COMMON_DIR` set, a packed or missing ref (unborn), reftable,
 * a symbolic ref to another symbolic ref, or a name or content that is not the plain form.
 */
export function headOidByFiles(gitDir: string, env: NodeJS.ProcessEnv): string | null {
  if (env.GIT_COMMON_DIR !== undefined) return null;
  const head = firstLine(join(gitDir, 'HEAD'));
  if (head === null) return null;
  if (OID.test(head)) return head;
  if (!head.startsWith('ref: ')) return null;
  const ref = head.slice(5);
  if (!BRANCH.test(ref) || ref.endsWith('/') || ref.endsWith('.lock')) return null;
  let common = gitDir;
  try {
    const commondir = readFileSync(join(gitDir, 'commondir'), 'latin1');
    if (commondir.length > 4096 || !commondir.endsWith('\n') || commondir.indexOf('\n') !== commondir.length - 1) return null;
    common = resolve(gitDir, commondir.slice(0, -1));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return null;
  }
  const oid = firstLine(join(common, ref));
  return oid !== null && OID.test(oid) ? oid : null;
}
