import type { RefUpdate } from '../core/ref-updates.js';
import { forkPoint, remoteTrackingTips, resolveCommits } from '../git/resolve-commits.js';
import type { JudgedSet } from './judge-groups.js';
import { policySource, type PolicySource } from './policy-source.js';

/** A remote name that is safe to put in `--remotes=<name>` and `refs/remotes/<name>/…`. */
export function isPlainRemoteName(name: string): boolean {
  return /^[A-Za-z0-9_][A-Za-z0-9._-]*$/.test(name) && !name.includes('..') && !name.endsWith('.lock');
}

/**
 * What a `git push` to `remote` sends, as sets of commits with the policy that judges each:
 * - deletions: nothing;
 * - a ref the remote has and we have its old commit (fast-forward or force push): `old..new`,
 *   policy as committed at `old` (the remote-tracking tip);
 * - a new ref, or an old commit we do not have: the commits on no ref of that remote
 *   (`--not --remotes=<remote>`; `--remotes` when pushing to a URL), policy at the remote's
 *   tracking ref of the same name, else its default branch (`<remote>/HEAD`), else the fork
 *   point of the tip from that remote's tracking branches, else the work tree's config (nothing
 *   of the remote is known).
 * Tags and other refs are handled alike; a ref pointing to a non-commit has no commits to judge.
 */
export async function pushSets(repoDir: string, remote: string, updates: readonly RefUpdate[]): Promise<JudgedSet[]> {
  const plain = isPlainRemoteName(remote);
  const tracking = (ref: string): string[] => {
    if (!plain) return [];
    const branch = /^refs\/heads\/(.+)$/.exec(ref)?.[1];
    return [...(branch ? [`refs/remotes/${remote}/${branch}`] : []), `refs/remotes/${remote}/HEAD`];
  };
  const pushed = updates.filter((update) => update.to !== null);
  const asked = pushed.flatMap((update) => [update.to as string, ...(update.from ? [update.from] : []), ...tracking(update.ref)]);
  const commits = await resolveCommits(repoDir, asked);
  const sources = new Map<string, Promise<PolicySource>>();
  const sourceAt = (base: string | null): Promise<PolicySource> => {
    const key = base ?? '';
    if (!sources.has(key)) sources.set(key, policySource(repoDir, { base }));
    return sources.get(key)!;
  };
  // No tracking ref of that name and no `<remote>/HEAD` (a remote added with `git remote add`,
  // not cloned): the newest commit the tip shares with what we know of the remote.
  let remoteTips: Promise<string[]> | undefined;
  const forkPointWithRemote = async (tip: string): Promise<string | null> => {
    remoteTips ??= remoteTrackingTips(repoDir, plain ? remote : undefined);
    return forkPoint(repoDir, tip, (await remoteTips).slice(0, 5000));
  };
  const sets: JudgedSet[] = [];
  for (const update of pushed) {
    const tip = commits.get(update.to as string);
    if (!tip) continue;
    const old = update.from ? commits.get(update.from) : null;
    if (old) {
      sets.push({ source: await sourceAt(old), tips: [tip], exclude: [old] });
      continue;
    }
    const base = tracking(update.ref).map((ref) => commits.get(ref)).find((commit) => commit) ?? (await forkPointWithRemote(tip));
    sets.push({ source: await sourceAt(base), tips: [tip], exclude: [plain ? `--remotes=${remote}` : '--remotes'] });
  }
  return sets;
}
