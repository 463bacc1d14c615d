import { semverOrder } from '../core/trend/version-order.js';
import { configValues } from './config-value.js';
import { runGit } from './exec.js';

/**
 * SemVer's pre-release mark: `v1.0.0-rc1` comes before `v1.0.0`. git's version sort alone puts
 * it after (a longer name after its prefix), so a trend would run backwards from the release to
 * its candidate and count the candidates' lines again in the next release.
 */
const PRERELEASE_SUFFIX = '-';

/**
 * Names of the tags matching `glob` (`v*`; matched against `refs/tags/<glob>` as for-each-ref
 * does), in version order (`--sort=version:refname`): pre-releases (`-…`) before their release
 * and SemVer names in SemVer precedence (`semverOrder`), unless the repository sets its own
 * `versionsort.suffix` (or the older `versionsort.prereleaseSuffix`), which is then honoured alone. Ref names hold no newline, so
 * one per line is exact.
 */
export async function tagsByVersion(cwd: string, glob: string): Promise<string[]> {
  const [suffixes, legacy] = await Promise.all([configValues(cwd, 'versionsort.suffix'), configValues(cwd, 'versionsort.prereleaseSuffix')]);
  const order = suffixes.length + legacy.length === 0 ? ['-c', `versionsort.suffix=${PRERELEASE_SUFFIX}`] : [];
  const out = await runGit([...order, 'for-each-ref', '--sort=version:refname', '--format=%(refname)', '--end-of-options', `refs/tags/${glob}`], { cwd });
  const names = out
    .split('\n')
    .filter((ref) => ref.startsWith('refs/tags/'))
    .map((ref) => ref.slice('refs/tags/'.length));
  return order.length > 0 ? semverOrder(names) : names;
}
