import { ConfigError } from '../config/config-error.js';
import { ExitCode, type ExitCodeValue } from '../core/exit-codes.js';
import { UsageError } from './usage-error.js';

/**
 * The exit code an error means (DESIGN.md): 2 for bad usage or an invalid config; 3 for
 * everything else: git errors (a shallow clone lacking history included), files that cannot be
 * read or written, anything unexpected.
 */
export function exitCodeOf(error: unknown): ExitCodeValue {
  return error instanceof ConfigError || error instanceof UsageError ? ExitCode.usage : ExitCode.git;
}
