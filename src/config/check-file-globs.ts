import type { ConfigProblem } from './config-error.js';
import { quote } from './config-error.js';
import { trimTrailing } from '../core/trim-run.js';
import { isCommaList } from './comma-list.js';
import { misreadRangeReason } from './check-model-globs.js';
import { READABLE_PATTERNS } from '../core/detect/readable.js';

/**
 * Why a file glob can match no path git names, or null. Git paths use `/` between directories and
 * hold no `.`, `..` or empty segment, so a glob written with Windows separators (`src\crypto\**`:
 * in a glob a backslash escapes the next character, so it reads `srccrypto*`), or with such a
 * segment inside it (`src/./crypto/**`, `src//crypto/**`), matches nothing: a path rule would
 * protect nothing and a blame exclude leave everything in, without a word. A leading `/` or `./`
 * and a trailing `/` are read as people mean them (glob-matcher.ts). A backslash is an escape only
 * before a bracket, brace, parenthesis, `!`, `+`, `@` or `,` (a folder such as Next.js'
 * `app/\[locale\]/**`); before anything else it is a Windows separator (a literal `*` or `?` is
 * written as a class: `[*]`, `[?]`).
 */
const ESCAPABLE = new Set(['[', ']', '{', '}', '(', ')', '!', '+', '@', ',']);

export function deadGlobReason(glob: string): string | null {
  for (let at = glob.indexOf('\\'); at !== -1; at = glob.indexOf('\\', at + 2)) {
    const next = glob[at + 1];
    if (next === undefined || !ESCAPABLE.has(next)) return `a backslash${next === undefined ? ' at its end' : ` before ${JSON.stringify(next)}`} (in a glob it escapes the next character: write / between directories; a backslash escapes only [ ] { } ( ) ! + @ , and a literal * or ? is written [*], [?])`;
  }
  const blank = blankEdge(glob) ?? lookalikeSyntax(glob) ?? mixedScript(glob);
  if (blank !== null) return blank;
  const body = trimTrailing(glob.replace(/^\/+/, '').replace(/^\.\/+/, ''), '/');
  if (body.split('/').some((segment) => segment === '.' || segment === '..' || segment === '')) return 'a ".", ".." or empty segment (git paths hold none: write the path from the repository root, one / between directories)';
  return null;
}

/**
 * White space at either end of a glob or of one of its names (`"src/crypto/** "`, `"src/crypto /**"`),
 * or a space that is not U+0020 anywhere (a no-break space, U+2000-U+200A, U+3000…): each is a
 * character of the name to the matcher, so `src/crypto/**<U+00A0>` (unquoted: YAML trims only spaces
 * and tabs) protects nothing while a diff shows `src/crypto/**`. A name git holds rarely ends in a
 * space (Windows refuses one); one that does is written with a class (`notes[ ]`).
 */
function blankEdge(glob: string): string | null {
  const other = /[^\S \t\r\n]/u.exec(glob);
  if (other) return `U+${other[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} at character ${other.index + 1} (a space a screen shows as U+0020, which no path it protects holds: write an ordinary space)`;
  const edge = glob.split('/').findIndex((name) => /^\s|\s$/.test(name));
  if (edge !== -1) return 'white space at the start or end of a name (a screen hides it; the glob matches only names that hold it: delete it, or write a name that really ends in a space with a class, "notes[ ]")';
  const alternative = blankAlternative(glob);
  if (alternative === null) return null;
  return `white space at the start or end of the alternative ${quote(alternative)} of a {…} list (each alternative is read as written, so "*.{ts, tsx}" matches ".ts" and ". tsx", never ".tsx": write {ts,tsx}, no space beside a comma or brace)`;
}

/**
 * The first alternative of a `{a,b}` list with white space at an end (`*.{ts, tsx}`, `{keys ,crypto}`),
 * else null: people write a space after a comma as in prose, and the matcher reads ` tsx`, so a rule
 * said to cover `.tsx` files covers none (careless truth, 768). A brace or comma escaped with `\`,
 * or inside a class `[…]`, is a character of a name; a `{` with no `}` after it is one too.
 */
function blankAlternative(glob: string): string | null {
  if (!glob.includes('{') || !glob.includes('}')) return null;
  const starts: number[] = [];
  for (let at = 0; at < glob.length; at += 1) {
    const char = glob[at];
    if (char === '\\') at += 1;
    else if (char === '[') {
      const end = glob.indexOf(']', at + 2);
      if (end !== -1) at = end;
    } else if (char === '{') starts.push(at + 1);
    else if (starts.length > 0 && (char === ',' || char === '}')) {
      const from = char === ',' ? starts[starts.length - 1]! : starts.pop()!;
      const text = glob.slice(from, at);
      if (/^\s|\s$/.test(text)) return text;
      if (char === ',') starts[starts.length - 1] = at + 1;
    }
  }
  return null;
}

/** Characters that show as a glob's `*` or `/` and are none to the matcher, which NFKC leaves as they are. */
const SYNTAX_LOOKALIKES = new Map([
  ['\u2217', '*'], ['\u204e', '*'], ['\u2055', '*'], ['\u22c6', '*'], ['\u2731', '*'], ['\u066d', '*'],
  ['\u2215', '/'], ['\u2044', '/'], ['\u29f8', '/'],
]);

/**
 * A character that shows as glob syntax and is a character of a name to the matcher (771):
 * `src/crypto/∗∗` (U+2217, the asterisk operator), `src/crypto/＊＊` (fullwidth), `src∕crypto/**`
 * (U+2215, the division slash) read as `src/crypto/**` in a diff and protect a name no one has.
 * The fullwidth and small forms NFKC reads as `/ * ? [ ] { }`, and the table above; a fullwidth
 * comma or parenthesis, common in CJK names, is read as written.
 */
function lookalikeSyntax(glob: string): string | null {
  if (!/[^\x00-\x7f]/.test(glob)) return null;
  let at = 0;
  for (const char of glob) {
    const shown = SYNTAX_LOOKALIKES.get(char) ?? (char > '\x7f' && /^[/*?[\]{}]$/.test(char.normalize('NFKC')) ? char.normalize('NFKC') : null);
    if (shown !== null) return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} at character ${at + 1}, which shows as ${quote(shown)} and is a character of a name to the matcher (the glob matches a name no one has: write ${quote(shown)})`;
    at += char.length;
  }
  return null;
}

let lookalikes: Map<string, string> | undefined;

/**
 * A word of the glob that mixes ASCII letters with a letter of another script that looks
 * like a Latin one (`src/<U+0441>rypto/**`, a Cyrillic es; `src/<U+A731>ecure/**`, a small capital s):
 * a diff shows `src/crypto/**` and the rule protects a folder no one has. A word all of one script
 * (`src/документы/**`) is read as written. The lookalikes are row 24's (readable.ts LOOKALIKE_PAIRS), and
 * every letter NFKC reads as an ASCII one (fullwidth, mathematical alphanumerics: 770).
 */
function mixedScript(glob: string): string | null {
  if (!/[^\x00-\x7f]/.test(glob)) return null;
  if (lookalikes === undefined) {
    lookalikes = new Map();
    const pairs = READABLE_PATTERNS.LOOKALIKE_PAIRS;
    for (let at = 0; at < pairs.length; at += 2) lookalikes.set(pairs[at]!, pairs[at + 1]!);
  }
  // The words as a reader runs the glob's letters together: its syntax taken out (`src/[с]rypto/**`,
  // `src/с*rypto/**` and `src/{с,с}rypto/**` read as `src/crypto/**`), alternatives kept apart, and
  // so a class with a range (`[a-zа-я]`: any letter of two alphabets, no word),
  // unless a range runs from a lookalike to a lookalike (`[с-ѕ]` shows as `[c-s]`) or a lookalike
  // stands in the class alone (`[0-9с]` shows as `[0-9c]`).
  // A letter of the table, or a Latin letter of another block (fullwidth `ｃ`, mathematical `𝖼`: 770), which NFKC reads as ASCII.
  const isLookalike = (letter: string): boolean => lookalikes!.has(letter) || (letter > '\x7f' && /^[A-Za-z]$/.test(letter.normalize('NFKC')));
  const ranged = glob.normalize('NFC').replace(/\[([^\]]+)\]/g, (_, body: string) => {
    const members = body.replace(/^[!^]/, '');
    const ranges = [...members.matchAll(/(.)-(.)/gsu)];
    const alone = [...members.replace(/(.)-(.)/gsu, ' ')].some(isLookalike);
    return ranges.length > 0 && !alone && !ranges.some(([, from, to]) => isLookalike(from!) && isLookalike(to!)) ? ' ' : body;
  });
  const letters = ranged.replace(/[[\]{}*?!()+@\\]/g, '').replace(/[,|]/g, ' ');
  for (const [word] of letters.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
    if (!/[A-Za-z]/.test(word)) {
      // A word all of lookalikes shows as a Latin one (`src/**/*.с` as `*.c`, `*.ру` as `*.py`: 772);
      // not one of fullwidth letters, which shows wide (a Japanese `Ｑ＆Ａ`).
      const all = [...word].filter((letter) => /\p{L}/u.test(letter));
      if (all.length === 0 || !all.every((letter) => isLookalike(letter) && !/[\uff00-\uffef]/.test(letter))) continue;
      const shown = [...word].map((letter) => lookalikes!.get(letter) ?? (isLookalike(letter) ? letter.normalize('NFKC') : letter)).join('');
      const codes = [...new Set(all)].slice(0, 4).map((letter) => `U+${letter.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
      return `${quote(word)}, a word all of letters of another script or block (${codes.join(', ')}) that shows as the Latin ${quote(shown)} (the glob matches a name no one reads there: write the Latin word; for a name really so written, write ? in place of each such letter)`;
    }
    const char = [...word].find(isLookalike);
    if (char === undefined) continue;
    const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    return `${code} in ${quote(word)}, a letter of another script or block that shows as the Latin ${quote(lookalikes.get(char) ?? char.normalize('NFKC'))} among Latin letters (the glob matches a name no one reads there: write the Latin letter; for a name that really holds that letter, a Turkish "ı" say, write ? in its place)`;
  }
  return null;
}

/**
 * Most file globs all path rules may hold together. Every changed path of every judged commit is
 * matched against the rules (pre-receive, `check`, pre-push, commit-msg): an index narrows the
 * globs tried to those that may match (glob-index.ts), but globs written to defeat it (`**\/?a?b`,
 * many sharing one name) are each tried on every path, at 1 to 3 µs a glob: 10,000 keep a
 * 300-file commit within about 10 s even so (the schema alone let 500 rules × 1,000 globs in).
 */
export const MAX_PATH_GLOBS = 10_000;

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Every file glob of a config (`policy.paths[].files`, `blame.include`, `blame.exclude`) must be
 * able to match a path git names (deadGlobReason) and hold no brace range picomatch misreads (misreadRangeReason, row 908). No I/O; ignores shapes the schema already rejects.
 */
export function checkFileGlobs(data: unknown, file: string): ConfigProblem[] {
  if (!isObject(data)) return [];
  const lists: [string, unknown][] = [];
  const { policy, blame } = data;
  if (isObject(policy) && Array.isArray(policy.paths)) policy.paths.forEach((rule: unknown, index) => isObject(rule) && lists.push([`/policy/paths/${index}/files`, rule.files]));
  if (isObject(blame)) for (const key of ['include', 'exclude'] as const) lists.push([`/blame/${key}`, blame[key]]);
  const problems: ConfigProblem[] = [];
  const pathGlobs = lists.reduce((sum, [pointer, globs]) => sum + (pointer.startsWith('/policy/') && Array.isArray(globs) ? globs.length : 0), 0);
  if (pathGlobs > MAX_PATH_GLOBS) {
    problems.push({ file, path: '/policy/paths', found: `${pathGlobs} file globs in all its rules`, expected: `at most ${MAX_PATH_GLOBS} file globs in all path rules together (every changed path is matched against them): name directories ("services/**") rather than each file, or merge rules` });
  }
  for (const [pointer, globs] of lists) {
    if (!Array.isArray(globs)) continue;
    globs.forEach((glob: unknown, index) => {
      if (typeof glob !== 'string') return;
      const reason = deadGlobReason(glob);
      if (reason !== null) problems.push({ file, path: `${pointer}/${index}`, found: `${quote(glob)}, which holds ${reason}`, expected: 'a glob that can match a path git names, such as "src/crypto/**"' });
      // A list in one string matches no file: a path rule that protects nothing, a report that counts nothing.
      else if (misreadRangeReason(glob) !== null) problems.push({ file, path: `${pointer}/${index}`, found: `${quote(glob)}, which holds ${misreadRangeReason(glob)!}`, expected: 'a class or a brace list, such as "src/v{10,11,12}/**" or "src/v1[0-2]/**"' });
      else if (isCommaList(glob)) problems.push({ file, path: `${pointer}/${index}`, found: `${quote(glob)}, one glob whose commas are characters of a file name (it matches no file)`, expected: `one glob per list item (${commaItems(glob)}), or the choices in braces ("{${glob}}")` });
    });
  }
  return problems;
}

/** The list a comma-separated glob was meant as, written as list items. */
function commaItems(glob: string): string {
  return glob.split(',').filter((part) => part !== '').slice(0, 4).map((part) => quote(part)).join(', ');
}
