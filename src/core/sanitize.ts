/**
 * unsafeChars(): characters never shown raw: C0/C1 controls, DEL, soft hyphen, every bidi control (ALM U+061C,
 * LRM/RLM, U+202A-U+202E, U+2066-U+2069), invisible format characters (U+180E, U+200B-U+200D,
 * U+2060-U+206F, U+FEFF, U+FFF9-U+FFFB), line/paragraph separators, and what a screen draws as
 * nothing or as a blank (the set `check-unseen-text.ts` refuses in a policy): the combining grapheme
 * joiner U+034F, Khmer's inherent vowels U+17B4-U+17B5, Mongolian's selectors U+180B-U+180F, the
 * Hangul fillers (U+115F, U+1160, U+3164, U+FFA0), variation selectors (U+FE00-U+FE0F,
 * U+E0100-U+E01EF) and the tag characters U+E0000-U+E007F, which spell hidden ASCII a language
 * model reads ("ASCII smuggling"): `lib/a.ts` followed by tags read as `lib/a.ts` on every report;
 * and every other default-ignorable code point (`\p{Default_Ignorable_Code_Point}`), which Unicode
 * tells a renderer to draw as nothing even unassigned: the rest of U+E0000-U+E0FFF (U+E0080, U+E01F0…),
 * the musical formatting marks U+1D173-U+1D17A, the shorthand format controls U+1BCA0-U+1BCA3, U+FFF0-U+FFF8.
 */
let unsafeCharsRegExp: RegExp | undefined;
/**
 * The expression, made on first use: a `\p{…}` class is read through ICU when the
 * expression is made, not when it first runs, and a module-level literal cost every hook run ~0.3 ms
 * of CPU at load (most hook runs never sanitize a thing). One object, as the literal was: `replace`
 * with a `g` expression starts at 0 and leaves lastIndex at 0.
 */
export const unsafeChars = (): RegExp => (unsafeCharsRegExp ??= /[\u0000-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb\u{e0000}-\u{e007f}\u{e0100}-\u{e01ef}\p{Default_Ignorable_Code_Point}]/gu);

/**
 * What a CI runner runs as a command ANYWHERE in a log line, not only at its start: GitHub Actions'
 * legacy `##[add-mask]…`, `##[stop-commands]…`, `##[error]…` (actions/runner's ActionCommand.TryParse
 * looks for `##[` with IndexOf, after the `::` form failed) and Azure Pipelines' `##vso[…]`. Its `[`
 * is what `sanitize` shows escaped (`\x5b`) and JSON writes as `\u005b` (the same string read back).
 */
export const RUNNER_COMMAND_OPENER = /(##(?:vso)?)\[/gi;

/**
 * Whether every UTF-16 unit of `text` is printable ASCII (U+0020-U+007E), where unsafeChars() finds
 * nothing: such a text is shown as it is without making that expression, whose `\p{…}` class is
 * read through ICU when it is made (~0.3-0.5 ms of CPU: an agent's commit hook made it for its one
 * all-ASCII `unknown-model` warning). A loop, not an expression: nothing to compile.
 */
function printableAscii(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || code > 0x7e) return false;
  }
  return true;
}

/**
 * Neutralise hostile text before it reaches a terminal or a report: control characters,
 * escape sequences (CSI/OSC), bidi overrides and other invisible format characters become
 * visible `\xNN` / `\u{…}` escapes. Newlines are escaped too unless `keepNewlines`. A CI runner's
 * command opener (`##[`, `##vso[`) is shown as `##\x5b` unless `insideRunnerCommand`: text inside a
 * `::error …::` line the runner has already read as that command, where the file name must stay exact.
 */
export function sanitize(text: string, options: { keepNewlines?: boolean; max?: number; insideRunnerCommand?: boolean } = {}): string {
  const max = options.max ?? 100_000;
  const cut = text.length > max ? `${text.slice(0, max).replace(/[\ud800-\udbff]$/, '')}…` : text;
  const opened = options.insideRunnerCommand || !cut.includes('##') ? cut : cut.replace(RUNNER_COMMAND_OPENER, '$1\\x5b');
  const shown = printableAscii(opened) ? opened : opened.replace(unsafeChars(), (ch) => {
    if (ch === '\n' && options.keepNewlines) return ch;
    if (ch === '\t' && options.keepNewlines) return ch;
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\n') return '\\n';
    if (ch === '\r') return '\\r';
    if (ch === '\t') return '\\t';
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
  // A kept line break can put quoted input at a line's start: a runner runs `::add-mask::…` there
  // (after blanks: actions/runner trims them first), so that line's first colon is shown escaped.
  // Blanks within the line only (`\s*` also took line breaks: from every line start a scan over all the
  // blank lines below, quadratic: 100,000 newlines took 40 s); the colon it finds is the same one.
  return options.keepNewlines ? shown.replace(/^([^\S\n]*):(?=:)/gm, '$1\\x3a') : shown;
}

/** `\uXXXX` for each UTF-16 unit of `char` (a tag character is a surrogate pair: `\udb40\udc68`, which JSON reads back as the one character). */
const unicodeEscape = (char: string): string => [...Array(char.length).keys()].map((index) => `\\u${char.charCodeAt(index).toString(16).padStart(4, '0')}`).join('');

/** Every unsafe character (unsafeChars()) as a `\uXXXX` escape: inert text that JSON and JavaScript read back unchanged. */
export function escapeUnsafe(text: string): string {
  return printableAscii(text) ? text : text.replace(unsafeChars(), unicodeEscape);
}

/**
 * JSON text for every JSON output (log, check, status, blame, trend): strings keep their exact
 * values (a path with a newline parses back to that path) but the bytes hold no control, escape,
 * bidi or invisible character — JSON.stringify escapes C0 controls itself, escapeUnsafe the rest
 * of the one unsafeChars() set.
 */
export function safeJson(value: unknown, indent?: number): string {
  // Raw line breaks in JSON text are only the indentation's (inside strings JSON.stringify wrote `\n`).
  return JSON.stringify(value, null, indent)
    .replace(unsafeChars(), (char) => (char === '\n' ? char : unicodeEscape(char)))
    .replace(RUNNER_COMMAND_OPENER, '$1\\u005b');
}
