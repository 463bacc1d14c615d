import type { Trailer } from '../types.js';
import { findTrailerBlock } from './block.js';
import { skipBlankLines } from './grammar.js';
import { blockTrailers } from './items.js';
import { commentCharOf, type TrailerOptions } from './options.js';

/**
 * The trailers of `message` exactly as `git interpret-trailers --parse` reads them (git 2.39):
 * key without the separator, value trimmed and unfolded. With `noDivider`, as
 * `--parse --no-divider` does.
 */
export function parseTrailers(message: string, options: TrailerOptions = {}): Trailer[] {
  return blockTrailers(findTrailerBlock(message, options), commentCharOf(options), true, options.separators);
}

/**
 * The trailers of a stored commit message as `git log --format=%(trailers:only,unfold)` shows
 * them: like `--parse --no-divider`, except that git log first skips blank lines at the top of
 * the message (so a leading blank line never makes the first paragraph a trailer block).
 */
export function parseCommitTrailers(message: string, options: Pick<TrailerOptions, 'commentChar' | 'separators'> = {}): Trailer[] {
  return parseTrailers(message.slice(skipBlankLines(message, 0)), { ...options, noDivider: true });
}
