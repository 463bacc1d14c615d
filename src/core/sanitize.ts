/**
 * Characters never shown raw: C0/C1 controls, DEL, soft hyphen, every bidi control (ALM U+061C,
 * LRM/RLM, U+202A-U+202E, U+2066-U+2069), invisible format characters (U+180E, U+200B-U+200D,
 * U+2060-U+206F, U+FEFF, U+FFF9-U+FFFB), line/paragraph separators.
 */
export const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;

/**
 * Neutralise hostile text before it reaches a terminal or a report: control characters,
 * escape sequences (CSI/OSC), bidi overrides and other invisible format characters become
 * visible `\xNN` / `\u{…}` escapes. Newlines are escaped too unless `keepNewlines`.
 */
export function sanitize(text: string, options: { keepNewlines?: boolean; max?: number } = {}): string {
  const max = options.max ?? 100_000;
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return cut.replace(UNSAFE_CHARS, (ch) => {
    if (ch === '\n' && options.keepNewlines) return ch;
    if (ch === '\t' && options.keepNewlines) return ch;
    const code = ch.charCodeAt(0);
    if (ch === '\n') return '\\n';
    if (ch === '\r') return '\\r';
    if (ch === '\t') return '\\t';
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
}

const unicodeEscape = (char: string): string => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Every unsafe character (UNSAFE_CHARS) as a `\uXXXX` escape: inert text that JSON and JavaScript read back unchanged. */
export function escapeUnsafe(text: string): string {
  return text.replace(UNSAFE_CHARS, unicodeEscape);
}

/**
 * JSON text for every JSON output (log, check, status, blame, trend): strings keep their exact
 * values (a path with a newline parses back to that path) but the bytes hold no control, escape,
 * bidi or invisible character — JSON.stringify escapes C0 controls itself, escapeUnsafe the rest
 * of the one UNSAFE_CHARS set.
 */
export function safeJson(value: unknown, indent?: number): string {
  // Raw line breaks in JSON text are only the indentation's (inside strings JSON.stringify wrote `\n`).
  return JSON.stringify(value, null, indent).replace(UNSAFE_CHARS, (char) => (char === '\n' ? char : unicodeEscape(char)));
}
