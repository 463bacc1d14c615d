import type { RefUpdate } from '../core/ref-updates.js';
import { configBool } from '../git/config-value.js';

/** `refs/replace/…`, in any case (a case-insensitive file system stores `refs/REPLACE/x` where git reads replace refs). */
const REPLACE_REF = /^refs\/replace\//i;

/**
 * The replace refs a push would create, move or delete, unless the server allows them
 * (`git config aitrail.allowReplaceRefs true` in the repository). Enforcement never reads
 * through replace refs, but everything else does (log, blame, other tools): a pushed one would
 * make the server show a commit in place of another.
 */
export async function refusedReplaceRefs(repoDir: string, updates: readonly RefUpdate[]): Promise<string[]> {
  const replacing = updates.filter((update) => REPLACE_REF.test(update.ref)).map((update) => update.ref);
  if (replacing.length === 0) return [];
  return (await configBool(repoDir, 'aitrail.allowReplaceRefs')) === true ? [] : replacing;
}
