// Trailers exactly as git 2.39 reads them (trailer.c); see src/core/trailers/.
export type { TrailerOptions } from './trailers/options.js';
export { findTrailerBlock, type TrailerBlock } from './trailers/block.js';
export { parseCommitTrailers, parseTrailers } from './trailers/parse.js';
export { insertTrailers } from './trailers/insert.js';
