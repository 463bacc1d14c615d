import type { ConfigProblem } from './config-error.js';
import { escapeText, quote } from './config-error.js';
import { duplicateJsonKey } from './duplicate-json-key.js';

/** How a config file is read: JSON, YAML (which also reads JSON), or the `aitrail` key of a package.json. */
export type ConfigFormat = 'json' | 'yaml' | 'package';

/** `data` is `undefined` when the file exists but holds no config (empty, or no `aitrail` key in package.json). */
export type Parsed = { data: unknown; problem?: undefined } | { data?: undefined; problem: ConfigProblem };

const MAX_DEPTH = 32;

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
 * (no custom tags, no dates), loaded lazily. Duplicate keys, YAML aliases and very deep nesting
 * are problems. Never throws.
 */
export async function parseConfigText(text: string, format: ConfigFormat, file: string): Promise<Parsed> {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let data: unknown;
  if (format === 'yaml') {
    if (source.trim() === '') return { data: undefined };
    const yaml = await import('js-yaml');
    try {
      data = yaml.load(source, { schema: yaml.CORE_SCHEMA, filename: 'config' });
    } catch (error) {
      return { problem: yamlProblem(error, file) };
    }
    if (data === null) data = undefined; // only comments (or `~`): an empty config
  } else {
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
    const before = text.slice(0, offset).split('\n');
    where = ` at line ${before.length}, column ${before[before.length - 1]!.length + 1}`;
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

/** JSON.parse silently keeps the last of duplicate keys; a reviewer would read the first. */
function duplicateKey(text: string): Omit<ConfigProblem, 'file'> | null {
  const duplicate = duplicateJsonKey(text);
  if (!duplicate) return null;
  const before = text.slice(0, duplicate.offset).split('\n');
  const where = `line ${before.length}, column ${before[before.length - 1]!.length + 1}`;
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
