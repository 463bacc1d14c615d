import { runGit, type ObjectView } from './exec.js';
import { foundObject, objectInfoLines } from './object-batch.js';

/**
 * Bytes one commit object may hold before a judge refuses it unread (row 943): git's own messages and
 * the longest honest squash messages are a few hundred kilobytes; a 34 MB `mergetag` header or message
 * (`git hash-object -t commit`) took `check` 10.7 s and 914 MB, and ~100 MB would run pre-receive out of memory.
 */
export const COMMIT_BYTES_CAP = 16 * 1024 * 1024;

/** The commits of `revisions` (git rev-list arguments), in git's order: one `git rev-list`. */
export async function revisionShas(cwd: string, revisions: readonly string[], view: ObjectView = {}): Promise<string[]> {
  return (await runGit(['rev-list', ...revisions, '--'], { cwd, ...view })).split('\n').filter((line) => line !== '');
}

/**
 * The first commit of `revisions` (git rev-list arguments, in git's order; or their `shas`, revisionShas', listed
 * once for this and commitsReadAsStored: row 1003) whose object is larger than `cap` bytes, with its size: read
 * from `git cat-file --batch-check`'s header, never the object itself; null when none.
 */
export async function commitTooLarge(cwd: string, revisions: readonly string[] | { shas: readonly string[] }, cap: number, view: ObjectView = {}): Promise<{ sha: string; size: number } | null> {
  const shas = 'shas' in revisions ? revisions.shas : await revisionShas(cwd, revisions, view);
  if (shas.length === 0) return null;
  const answers = await objectInfoLines(cwd, shas, view);
  for (const answer of answers) {
    const found = foundObject(answer);
    if (found && found.type === 'commit' && found.size > cap) return { sha: found.oid, size: found.size };
  }
  return null;
}
