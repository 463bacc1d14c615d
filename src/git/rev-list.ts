import { runGit } from './exec.js';
import { objectId } from './object-id.js';

/** The commits reachable from `head` and not from `base`, oldest first (parents before children). */
export async function commitsBetween(cwd: string, base: string, head: string): Promise<string[]> {
  for (const id of [base, head]) objectId(id, 'commit');
  const out = await runGit(['rev-list', '--reverse', '--topo-order', head, `^${base}`], { cwd });
  return out.split('\n').filter((line) => /^[0-9a-f]{40,64}$/.test(line));
}

/** The newest commit of `revisions` (rev-list arguments) that changes one of `paths` (repository-relative), or null. */
export async function firstCommitChanging(cwd: string, revisions: readonly string[], paths: readonly string[]): Promise<string | null> {
  const out = await runGit(['rev-list', '-n', '1', ...revisions, '--', ...paths.map((path) => `:(literal)${path}`)], { cwd, asStored: true });
  return /^[0-9a-f]{40,64}/.exec(out)?.[0] ?? null;
}
