import type { RuleMatcher } from '../core/types.js';
import { estimateProgramSize } from './program-size.js';

/**
 * Most instructions one pattern may compile to. Matching is linear in the text, but each character
 * can move every instruction's thread: `x{1,1000}y` (2,002) costs a 4,096-character body 0.2 s.
 * Hand-written signatures are tens of instructions (`^acme-ai \((.+)\)` is 17).
 */
export const MAX_PATTERN_PROGRAM = 1000;

type Re2js = typeof import('re2js');

let engine: Re2js | undefined;

/**
 * re2js (a pure-JS port of RE2: linear time, no backtracking), loaded on first use only: a
 * config without `detect.rules` never pays for it (hooks stay fast). Synchronous so that config
 * validation stays a plain function.
 */
function re2(): Re2js {
  // node:module when first needed: loading it cost every hook ~0.5 ms.
  engine ??= process.getBuiltinModule('node:module').createRequire(import.meta.url)('re2js') as Re2js;
  return engine;
}

/** `size`: the instructions the pattern compiled to (also when that is why it is refused). */
export type CompiledPattern = { matcher: RuleMatcher; groups: number; size: number } | { unsupported: string; size?: number };

/**
 * JavaScript's `\uXXXX` and `\u{…}` escapes in RE2's spelling (`\x{…}`); everything else as written.
 * Escaped backslashes are kept as they are (`\\u` is a backslash and a `u`).
 */
function translateEscapes(pattern: string): string {
  return pattern.replace(/\\(?:u([0-9a-fA-F]{4})|u\{([0-9a-fA-F]{1,6})\}|[\s\S])/g, (whole, four?: string, braced?: string) => {
    const hex = four ?? braced;
    return hex === undefined ? whole : `\\x{${hex}}`;
  });
}

/** What RE2 refused, in the words of the JavaScript feature a user reached for. */
function unsupported(raw: string): string {
  // re2js spells the case-insensitive flag as a `(?i)` prefix of the pattern: not the user's text.
  const message = raw.replace(/`\(\?i\)/g, '`');
  const token = /`([^`]*)`\s*$/.exec(message)?.[1] ?? '';
  if (/^\\[1-9]/.test(token)) return `backreferences (${token}) are not supported`;
  if (token.startsWith('\\k')) return 'named backreferences (\\k<name>) are not supported';
  if (/^\(\?(?:=|!)/.test(token)) return 'lookahead ((?=…), (?!…)) is not supported';
  if (/^\(\?<(?:=|!)/.test(token)) return 'lookbehind ((?<=…), (?<!…)) is not supported';
  if (token.startsWith('(?>')) return 'atomic groups ((?>…)) are not supported';
  if (/[*+?}]\+$/.test(token)) return 'possessive quantifiers (a++, a*+) are not supported';
  return message.replace(/^error parsing regexp: /, '');
}

const compiled = new Map<string, CompiledPattern>();

/**
 * A `detect.rules` pattern compiled case-insensitively in RE2 syntax (what JavaScript regexes
 * share with it, plus `\uXXXX`), or why it cannot run in linear time (backreferences,
 * lookaround…). The matcher finds the first match anywhere in the text, as `RegExp.exec` does.
 */
export function compileRulePattern(pattern: string): CompiledPattern {
  const known = compiled.get(pattern);
  if (known) return known;
  const translated = translateEscapes(pattern);
  // Read from the text first: compiling a pattern that expands to 300,000 instructions is the cost
  // refused. The estimate can be high (RE2 folds `a|b|c` into one class): the compiled size decides.
  const estimate = estimateProgramSize(translated);
  if (estimate > 4 * MAX_PATTERN_PROGRAM) return remember(pattern, { unsupported: tooLarge(`about ${estimate}`) });
  const { RE2JS } = re2();
  let result: CompiledPattern;
  try {
    const regex = RE2JS.compile(translated, RE2JS.CASE_INSENSITIVE);
    const size = regex.programSize();
    if (size > MAX_PATTERN_PROGRAM) return remember(pattern, { unsupported: tooLarge(String(size)), size });
    const groups = regex.groupCount();
    const matcher: RuleMatcher = (text) => {
      const match = regex.matcher(text);
      if (!match.find()) return null;
      return Array.from({ length: groups + 1 }, (_, index) => match.group(index) ?? undefined);
    };
    result = { matcher, groups, size };
  } catch (error) {
    result = { unsupported: unsupported(error instanceof Error ? error.message : String(error)) };
  }
  return remember(pattern, result);
}

function remember(pattern: string, result: CompiledPattern): CompiledPattern {
  compiled.set(pattern, result);
  return result;
}

function tooLarge(size: string): string {
  return `it expands to ${size} instructions (counted repetitions such as {1,1000} repeat what they follow), at most ${MAX_PATTERN_PROGRAM}`;
}
