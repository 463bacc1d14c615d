import type { LoadedConfig } from '../core/types.js';
import type { ObjectView } from '../git/exec.js';
import { listRootEntries, readBlob } from '../git/read-blob.js';
import { ConfigError, type ConfigProblem } from './config-error.js';
import { formatOf, parseConfigText } from './parse-config-text.js';
import { CONFIG_DIR_NAME, configLimit, mayShowAsPlace, misnamedConfigs, SEARCH_PLACES } from './search-places.js';
import { configFileLabel, FOLDER_EXPECTED, severalConfigsProblem } from './several-configs.js';

/**
 * The config as committed at `rev` (not the work tree): for "a change cannot loosen the policy
 * that judges it". Same search places, parsing and validation as `loadConfig`; more than one
 * config file is a ConfigError naming them all. The top of the tree is listed once (`git ls-tree -z`); `misnamed` names the files there meant as a config under a name aitrail does not read.
 * Problems name `<rev>:<file>`, and so does `filepath` (`null` = built-in defaults). Data only: blobs are
 * read with `git cat-file`, never checked out, never executed. Symlinks in the tree are refused
 * (their target is outside what the revision fixes). `asStored`: the revision's objects as
 * stored, replace refs and grafts ignored (what enforcement asks for). Throws ConfigError or
 * GitError (bad rev).
 */
export async function loadConfigAtRevision(repoDir: string, rev: string, view: ObjectView = {}): Promise<LoadedConfig> {
  // The top of the tree, listed once: the search places, and the files meant as a config under a name aitrail does not read.
  // Only names holding `aitrail` or `package.json` are decoded: every search place and every misnamed one holds one.
  // `.config/`'s entries are listed in the same git process (cosmiconfig's folder, never read: named when meant as the config).
  // Also a name beyond printable ASCII or with white space at an end: one that may show as a search place (lookalike-places.ts).
  const top = await listRootEntries(repoDir, rev, /aitrail|package\.json|[^\x00-\x7f]|\t[ ]| (?=\0|$)|[\x00-\x1f\x7f](?=\0|$)/gi, view, [CONFIG_DIR_NAME]);
  const shownAsPlace = top.filter((entry) => entry.type !== 'tree' && !entry.path.includes('/')).map((entry) => entry.path);
  if (shownAsPlace.some(mayShowAsPlace)) {
    const { lookalikePlaceProblems } = await import('./lookalike-places.js');
    const lookalikes = lookalikePlaceProblems(shownAsPlace, (name) => `${rev}:${name}`);
    if (lookalikes.length > 0) throw new ConfigError(lookalikes);
  }
  const entries = SEARCH_PLACES.flatMap((place) => top.filter((entry) => entry.path === place));
  const misnamed = misnamedConfigs(top.filter((entry) => entry.type === 'blob').map((entry) => entry.path));
  const withMisnamed = (loaded: LoadedConfig): LoadedConfig => (misnamed.length === 0 ? loaded : { ...loaded, misnamed });
  const { validateConfig } = await import('./validate.js');
  const unsafe: ConfigProblem[] = [];
  for (const entry of entries) {
    const file = `${rev}:${entry.path}`;
    const limit = configLimit(entry.path);
    if (entry.mode === '120000') unsafe.push({ file, path: '', found: 'a symbolic link', expected: 'a regular JSON or YAML file' });
    // A folder (or submodule) at a search place read as no config: `.aitrailrc.yml/policy.yml` shows as the config moved into it.
    else if (entry.type !== 'blob') unsafe.push({ file, path: '', found: entry.type === 'tree' ? 'a directory' : 'a submodule', expected: FOLDER_EXPECTED });
    else if (entry.type === 'blob' && (entry.size ?? 0) > limit) unsafe.push({ file, path: '', found: `a file of ${entry.size} bytes`, expected: `at most ${limit} bytes` });
  }
  if (unsafe.length > 0) throw new ConfigError(unsafe);
  // Every config is read (not the first found): more than one is an error, never a choice.
  const found: { file: string; data: unknown }[] = [];
  for (const entry of entries) {
    const file = `${rev}:${entry.path}`;
    const format = formatOf(entry.path)!; // every search place is data
    const parsed = await parseConfigText(await readBlob(repoDir, entry.oid, view), format, file);
    if (parsed.problem) throw new ConfigError([parsed.problem]);
    if (format === 'package' && parsed.data === undefined) continue; // no `aitrail` key
    found.push({ file, data: parsed.data });
  }
  const several = severalConfigsProblem(found.map(({ file }) => configFileLabel(file)));
  if (several) throw new ConfigError([several]);
  const [only] = found;
  if (!only) return withMisnamed({ config: {}, filepath: null });
  const { config, problems } = validateConfig(only.data === undefined ? {} : only.data, only.file);
  if (!config) throw new ConfigError(problems);
  return withMisnamed({ config, filepath: only.file });
}
