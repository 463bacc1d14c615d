import { runGit } from './exec.js';

/**
 * Resolve object ids (or revisions) to the commits they peel to, in one `git cat-file` pass.
 * Missing objects and objects that are not commits (a tag of a tree…) map to `null`.
 * Inputs holding whitespace or control characters are never sent to git.
 */
export async function resolveCommits(cwd: string, revs: readonly string[]): Promise<Map<string, string | null>> {
  const result = new Map<string, string | null>();
  const asked = [...new Set(revs)].filter((rev) => {
    const safe = rev !== '' && !/[\s\0-\x1f\x7f]/.test(rev) && !rev.startsWith('-');
    if (!safe) result.set(rev, null);
    return safe;
  });
  if (asked.length === 0) return result;
  const out = await runGit(['cat-file', '--batch-check=%(objectname) %(objecttype)'], { cwd, input: asked.map((rev) => `${rev}^{commit}\n`).join('') });
  const lines = out.split('\n');
  asked.forEach((rev, index) => {
    const match = /^([0-9a-f]{40,64}) commit$/.exec(lines[index] ?? '');
    result.set(rev, match ? (match[1] as string) : null);
  });
  return result;
}

/** The best common ancestor of two commits, or `null` when they share no history. */
export async function mergeBase(cwd: string, left: string, right: string): Promise<string | null> {
  const out = await runGit(['merge-base', '--end-of-options', left, right], { cwd, okCodes: [1] });
  return out.trim() || null;
}

/**
 * Commit ids of every remote-tracking branch (`refs/remotes/*`, or only `refs/remotes/<remote>/*`),
 * deduplicated. `remote` must be a plain remote name (no glob characters).
 */
export async function remoteTrackingTips(cwd: string, remote?: string): Promise<string[]> {
  const out = await runGit(['for-each-ref', '--format=%(objectname)', remote === undefined ? 'refs/remotes' : `refs/remotes/${remote}`], { cwd });
  return [...new Set(out.split('\n').filter((line) => /^[0-9a-f]{40,64}$/.test(line)))];
}

/** Commit ids of every local branch (`refs/heads/*`), deduplicated: on a server, what it holds. */
export async function branchTips(cwd: string): Promise<string[]> {
  const out = await runGit(['for-each-ref', '--format=%(objectname)', 'refs/heads'], { cwd });
  return [...new Set(out.split('\n').filter((line) => /^[0-9a-f]{40,64}$/.test(line)))];
}

/**
 * The fork point of `rev` from a set of commits: the best common ancestor of `rev` and any of
 * `others` (`git merge-base rev o1 o2…` merges the others hypothetically), or null.
 */
export async function forkPoint(cwd: string, rev: string, others: readonly string[]): Promise<string | null> {
  if (others.length === 0) return null;
  const out = await runGit(['merge-base', '--end-of-options', rev, ...others], { cwd, okCodes: [1] });
  return out.trim() || null;
}
