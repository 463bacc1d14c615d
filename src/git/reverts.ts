import { pickedFrom, restoredParent, revertOf, subtreeSplitOf } from '../core/blame/revert-of.js';
import type { OriginGroup } from '../core/blame/parse-origins.js';
import { createOriginParser } from '../core/blame/parse-origins.js';
import { BLAME_COMMAND } from './blame.js';
import { runGit, splitRecords, streamGit, type ObjectView } from './exec.js';
import { streamCommits } from './log.js';
import { withGraftFile } from './range-blame.js';
import { resolveCommits } from './resolve-commits.js';
import { commitsByPrefix, type WithParents } from './commits-by-prefix.js';


/** Where the lines a commit brings in were written before: the commit whose content it restores or copies. */
export interface LineSource {
  commit: string;
  /**
   * `pick-of-revert`: a `cherry-pick -x` of a revert (its copied message names a revert outside its own history);
   * `subtree`: a `git subtree --squash` commit, copying the tree of the upstream commit it names (asked for with `subtrees`).
   */
  kind: 'revert' | 'pick' | 'pick-of-revert' | 'subtree';
}

/**
 * The commits among `commits` (full shas) that bring in lines written in another commit, as git
 * says in their messages: a revert (`This reverts commit <sha>.`) restores the parent of the
 * commit it reverts (its `-m` side for a merge), and only for a reverted commit in its own
 * history; a `cherry-pick -x` (`(cherry picked from commit <sha>)`) copies that commit, when it
 * exists here. A commit that says both is taken as a revert, or, when the reverted commit is not in
 * its history (a revert backported with `-x`), as a pick of the picked commit when that one says it
 * reverts the same commit. `ancestry` may answer the ancestry
 * question from a memo (two commits' ancestry never changes). `view`: history as stored (enforcement).
 * `subtrees`: also a commit of one parent or none that says `git-subtree-split: <sha>` (git subtree's
 * `--squash` commit, whose tree is that commit's) copies that commit, when it exists here.
 */
export async function lineSourcesAmong(
  root: string,
  commits: Iterable<string>,
  ancestry: (ancestor: string, of: string, compute: () => Promise<boolean>) => Promise<boolean> = (_a, _o, compute) => compute(),
  view: ObjectView = {},
  subtrees = false,
): Promise<Map<string, LineSource>> {
  const asStored = view.asStored === true;
  const input = [...commits].join('\n');
  const reverts = new Map<string, { reverted: string; mainline: string | null }>();
  const picks = new Map<string, string>();
  const pickedReverts = new Map<string, { picked: string; reverted: string }>();
  const squashes = new Map<string, string>();
  if (input === '') return new Map();
  const grep = ['--basic-regexp', '--grep=^This reverts commit [0-9a-f]', '--grep=^(cherry picked from commit [0-9a-f]', ...(subtrees ? ['--grep=^git-subtree-split: [0-9a-f]'] : [])];
  for await (const commit of streamCommits(root, ['--no-walk=unsorted', '--stdin'], { input: `${input}\n`, extra: grep, asStored, whole: true })) {
    const reverted = revertOf(commit.message);
    const picked = pickedFrom(commit.message);
    if (reverted && !commit.sha.startsWith(reverted.reverted)) reverts.set(commit.sha, reverted);
    else if (picked && picked !== commit.sha) picks.set(commit.sha, picked);
    if (reverted && picked && picked !== commit.sha) pickedReverts.set(commit.sha, { picked, reverted: reverted.reverted });
    const split = subtrees && !reverted && !picked && commit.parents.length <= 1 ? subtreeSplitOf(commit.message) : null;
    if (split !== null && split !== commit.sha) squashes.set(commit.sha, split);
  }
  if (reverts.size + picks.size + squashes.size === 0) return new Map();
  const exists = await resolveCommits(root, [...picks.values(), ...[...pickedReverts.values()].map((pick) => pick.picked), ...squashes.values()], view);
  const result = new Map<string, LineSource>();
  for (const [sha, picked] of picks) if (exists.get(picked) === picked) result.set(sha, { commit: picked, kind: 'pick' });
  for (const [sha, split] of squashes) if (exists.get(split) === split) result.set(sha, { commit: split, kind: 'subtree' });
  // A revert not followed in its own history, but copied with -x from a revert of the same commit: its lines are that revert's, followed from there.
  const copied = [...new Set([...pickedReverts.values()].map((pick) => pick.picked).filter((picked) => exists.get(picked) === picked))];
  const revertsOfPicked = new Map<string, string | undefined>();
  if (copied.length > 0) for await (const commit of streamCommits(root, ['--no-walk=unsorted', '--stdin'], { input: `${copied.join('\n')}\n`, asStored, whole: true })) revertsOfPicked.set(commit.sha, revertOf(commit.message)?.reverted);
  for (const [sha, pick] of pickedReverts) if (revertsOfPicked.get(pick.picked) === pick.reverted) result.set(sha, { commit: pick.picked, kind: 'pick-of-revert' });
  // An abbreviated sha (git's reference format) counts when it names one commit, never that revert itself; looked for
  // among objects only (a branch or tag so named would win in cat-file: row 1074), a full one too: 40 digits are an
  // abbreviation in a SHA-256 repository, 64 no object name in a SHA-1 one (row 1105).
  const named = [...new Set([...reverts.values()].map((revert) => revert.reverted))];
  // commitsByPrefix read each named commit's parents too (its `rev-list --parents`): no second git for them.
  const byPrefix = named.length === 0 ? new Map<string, WithParents | null>() : await commitsByPrefix(root, named, view);
  const parents = new Map<string, readonly string[]>();
  for (const [sha, revert] of reverts) {
    const found = byPrefix.get(revert.reverted);
    if (found?.head.startsWith(revert.reverted) && found.head !== sha) {
      revert.reverted = found.head;
      parents.set(found.head, found.parents);
    } else reverts.delete(sha);
  }
  for (const [sha, revert] of reverts) {
    const of = parents.get(revert.reverted);
    const parent = of ? restoredParent(revert, of) : null;
    if (parent && (await ancestry(revert.reverted, sha, () => isAncestor(root, revert.reverted, sha, view)))) result.set(sha, { commit: parent, kind: 'revert' });
  }
  return result;
}

/** Whether `ancestor` is in the history of `of` (`git merge-base` names it). */
async function isAncestor(root: string, ancestor: string, of: string, view: ObjectView): Promise<boolean> {
  const base = await runGit(['merge-base', ancestor, of], { cwd: root, okCodes: [1], asStored: view.asStored === true });
  return base.trim() === ancestor;
}

export interface RestoredBlame {
  /** The revert (or pick) and the commit whose content it restores or copies (blame sees that one as its parent). */
  revert: string;
  restores: string;
  /** `<since>` of the report, when there is one. */
  since: string | null;
  /** The report's git flags (`-w`, `-M`, `-C`, ignored revisions). */
  flags: readonly string[];
  /** 1-based inclusive line ranges of `path` at `revert` (the lines blame gave the revert). */
  lines: ReadonlyArray<readonly [number, number]>;
}

/**
 * Who wrote the given lines of `path` at a revert (or cherry-pick) before it: `git blame` of
 * those lines with the commit's parent taken to be the commit it restores or copies (`-S`, a
 * graft for that process only). Lines it brought in go to the commits that wrote them there (or
 * to a boundary, with `since`); lines it wrote itself stay its own.
 */
export function blameRestored(root: string, path: string, blame: RestoredBlame): Promise<OriginGroup[]> {
  return withGraftFile([[blame.revert, blame.restores]], async (grafts) => {
    const ranges = blame.lines.flatMap(([start, end]) => ['-L', `${start},${end}`]);
    const revision = blame.since ? `${blame.since}..${blame.revert}` : blame.revert;
    const args = [...BLAME_COMMAND, ...blame.flags, '-S', grafts, ...ranges, revision, '--', path];
    const parser = createOriginParser();
    for await (const line of splitRecords(streamGit(args, { cwd: root }), '\n')) parser.line(line);
    return parser.groups();
  });
}
