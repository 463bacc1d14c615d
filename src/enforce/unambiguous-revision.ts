import { UsageError } from '../errors/usage-error.js';
import { revisionAmbiguity } from '../git/revision-ambiguity.js';
import { enforceMessages } from './messages.js';

/**
 * Refuse (UsageError, exit 2) a revision whose name git would resolve to a ref other than the one
 * meant (see `revisionAmbiguity`): the policy and the judged range must not follow a name anyone
 * who can push a tag can create.
 */
export async function assertUnambiguous(repoDir: string, revision: string, what: string): Promise<void> {
  const found = await revisionAmbiguity(repoDir, revision);
  if (found) throw new UsageError(enforceMessages.ambiguousRevision(what, found.name, found.picked, found.also));
}
