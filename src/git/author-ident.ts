import { runGitSync } from './exec.js';
import { parseIdent } from '../core/ident.js';
import type { Identity } from '../core/types.js';

/** The author identity a commit made now would get (`git var GIT_AUTHOR_IDENT`), or `undefined` when none is configured. */
export function authorIdentSync(cwd: string, env?: Record<string, string | undefined>): Identity | undefined {
  try {
    return parseIdent(runGitSync(['var', 'GIT_AUTHOR_IDENT'], { cwd, ...(env ? { env } : {}) }));
  } catch {
    return undefined;
  }
}
