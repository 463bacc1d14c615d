import { GitError, runGit } from './exec.js';

/**
 * Whether the repository is a partial clone (`git clone --filter=…`): objects it never downloaded
 * are fetched from a promisor remote when a command needs them (`extensions.partialClone`, or a
 * remote with `promisor = true`).
 */
export async function isPartialClone(root: string): Promise<boolean> {
  const out = await runGit(['config', '-z', '--get-regexp', '^(extensions\\.partialclone|remote\\..*\\.promisor)$'], { cwd: root, okCodes: [1] });
  return out
    .split('\0')
    .filter((entry) => entry !== '')
    .some((entry) => {
      const [key = '', value = ''] = entry.split('\n');
      return key.toLowerCase() === 'extensions.partialclone' ? value !== '' : /^(true|yes|on|1)$/i.test(value);
    });
}

/**
 * git's own failure to fetch an object a partial clone never downloaded (`fatal: could not fetch
 * <oid> from promisor remote`), in `error` or what it wraps: git's line, else null.
 */
export function promisorFetchFailure(error: unknown): string | null {
  for (let at: unknown = error, depth = 0; at instanceof Error && depth < 8; at = at.cause, depth += 1) {
    if (!(at instanceof GitError)) continue;
    const line = at.stderr.split('\n').find((text) => /from promisor remote/i.test(text));
    if (line !== undefined) return line.replace(/^fatal: /, '').trim();
  }
  return null;
}
