import type { Trailer } from '../types.js';
import type { TrailerBlock } from './block.js';
import { findSeparator, trimGitSpace, unfoldValue } from './grammar.js';

/**
 * The trailers of a block as git's `process_input_file` reads them: comment lines skipped, lines
 * without a `<token>:` prefix left out, key and value trimmed (value unfolded when asked).
 */
export function blockTrailers(block: TrailerBlock, commentChar: string, unfold: boolean, separators = ':'): Trailer[] {
  const trailers: Trailer[] = [];
  for (const line of block.lines) {
    if (line[0] === commentChar) continue;
    const separator = findSeparator(line, 0, separators);
    if (separator < 1) continue;
    const value = trimGitSpace(line.slice(separator + 1));
    trailers.push({ key: trimGitSpace(line.slice(0, separator)), value: unfold ? unfoldValue(value) : value });
  }
  return trailers;
}
