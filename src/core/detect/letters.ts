/**
 * Letter patterns without Unicode's tables where the text is ASCII. V8 builds a pattern's Unicode
 * property classes (`\p{L}`, `\p{Lu}`, `\p{Ll}`) when the pattern is made, ~0.2-1 ms each on every
 * hook run that meets one; in ASCII text (nearly every trailer, name and address) they mean exactly
 * `[A-Za-z]`, `[A-Z]` and `[a-z]`. Each function gives the ASCII pattern for ASCII text and the
 * Unicode one otherwise (made only then). A unit test holds each pair equal. Pure.
 */
const NON_ASCII = /[^\x00-\x7f]/;

/** Whether `text` is all ASCII. */
export const isAscii = (text: string): boolean => !NON_ASCII.test(text);

/** Runs of letters (`\p{L}+`): a new global pattern, for `matchAll` over `text`. */
export const letterRuns = (text: string): RegExp => (isAscii(text) ? /[A-Za-z]+/g : /\p{L}+/gu);

/** Whether `text` is letters only, at least one (`^\p{L}+$`). */
export const onlyLetters = (text: string): boolean => (isAscii(text) ? /^[A-Za-z]+$/.test(text) : /^\p{L}+$/u.test(text));

/** Whether `text` is a capital and then small letters only (`^\p{Lu}\p{Ll}*$`: `Patsy`, `Émile`). */
export const capitalised = (text: string): boolean => (isAscii(text) ? /^[A-Z][a-z]*$/.test(text) : /^\p{Lu}\p{Ll}*$/u.test(text));

/** Where a joined word's parts meet (`-`, `_`, `.`, a lower-to-upper case change): a new global pattern, for `matchAll` or `split` of `word`. */
export const joints = (word: string): RegExp => (isAscii(word) ? /[-_.]|(?<=[a-z])(?=[A-Z])/g : /[-_.]|(?<=\p{Ll})(?=\p{Lu})/gu);
