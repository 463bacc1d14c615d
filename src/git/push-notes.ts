import { runGit } from './exec.js';

/**
 * Push the notes ref `ref` to `remote` (a remote name or URL) under the same name, without the
 * pre-push hook (it is what runs this). Fast-forward only: a remote with notes this clone lacks
 * refuses it (GitError, its stderr says why).
 */
export async function pushNotesRef(cwd: string, remote: string, ref: string): Promise<void> {
  if (remote === '' || remote.startsWith('-')) throw new TypeError(`not a remote: ${JSON.stringify(remote.slice(0, 80))}`);
  await runGit(['push', '--no-verify', '--quiet', '--end-of-options', remote, `${ref}:${ref}`], { cwd });
}
