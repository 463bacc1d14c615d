import { readFile } from 'node:fs/promises';
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
