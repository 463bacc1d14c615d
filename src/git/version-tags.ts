import { runGit } from './exec.js';

/**
 * Names of the tags matching `glob` (`v*`; matched against `refs/tags/<glob>` as for-each-ref
 * does), in version order (`--sort=version:refname`, honouring `versionsort.suffix`). Ref names
 * hold no newline, so one per line is exact.
 */
export async function tagsByVersion(cwd: string, glob: string): Promise<string[]> {
  const out = await runGit(['for-each-ref', '--sort=version:refname', '--format=%(refname)', '--end-of-options', `refs/tags/${glob}`], { cwd });
  return out
    .split('\n')
    .filter((ref) => ref.startsWith('refs/tags/'))
    .map((ref) => ref.slice('refs/tags/'.length));
}
