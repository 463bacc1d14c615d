import type { Identity } from './types.js';

/** Parse git's ident line `Name <email> 1700000000 +0000` (as `git var GIT_AUTHOR_IDENT` prints it). */
export function parseIdent(line: string): Identity | undefined {
  const match = /^(.*?) ?<([^<>]*)>(?: -?\d+ [+-]\d{4})?\s*$/.exec(line.replace(/\n$/, ''));
  if (!match) return undefined;
  return { name: match[1] ?? '', email: match[2] ?? '' };
}

/** git's `crud()` (ident.c): what `fmt_ident` strips from both ends of a name or address. */
const CRUD = /^[\x00-\x20.,:;<>"\\']$/;

/** git's `strbuf_addstr_without_crud` (ident.c): crud off both ends, then `\n`, `<` and `>` dropped. */
export function withoutCrud(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && CRUD.test(value[start]!)) start += 1;
  while (end > start && CRUD.test(value[end - 1]!)) end -= 1;
  return value.slice(start, end).replace(/[\n<>]/g, '');
}

/**
 * The identity `git var GIT_AUTHOR_IDENT` would print in this environment, read without starting
 * git, or `undefined` when only git can say. Exact only where git reads nothing but the
 * environment: GIT_AUTHOR_NAME and GIT_AUTHOR_EMAIL both set (git then reads no config, and
 * `git commit` exports both, already stripped, to its hooks), the name holding a character that is
 * not crud (else git var dies, or on old gits prints an empty name), GIT_AUTHOR_DATE unset, empty
 * or as `git commit` exports it (`@<seconds> <zone>`: any other text git parses or dies on), and no
 * U+FFFD (a byte that is not UTF-8, which node and git's output might decode apart). Stripped as
 * git's `fmt_ident` strips them and read back through parseIdent, as the git call's answer is.
 */
export function authorIdentFromEnv(env: Readonly<Record<string, string | undefined>>): Identity | undefined {
  const { GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: email, GIT_AUTHOR_DATE: date } = env;
  if (name === undefined || email === undefined) return undefined;
  if (date !== undefined && date !== '' && !/^@\d{1,10} [+-](?:0\d|1[0-4])[0-5]\d$/.test(date)) return undefined;
  if (name.includes('\uFFFD') || email.includes('\uFFFD')) return undefined;
  const stripped = withoutCrud(name);
  if (stripped === '') return undefined;
  return parseIdent(`${stripped} <${withoutCrud(email)}> 0 +0000`);
}
