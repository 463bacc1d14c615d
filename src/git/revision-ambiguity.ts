import { isWholeObjectId } from './empty-tree.js';
import { existingRefs, refCandidates } from './refs.js';

/** The ref name a revision starts with (`origin/main` of `origin/main~2^{commit}`); null for `@` or a `…HEAD` name of the git dir. */
function leadingName(revision: string): string | null {
  const name = /^(.*?)(?=[~^:]|@\{|$)/s.exec(revision)?.[1] ?? '';
  if (name === '' || name === '@' || /^[A-Z_]*HEAD$/.test(name)) return null;
  return name;
}

/** A revision name git would resolve to another ref than the one meant: what it reads, and what else it names. */
export interface Ambiguity {
  name: string;
  /** The ref git reads (its short-name rules: refs/tags/ before refs/heads/ before refs/remotes/). */
  picked: string;
  /** `and it names refs/heads/v1 too`, or why `picked` is not what the name says. */
  also: string;
}

/**
 * For each of `revisions` (in their order, null where none), whether git would read it as a ref
 * other than the one meant, asked of git in one `for-each-ref` for them all: `v1` when both a tag and a
 * branch `v1` exist, `origin/main` when a tag `origin/main` exists, a full name like
 * `refs/remotes/origin/main` that does not exist while a ref git would read instead does, a short
 * object id that a ref also spells. Anyone who can push a tag can create such names.
 */
export async function revisionsAmbiguity(repoDir: string, revisions: readonly string[]): Promise<(Ambiguity | null)[]> {
  // A whole object id is read as that object whatever refs exist: the repository says how long
  // one is (a 40-hex name in a SHA-256 repository is looked up as a ref first, then as a short id).
  const names = await Promise.all(revisions.map(leadingName).map(async (name) => (name !== null && (await isWholeObjectId(repoDir, name)) ? null : name)));
  const asked = names.filter((name): name is string => name !== null);
  if (asked.length === 0) return names.map(() => null);
  const found = await existingRefs(repoDir, [...new Set(asked.flatMap(refCandidates))]);
  return names.map((name) => (name === null ? null : ambiguityOf(name, found)));
}

/** What `found` (the existing refs among the name's candidates, at least) says of `name`. */
function ambiguityOf(name: string, found: ReadonlyMap<string, string>): Ambiguity | null {
  const candidates = refCandidates(name);
  const present = candidates.filter((candidate) => found.has(candidate));
  const exact = name.startsWith('refs/') && found.has(name);
  const shortId = /^[0-9a-f]{4,63}$/.test(name);
  if (exact || present.length === 0 || (present.length === 1 && !shortId && !name.startsWith('refs/'))) return null;
  const [picked = '', ...others] = present;
  const also = others.length > 0 ? `and it names ${others.join(', ')} too` : shortId ? 'and it may be an abbreviated object id too' : `which is not ${name} itself`;
  return { name, picked, also };
}
