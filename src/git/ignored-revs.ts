import { readFile } from 'node:fs/promises';
import { runGit } from './exec.js';
import { isAncestor } from './is-ancestor.js';
import { resolveCommits } from './resolve-commits.js';

/** The object ids of an ignore-revs file as git's oidset_parse_file reads them: `#` starts a comment, one full id a line. */
function idsOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter((line) => /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i.test(line))
    .map((line) => line.toLowerCase());
}

async function idsIn(path: string): Promise<string[]> {
  try {
    return idsOf(await readFile(path, 'utf8'));
  } catch {
    return []; // missing (git blame itself says so, or the path was `:(optional)`)
  }
}

/**
 * The commits `git blame` is told to ignore, as blame.c builds its list: the files of every
 * `blame.ignoreRevsFile` (`configured`: config, any scope, as blameEnvironment read them; often set
 * once to the committed `.git-blame-ignore-revs`), then the `--ignore-revs-file` values in order
 * ('' clears what came before), then the `--ignore-rev` commits. Ids that name no commit are dropped.
 */
export async function ignoredCommits(root: string, configured: readonly string[], ignoreRevsFiles: readonly string[], ignoreRevs: readonly string[]): Promise<string[]> {
  let ids = new Set<string>();
  for (const file of [...configured, ...ignoreRevsFiles]) {
    if (file === '') ids = new Set();
    else for (const id of await idsIn(file)) ids.add(id);
  }
  if (ids.size === 0) return [...new Set(ignoreRevs)];
  const commits = await resolveCommits(root, [...ids]);
  return [...new Set([...[...commits.values()].filter((sha): sha is string => sha !== null), ...ignoreRevs])];
}

/** Of `commits`, those in the blamed range (reachable from `rev`, not from `since`): only they move lines in git blame. */
export async function inBlamedRange(root: string, commits: readonly string[], rev: string, since: string | null): Promise<string[]> {
  const kept = await Promise.all(commits.map(async (sha) => (await isAncestor(root, sha, rev)) && !(since !== null && (await isAncestor(root, sha, since)))));
  return commits.filter((_, index) => kept[index]);
}

/**
 * The files each of `commits` changed against its parent, as `git log --name-only` lists them
 * (root-relative whatever `diff.relative` says, no rename pairing: the old and the new name both;
 * a merge, the files it changed against every parent (`-c`): the only ones where a line can be the
 * merge's own, which git blame passes on when the merge is ignored). One git process for all of them,
 * named on its stdin.
 */
export async function changedPaths(root: string, commits: readonly string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (commits.length === 0) return out;
  const text = await runGit(['log', '--stdin', '--no-walk=unsorted', '--no-renames', '--diff-merges=combined', '--no-relative', '--no-ext-diff', '--format=%x01%H', '-z', '--name-only'], { cwd: root, input: `${commits.join('\n')}\n` });
  for (const chunk of text.split('\x01')) {
    const end = chunk.indexOf('\0');
    if (end === -1) continue;
    const rest = chunk.slice(end + 1);
    out.set(chunk.slice(0, end), new Set((rest.startsWith('\n') ? rest.slice(1) : rest).split('\0').filter((path) => path !== '')));
  }
  return out;
}

/**
 * Of `commits`, those with an ancestor among `older` inside the blamed range (reachable from `rev`,
 * not from `since`): one walk of the range's history (`git rev-list --parents`, parents first), so
 * any number of them costs one git process. A commit outside the range is never one.
 */
export async function withAncestorIn(root: string, commits: readonly string[], older: ReadonlySet<string>, rev: string, since: string | null): Promise<Set<string>> {
  const found = new Set<string>();
  if (commits.length === 0 || older.size === 0) return found;
  const wanted = new Set(commits);
  const below = new Set<string>();
  const out = await runGit(['rev-list', '--topo-order', '--reverse', '--parents', '--stdin'], { cwd: root, input: `${rev}\n${since === null ? '' : `^${since}\n`}` });
  for (const line of out.split('\n')) {
    if (line === '') continue;
    const [sha, ...parents] = line.split(' ');
    if (parents.some((parent) => older.has(parent) || below.has(parent))) {
      below.add(sha!);
      if (wanted.has(sha!)) found.add(sha!);
    }
  }
  return found;
}
