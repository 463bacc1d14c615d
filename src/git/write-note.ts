import { survivesStripspace } from '../core/notes/stripspace.js';
import { GitError, runGitSync } from './exec.js';
import { readRevisionObjectsSync } from './revision-blobs.js';
import { objectId } from './object-id.js';

/**
 * Attach `text` as the note of `commit` in `ref`, byte for byte. `force` replaces a note already
 * there; without it an existing note is left alone and the status is 'exists'.
 *
 * One git process for the usual note: `git notes add -F -`, whose clean-up (stripspace) leaves
 * such a text as it is (survivesStripspace); any other text is stored as a blob first and attached
 * with `git notes add -C` (no clean-up). Synchronous: a hook pays node's asynchronous child
 * process machinery for nothing.
 */
export function writeNote(cwd: string, ref: string, commit: string, text: string, options: { force?: boolean } = {}): { status: 'written' | 'exists' } {
  objectId(commit, 'commit');
  const force = options.force ? ['-f'] : [];
  try {
    if (survivesStripspace(text)) runGitSync(['notes', `--ref=${ref}`, 'add', ...force, '-F', '-', commit], { cwd, input: text });
    else {
      const blob = runGitSync(['hash-object', '-w', '--stdin'], { cwd, input: text }).trim();
      runGitSync(['notes', `--ref=${ref}`, 'add', ...force, '-C', blob, commit], { cwd });
    }
  } catch (error) {
    if (!options.force && error instanceof GitError && /existing notes?/i.test(error.stderr)) return { status: 'exists' };
    throw error;
  }
  return { status: 'written' };
}

/** The text of `commit`'s note in `ref` (a full notes ref name), or null when it has none (or it is not a blob). */
export function readNoteSync(cwd: string, ref: string, commit: string): string | null {
  objectId(commit, 'commit');
  const oid = runGitSync(['notes', `--ref=${ref}`, 'list', commit], { cwd, okCodes: [1] }).trim();
  if (!/^[0-9a-f]{40,64}$/.test(oid)) return null;
  const [object] = readRevisionObjectsSync(cwd, [oid]);
  return object?.type === 'blob' ? object.content.toString('utf8') : null;
}
