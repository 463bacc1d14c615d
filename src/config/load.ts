import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { LoadedConfig } from '../core/types.js';
import { compileDetectRules } from './compile-detect-rules.js';
import { markOnceOnlyWork } from '../io/code-cache-hint.js';
import { readConfigCache, stampFiles, writeConfigCache } from './config-cache.js';
import { ConfigError, type ConfigProblem } from './config-error.js';
import { CONFIG_DIR_NAME, configLimit, mayShowAsPlace, misnamedConfigs, SEARCH_PLACES, type MisnamedConfig } from './search-places.js';
import { configFileLabel, FOLDER_EXPECTED, severalConfigsProblem } from './several-configs.js';
import type { ParsedFile } from './explorer.js';

export { ConfigError, type ConfigProblem } from './config-error.js';

export interface LoadOptions {
  /** `--config <file>`: overrides the search; relative to `cwd`. */
  configFile?: string;
  /** Directory a relative `configFile` is read from (the command's; default: the process's working directory). */
  cwd?: string;
  /**
   * Keep the validated config in `<cacheDir>/config-cache.json` (hooks and commands pass `<git-dir>/aitrail`: cachedIn),
   * keyed by the stat of every search place and of the `--config` file: an unchanged config
   * then costs a few stat calls and no parser, validator or cosmiconfig.
   */
  cacheDir?: string;
}

/**
 * LoadOptions that keep the config of `repo` in its worktree's cache (`<git dir>/aitrail`, the one
 * its hooks keep): a command then reads an unchanged config with a few stat calls, as a hook does.
 * None for a bare repository: nothing is written into a server's repository.
 */
export function cachedIn(repo: { gitDir: string; bare: boolean }): Pick<LoadOptions, 'cacheDir'> {
  return repo.bare ? {} : { cacheDir: join(repo.gitDir, 'aitrail') };
}

/**
 * Load the config in force for the repository at `root` (its top-level directory): searched
 * in the root only (never a parent, never the process's cwd); more than one config file there is
 * a ConfigError naming them all; `--config` overrides. Data only: JSON, YAML or package.json's `aitrail` key; no code ever runs.
 * Built-in defaults (`filepath: null`) when there is none. Throws ConfigError with every problem.
 *
 * Hot path: this module imports only node:fs/path and the cache; the parsers, the validator
 * and cosmiconfig are imported lazily on a cache miss.
 */
export async function loadConfig(root: string, options: LoadOptions = {}): Promise<LoadedConfig> {
  const rootDir = resolve(root);
  const explicit = options.configFile === undefined ? undefined : resolve(options.cwd ?? process.cwd(), options.configFile);
  const places = SEARCH_PLACES.map((place) => join(rootDir, place));
  const key = JSON.stringify({ root: rootDir, configFile: explicit ?? null });
  const stamps = options.cacheDir === undefined ? [] : stampFiles(explicit === undefined ? places : [...places, explicit]);
  if (options.cacheDir !== undefined) {
    const cached = readConfigCache(options.cacheDir, key, stamps);
    // The cache holds data only: the rules' matchers are compiled again (engine loaded only when there are rules).
    if (cached) return { ...cached, config: compileDetectRules(cached.config, cached.filepath === null ? 'config' : relative(rootDir, cached.filepath)) };
    // A hook's config cache is cold: what this run compiles (parsers, validator) is not what the next runs will.
    markOnceOnlyWork();
  }
  const loaded = explicit === undefined ? await searchRoot(rootDir) : await loadExplicit(explicit, options.configFile!);
  if (options.cacheDir !== undefined) writeConfigCache(options.cacheDir, key, stamps, loaded);
  return loaded;
}

/**
 * The files at the work tree's root `root` meant as a config under a name aitrail does not read
 * (`.aitrail.yml`: src/config/search-places.ts misnamedConfigs), for the commands that report the
 * policy in force (status, init, check without a base). Not the hooks: a listing of the root on every commit.
 */
export function misnamedInWorkTree(root: string, cwd?: string): MisnamedConfig[] {
  const filesIn = (dir: string): string[] => {
    try {
      return readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isFile() || entry.isSymbolicLink()).map((entry) => entry.name);
    } catch {
      return [];
    }
  };
  const names = filesIn(root);
  // cosmiconfig's `.config/` folder, only when it is a folder of the tree (not a link leading elsewhere).
  if (lstatSync(join(root, CONFIG_DIR_NAME), { throwIfNoEntry: false })?.isDirectory()) names.push(...filesIn(join(root, CONFIG_DIR_NAME)).map((name) => `${CONFIG_DIR_NAME}/${name}`));
  return [...misnamedConfigs(names), ...(cwd === undefined ? [] : configsBelowRoot(root, cwd))];
}

/**
 * A config in a folder between the work tree's top `root` and the directory a command runs in
 * (`packages/x/.aitrailrc.yml`, `packages/x/.aitrail.yml`, a `packages/x/package.json` with an
 * `aitrail` key: a monorepo package's own policy), which nothing reads: aitrail reads one config, at
 * the root, whatever folder it runs in. Named relative to the root; links and unreadable files skipped.
 */
export function configsBelowRoot(root: string, cwd: string): MisnamedConfig[] {
  let top: string;
  let here: string;
  try {
    top = realpathSync(root);
    here = realpathSync(cwd);
  } catch {
    return [];
  }
  const found: MisnamedConfig[] = [];
  const places: readonly string[] = SEARCH_PLACES;
  for (let dir = here; dir !== top && dir.startsWith(top + sep); dir = resolve(dir, '..')) {
    const folder = relative(top, dir).split(sep).join('/');
    let names: string[];
    try {
      names = readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name);
    } catch {
      continue;
    }
    const meant = new Set(misnamedConfigs(names).map(({ name }) => name));
    for (const name of names) {
      if (!meant.has(name) && !(places.includes(name) && (name !== 'package.json' || holdsAitrailKey(join(dir, name))))) continue;
      const target = places.includes(name) ? 'move it to the root' : rootHint(name);
      found.push({ name: `${folder}/${name}`, hint: `aitrail reads one config, at the repository root, whatever folder it runs in, not in ${folder}/: ${target}` });
    }
  }
  return found;
}

/** What a config below the root should become at the root. */
function rootHint(name: string): string {
  return misnamedConfigs([name])[0]?.hint.replace(/^not a name aitrail reads: rename it/, 'move it to the root as') ?? 'move it to the root';
}

/** A package.json (at most the package.json limit) whose top object has an `aitrail` key. */
function holdsAitrailKey(path: string): boolean {
  try {
    if (statSync(path).size > configLimit('package.json')) return false;
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) && Object.hasOwn(parsed, 'aitrail');
  } catch {
    return false;
  }
}

async function searchRoot(rootDir: string): Promise<LoadedConfig> {
  const unsafe = SEARCH_PLACES.flatMap((place) => {
    const problem = unsafeFile(join(rootDir, place), place, rootDir);
    return problem ? [problem] : [];
  });
  // A root name that shows as a search place and is not one (lookalike-places.ts): listed on a cache miss only.
  const shownAsPlace = rootNames(rootDir).filter(mayShowAsPlace);
  if (shownAsPlace.length > 0) {
    const { lookalikePlaceProblems } = await import('./lookalike-places.js');
    unsafe.push(...lookalikePlaceProblems(shownAsPlace, (name) => name));
  }
  if (unsafe.length > 0) throw new ConfigError(unsafe);
  const present = SEARCH_PLACES.filter((place) => isFile(join(rootDir, place)));
  if (present.length === 0) return { config: {}, filepath: null };
  const { createExplorer } = await import('./explorer.js');
  const explorer = await createExplorer();
  // Every place is read (not the first found): more than one config is an error, never a choice.
  const found: { place: string; filepath: string; file: ParsedFile | undefined }[] = [];
  for (const place of present) {
    const result = await explorer.load(join(rootDir, place)).catch((error: unknown) => {
      throw new ConfigError([{ file: place, path: '', found: `an unreadable file (${oneLine(error)})`, expected: 'a readable config file' }]);
    });
    const file = result?.config as ParsedFile | undefined;
    // package.json holds a config only under its `aitrail` key (an empty package.json has none).
    if (!result || (place === 'package.json' && file === undefined)) continue;
    found.push({ place, filepath: result.filepath, file });
  }
  const several = severalConfigsProblem(found.map(({ place }) => configFileLabel(place)));
  if (several) throw new ConfigError([several]);
  const [only] = found;
  if (!only) return { config: {}, filepath: null };
  return finish(only.filepath, relative(rootDir, only.filepath), only.file);
}

/** The names at the top of the work tree `rootDir` that are not directories (none when it cannot be listed). */
function rootNames(rootDir: string): string[] {
  try {
    return readdirSync(rootDir, { withFileTypes: true }).filter((entry) => !entry.isDirectory()).map((entry) => entry.name);
  } catch {
    return [];
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

async function loadExplicit(file: string, given: string): Promise<LoadedConfig> {
  const { formatOf } = await import('./parse-config-text.js');
  if (formatOf(file) === null) {
    throw new ConfigError([{ file: given, path: '', found: 'a JavaScript/TypeScript file', expected: 'a JSON or YAML file (config is data: aitrail never runs code from a config)' }]);
  }
  let missing = false;
  try {
    statSync(file);
  } catch {
    missing = true;
  }
  if (missing) throw new ConfigError([{ file: given, path: '', found: 'no such file', expected: 'an existing JSON or YAML config file (check the --config path)' }]);
  const unsafe = unsafeFile(file, given, null);
  if (unsafe) throw new ConfigError([unsafe]);
  const { createExplorer } = await import('./explorer.js');
  const explorer = await createExplorer();
  const result = await explorer.load(file).catch((error: unknown) => {
    throw new ConfigError([{ file: given, path: '', found: `an unreadable file (${oneLine(error)})`, expected: 'a readable JSON or YAML config file' }]);
  });
  if (!result) throw new ConfigError([{ file: given, path: '', found: 'a package.json without an "aitrail" key', expected: 'the config under the key "aitrail"' }]);
  return finish(result.filepath, given, result.config as ParsedFile | undefined);
}

/** Unwrap what the loader parsed and validate it (an empty file is an empty config). */
async function finish(filepath: string, name: string, file: ParsedFile | undefined): Promise<LoadedConfig> {
  const parsed = file?.parsed ?? { data: undefined };
  if (parsed.problem) throw new ConfigError([{ ...parsed.problem, file: name }]);
  const { validateConfig } = await import('./validate.js');
  const { config, problems } = validateConfig(parsed.data === undefined ? {} : parsed.data, name);
  if (!config) throw new ConfigError(problems);
  return { config, filepath };
}

/**
 * A problem when a candidate must not be read: not a regular file (a FIFO would hang the read,
 * a device never end), too big, or, in the search (`rootDir`), a symbolic link that leads out of
 * the repository, to a directory, to nothing or round in a loop (git records a link, never its
 * target: the committed config at a revision refuses every link, and the work tree must not read
 * what it refuses). Missing files are fine in the search (it skips them); a directory is not (FOLDER_EXPECTED).
 */
function unsafeFile(path: string, name: string, rootDir: string | null): ConfigProblem | null {
  const own = lstatSync(path, { throwIfNoEntry: false });
  if (own === undefined) return null; // nothing there
  const problem = (found: string, expected = 'a regular JSON or YAML file'): ConfigProblem => ({ file: name, path: '', found, expected });
  let stats;
  try {
    stats = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return problem('a symbolic link that leads round in a loop');
    return problem(code === 'ENOENT' || code === 'ENOTDIR' ? 'a dangling symbolic link' : `a symbolic link that cannot be followed (${oneLine(error)})`);
  }
  if (rootDir !== null && own.isSymbolicLink()) {
    let target: string | null;
    try {
      target = realpathSync(path);
    } catch {
      target = null;
    }
    const realRoot = realpathSync(rootDir);
    if (target === null || !target.startsWith(realRoot + sep)) return problem('a symbolic link leading out of the repository', 'a config file inside the repository');
    if (stats.isDirectory()) return problem('a symbolic link to a directory');
  }
  if (stats.isDirectory()) return rootDir === null ? problem('a directory') : problem('a directory', FOLDER_EXPECTED);
  if (!stats.isFile()) return problem('a special file (FIFO, socket or device)');
  const limit = configLimit(name);
  if (stats.size > limit) return problem(`a file of ${stats.size} bytes`, `at most ${limit} bytes`);
  return null;
}

function oneLine(error: unknown): string {
  const text = error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.message) : String(error);
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').slice(0, 100);
}
