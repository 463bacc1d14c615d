import { ConfigError } from '../config/config-error.js';
import { resolveConfig, type ResolvedConfig } from '../config/defaults.js';

/** The config a hook works with, and a one-line warning when the repository's config is unusable. */
export interface HookConfig {
  config: ResolvedConfig;
  warning?: string;
}

/**
 * Load the config for a hook, cached under `<gitDir>/aitrail` so a warm hook never loads the YAML
 * and schema libraries. Never throws: an invalid config (also more than one config file, all named
 * in the warning) yields the defaults plus a warning; commit-msg then refuses the commit (exit 2).
 */
export async function loadHookConfig(root: string, gitDir: string): Promise<HookConfig> {
  try {
    const { cachedIn, loadConfig } = await import('../config/load.js');
    const loaded = await loadConfig(root, cachedIn({ gitDir, bare: false }));
    return { config: resolveConfig(loaded.config) };
  } catch (error) {
    const problem = error instanceof ConfigError ? 'invalid config' : 'cannot load config';
    const first = error instanceof Error ? (error.message.split('\n').find((line) => /^\s+-?\s*\S/.test(line)) ?? error.message.split('\n')[0] ?? '') : String(error);
    return { config: resolveConfig({}), warning: `${problem} (${first.trim()}): the commit-msg hook refuses commits until it is fixed ('aitrail status' lists every problem); the trailer is recorded with the built-in defaults.` };
  }
}
