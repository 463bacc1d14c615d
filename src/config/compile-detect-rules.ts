import type { Config } from '../core/types.js';
import { checkPatterns } from './check-patterns.js';
import { ConfigError } from './config-error.js';

/**
 * Give every `detect.rules` pattern of an already validated config its linear-time matcher
 * (a config read back from the config cache, or built by a program): detection refuses rules
 * without one. Throws ConfigError when a pattern cannot run in linear time. Loads the regex
 * engine only when there are rules.
 */
export function compileDetectRules<T extends Config>(config: T, file: string): T {
  if (!config.detect?.rules?.length) return config;
  const problems = checkPatterns(config, file);
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
