import type { ObjectView } from './exec.js';
import { objectInfoLines } from './object-batch.js';

/**
 * Resolve object ids (or revisions) to the commits they peel to, in one `git cat-file` pass.
 * Missing objects and objects that are not commits (a tag of a tree…) map to `null`.
 * Inputs holding whitespace or control characters are never sent to git.
 */
export async function resolveCommits(cwd: string, revs: readonly string[], view: ObjectView = {}): Promise<Map<string, string | null>> {
  const result = new Map<string, string | null>();
  const asked = [...new Set(revs)].filter((rev) => {
    const safe = rev !== '' && !/[\s\0-\x1f\x7f]/.test(rev) && !rev.startsWith('-');
    if (!safe) result.set(rev, null);
    return safe;
  });
  if (asked.length === 0) return result;
  const lines = await objectInfoLines(cwd, asked.map((rev) => `${rev}^{commit}`), view);
  asked.forEach((rev, index) => {
    const match = /^([0-9a-f]{40,64}) commit \d+$/.exec(lines[index] ?? '');
    result.set(rev, match ? (match[1] as string) : null);
  });
  return result;
}
