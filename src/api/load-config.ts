import type { LoadedConfig } from '../core/types.js';
import { loadConfig as loadRepositoryConfig } from '../config/load.js';
import { locateRepo } from '../git/repo.js';

export interface LoadConfigOptions {
  /** A directory inside the repository: the config is searched at its top. */
  cwd: string;
  /** A config file instead of the search, relative to `cwd`. */
  config?: string;
}

/**
 * The config in force for the repository containing `cwd`, validated, its `detect.rules`
 * compiled for the linear-time engine (ready for detect()): `{ config, filepath }`, `filepath`
 * null for the built-in defaults. Data only, nothing from the repository runs. Throws
 * ConfigError (every problem at once) or GitError (not a repository).
 */
export async function loadConfig(options: LoadConfigOptions): Promise<LoadedConfig> {
  const { root } = await locateRepo(options.cwd);
  return loadRepositoryConfig(root, options.config === undefined ? {} : { configFile: options.config, cwd: options.cwd });
}
