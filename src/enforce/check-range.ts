import { UsageError } from '../cli/errors.js';
import { GitError } from '../git/exec.js';
import { resolveCommit } from '../git/resolve-commit.js';
import { forkPoint, mergeBase, remoteTrackingTips } from '../git/resolve-commits.js';

/** What `aitrail check [<range>]` judges, and the base whose committed policy judges it. */
export interface CheckRange {
  /** git rev-list arguments for one log pass. */
  revisions: string[];
  /** Commit the policy is read from; null = none known (the work tree config is used). */
  base: string | null;
  /** How the base was found, for people. */
  baseLabel: string;
  /** The base named by the range but absent from the repository (shallow clones). */
  missingBase?: string;
}

const NO_REMOTES: CheckRange = { revisions: ['HEAD', '--not', '--remotes'], base: null, baseLabel: 'no remote-tracking branch to take the policy from' };

/** Refuse option-like or control-character input before it gets anywhere near git. */
function checkRangeText(range: string): void {
  if (range.startsWith('-')) throw new UsageError(`invalid range '${range.replace(/[^\x20-\x7e]/g, '?')}': a range cannot start with '-'.`);
  if (/[\0-\x1f\x7f]/.test(range)) throw new UsageError('invalid range: it contains a control character.');
}

/**
 * Resolve the range. `A..B` reads the policy at `A`; `A...B` at their merge-base; the default
 * (commits on no remote-tracking branch: `HEAD --not --remotes`) at the merge-base of HEAD with
 * its upstream, else with the remote's default branch (`origin/HEAD`), else with all the
 * remote-tracking branches (the newest commit HEAD shares with any); any other range has no
 * base and uses the work tree's config unless `--config` is given.
 */
export async function resolveCheckRange(repoDir: string, range: string | undefined): Promise<CheckRange> {
  if (range === undefined || range === '') {
    for (const upstream of ['@{upstream}', 'refs/remotes/origin/HEAD']) {
      const tip = await resolveCommit(repoDir, upstream);
      const base = tip && (await mergeBase(repoDir, 'HEAD', tip));
      if (base) return { ...NO_REMOTES, base, baseLabel: `merge-base of HEAD and ${upstream}` };
    }
    const base = await forkPoint(repoDir, 'HEAD', (await remoteTrackingTips(repoDir)).slice(0, 5000));
    return base ? { ...NO_REMOTES, base, baseLabel: 'fork point of HEAD from the remote-tracking branches' } : NO_REMOTES;
  }
  checkRangeText(range);
  const match = /^(.*?)(\.\.\.?)(.*)$/s.exec(range);
  const revisions = ['--end-of-options', range];
  if (!match) return { revisions, base: null, baseLabel: `'${range}' is not a range A..B` };
  const left = match[1] || 'HEAD';
  const right = match[3] || 'HEAD';
  const leftCommit = await resolveCommit(repoDir, left);
  if (!leftCommit) return { revisions, base: null, baseLabel: 'missing', missingBase: left };
  if (match[2] === '..') return { revisions, base: leftCommit, baseLabel: `range base ${left}` };
  const rightCommit = await resolveCommit(repoDir, right);
  if (!rightCommit) throw new GitError(`unknown revision '${right}' in range '${range}'.\nCheck the range: it must name commits of this repository.`, ['rev-parse'], 128, '');
  const base = await mergeBase(repoDir, leftCommit, rightCommit);
  if (!base) return { revisions, base: null, baseLabel: 'missing', missingBase: `merge-base of ${left} and ${right}` };
  return { revisions, base, baseLabel: `merge-base of ${left} and ${right}` };
}
