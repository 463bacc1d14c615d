import { runGit } from './exec.js';

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
