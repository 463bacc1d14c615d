import { commitSignals } from '../core/commit-signals.js';
import { detectCommit } from '../core/detect.js';
import type { Attribution, Config, Identity } from '../core/types.js';
import { ConfigError } from '../config/config-error.js';
import { detectOptionsOf } from '../config/defaults.js';
import { validateConfig } from '../config/validate.js';

/** A commit as detection reads it: its whole message and identities. */
export interface DetectInput {
  /** The whole message (subject, body, trailers), as stored. */
  message: string;
  author: Identity;
  /** Default: the author. */
  committer?: Identity;
}

export interface DetectOptions {
  /** A config (from loadConfig, or built by the program: validated and its rules compiled here). Default: built-in defaults. */
  config?: Config;
}

/**
 * Which AI models and agents a stored commit carries the signature of (trailers, agent
 * identities, subject and body markers, the config's `detect.rules` and aliases), each with its
 * evidence. Empty = a human commit. Pure: no git, no environment. Throws ConfigError for an invalid config.
 */
export function detect(commit: DetectInput, options: DetectOptions = {}): Attribution[] {
  const config = options.config === undefined ? {} : validated(options.config);
  const signals = commitSignals({ message: commit.message, author: commit.author, committer: commit.committer ?? commit.author });
  return detectCommit(signals, detectOptionsOf(config));
}

function validated(config: Config): Config {
  const { config: valid, problems } = validateConfig(config, 'config');
  if (!valid) throw new ConfigError(problems);
  return valid;
}
