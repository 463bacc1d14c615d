/**
 * The flags a signature's expression is compiled with: `iu` (without case, Unicode), or just `u`
 * when case cannot change what it matches, which V8 compiles ~20x faster: `.` under `iu` alone
 * cost every agent's hook ~0.6 ms (V8 closes the whole Unicode range over case).
 *
 * Case cannot matter when the expression names no cased character: every character of it is
 * printable ASCII other than a letter, and every escape is `\s`, `\S`, `\d`, `\D` or a
 * punctuation character's own. No class (`[!-~]` spans the letters, and under `iu` the Kelvin
 * sign and the long s with them), no letter anywhere (a literal, a group's name, `\w`, `\b`,
 * `\p{…}`, `\u…`), no backreference (compared without case). Under simple case folding no
 * character outside the letters folds to or from such a character, so both flags match the same
 * texts (a unit test compares them over every code point class that could differ).
 */
export function signatureFlags(source: string): 'iu' | 'u' {
  // Character codes, not regular expressions: each of those was compiled by every agent's hook that ran a signature.
  for (let at = 0; at < source.length; at += 1) {
    const code = source.charCodeAt(at);
    if (code === 0x5c) {
      at += 1;
      if (at >= source.length) return 'iu';
      const escaped = source.charCodeAt(at);
      if (isAsciiLetterOrDigit(escaped) && !ESCAPES_WITHOUT_CASE.includes(source[at]!)) return 'iu';
      if (!isPrintableAscii(escaped)) return 'iu';
      continue;
    }
    if (code === 0x5b || code === 0x5d || !isPrintableAscii(code) || isAsciiLetter(code)) return 'iu';
  }
  return 'u';
}

/** The letter escapes that name no cased character: `\s`, `\S`, `\d`, `\D`. */
const ESCAPES_WITHOUT_CASE = 'sSdD';
const isPrintableAscii = (code: number): boolean => code >= 0x20 && code <= 0x7e;
const isAsciiLetter = (code: number): boolean => (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
const isAsciiLetterOrDigit = (code: number): boolean => isAsciiLetter(code) || (code >= 0x30 && code <= 0x39);

/** What `.` matches (no `s` flag): every code point but the four line terminators, spelled as a class. */
const NOT_A_LINE_END = '[^\\n\\r\\u2028\\u2029]';

/**
 * `source` with each `.` outside a class spelled as the class of what it matches: the same texts
 * (no character folds to or from a line terminator), and V8 compiles the class ~4x faster under
 * `iu` (it closes the whole range `.` stands for over case). Escapes and classes are kept as they
 * are; a source this reading does not follow (an unclosed class) is returned unchanged.
 */
export function withoutDots(source: string): string {
  let out = '';
  let inClass = false;
  for (let at = 0; at < source.length; at += 1) {
    const char = source[at]!;
    if (char === '\\') {
      out += source.slice(at, at + 2);
      at += 1;
    } else if (inClass) {
      out += char;
      if (char === ']') inClass = false;
    } else if (char === '[') {
      out += char;
      inClass = true;
    } else out += char === '.' ? NOT_A_LINE_END : char;
  }
  return inClass ? source : out;
}

/** A built-in signature's expression as it is run: without case and Unicode (signatureFlags, withoutDots). */
export function signatureRegExp(source: string): RegExp {
  const flags = signatureFlags(source);
  return new RegExp(flags === 'u' ? source : withoutDots(source), flags);
}
