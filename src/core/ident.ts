import type { Identity } from './types.js';

/** Parse git's ident line `Name <email> 1700000000 +0000` (as `git var GIT_AUTHOR_IDENT` prints it). */
export function parseIdent(line: string): Identity | undefined {
  const match = /^(.*?) ?<([^<>]*)>(?: -?\d+ [+-]\d{4})?\s*$/.exec(line.replace(/\n$/, ''));
  if (!match) return undefined;
  return { name: match[1] ?? '', email: match[2] ?? '' };
}
