import { UsageError } from '../errors/usage-error.js';
import { revisionsAmbiguity } from '../git/revision-ambiguity.js';
import { enforceMessages } from './messages.js';

/**
 * Refuse (UsageError, exit 2) a revision whose name git would resolve to a ref other than the one
 * meant (see `revisionsAmbiguity`): the policy and the judged range must not follow a name anyone
 * who can push a tag can create.
 */
export async function assertUnambiguous(repoDir: string, revisions: string | readonly string[], what: string): Promise<void> {
  // Both sides of a range in one git process; the first ambiguous one, in their order, is named.
  const found = (await revisionsAmbiguity(repoDir, typeof revisions === 'string' ? [revisions] : revisions)).find((ambiguity) => ambiguity !== null);
  if (found) throw new UsageError(enforceMessages.ambiguousRevision(what, found.name, found.picked, found.also));
}
