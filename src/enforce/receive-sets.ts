import type { RefUpdate } from '../core/ref-updates.js';
import { loadConfigAtRevision } from '../config/load-at-revision.js';
import { symbolicRef } from '../git/refs.js';
import { resolveCommits } from '../git/resolve-commits.js';
import type { JudgedSet } from './judge-groups.js';
import { serverPolicy } from './server-policy.js';

/**
 * What a push received by a server brings, as sets of commits, every one judged by the ONE
 * policy of the repository (see serverPolicy: `--config`, else the default branch's, else the
 * remembered one; never a pushed config, never a side branch's own). In pre-receive the refs are
 * not updated yet and the new objects sit in quarantine (visible to the git processes we start,
 * which inherit git's environment). Objects are read as stored: replace refs and grafts ignored.
 * An existing ref is judged on `old..new` (what it gains, wherever else those commits already
 * are); a new ref on what the default branch does not already have. The default branch's new tip
 * must hold a config its next push can be judged by: an invalid one throws ConfigError.
 * `refusal`: no policy can be known; `warning`: said to the pusher, the push going on.
 */
export async function receiveSets(repoDir: string, updates: readonly RefUpdate[], configFile: string | undefined): Promise<{ sets: JudgedSet[]; warning?: string } | { refusal: string }> {
  const pushed = updates.filter((update) => update.to !== null);
  const asked = pushed.flatMap((update) => [update.to as string, ...(update.from ? [update.from] : [])]);
  const [headRef, commits] = await Promise.all([symbolicRef(repoDir, 'HEAD'), resolveCommits(repoDir, [...asked, 'HEAD'], { asStored: true })]);
  const policy = await serverPolicy(repoDir, { headRef, headTip: commits.get('HEAD') ?? null, updates, commits, configFile });
  if ('refusal' in policy) return policy;
  const sets: JudgedSet[] = [];
  for (const update of pushed) {
    const tip = commits.get(update.to as string);
    if (!tip) continue;
    if (configFile === undefined && update.ref === headRef) await loadConfigAtRevision(repoDir, tip, { asStored: true });
    const old = update.from ? commits.get(update.from) : null;
    sets.push({ source: policy.source, tips: [tip], exclude: old ? [old] : policy.exclude });
  }
  return policy.warning === undefined ? { sets } : { sets, warning: policy.warning };
}
