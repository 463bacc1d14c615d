import type { ConfigProblem } from './config-error.js';
import { escapeText, quote } from './config-error.js';
import { duplicateJsonKey } from '../core/duplicate-json-key.js';

/** How a config file is read: JSON, YAML (which also reads JSON), or the `aitrail` key of a package.json. */
export type ConfigFormat = 'json' | 'yaml' | 'package';

/** `data` is `undefined` when the file exists but holds no config (empty, or no `aitrail` key in package.json). */
export type Parsed = { data: unknown; problem?: undefined } | { data?: undefined; problem: ConfigProblem };

const MAX_DEPTH = 32;

/** The first line of every Git LFS pointer file (git-lfs spec v1; pointers of the pre-release spec named `hawser`). */
const LFS_POINTER = /^version https:\/\/(?:git-lfs\.github\.com\/spec\/v1|hawser\.github\.com\/spec\/v1)\r?\n/;

/** The format of a search place or `--config` file, by name; `null` for code (never executed). */
export function formatOf(path: string): ConfigFormat | null {
  const base = path.replace(/^.*[\\/]/, '');
  if (base === 'package.json') return 'package';
  if (/\.(c|m)?[jt]sx?$/i.test(base)) return null;
  if (/\.json$/i.test(base)) return 'json';
  return 'yaml';
}

/**
 * Parse config text as data only: JSON.parse, or js-yaml's safe `load` with the core schema
 * (no custom tags, no dates), loaded lazily. Duplicate keys, YAML aliases, very deep nesting and
 * characters a screen shows otherwise than the parser reads them (screenOnly) are problems. Never throws.
 */
export async function parseConfigText(text: string, format: ConfigFormat, file: string): Promise<Parsed> {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // UTF-16 and UTF-32 (which editors on Windows save, and a diff shows as text) read as UTF-8 hold NUL bytes.
  if (source.includes('\u0000')) {
    const utf16 = /^\ufffd\ufffd/.test(source) ? 'a UTF-16 or UTF-32 byte-order mark and ' : '';
    return { problem: { file, path: '', found: `${utf16}NUL bytes (a UTF-16 or UTF-32 file, or not text)`, expected: 'UTF-8 text (save the file as UTF-8)' } };
  }
  // A Git LFS pointer (`.gitattributes` puts the config under `filter=lfs`): the reviewed text is in LFS's store, never read.
  if (LFS_POINTER.test(source)) {
    return { problem: { file, path: '', found: 'a Git LFS pointer, not the config (.gitattributes stores this file with LFS: a checkout with git-lfs shows the config, while aitrail reads the committed bytes, as the server and CI do)', expected: 'the config committed as a plain file (drop its filter=lfs line from .gitattributes, then git add --renormalize it)' } };
  }
  // A screen breaks a line or reorders text where the parser does neither: what a reviewer reads is not what judges.
  const unseen = format === 'package' ? null : screenOnly(source);
  if (unseen) return { problem: { ...unseen, file } };
  let data: unknown;
  if (format === 'yaml') {
    const carriage = loneCarriageReturn(source, 'yaml');
    if (carriage) return { problem: { ...carriage, file } };
    const control = controlCharacter(source);
    if (control) return { problem: { ...control, file } };
    if (source.trim() === '') return { data: undefined };
    const yaml = await import('js-yaml');
    const folded = foldedPlainScalars(source);
    try {
      data = yaml.load(source, { schema: yaml.CORE_SCHEMA, filename: 'config', listener: folded.listener });
    } catch (error) {
      return { problem: yamlProblem(error, file) };
    }
    if (folded.first) return { problem: { ...foldedProblem(source, folded.first), file } };
    if (data === null) data = undefined; // only comments (or `~`): an empty config
  } else {
    // A lone CR in JSON's own config (package.json's: below, once the file holds the key).
    const carriage = format === 'json' ? loneCarriageReturn(source, 'json') : null;
    if (carriage) return { problem: { ...carriage, file } };
    try {
      data = JSON.parse(source);
    } catch (error) {
      return { problem: await jsonProblem(error, source, file, format) };
    }
    // A package.json without the key holds no config: its other keys (a duplicated script name,
    // which npm accepts) are not ours to judge, and must not break every command and hook.
    if (format === 'package' && (data === null || typeof data !== 'object' || Array.isArray(data) || !Object.prototype.hasOwnProperty.call(data, 'aitrail'))) {
      return { data: undefined };
    }
    const unseenInPackage = screenOnly(source) ?? (format === 'package' ? loneCarriageReturn(source, 'json') : null);
    if (unseenInPackage) return { problem: { ...unseenInPackage, file } };
    const duplicate = duplicateKey(source);
    if (duplicate) return { problem: { ...duplicate, file } };
    if (format === 'package') data = (data as Record<string, unknown>).aitrail;
  }
  const shape = treeProblem(data);
  if (shape) return { problem: { file, path: '', found: shape, expected: 'plain data: no aliases, at most 32 levels deep' } };
  return { data };
}

function yamlProblem(error: unknown, file: string): ConfigProblem {
  const { reason, mark } = error as { reason?: string; mark?: { line: number; column: number } };
  const where = mark ? ` at line ${mark.line + 1}, column ${mark.column + 1}` : '';
  const what = escapeText(String(reason ?? (error as Error).message ?? error)).slice(0, 120);
  return { file, path: '', found: `malformed YAML${where} (${what})`, expected: 'valid YAML or JSON' };
}

async function jsonProblem(error: unknown, text: string, file: string, format: ConfigFormat): Promise<ConfigProblem> {
  const message = String((error as Error).message ?? error);
  const position = /at position (\d+)/.exec(message);
  const offset = position ? Number(position[1]) : /end of JSON input/.test(message) ? text.length : offsetFromContext(message, text);
  let where = '';
  if (offset !== undefined) {
    where = ` at ${lineColumn(text, offset)}`;
  } else {
    // V8 gives no position for "Unexpected token"; js-yaml (YAML reads JSON) usually can.
    const yaml = await import('js-yaml');
    try {
      yaml.load(text, { schema: yaml.JSON_SCHEMA });
    } catch (yamlError) {
      const mark = (yamlError as { mark?: { line: number; column: number } }).mark;
      if (mark) where = ` at line ${mark.line + 1}, column ${mark.column + 1}`;
    }
  }
  // Drop V8's quoted copy of the input ("…" is not valid JSON) and the position: said above.
  const reason = escapeText(message.replace(/, (\.\.\.)?".*" is not valid JSON$/s, '').replace(/ in JSON at position \d+.*$/s, '')).slice(0, 120);
  const expected = format === 'package' ? 'valid JSON (package.json can hold the config under the key "aitrail")' : 'valid JSON';
  return { file, path: '', found: `malformed JSON${where} (${reason})`, expected };
}

/**
 * V8 reports "Unexpected token" without a position, quoting up to 10 characters either side
 * of it instead (`Unexpected token ']', ..."qwen/*",]}" is not valid JSON`): find that context.
 */
function offsetFromContext(message: string, text: string): number | undefined {
  const match = /^Unexpected token .*?, (\.\.\.)?"([^]*)"(\.\.\.)? is not valid JSON$/.exec(message);
  if (!match) return undefined;
  const [, before, context, after] = match;
  const index = text.indexOf(context!);
  if (index === -1 || text.indexOf(context!, index + 1) !== -1) return undefined;
  if (before) return index + 10;
  if (after) return index + context!.length - 10;
  return undefined;
}

/**
 * `line L, column C` of the character at `offset` (a UTF-16 index) in `text`, 1-based; the column
 * counted in characters (code points), as an editor counts them: an emoji before it is one.
 */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${[...before[before.length - 1]!].length + 1}`;
}

/**
 * NEL (U+0085), the line and paragraph separators (U+2028, U+2029), and the bidirectional
 * embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069). Unicode's line breaking
 * makes the first three mandatory breaks, so a browser (a pull request's diff) shows a new line
 * there, while YAML 1.2 (js-yaml) reads no line break: `# note<U+2028>  deny: ["qwen/*"]` is one
 * comment to the parser and a comment above a deny to a reviewer. The bidi controls show text in
 * another order than it is read (Trojan Source). None belongs in a config; a quoted string can
 * still hold one as an escape (`"\u2028"`), which a reviewer sees.
 */
const SCREEN_ONLY = /[\u0085\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function screenOnly(text: string): Omit<ConfigProblem, 'file'> | null {
  const match = SCREEN_ONLY.exec(text);
  if (!match) return null;
  const char = match[0];
  const where = lineColumn(text, match.index);
  const code = `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  const shown = /[\u0085\u2028\u2029]/.test(char) ? 'which a screen shows as a line break and the parser reads as none' : 'a bidirectional control, which shows text in another order than it is read';
  return { path: '', found: `${code} at ${where} (${shown})`, expected: 'plain text: no U+0085, U+2028, U+2029 or bidirectional control characters (write one as an escape in a quoted string)' };
}

/**
 * A carriage return with more of its line after it (not before a line feed, another CR or the end):
 * YAML reads it as a line break, so what follows is a line of its own, but `git diff` (less shows it
 * as `^M` inside the line) and a terminal's `cat` do not: `  # Qwen stays out, see SEC-1234\r$schema: |`
 * reads as a comment to a reviewer, and to the parser as a top-level `$schema` whose block scalar
 * swallows the `  deny: ["qwen/*"]` below it. CRLF, `\r\r\n` and a CR at the end stay readable.
 * In JSON (which reads a CR between tokens as a blank) a terminal (`cat`, `git --no-pager diff`, a CI
 * log) returns to the line's start and writes the rest over it: `  "detect": {"aliases": {"qwen/qwen3-coder":
 * "internal/llm"}},\r  "$schema": "…",` shows the `$schema` line alone, and the hidden alias takes the commit past a deny of `qwen/*`.
 */
function loneCarriageReturn(text: string, format: 'yaml' | 'json'): Omit<ConfigProblem, 'file'> | null {
  const match = /\r(?=[^\r\n])/.exec(text);
  if (!match) return null;
  const where = lineColumn(text, match.index);
  const read = format === 'yaml' ? 'YAML reads a line break there; a diff shows one line, the rest after ^M' : 'JSON reads a blank there; a terminal returns to the start of the line and writes the rest over what came before';
  return {
    path: '',
    found: `a carriage return (U+000D) inside a line at ${where} (${read})`,
    expected: 'line breaks as LF or CRLF only (save the file with Unix or Windows line endings)',
  };
}

/**
 * A control character other than tab and the line breaks (C0, DEL, C1), which js-yaml takes inside a
 * comment: a terminal (`cat`, `git --no-pager diff`, `git show | cat`, a CI log) runs it, so
 * `  #\b\b\b  deny: ["qwen/*"]` (backspaces back over the `#`) or `  #\x1b[1G  deny: ["qwen/*"]` (the
 * cursor sent to column 1) shows the very deny line it replaced, while YAML reads a comment. None
 * belongs in a config; a quoted string can still hold one as an escape (`"\t"`, `"\e"`), which a reviewer sees.
 */
function controlCharacter(text: string): Omit<ConfigProblem, 'file'> | null {
  const match = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.exec(text);
  if (!match) return null;
  const where = lineColumn(text, match.index);
  const code = `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  return {
    path: '',
    found: `a control character (${code}) at ${where} (a terminal acts on it: a backspace or escape sequence can show a comment as the line it replaced)`,
    expected: 'plain text: no control characters but tab (write one as an escape in a quoted string)',
  };
}

/** What js-yaml hands its `listener` (js-yaml 4's State: the fields read here). */
interface YamlState {
  position: number;
  kind: string | null;
  result: unknown;
}

/**
 * A listener for js-yaml that keeps the first plain (unquoted, not `|`/`>`) scalar written over more
 * than one line: YAML folds its lines into one string joined by spaces, so under `files:` the lines
 * `- src/crypto/**` and, indented deeper, `- src/keys/**` are ONE glob, `src/crypto/** - src/keys/**`,
 * which matches no file: a reviewer reads two protected folders (a nested or mis-indented item) and
 * neither is protected. An honest config has no such value (a long one is quoted, or a block scalar).
 */
function foldedPlainScalars(source: string): { listener: (event: string, state: YamlState) => void; first: { start: number; value: string } | null } {
  const opened: number[] = [];
  const found: { listener: (event: string, state: YamlState) => void; first: { start: number; value: string } | null } = {
    first: null,
    listener: (event, state) => {
      if (event === 'open') {
        opened.push(state.position);
        return;
      }
      const start = opened.pop();
      if (found.first !== null || start === undefined || state.kind !== 'scalar' || typeof state.result !== 'string') return;
      // The node's text without its properties (`!tag`, `&anchor`) and the blanks and comments around them
      // (`deny: # why\n    qwen/*` is one line of value: a plain value never starts with `#`).
      const span = source.slice(start, state.position);
      const lead = /^(?:\s|#[^\r\n]*)*(?:[!&]\S*(?:\s|#[^\r\n]*)*)*/.exec(span)![0].length;
      const text = span.slice(lead).replace(/\s+$/, '');
      if (/^["'|>]/.test(text) || !/[\r\n]/.test(text)) return;
      found.first = { start: start + lead, value: state.result };
    },
  };
  return found;
}

function foldedProblem(source: string, first: { start: number; value: string }): Omit<ConfigProblem, 'file'> {
  return {
    path: '',
    found: `a plain value over more than one line at ${lineColumn(source, first.start)}, which YAML reads as one value, ${quote(first.value, 80)} (its lines joined by spaces: a line indented deeper than the item above continues that item, even one that starts with "- ")`,
    expected: 'each value on one line (a list item indented as the items beside it; a long value quoted, or written as a block scalar with | or >)',
  };
}

/** JSON.parse silently keeps the last of duplicate keys; a reviewer would read the first. */
function duplicateKey(text: string): Omit<ConfigProblem, 'file'> | null {
  const duplicate = duplicateJsonKey(text);
  if (!duplicate) return null;
  const where = lineColumn(text, duplicate.offset);
  return { path: '', found: `a duplicated key ${quote(duplicate.key, 60)} at ${where}`, expected: 'each key once per object' };
}

/** A description of why parsed data is not a plain tree (shared nodes from YAML aliases, too deep), or null. */
function treeProblem(root: unknown): string | null {
  const seen = new Set<object>();
  const stack: { value: unknown; depth: number }[] = [{ value: root, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (seen.has(value)) return 'a YAML alias (*name) reusing a node';
    seen.add(value);
    if (depth >= MAX_DEPTH) return `nesting deeper than ${MAX_DEPTH} levels`;
    for (const child of Object.values(value)) stack.push({ value: child, depth: depth + 1 });
  }
  return null;
}
