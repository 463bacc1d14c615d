/**
 * Whether a note whose `base_commit_sha` is `base` (null: none, or not a string) was written for
 * `commit`, whose first parent is `parent` (null: a root commit): the base names the commit (what
 * git-ai and aitrail write at every commit and at every rewrite they remap) or its first parent
 * (`initial` for a root commit), as git-ai wrote before it kept the commit's own id. Anything else
 * (another commit's id: git's word-for-word copy at an amend or rebase no hook remapped; none; a
 * made-up value) is a note whose line numbers cannot be trusted for this commit.
 */
export function baseBelongs(base: string | null, commit: string, parent: string | null): boolean {
  if (base === null) return false;
  const named = base.toLowerCase();
  if (named === commit.toLowerCase()) return true;
  return parent === null ? named === 'initial' : named === parent.toLowerCase();
}

/** Whether `base` could name a parent at all (a full object id, or `initial`): only then is the commit's parent worth reading. */
export function mayNameParent(base: string | null): boolean {
  return base !== null && (/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i.test(base) || base.toLowerCase() === 'initial');
}

/** The first parent named in a commit object's bytes (its header's first `parent` line), or null. */
export function firstParentOf(commitObject: Buffer): string | null {
  const header = commitObject.toString('latin1');
  const end = header.indexOf('\n\n');
  return /^parent ([0-9a-f]{40,64})$/m.exec(end === -1 ? header : header.slice(0, end))?.[1] ?? null;
}
