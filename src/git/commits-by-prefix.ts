import { runGit, runGitSync, type ObjectView } from './exec.js';

// Abbreviated object names (git revert's reference format: `This reverts commit 5ab9c3d (…)`) resolved as objects
// only, never as refs (row 1074): git reads a short hex name as a branch or tag first when one is so named
// (`git rev-parse 5ab9c3d^@` follows the tag `5ab9c3d`, which a fetch brings along), so each is asked with
// `git rev-parse --disambiguate=` (the objects bearing that prefix, refs never asked), and those that are
// commits read with their parents by `git rev-list --no-walk` (trees and blobs it skips; a tag it peels, to a commit
// that is no candidate). The commit each prefix names, with its parents, or none: no commit, or several.
const PREFIX = /^[0-9a-f]{4,64}$/;
const OID = /^[0-9a-f]{40,64}$/;

export type WithParents = { head: string; parents: string[] };

const disambiguateArgs = (prefixes: readonly string[]): string[] => ['rev-parse', ...prefixes.map((prefix) => `--disambiguate=${prefix}`)];
const REV_LIST = ['rev-list', '--no-walk=unsorted', '--parents', '--stdin'];

/** Each prefix's one commit among `listed` (rev-list's lines) that is one of `candidates`. */
function pick(prefixes: readonly string[], candidates: ReadonlySet<string>, listed: string): Map<string, WithParents | null> {
  const commits = listed
    .split('\n')
    .map((line) => line.split(' '))
    .filter((ids) => candidates.has(ids[0]!) && ids.every((id) => OID.test(id)))
    .map(([head, ...parents]) => ({ head: head!, parents }));
  return new Map(
    prefixes.map((prefix) => {
      const named = [...new Map(commits.filter((commit) => commit.head.startsWith(prefix)).map((commit) => [commit.head, commit])).values()];
      return [prefix, named.length === 1 ? named[0]! : null];
    }),
  );
}

const candidatesOf = (out: string): Set<string> => new Set(out.split('\n').filter((line) => OID.test(line)));

/** The commit each of `prefixes` (4 to 64 hex digits) names as an object, with its parents; null where none or several. */
export async function commitsByPrefix(cwd: string, prefixes: readonly string[], view: ObjectView = {}): Promise<Map<string, WithParents | null>> {
  const asked = [...new Set(prefixes)].filter((prefix) => PREFIX.test(prefix));
  const candidates = asked.length === 0 ? new Set<string>() : candidatesOf(await runGit(disambiguateArgs(asked), { cwd, ...view }));
  const listed = candidates.size === 0 ? '' : await runGit(REV_LIST, { cwd, input: `${[...candidates].join('\n')}\n`, ...view });
  return pick(asked, candidates, listed);
}

/** commitsByPrefix for one prefix, synchronously (the message hooks). */
export function commitByPrefixSync(cwd: string, prefix: string): WithParents | null {
  if (!PREFIX.test(prefix)) return null;
  const candidates = candidatesOf(runGitSync(disambiguateArgs([prefix]), { cwd }));
  const listed = candidates.size === 0 ? '' : runGitSync(REV_LIST, { cwd, input: `${[...candidates].join('\n')}\n` });
  return pick([prefix], candidates, listed).get(prefix) ?? null;
}
