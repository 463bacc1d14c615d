import { runGitRaw } from './exec.js';

/** A commit's message as stored (bytes after the header, read as UTF-8), never re-encoded by git. */
export async function rawCommitMessage(cwd: string, sha: string): Promise<string> {
  if (!/^[0-9a-f]{40,64}$/.test(sha)) throw new TypeError(`not a commit id: ${JSON.stringify(sha.slice(0, 80))}`);
  const body = await runGitRaw(['cat-file', 'commit', sha], { cwd, asStored: true });
  const end = body.indexOf('\n\n');
  return end < 0 ? '' : body.subarray(end + 2).toString('utf8');
}
