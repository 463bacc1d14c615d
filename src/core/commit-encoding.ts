/** The encoding git shows a commit in (`--encoding=UTF-8`): a header naming it changes nothing. */
const UTF8 = /^utf-?8$/i;
/**
 * Encodings git re-encodes a commit from without touching its ASCII bytes (a latin1 project's
 * commits). Any other `encoding` header (EBCDIC, UTF-16, ISO-2022-JP, a name iconv lacks) can make
 * what git shows (the message, and the author and committer, which git re-encodes with it) differ
 * from the bytes stored; under these, so can a commit holding any character past ASCII (UTF-8
 * stored under `encoding ISO-8859-1` shows as mojibake: a model's name in Chinese, an author's name,
 * read as nothing; GBK bytes read as UTF-8 are no Chinese name).
 */
const ASCII_SAFE = /^((us-)?ascii|iso[-_]?8859-\d+|latin-?\d|(windows|cp)-?125\d|euc-?(jp|kr|cn)|shift[-_]?jis|sjis|gbk|gb2312|gb18030|big5|koi8-?[ru])$/i;
/** A character past ASCII. */
const PAST_ASCII = /[^\x00-\x7f]/;

/**
 * Whether git may show a commit stored under `encoding <encoding>` (undefined: no such header)
 * otherwise than its stored bytes read as UTF-8 (`texts`: those bytes so read) say.
 */
export function showsOtherwise(encoding: string | undefined, texts: readonly string[]): boolean {
  const name = encoding?.trim();
  if (name === undefined || name === '' || UTF8.test(name)) return false;
  if (!ASCII_SAFE.test(name)) return true;
  return texts.some((text) => PAST_ASCII.test(text));
}
