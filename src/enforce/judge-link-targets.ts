import type { CompiledPolicy } from '../core/policy/compile-policy.js';
import { evaluateCommit } from '../core/policy/evaluate.js';
import { protection } from '../core/policy/landed-lines.js';
import { mayReach, pathsShownByLinks, resolveLinkTarget, type ResolvedLink } from '../core/policy/link-reach.js';
import type { CommitFacts, Violation } from '../core/policy/types.js';
import { treeSymlinks } from '../git/read-blob.js';
import { resolveCommits } from '../git/resolve-commits.js';
import { readRevisionBlobs } from '../git/revision-blobs.js';
import { enforceMessages } from './messages.js';

const STORED = { asStored: true } as const;

/** The symbolic links of `commit`'s tree within reach of a path rule (mayReach), their targets resolved by their text. */
async function linksWithinReach(repoDir: string, commit: string, policy: CompiledPolicy): Promise<ResolvedLink[]> {
  const found = (await treeSymlinks(repoDir, commit, STORED)).filter((link) => policy.paths.some((rule) => mayReach(rule, link.path)));
  if (found.length === 0) return [];
  const blobs = await readRevisionBlobs(repoDir, found.map((link) => link.oid), STORED);
  return found.flatMap((link, at) => {
    const text = blobs[at]?.content.toString('utf8') ?? '';
    const target = resolveLinkTarget(link.path, text);
    return target === null ? [] : [{ path: link.path, text, target }];
  });
}

/**
 * Links already in the tree where a range starts (made before a path rule was added, or before
 * aitrail judged the repository: row 21 judges the commit that makes or retargets a link) show,
 * at protected paths, the files they point to. An AI commit of the range that changes such a
 * file (Qwen's lib/key.ts behind `src/crypto/key.ts -> ../../lib/key.ts`) is judged by the path
 * rules as if it changed the path where the link shows it: `path-model-denied` (or not allowed)
 * naming that path and the link. `boundary`: the commits the range starts from.
 */
export async function judgeLinkTargets(repoDir: string, boundary: readonly string[], attributed: Iterable<CommitFacts>, policy: CompiledPolicy): Promise<Violation[]> {
  const commits = [...attributed];
  if (commits.length === 0 || boundary.length === 0) return [];
  const links = new Map<string, ResolvedLink>();
  // A shallow clone lacks the commits past its cut (said apart, as the history the range cannot read).
  const held = await resolveCommits(repoDir, boundary, STORED);
  for (const commit of boundary.filter((sha) => held.get(sha) === sha)) for (const link of await linksWithinReach(repoDir, commit, policy)) links.set(`${link.path}\0${link.target}`, link);
  if (links.size === 0) return [];
  const violations: Violation[] = [];
  // A file a rule protects where it is was judged there already (src/crypto/current -> v2).
  const isProtected = protection(policy);
  for (const facts of commits) {
    const shown = pathsShownByLinks([...links.values()], facts.paths.filter((path) => !isProtected(path))).filter((at) => !facts.paths.includes(at.shown));
    if (shown.length === 0) continue;
    for (const found of evaluateCommit({ ...facts, paths: shown.map((at) => at.shown) }, policy)) {
      if (found.rule !== 'path-model-denied' && found.rule !== 'path-model-not-allowed') continue;
      const through = shown.find((at) => at.shown === found.path) ?? (shown[0] as (typeof shown)[number]);
      violations.push({ ...found, message: `${found.message} ${enforceMessages.shownByLink(through.changed, through.link.path, through.link.text)}` });
    }
  }
  return violations;
}
