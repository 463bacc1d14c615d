import { UsageError } from '../errors/usage-error.js';
import { existingRefs, refCandidates } from '../git/refs.js';
import { enforceMessages } from './messages.js';

const OBJECT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/** The ref name a revision starts with (`origin/main` of `origin/main~2^{commit}`); null for a full object id, `@` or a `…HEAD` name of the git dir. */
function leadingName(revision: string): string | null {
  const name = /^(.*?)(?=[~^:]|@\{|$)/s.exec(revision)?.[1] ?? '';
  if (name === '' || name === '@' || OBJECT_ID.test(name) || /^[A-Z_]*HEAD$/.test(name)) return null;
  return name;
}

/**
 * Refuse (UsageError, exit 2) a revision whose name git would resolve to a ref other than the one
 * meant: `origin/main` when a tag `origin/main` exists (git's rules try refs/tags/ before
 * refs/remotes/), a full name like `refs/remotes/origin/main` that does not exist while a ref
 * git would read instead does (`refs/tags/refs/remotes/origin/main`), a short object id that a ref
 * also spells. Anyone who can push a tag can create such names; the policy and the judged range
 * must not follow them.
 */
export async function assertUnambiguous(repoDir: string, revision: string, what: string): Promise<void> {
  const name = leadingName(revision);
  if (name === null) return;
  const candidates = refCandidates(name);
  const found = await existingRefs(repoDir, candidates);
  const present = candidates.filter((candidate) => found.has(candidate));
  const exact = name.startsWith('refs/') && found.has(name);
  const shortId = /^[0-9a-f]{4,63}$/.test(name);
  if (exact || present.length === 0 || (present.length === 1 && !shortId && !name.startsWith('refs/'))) return;
  const [picked = '', ...others] = present;
  const also = others.length > 0 ? `and it names ${others.join(', ')} too` : shortId ? 'and it may be an abbreviated object id too' : `which is not ${name} itself`;
  throw new UsageError(enforceMessages.ambiguousRevision(what, name, picked, also));
}
