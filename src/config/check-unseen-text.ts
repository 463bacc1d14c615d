import type { ConfigProblem } from './config-error.js';
import { quote } from './config-error.js';

/**
 * Characters a screen does not show (soft hyphen, zero-width space, joiners and non-joiners, word
 * joiner, invisible operators, bidi marks, BOM, Hangul fillers, variation selectors, tag characters,
 * and every other default-ignorable code point, which a renderer draws as nothing even unassigned:
 * U+E01F0-U+E0FFF, the musical formatting marks U+1D173-U+1D17A, U+1BCA0-U+1BCA3, U+FFF0-U+FFF8)
 * and U+FFFD, which is what bytes that are not UTF-8 are read as. In a config string they make a
 * reviewer read one value and aitrail another: `files: ["src/cry<U+200B>pto/**"]` reads
 * `src/crypto/**` in a pull request's diff and in a terminal, and protects nothing.
 */
let unseenRegExp: RegExp | undefined;
/** Made on first use (unseen()): the `\p{…}` classes are read through ICU when an expression is made, ~0.1-0.3 ms of every hook run that loads this module at load, for a config that is rarely read (src/core/sanitize.ts unsafeChars). */
const unseen = (): RegExp => (unseenRegExp ??= /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffd\u{e0000}-\u{e01ef}\p{Default_Ignorable_Code_Point}]/gu);
/** What may carry a zero-width joiner or an emoji variation selector: an emoji (`👨‍💻`, `⚠️`, `❤️‍🔥`). */
let emojiRegExp: RegExp | undefined;
const emoji = (): RegExp => (emojiRegExp ??= /[\p{Extended_Pictographic}\p{Emoji_Modifier}\ufe0f]$/u);

/** The first character of `text` a reviewer cannot see, with its offset, or null. */
export function unseenChar(text: string): { char: string; index: number } | null {
  for (const match of text.matchAll(unseen())) {
    const char = match[0];
    if ((char === '\u200d' || char === '\ufe0e' || char === '\ufe0f') && emoji().test(text.slice(Math.max(0, match.index - 2), match.index))) continue;
    return { char, index: match.index };
  }
  return null;
}

function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

function pointer(path: readonly (string | number)[]): string {
  return path.map((part) => `/${String(part).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

function problem(file: string, path: readonly (string | number)[], text: string, isKey: boolean): ConfigProblem | null {
  const found = unseenChar(text);
  if (!found) return null;
  // quote() escapes what sanitize knows; the other invisible characters are shown by their code point here.
  const shown = quote(text).replace(unseen(), (char) => `\\u{${char.codePointAt(0)!.toString(16)}}`);
  const what = `${isKey ? 'the key ' : ''}${shown}, which holds ${codePoint(found.char)} at character ${found.index + 1}`;
  if (found.char === '\ufffd') return { file, path: pointer(path), found: `${what} (bytes that are not UTF-8, or a replacement character)`, expected: 'UTF-8 text (save the file as UTF-8)' };
  return { file, path: pointer(path), found: `${what} (a character no screen shows: a reviewer reads another ${isKey ? 'key' : 'value'} than aitrail does)`, expected: 'visible characters only (delete it; write the value as it reads)' };
}

/**
 * Every key and string of the parsed config that holds a character no screen shows (unseen(); an
 * emoji keeps its joiners and variation selectors), or U+FFFD. Comments are not data and are not
 * looked at. Pure; `data` is a plain tree (parseConfigText refused shared nodes and deep nesting).
 */
export function checkUnseenText(data: unknown, file: string): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: data, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      const found = problem(file, path, value, false);
      if (found) problems.push(found);
    } else if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index -= 1) stack.push({ value: value[index], path: [...path, index] });
    } else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value);
      for (const [key] of entries) {
        const found = problem(file, [...path, key], key, true);
        if (found) problems.push(found);
      }
      for (let index = entries.length - 1; index >= 0; index -= 1) stack.push({ value: entries[index]![1], path: [...path, entries[index]![0]] });
    }
  }
  return problems;
}
