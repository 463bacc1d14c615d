import { loadConfigAtRevision } from '../config/load-at-revision.js';
import { SEARCH_PLACES } from '../config/search-places.js';
import { pathObjects } from '../git/read-blob.js';
import { tipsAlreadyStored } from '../git/rev-list.js';

/**
 * Every pushed tip must hold a config that could judge, so its author hears of a broken one (two
 * config files, a symlink, a typo) at once rather than when it reaches the default branch. One
 * `git cat-file` pass finds each tip's config files; tips holding the same files as `checked` (the
 * default branch, already loaded) or as a tip already validated are not read again. A tip that
 * brings no commit the server lacks (already under one of its refs, or in the history the push
 * gives the default branch: `contained`) is not read at all: its config was there before this
 * push, and no push can fix it (a release tag on an old commit of the default branch whose config
 * a later aitrail refuses, two config files, say; a mirror of the project's history), while the
 * policy that judges is the default branch's tip's, read on its own. Throws ConfigError naming the problems.
 */
export async function validatePushedConfigs(repoDir: string, tips: readonly string[], checked: string | null, contained: readonly string[] = []): Promise<void> {
  const candidates = [...new Set(tips)].filter((tip) => tip !== checked);
  if (candidates.length === 0) return;
  const stored = await tipsAlreadyStored(repoDir, candidates, contained);
  const unique = candidates.filter((tip) => !stored.has(tip));
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
