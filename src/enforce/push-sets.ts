import type { RefUpdate } from '../core/ref-updates.js';
import { configValues } from '../git/config-value.js';
import { GitError } from '../git/exec.js';
import { remoteRefsExist, remoteRefTips } from '../git/refs.js';
import { loadConfigAtRevision } from '../config/load-at-revision.js';
import { resolveCommits } from '../git/resolve-commits.js';
import type { TaggedObjects } from './judge-tagged-objects.js';
import { enforceMessages } from './messages.js';
import { firstRefCommit } from './first-ref-commit.js';
import type { JudgedSet } from './judge-groups.js';
import { policySource } from './policy-source.js';
import { remoteDefaultBranch } from './check-range.js';
import { pushedRemote } from './pushed-remote.js';
import { remoteDefaultRefs } from './remote-default-refs.js';

/**
 * What a `git push` to `remote` sends, as sets of commits, all judged by ONE policy: the config
 * committed at the remote's default branch as last fetched (`<remote>/HEAD`, else `<remote>/main`,
 * else `<remote>/master`) — never the pushed ref's own history, so a side branch cannot bring
 * its own. A push given a URL or a path is a push to the remote configured with it (pushedRemote);
 * to a server no remote names, or a remote never fetched, the repository's default branch as
 * `check` finds it judges (that of HEAD's upstream remote, `origin`, the only remote), never the
 * work tree's config, which the branch checked out may have loosened. Nothing of any remote
 * known (a first push to an empty server): the work tree's config; a remote that has branches of
 * which this clone fetches only some, none its default (a --single-branch clone of a side branch),
 * or none known as its default while one it tracks holds a config: refused, naming the fix.
 * Objects are read as stored (replace refs and grafts ignored).
 * - deletions: nothing;
 * - a ref the remote has and we have its old commit (fast-forward or force push): `old..new`;
 * - a new ref, or an old commit we do not have: what the remote's default branch does not have
 *   (`--not --remotes=<remote>` when it is not known; nothing when pushing to an unknown server:
 *   commits fetched from another remote are not on it).
 * Tags and other refs are handled alike; a ref pointing to a non-commit has no commits to judge:
 * its new object is in `tagged` (a tag of a tree or blob, judged by judge-tagged-objects.ts).
 */
export async function pushSets(repoDir: string, remote: string, updates: readonly RefUpdate[], url = remote): Promise<{ sets: JudgedSet[]; tagged: TaggedObjects }> {
  const pushed = updates.filter((update) => update.to !== null);
  const asked = pushed.flatMap((update) => [update.to as string, ...(update.from ? [update.from] : [])]);
  const known = await pushedRemote(repoDir, remote, url);
  const [commits, found] = await Promise.all([
    resolveCommits(repoDir, asked, { asStored: true }),
    (known ? firstRefCommit(repoDir, remoteDefaultRefs(known)) : Promise.resolve(null)).then((own) => own ?? repositoryDefault(repoDir)),
  ]);
  const defaultTip = found?.commit ?? null;
  // Fail closed: a clone that fetches only some branches of a remote that has branches (a
  // --single-branch or --depth clone of a side branch) knows no default branch there, and would be
  // judged by the work tree's config, which the branch checked out may have loosened. So would a
  // clone that fetches every branch but knows no default (no <remote>/HEAD, main or master: `git
  // remote add` and `git fetch` record none before git 2.48) where a branch it tracks there holds a
  // config: the server has a policy this clone cannot place. With no config on any (a side branch's
  // second push to a new server) the work tree's config judges, as on a first push.
  if (!defaultTip && known !== null && (pushed.some((update) => update.from !== null) || (await remoteRefsExist(repoDir, known)))) {
    if (await fetchesSomeBranches(repoDir, known)) throw new GitError(enforceMessages.pushDefaultBranchUnknown(known), ['pre-push'], null, '');
    if (await trackedPolicy(repoDir, known)) throw new GitError(enforceMessages.pushRemoteHeadUnknown(known), ['pre-push'], null, '');
  }
  const source = await policySource(repoDir, { base: defaultTip });
  const unpushed = defaultTip ? [defaultTip] : known ? [`--remotes=${known}`] : [];
  const sets: JudgedSet[] = [];
  const tagged: TaggedObjects = { source, objects: [] };
  for (const update of pushed) {
    const tip = commits.get(update.to as string);
    if (!tip) {
      tagged.objects.push({ oid: update.to as string, ref: update.ref });
      continue;
    }
    const old = update.from ? commits.get(update.from) : null;
    sets.push({ source, tips: [tip], exclude: old ? [old] : unpushed });
  }
  return { sets, tagged };
}

/**
 * The repository's default branch as `check` finds it, for a push to a server no remote names;
 * null when none is known. origin's when HEAD's upstream remote is another whose default branch
 * differs (a branch checked out from a contributor's fork): never the fork's alone.
 */
async function repositoryDefault(repoDir: string): Promise<{ commit: string } | null> {
  const found = await remoteDefaultBranch(repoDir);
  return 'tried' in found ? null : (found.target ?? found);
}

/** Whether `remote`'s fetch refspecs name some branches only (no `refs/heads/*`): what `--single-branch` and `--depth` clones set. */
/** Most tracked branches of a remote looked at for a config; past them, one is assumed (fail closed). */
const MOST_TRACKED = 64;

/** Whether a branch this clone tracks of `remote` holds a committed config (a config that cannot be read counts: fail closed). */
async function trackedPolicy(repoDir: string, remote: string): Promise<boolean> {
  const tips = await remoteRefTips(repoDir, remote, MOST_TRACKED + 1);
  for (const tip of tips.slice(0, MOST_TRACKED)) {
    try {
      if ((await loadConfigAtRevision(repoDir, tip, { asStored: true })).filepath) return true;
    } catch {
      return true;
    }
  }
  return tips.length > MOST_TRACKED;
}

async function fetchesSomeBranches(repoDir: string, remote: string): Promise<boolean> {
  const specs = await configValues(repoDir, `remote.${remote}.fetch`);
  return !specs.some((spec) => /^\+?refs\/heads\/\*:/.test(spec));
}
