import { loadConfigAtRevision } from '../config/load-at-revision.js';
import { SEARCH_PLACES } from '../config/search-places.js';
import { pathObjects } from '../git/read-blob.js';

/**
 * Every pushed tip must hold a config that could judge, so its author hears of a broken one (two
 * config files, a symlink, a typo) at once rather than when it reaches the default branch. One
 * `git cat-file` pass finds each tip's config files; tips holding the same files as `checked` (the
 * default branch, already loaded) or as a tip already validated are not read again. Throws
 * ConfigError naming the problems.
 */
export async function validatePushedConfigs(repoDir: string, tips: readonly string[], checked: string | null): Promise<void> {
  const unique = [...new Set(tips)].filter((tip) => tip !== checked);
  if (unique.length === 0) return;
  const files = await pathObjects(repoDir, checked ? [...unique, checked] : unique, SEARCH_PLACES, { asStored: true });
  const seen = new Set(checked && files.has(checked) ? [files.get(checked)!.join(' ')] : []);
  for (const tip of unique) {
    const key = files.get(tip)?.join(' ');
    if (key !== undefined && seen.has(key)) continue;
    await loadConfigAtRevision(repoDir, tip, { asStored: true });
    if (key !== undefined) seen.add(key);
  }
}
