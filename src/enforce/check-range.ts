import { UsageError } from '../errors/usage-error.js';
import { configRecords, configValue } from '../git/config-value.js';
import { GitError, runGit } from '../git/exec.js';
import { mergeBases } from '../git/merge-shape.js';
import { isAncestor } from '../git/is-ancestor.js';
import { existingRefs, remoteNames, symbolicFullName, symbolicRef, upstreamRemote } from '../git/refs.js';
import { resolveCommits } from '../git/resolve-commits.js';
import { resolveCommit } from '../git/resolve-commit.js';
import { firstRefCommit } from './first-ref-commit.js';
import { enforceMessages } from './messages.js';
import { remoteDefaultRefs } from './remote-default-refs.js';
import { assertUnambiguous } from './unambiguous-revision.js';
import { splitRange } from '../core/split-range.js';

/** What `aitrail check [<range>]` judges, and the commit whose committed policy judges it. */
export interface CheckRange {
  /** git rev-list arguments for one log pass. */
  revisions: string[];
  /** What is judged, for people and the JSON report (`HEAD --not refs/remotes/origin/HEAD`, `A..B`). */
  label: string;
  /** Commit the policy is read from; null = none known (the work tree config is used). */
  base: string | null;
  /** How the base was found, for people. */
  baseLabel: string;
  /** The base named by the range but absent from the repository (shallow clones). */
  missingBase?: string;
  /**
   * `A...B` whose two sides each hold commits the other lacks: B's tip, judged as A's is. Which side
   * is the target cannot be told, so a policy B's tip commits otherwise judges too (checkReport).
   */
  otherTip?: string;
  /** How `otherTip` was named, for people. */
  otherLabel?: string;
  /** Why `otherTip`'s policy judges too, for people (else: both sides of `A...B` hold commits of their own). */
  otherWhy?: string;
}

const STORED = { asStored: true } as const;

/** Refuse option-like or control-character input before it gets anywhere near git. */
function checkRevisionText(text: string, what: string): void {
  if (text.startsWith('-')) throw new UsageError(`invalid ${what} '${text.replace(/[^\x20-\x7e]/g, '?')}': it cannot start with '-'.`);
  if (/[\0-\x1f\x7f]/.test(text)) throw new UsageError(`invalid ${what}: it contains a control character.`);
}

/**
 * The remote's default branch as fetched: `<remote>/HEAD`, else `<remote>/main`, else
 * `<remote>/master`, for the remote of HEAD's upstream, then `origin`, then the only remote.
 * `tried` lists where it looked, for the error when nothing is found. `target`: origin's (else the
 * only remote's) default branch, when HEAD's upstream remote is another whose default branch was
 * found at another commit (a branch checked out from a contributor's fork, `git switch -c pr
 * alice/feature`, or the fork cloned as origin with the project as `upstream`): which of the two
 * is the target cannot be told (see namedDefaultBranch), so `check` with no range judges by both.
 * Unless one remote is marked the project by GitHub's CLI (projectRemote: the gh fork workflow's
 * `upstream`): its default branch, when fetched, is the target alone, never a fork's beside it.
 */
export async function remoteDefaultBranch(repoDir: string): Promise<({ ref: string; commit: string } & { target?: { ref: string; commit: string } }) | { tried: string[] }> {
  const [upstream, names] = await Promise.all([upstreamRemote(repoDir), remoteNames(repoDir)]);
  // The remote GitHub's CLI was told is the project (`gh repo fork --clone` marks `upstream` so,
  // `gh repo set-default` the one chosen): its default branch alone, whatever HEAD's upstream.
  const project = names.length > 1 ? await projectRemote(repoDir, names) : null;
  if (project !== null) {
    const found = await firstRefCommit(repoDir, remoteDefaultRefs(project));
    if (found) return found;
  }
  // origin, else the only remote, else `upstream` (a clone with the project renamed so, forks beside
  // it: `git remote rename origin upstream`, `git clone -o upstream`): never HEAD's upstream's alone.
  const targetRemote = names.includes('origin') ? 'origin' : names.length === 1 ? (names[0] as string) : names.includes('upstream') ? 'upstream' : null;
  const remotes = [...new Set([upstream, targetRemote])].filter((name): name is string => typeof name === 'string');
  const refs = remotes.flatMap(remoteDefaultRefs);
  // One lookup for every remote's refs (as firstRefCommit's), each remote's first taken apart.
  const existing = await existingRefs(repoDir, refs);
  const commits = await resolveCommits(repoDir, [...existing.values()], STORED);
  const first = (remote: string | null): { ref: string; commit: string } | null => {
    for (const ref of remote === null ? [] : remoteDefaultRefs(remote)) {
      const commit = existing.has(ref) ? commits.get(existing.get(ref) as string) : null;
      if (commit) return { ref, commit };
    }
    return null;
  };
  const found = remotes.map(first).find((each) => each !== null);
  if (!found) return { tried: refs.map((name) => name.replace(/^refs\/remotes\//, '')) };
  const target = upstream !== null && upstream !== targetRemote ? first(targetRemote) : null;
  return target && target.commit !== found.commit ? { ...found, target } : found;
}

/**
 * A branch of this repository (no remote) to name as the base of `aitrail check <branch>..HEAD`
 * (row 1077): HEAD's upstream when it is a local branch, else init.defaultBranch, main, master,
 * trunk, the first that exists and is not HEAD's own branch (which would judge nothing); null when
 * none does. Said only in the error, so its two git calls cost nothing else.
 */
async function localBase(repoDir: string): Promise<string | null> {
  const branch = await symbolicRef(repoDir, 'HEAD');
  const upstream = branch === null ? '' : (await runGit(['for-each-ref', '--format=%(upstream)', '--end-of-options', branch], { cwd: repoDir })).trim();
  const named = (await configValue(repoDir, 'init.defaultBranch')) ?? '';
  const candidates = [upstream, ...[named, 'main', 'master', 'trunk'].filter((name) => name !== '').map((name) => `refs/heads/${name}`)].filter((ref) => ref.startsWith('refs/heads/') && ref !== branch);
  const existing = await existingRefs(repoDir, candidates);
  const ref = candidates.find((each) => existing.has(each));
  return ref === undefined ? null : ref.slice('refs/heads/'.length);
}

/**
 * The one configured remote marked `remote.<name>.gh-resolved = base`, or null (none, or several).
 * GitHub's CLI writes it for the pull requests' base repository: `gh repo fork --clone` on the
 * project it cloned as `upstream` beside the fork as `origin`, `gh repo set-default` on the remote
 * chosen. The clone's own config, which the commits judged cannot write: a contributor's fork is
 * marked only by the one who runs `check` (CI's checkouts mark none). One `git config`, only when
 * there are several remotes.
 */
async function projectRemote(repoDir: string, names: readonly string[]): Promise<string | null> {
  const marked = new Set<string>();
  for (const [key, value] of await configRecords(repoDir, '^remote\\..*\\.gh-resolved$')) {
    const name = key.slice('remote.'.length, -'.gh-resolved'.length);
    if (value === 'base' && names.includes(name)) marked.add(name);
  }
  return marked.size === 1 ? ([...marked][0] as string) : null;
}

/**
 * Resolve the range and the policy's commit. One policy per repository, never chosen by the
 * commits judged: `--policy-from <rev>` names it for any range; else `A..B` reads it at `A`
 * (the caller, e.g. CI, names the target branch there — not a merge base the branch author
 * picked); `A...B` at `A`'s tip, or at `B`'s when it is in `A`'s history (`B..A`; never at a judged
 * commit), and when both sides hold commits of their own, at the side naming origin's default
 * branch, else by B's tip's policy too (`otherTip`, checkReport); the default (no range) judges the commits not on the remote's
 * default branch, by that branch's policy, and is an error (GitError, exit 3) when no such
 * branch is known; a range without a base (`check feature`) reads it on the remote's default
 * branch when one is known, else in the work tree.
 */
export async function resolveCheckRange(repoDir: string, range: string | undefined, policyFrom?: string): Promise<CheckRange> {
  const pinned = policyFrom === undefined ? null : await resolvePolicyFrom(repoDir, policyFrom);
  const pin = (resolved: CheckRange): CheckRange => (pinned ? { ...resolved, base: pinned, baseLabel: `--policy-from ${policyFrom}` } : resolved);
  if (range === undefined || range === '') {
    const found = await remoteDefaultBranch(repoDir);
    if ('tried' in found) throw new GitError(enforceMessages.noDefaultBranch(found.tried, found.tried.length === 0 ? await localBase(repoDir) : null), ['rev-parse'], null, '');
    if (found.target) {
      // HEAD's upstream remote is not origin and their default branches differ: either may be the
      // target, so the commits either lacks (all but what both hold) are judged, by both policies.
      const { target } = found;
      const shared = await mergeBases(repoDir, found.commit, target.commit, STORED);
      const revisions = ['HEAD', ...(shared.length > 0 ? ['--not', ...shared] : [])];
      const label = `HEAD --not ${target.ref} and ${found.ref}`;
      if (pinned) return pin({ revisions, label, base: null, baseLabel: '' });
      return { revisions, label, base: target.commit, baseLabel: `tip of ${target.ref}`, otherTip: found.commit, otherLabel: `tip of ${found.ref}`, otherWhy: enforceMessages.upstreamNotOrigin };
    }
    return pin({ revisions: ['HEAD', '--not', found.commit], label: `HEAD --not ${found.ref}`, base: found.commit, baseLabel: `tip of ${found.ref}` });
  }
  checkRevisionText(range, 'range');
  const match = splitRange(range);
  if (match && match.left === '') throw new UsageError(enforceMessages.emptyRangeBase(range));
  if (!match && range.startsWith('^')) throw new UsageError(enforceMessages.excludesOnly(range));
  const revisions = ['--end-of-options', range];
  await assertUnambiguous(repoDir, match ? [match.left, match.right] : [range], match ? `the range '${range}' names` : 'the revision');
  if (!match) {
    if (pinned) return pin({ revisions, label: range, base: null, baseLabel: '' });
    const found = await remoteDefaultBranch(repoDir);
    if ('tried' in found) return { revisions, label: range, base: null, baseLabel: `'${range}' is not a range A..B and no remote default branch is known` };
    // HEAD's upstream remote not origin, their default branches apart: both policies, as with no range.
    if (found.target) return { revisions, label: range, base: found.target.commit, baseLabel: `tip of ${found.target.ref}, the remote default branch`, otherTip: found.commit, otherLabel: `tip of ${found.ref}`, otherWhy: enforceMessages.upstreamNotOrigin };
    return { revisions, label: range, base: found.commit, baseLabel: `tip of ${found.ref}, the remote default branch` };
  }
  const left = match.left || 'HEAD';
  const leftCommit = await resolveCommit(repoDir, left, STORED);
  if (!leftCommit) return pin({ revisions, label: range, base: null, baseLabel: 'missing', missingBase: left });
  if (match.dots === '..') return pin({ revisions, label: range, base: leftCommit, baseLabel: `range base ${left}` });
  const right = match.right || 'HEAD';
  const rightCommit = await resolveCommit(repoDir, right, STORED);
  if (!rightCommit) throw new GitError(`unknown revision '${right}' in range '${range}': it names no commit of this repository (a file or tree in one is none; fetch it first if it is on a remote).`, ['rev-parse'], 128, '');
  // The same commits whichever side is written first, in the same order: git lists commits of one
  // date in the order of the tips given, so `A...B` and `B...A` are walked as their tips' ids sorted.
  const walked = ['--end-of-options', [leftCommit, rightCommit].sort().join('...')];
  if (pinned) return pin({ revisions: walked, label: range, base: leftCommit, baseLabel: `tip of ${left}` });
  // `A...B` judges both sides' own commits: A's tip is among them unless it is in B's history, and a
  // policy read there would be one the judged commits chose (`check HEAD...origin/main`, the branch
  // written first, judged by its own loosened config). B in A's history: the range is `B..A`, read at B.
  if (await isAncestor(repoDir, leftCommit, rightCommit, STORED)) return { revisions, label: range, base: leftCommit, baseLabel: `tip of ${left}` };
  if (await isAncestor(repoDir, rightCommit, leftCommit, STORED)) return { revisions, label: range, base: rightCommit, baseLabel: `tip of ${right}, which '${range}' judges none of` };
  // Both sides hold commits of their own. A side that names the remote's default branch at its tip
  // is the target (`origin/main...HEAD` in a pull request's CI): its policy, the repository's one,
  // judges both sides, as `A..B` would; else either may be the target and both tips' policies judge.
  const target = await namedDefaultBranch(repoDir, [
    [left, leftCommit],
    [right, rightCommit],
  ]);
  if (target) return { revisions: walked, label: range, base: target.commit, baseLabel: `tip of ${target.name}, the remote default branch ${target.ref.replace(/^refs\/remotes\//, '')}` };
  return { revisions: walked, label: range, base: leftCommit, baseLabel: `tip of ${left}`, otherTip: rightCommit, otherLabel: `tip of ${right}` };
}

/**
 * The side of a range that names the remote's default branch, or null: `origin`'s (else the only
 * remote's) `HEAD`, `main` or `master` as fetched, the same ref by `rev-parse --symbolic-full-name`
 * and the same commit. By the ref the side's name resolves to, never by its commit alone: a branch
 * tip an attacker set equal to a fork's `main` is not named by it. Not through HEAD's upstream
 * remote, which `check` with no range tries first: a branch checked out from a contributor's fork
 * (`git switch -c pr alice/main`) makes that remote the fork, so `origin/main...alice/main` (or
 * `...@{u}`) would be judged by the pull request's own policy alone. Nor when the other side names a
 * remote-tracking ref of another configured remote (`upstream/main...origin/main`, the fork cloned
 * as `origin`; not `refs/remotes/pull/1/merge`, actions/checkout's): which remote holds the target
 * cannot be told, so both tips' policies judge.
 */
async function namedDefaultBranch(repoDir: string, sides: readonly (readonly [string, string])[]): Promise<{ name: string; commit: string; ref: string } | null> {
  const remotes = await remoteNames(repoDir);
  const remote = remotes.includes('origin') ? 'origin' : remotes.length === 1 ? (remotes[0] as string) : null;
  const found = remote === null ? null : await firstRefCommit(repoDir, remoteDefaultRefs(remote));
  if (!found) return null;
  const candidates = sides.filter(([, commit]) => commit === found.commit);
  if (candidates.length === 0) return null;
  const [wanted, ...names] = await Promise.all([symbolicFullName(repoDir, found.ref), ...candidates.map(([name]) => symbolicFullName(repoDir, name))]);
  const index = wanted === null ? -1 : names.indexOf(wanted);
  const side = candidates[index];
  if (!side) return null;
  const other = sides.find((each) => each !== side);
  const otherRef = other === undefined ? null : await symbolicFullName(repoDir, other[0]);
  if (otherRef !== null && remotes.some((name) => name !== remote && otherRef.startsWith(`refs/remotes/${name}/`))) return null;
  return { name: side[0], commit: side[1], ref: wanted as string };
}

/**
 * The commit a policy is read from when a caller names it (`check --policy-from`, `blame`/`trend
 * --config-from`): no option-like text, no name git would read as another ref, objects as stored.
 */
export async function resolvePolicyFrom(repoDir: string, rev: string, option = '--policy-from'): Promise<string> {
  checkRevisionText(rev, `${option} revision`);
  await assertUnambiguous(repoDir, rev, option);
  const commit = await resolveCommit(repoDir, rev, STORED);
  if (!commit) throw new GitError(enforceMessages.unknownFrom(option, rev), ['rev-parse'], 128, '');
  return commit;
}
