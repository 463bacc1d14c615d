import { randomBytes } from 'node:crypto';
import { runGit } from './exec.js';
import { objectId } from './object-id.js';

/**
 * Push the notes commit `tip` to `remote` (a remote name or URL) as the notes ref `ref` (a full
 * name, e.g. refs/notes/ai), without the pre-push hook (it is what runs this). Fast-forward only:
 * a remote with notes this clone lacks refuses it (GitError, its stderr says why).
 *
 * Never `<ref>:<ref>`: git matches a push's destination by its end, full name or not, so a remote
 * branch named `refs/notes/ai` (refs/heads/refs/notes/ai) took the notes (rejected as not a
 * fast-forward, or moved), and beside real notes made the name ambiguous (refused). A pattern
 * refspec maps names whole: the tip goes through a ref of this push's own (removed after) to
 * exactly `ref`.
 */
export async function pushNotesRef(cwd: string, remote: string, ref: string, tip: string): Promise<void> {
  if (remote === '' || remote.startsWith('-')) throw new TypeError(`not a remote: ${JSON.stringify(remote.slice(0, 80))}`);
  if (!/^refs\/[^*:^~?[\\\s]+$/.test(ref)) throw new TypeError(`not a full ref name: ${JSON.stringify(ref.slice(0, 80))}`);
  objectId(tip);
  const own = `refs/aitrail/notes-push/${process.pid}-${randomBytes(6).toString('hex')}`;
  const temporary = `${own}/${ref.slice('refs/'.length)}`;
  await runGit(['update-ref', '--no-deref', temporary, tip, ''], { cwd });
  try {
    await runGit(['push', '--no-verify', '--quiet', '--end-of-options', remote, `${own}/*:refs/*`], { cwd });
  } finally {
    await runGit(['update-ref', '--no-deref', '-d', temporary], { cwd }).catch(() => {});
  }
}
