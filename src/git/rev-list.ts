import { runGit } from './exec.js';
import { objectId } from './object-id.js';

/** The commits reachable from `head` and not from `base`, oldest first (parents before children). */
export async function commitsBetween(cwd: string, base: string, head: string): Promise<string[]> {
  return commitsFromTips(cwd, base, [head]);
}

/** The commits reachable from any of `tips` (commit ids) and not from `base`, oldest first (parents before children). */
export async function commitsFromTips(cwd: string, base: string, tips: readonly string[]): Promise<string[]> {
  for (const id of [base, ...tips]) objectId(id, 'commit');
  const out = await runGit(['rev-list', '--reverse', '--topo-order', ...tips, `^${base}`], { cwd });
  return out.split('\n').filter((line) => /^[0-9a-f]{40,64}$/.test(line));
}

/** The newest commit of `revisions` (rev-list arguments) that changes one of `paths` (repository-relative), or null. */
export async function firstCommitChanging(cwd: string, revisions: readonly string[], paths: readonly string[]): Promise<string | null> {
  const out = await runGit(['rev-list', '-n', '1', ...revisions, '--', ...paths.map((path) => `:(literal)${path}`)], { cwd, asStored: true });
  return /^[0-9a-f]{40,64}/.exec(out)?.[0] ?? null;
}

/**
 * A commit of `revisions` that changes the entry standing at one of `paths` itself (a file, a
 * symbolic link or a submodule there), not only what lies under a directory there; or null. A
 * submodule moved to another commit counts whatever a `.gitmodules` says (`--ignore-submodules=none`);
 * a merge counts for what it changes against every parent (a bump it brings from one side is that
 * side's commit's). `--no-show-signature`: log.showSignature would print gpg's lines where a commit's id is read.
 */
export async function commitChangingEntry(cwd: string, revisions: readonly string[], paths: readonly string[]): Promise<string | null> {
  if (paths.length === 0) return null;
  const wanted = new Set(paths);
  const args = ['log', '-z', '--format=%x00%H', '--raw', '--no-abbrev', '--no-show-signature', '--no-renames', '--ignore-submodules=none', '--diff-merges=combined', ...revisions, '--', ...paths.map((path) => `:(literal)${path}`)];
  const tokens = (await runGit(args, { cwd, asStored: true })).split('\0');
  let commit: string | null = null;
  let pathNext = false;
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index] as string;
    if (pathNext) {
      if (wanted.has(token)) return commit;
      pathNext = false;
    } else if (token.replace(/^\n/, '').startsWith(':')) pathNext = true;
    else if (tokens[index - 1] === '' && /^[0-9a-f]{40,64}$/.test(token)) commit = token;
  }
  return null;
}

/**
 * The commits of `tips` whose whole history is already stored under the repository's refs or in
 * the history of `contained` (a push's other tips): each tip that `git rev-list <tips> --not --all
 * <contained>` does not list (a tip it does not list is reachable from what is excluded, and so is
 * every commit under it). In pre-receive `--all` is the refs as they are before the push. Objects as stored.
 */
export async function tipsAlreadyStored(cwd: string, tips: readonly string[], contained: readonly string[]): Promise<Set<string>> {
  for (const id of [...tips, ...contained]) objectId(id, 'commit');
  if (tips.length === 0) return new Set();
  const out = await runGit(['rev-list', ...new Set(tips), '--not', '--all', ...new Set(contained), '--'], { cwd, asStored: true });
  const added = new Set(out.split('\n').filter((line) => line !== ''));
  return new Set(tips.filter((tip) => !added.has(tip)));
}
