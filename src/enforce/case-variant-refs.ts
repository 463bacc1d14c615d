import { DEFAULT_NOTES_REF } from '../core/notes/notes-ref.js';
import type { RefUpdate } from '../core/ref-updates.js';
import { configBool } from '../git/config-value.js';
import { symbolicRef } from '../git/refs.js';

/** A pushed ref and the ref it differs from only in case. */
export interface CaseVariant {
  ref: string;
  of: string;
}

/**
 * The refs a push would write that differ only in case from the default branch (HEAD's) or from
 * refs/notes/ai, on a server whose file system folds case (`core.ignorecase`, set by `git init`
 * there). git keeps a loose ref in a file named after it: `refs/heads/Main` is then the file git
 * reads for a packed or deleted `refs/heads/main` (rev-parse, HEAD), past the review that protects
 * main by name (a deletion removes main's), and `refs/NOTES/ai` the notes `git notes --ref=ai` reads, while for-each-ref and
 * aitrail's exact-name reads see neither. A case-sensitive server keeps them apart: nothing then.
 */
export async function caseVariantRefs(repoDir: string, updates: readonly RefUpdate[]): Promise<CaseVariant[]> {
  if (updates.length === 0 || (await configBool(repoDir, 'core.ignorecase')) !== true) return [];
  const head = await symbolicRef(repoDir, 'HEAD');
  const guarded = head === null ? [DEFAULT_NOTES_REF] : [head, DEFAULT_NOTES_REF];
  return updates.flatMap((update) => guarded.filter((of) => update.ref !== of && update.ref.toLowerCase() === of.toLowerCase()).map((of) => ({ ref: update.ref, of })));
}
