import { isUtf8 } from 'node:buffer';
import { NO_FSMONITOR, runGitSync } from '../git/exec.js';

/**
 * Whether a work-tree file's bytes may not be the text git commits for it: a NUL byte in its first
 * 8,000 bytes (git's own binary test) or bytes that are not UTF-8. Only then is git asked for the
 * file's `working-tree-encoding` (one `git check-attr`): a UTF-8 file costs no process.
 */
export function maybeOtherEncoding(bytes: Buffer): boolean {
  return bytes.subarray(0, 8000).includes(0) || !isUtf8(bytes);
}

/**
 * git's `working-tree-encoding` attribute of `path` (repository-relative, `/`-separated) in the work
 * tree at `top` (`*.ps1 text working-tree-encoding=UTF-16LE eol=CRLF`, git's docs' example: the file
 * is UTF-16 in the work tree and UTF-8 in every commit), or null (none, or git could not answer).
 */
export function workTreeEncoding(top: string, path: string): string | null {
  try {
    const out = runGitSync([...NO_FSMONITOR, 'check-attr', '-z', 'working-tree-encoding', '--', path], { cwd: top });
    const value = out.split('\0')[2];
    return value && value !== 'unspecified' && value !== 'unset' && value !== 'set' ? value : null;
  } catch {
    return null;
  }
}

/**
 * The text git commits for `bytes` kept in the work tree as `encoding` (git converts to UTF-8 at
 * `git add`, dropping a byte order mark), or null when this reader cannot decode it: git's
 * `UTF-16`/`UTF-32` without a byte order mark, an encoding neither it nor the runtime knows (UTF-7, a
 * spelling its labels lack), or bytes invalid in it (git refuses to add those too).
 */
export function decodeWorkTree(bytes: Buffer, encoding: string): string | null {
  const text = decodeWhatwg(bytes, encoding);
  return text === null ? null : asIconvReads(text, encoding.toUpperCase());
}

/**
 * WHATWG's `shift_jis` and `euc-jp` decode Microsoft's CP932 table; git's iconv (glibc)
 * reads `SHIFT-JIS` (and its aliases) with JIS X 0201 Roman, whose 0x5C and 0x7E are `¥` and `‾`,
 * and both names with JIS X 0208's own six characters below (`WINDOWS-31J`/`MS932` are CP932 there too).
 */
const JIS_X_0208: Readonly<Record<string, string>> = { '\uff5e': '\u301c', '\u2225': '\u2016', '\uff0d': '\u2212', '\uffe0': '\u00a2', '\uffe1': '\u00a3', '\uffe2': '\u00ac' };
const JIS_ROMAN_NAMES = new Set(['SHIFT-JIS', 'SHIFT_JIS', 'SJIS', 'MS_KANJI', 'CSSHIFTJIS']);
const EUC_JP_NAMES = new Set(['EUC-JP', 'CSEUCPKDFMTJAPANESE']);

/**
 * iconv's ISO-8859-9 (Latin-5) names, which WHATWG reads as windows-1254: there 0x80-0x9F are `€`,
 * `‚`, `ƒ`…, in iconv (and ISO-8859-9) the C1 controls U+0080-U+009F; the other bytes agree.
 */
const LATIN5_NAMES = new Set(['ISO-8859-9', 'ISO_8859-9', 'ISO8859-9', 'ISO88599', 'ISO_8859-9:1989', 'LATIN5', 'L5', 'ISO-IR-148', 'CSISOLATIN5']);
/** iconv's Mac Roman names: glibc reads 0xC6 as U+0394 (WHATWG: U+2206) and 0xF0 as U+E01E (WHATWG: U+F8FF); the other bytes agree. */
const MAC_NAMES = new Set(['MACINTOSH', 'MAC', 'CSMACINTOSH']);
const MAC_ICONV: Readonly<Record<string, string>> = { '\u2206': '\u0394', '\uf8ff': '\ue01e' };

function asIconvReads(text: string, name: string): string {
  if (MAC_NAMES.has(name)) return text.replace(/[\u2206\uf8ff]/g, (char) => MAC_ICONV[char] ?? char);
  const roman = JIS_ROMAN_NAMES.has(name);
  if (!roman && !EUC_JP_NAMES.has(name)) return text;
  const jis = text.replace(/[\uff5e\u2225\uff0d\uffe0\uffe1\uffe2]/g, (char) => JIS_X_0208[char] ?? char);
  return roman ? jis.replace(/\\/g, '\u00a5').replace(/~/g, '\u203e') : jis;
}

/**
 * iconv's ISO-8859-1 under each name WHATWG reads as windows-1252 (whose 0x80-0x9F are `€`, `‚`…,
 * ISO-8859-1's C1 controls), its ASCII, which has no byte over 0x7F, and its CP1252, decoded here:
 * Node 20.18.3 and later read `windows-1252` as ISO-8859-1 (nodejs/node#60888), so `’` (0x92) would be
 * U+0092; iconv leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined (git refuses a file holding one).
 */
const CP1252_HIGH = '\u20ac\0\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\0\u017d\0\0\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\0\u017e\u0178';
const CP1252_NAMES = new Set(['CP1252', 'WINDOWS-1252', 'MS-ANSI']);

function decodeCp1252(bytes: Buffer): string | null {
  let text = '';
  for (const byte of bytes) {
    const char = byte >= 0x80 && byte < 0xa0 ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
    if (char === '\0' && byte !== 0) return null;
    text += char;
  }
  return text;
}

/** ISO-8859-9 as iconv reads it: windows-1254's table (one character a byte) but the C1 controls at 0x80-0x9F. */
function decodeLatin5(bytes: Buffer): string | null {
  let decoded: string;
  try {
    decoded = new TextDecoder('windows-1254').decode(bytes);
  } catch {
    return null;
  }
  if (decoded.length !== bytes.length) return null;
  let text = '';
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index]!;
    text += byte >= 0x80 && byte < 0xa0 ? String.fromCharCode(byte) : decoded[index];
  }
  return text;
}

/** `bytes` as UTF-32 in `order`, or null when they are not (a length not a multiple of 4, a unit past U+10FFFF or a surrogate). */
function decodeUtf32(bytes: Buffer, order: 'le' | 'be'): string | null {
  if (bytes.length % 4 !== 0) return null;
  const parts: string[] = [];
  for (let index = 0; index < bytes.length; index += 4) {
    const point = order === 'le' ? bytes.readUInt32LE(index) : bytes.readUInt32BE(index);
    if (point > 0x10ffff || (point >= 0xd800 && point <= 0xdfff)) return null;
    parts.push(String.fromCodePoint(point));
  }
  return parts.join('');
}

function decodeUtf16(bytes: Buffer, order: 'le' | 'be', keepBom: boolean): string | null {
  try {
    return new TextDecoder(`utf-16${order}`, { fatal: true, ignoreBOM: keepBom }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * glibc's other names of the wide encodings below (`iconv -l`), which git passes to iconv as
 * written: `UTF16LE`/`UTF16BE` (git's own BOM checks read them as `UTF-16LE`/`BE`), UCS-2's
 * (`UCS2`, `ISO-10646/UCS2`, `UNICODELITTLE`; `UNICODEBIG` is `UCS-2BE`), `CSUNICODE` (`UNICODE`,
 * its order from its mark: WHATWG's `csunicode` is always little-endian) and UCS-4's: big-endian
 * (`UCS-4`, `UCS4`, `UCS-4BE`, `ISO-10646/UCS4`, `CSUCS4`, `10646-1:1993`, `10646-1:1993/UCS4`,
 * `ISO-10646`) or little-endian (`UCS-4LE`, `WCHAR_T`: the machine's order), a leading mark kept as
 * the text's U+FEFF. Each was refused by name (or, `CSUNICODE` with a big-endian mark, read
 * byte-swapped): the agent's lines were not noted.
 */
const WIDE_ALIASES: Readonly<Record<string, string>> = {
  UTF16LE: 'UTF-16LE',
  UTF16BE: 'UTF-16BE',
  UCS2: 'UCS-2',
  'ISO-10646/UCS2': 'UCS-2',
  UNICODELITTLE: 'UCS-2',
  UNICODEBIG: 'UCS-2BE',
  CSUNICODE: 'UNICODE',
  UCS4: 'UCS-4',
  'UCS-4BE': 'UCS-4',
  'ISO-10646/UCS4': 'UCS-4',
  CSUCS4: 'UCS-4',
  '10646-1:1993': 'UCS-4',
  '10646-1:1993/UCS4': 'UCS-4',
  'ISO-10646': 'UCS-4',
  WCHAR_T: 'UCS-4LE',
  // git's own name: it writes a little-endian mark at checkout, but reads the work tree through iconv's
  // `UTF-16` (the mark says the order and is dropped; none: little-endian), so a big-endian file with its mark is committed as text.
  'UTF-16LE-BOM': 'UNICODE',
  'UTF16LE-BOM': 'UNICODE',
};

/**
 * The wide encodings git's iconv (glibc) reads otherwise than WHATWG's labels, or that the runtime
 * does not know: `UTF-32` (git requires its byte order mark, which says the order and is dropped),
 * `UTF-32LE`/`UTF-32BE` (git refuses a mark there); `UCS-2` (the machine's order: little-endian on
 * every machine aitrail runs on), `UCS-2LE`, `UCS-2BE`, which keep a leading mark as the text's
 * U+FEFF (WHATWG reads `ucs-2` as UTF-16LE and drops it); `UNICODE`, whose mark says the order (WHATWG:
 * always little-endian) and is dropped; `UTF-16LE`/`UTF-16BE` as WHATWG reads them; `UCS-4` (big-endian)
 * and `UCS-4LE`, which keep a leading mark as U+FEFF (glibc takes units up to 0x7FFFFFFF, written
 * as no UTF-8: refused here). Each by its glibc aliases (WIDE_ALIASES). Undefined for any other
 * name; null for bytes not in it.
 */
function decodeWide(bytes: Buffer, name: string): string | null | undefined {
  switch (WIDE_ALIASES[name] ?? name) {
    case 'UTF-32':
    case 'UTF32': {
      if (bytes.length < 4) return null;
      const order = bytes.readUInt32LE(0) === 0xfeff ? 'le' : bytes.readUInt32BE(0) === 0xfeff ? 'be' : null;
      return order === null ? null : decodeUtf32(bytes.subarray(4), order);
    }
    case 'UTF-32LE':
    case 'UTF32LE':
      return decodeUtf32(bytes, 'le');
    case 'UTF-32BE':
    case 'UTF32BE':
      return decodeUtf32(bytes, 'be');
    case 'UCS-2':
    case 'UCS-2LE':
      return decodeUtf16(bytes, 'le', true);
    case 'UCS-2BE':
      return decodeUtf16(bytes, 'be', true);
    case 'UNICODE':
      return bytes[0] === 0xfe && bytes[1] === 0xff ? decodeUtf16(bytes.subarray(2), 'be', true) : decodeUtf16(bytes, 'le', false);
    case 'UTF-16LE':
      return decodeUtf16(bytes, 'le', false);
    case 'UTF-16BE':
      return decodeUtf16(bytes, 'be', false);
    case 'UCS-4':
      return decodeUtf32(bytes, 'be');
    case 'UCS-4LE':
      return decodeUtf32(bytes, 'le');
    default:
      return undefined;
  }
}

const LATIN1_NAMES = new Set(['ISO-8859-1', 'ISO_8859-1', 'ISO8859-1', 'ISO88591', 'ISO_8859-1:1987', 'LATIN1', 'L1', 'CP819', 'IBM819', 'CSISOLATIN1', 'ISO-IR-100']);
const ASCII_NAMES = new Set(['ASCII', 'US-ASCII', 'ANSI_X3.4-1968']);

function decodeWhatwg(bytes: Buffer, encoding: string): string | null {
  const name = encoding.toUpperCase();
  if (LATIN1_NAMES.has(name)) return bytes.toString('latin1');
  if (ASCII_NAMES.has(name)) return bytes.some((byte) => byte > 0x7f) ? null : bytes.toString('latin1');
  if (CP1252_NAMES.has(name)) return decodeCp1252(bytes);
  if (LATIN5_NAMES.has(name)) return decodeLatin5(bytes);
  const wide = decodeWide(bytes, name);
  if (wide !== undefined) return wide;
  const bom = bytes[0] === 0xff && bytes[1] === 0xfe ? 'le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'be' : null;
  let label = name;
  if (name === 'UTF-16' || name === 'UTF16') {
    if (!bom) return null;
    label = `utf-16${bom}`;
  }
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
