/** The most commits read from one `SQUASH_MSG` (a squash of more is left to `aitrail notes squash`). */
export const MAX_SQUASHED_COMMITS = 10_000;

/**
 * The commits git's `SQUASH_MSG` (the file's text) names: `git merge --squash` writes
 * `Squashed commit of the following:` and then, for each commit it brings, `commit <full id>` on a
 * line of its own before the commit as `git log` shows it (the message indented by four spaces, so
 * a message cannot start such a line). Newest first, as git lists them; duplicates dropped.
 */
export function squashedCommits(text: string): string[] {
  if (!text.startsWith('Squashed commit of the following:\n')) return [];
  const found = new Set<string>();
  for (const match of text.matchAll(/^commit ([0-9a-f]{40}|[0-9a-f]{64})$/gm)) {
    found.add(match[1]!);
    if (found.size >= MAX_SQUASHED_COMMITS) break;
  }
  return [...found];
}
