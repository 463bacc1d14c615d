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
  for (let at = 0; at < source.length; at += 1) {
    const char = source[at]!;
    if (char === '\\') {
      const escaped = source[at + 1];
      at += 1;
      if (escaped === undefined || (/[A-Za-z0-9]/.test(escaped) && !/[sSdD]/.test(escaped))) return 'iu';
      if (!/[\x20-\x7e]/.test(escaped)) return 'iu';
      continue;
    }
    if (char === '[' || char === ']' || !/[\x20-\x7e]/.test(char) || /[A-Za-z]/.test(char)) return 'iu';
  }
  return 'u';
}
