import { restoredParent, revertOf } from '../core/blame/revert-of.js';
import type { OriginGroup } from '../core/blame/parse-origins.js';
import { createOriginParser } from '../core/blame/parse-origins.js';
import { runGit, splitRecords, streamGit } from './exec.js';
import { streamCommits } from './log.js';
import { withGraftFile } from './range-blame.js';
import { resolveCommits } from './resolve-commits.js';

/**
 * The reverts among `commits` (full shas), each with the commit whose content it brings back:
 * the parent of the reverted commit (its `-m` side for a merge). Only a revert whose message is
 * git's own (`This reverts commit <sha>.`) and whose reverted commit is in its own history.
 */
export async function revertsAmong(root: string, commits: Iterable<string>): Promise<Map<string, string>> {
  const input = [...commits].join('\n');
  const reverts = new Map<string, { reverted: string; mainline: string | null }>();
  if (input === '') return new Map();
  const grep = ['--basic-regexp', '--grep=^This reverts commit [0-9a-f]'];
  for await (const commit of streamCommits(root, ['--no-walk=unsorted', '--stdin'], { input: `${input}\n`, extra: grep })) {
    const found = revertOf(commit.message);
    if (found && found.reverted !== commit.sha) reverts.set(commit.sha, found);
  }
  if (reverts.size === 0) return new Map();
  const exists = await resolveCommits(root, [...reverts.values()].map((revert) => revert.reverted));
  const known = [...new Set([...exists.values()].filter((sha): sha is string => sha !== null))];
  const parents = new Map<string, string[]>();
  if (known.length > 0) for await (const commit of streamCommits(root, ['--no-walk=unsorted', '--stdin'], { input: `${known.join('\n')}\n` })) parents.set(commit.sha, commit.parents);
  const result = new Map<string, string>();
  for (const [sha, revert] of reverts) {
    const of = parents.get(revert.reverted);
    const parent = of ? restoredParent(revert, of) : null;
    if (parent && (await isAncestor(root, revert.reverted, sha))) result.set(sha, parent);
  }
  return result;
}

/** Whether `ancestor` is in the history of `of` (`git merge-base` names it). */
async function isAncestor(root: string, ancestor: string, of: string): Promise<boolean> {
  const base = await runGit(['merge-base', ancestor, of], { cwd: root, okCodes: [1] });
  return base.trim() === ancestor;
}

export interface RestoredBlame {
  /** The revert commit and the commit whose content it restores (blame sees that one as its parent). */
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
 * Who wrote the given lines of `path` at a revert commit before the revert: `git blame` of those
 * lines with the revert's parent taken to be the commit it restores (`-S`, a graft for that
 * process only). Lines the revert brought back go to the commits that wrote them there (or to a
 * boundary, with `since`); lines the revert wrote itself stay its own.
 */
export function blameRestored(root: string, path: string, blame: RestoredBlame): Promise<OriginGroup[]> {
  return withGraftFile([[blame.revert, blame.restores]], async (grafts) => {
    const ranges = blame.lines.flatMap(([start, end]) => ['-L', `${start},${end}`]);
    const revision = blame.since ? `${blame.since}..${blame.revert}` : blame.revert;
    const args = ['blame', '--incremental', '--root', '--no-textconv', ...blame.flags, '-S', grafts, ...ranges, revision, '--', path];
    const parser = createOriginParser();
    for await (const line of splitRecords(streamGit(args, { cwd: root }), '\n')) parser.line(line);
    return parser.groups();
  });
}
