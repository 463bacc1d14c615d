/** Where a key or a value sits: the keys of the objects holding it, outermost first (null: an array element). */
export type JsonPath = readonly (string | null)[];

export interface JsonKeyVisitor {
  /** A key that repeats a key of the same object (each repeat; `path` ends with it). Return true to stop. */
  duplicate?(key: string, offset: number, path: JsonPath): boolean | void;
  /** A string value (never a key), every occurrence, duplicated keys' too; `path` ends with its own key. */
  string?(path: JsonPath, value: () => string): void;
  /** A number value, every occurrence, as written (`3`, `3.0`, `1e2`, `-0`); `path` ends with its own key. */
  number?(path: JsonPath, raw: string): void;
  /** Every key, duplicated or not, with the offset just past its closing quote (jsonValueAfter reads its value); `path` ends with it. */
  key?(path: JsonPath, end: number): void;
}

/**
 * Walk the keys of `text`, JSON that JSON.parse accepted, reporting each repeated key and each
 * string value with where it sits. Keys are compared by value (`"\u0070olicy"` repeats `"policy"`),
 * as JSON.parse compares them when it silently keeps the last one. One linear pass, no recursion:
 * any nesting depth, any text another parser would stop at. `path` is live: copy what you keep.
 */
export function walkJsonKeys(text: string, visitor: JsonKeyVisitor): void {
  // One entry per open container: the keys of an object so far, or null for an array.
  const open: (Set<string> | null)[] = [];
  // The path: for each open container below the outermost, its key in its parent (null in an array),
  // then, inside an object, its key read last (the key whose value comes next).
  const path: (string | null)[] = [];
  let expectKey = false;
  for (let at = 0; at < text.length; at += 1) {
    const char = text.charCodeAt(at);
    if (char === QUOTE) {
      const end = stringEnd(text, at);
      const keys = open[open.length - 1];
      if (expectKey && keys) {
        const quoted = text.slice(at, end + 1);
        const key = quoted.includes('\\') ? (JSON.parse(quoted) as string) : quoted.slice(1, -1);
        path[open.length - 1] = key;
        visitor.key?.(path, end + 1);
        if (keys.has(key)) {
          if (visitor.duplicate?.(key, at, path) === true) return;
        } else keys.add(key);
      } else if (visitor.string && open.length > 0) {
        const start = at;
        visitor.string(path, () => JSON.parse(text.slice(start, end + 1)) as string);
      }
      expectKey = false;
      at = end;
    } else if (char === OPEN_OBJECT || char === OPEN_ARRAY) {
      open.push(char === OPEN_OBJECT ? new Set() : null);
      path.length = open.length;
      path[open.length - 1] = null;
      expectKey = char === OPEN_OBJECT;
    } else if (char === CLOSE_OBJECT || char === CLOSE_ARRAY) {
      open.pop();
      path.length = open.length;
    } else if (char === COMMA) {
      expectKey = open[open.length - 1] != null;
    } else if (visitor.number && (char === MINUS || (char >= DIGIT_0 && char <= DIGIT_9))) {
      let end = at + 1;
      while (end < text.length && NUMBER_CHARS.test(text[end]!)) end += 1;
      if (open.length > 0) visitor.number(path, text.slice(at, end));
      at = end - 1;
    }
  }
}

/**
 * The text of the value that follows the key ending at `end` (walkJsonKeys' `key`), in `text` that
 * JSON.parse accepted: the colon and spaces skipped, an object or array up to its closing bracket.
 */
export function jsonValueAfter(text: string, end: number): string {
  let start = text.indexOf(':', end) + 1;
  while (SPACE.has(text.charCodeAt(start))) start += 1;
  let depth = 0;
  for (let at = start; at < text.length; at += 1) {
    const char = text.charCodeAt(at);
    if (char === QUOTE) at = stringEnd(text, at);
    else if (char === OPEN_OBJECT || char === OPEN_ARRAY) depth += 1;
    else if (char === CLOSE_OBJECT || char === CLOSE_ARRAY || char === COMMA) {
      if (depth === 0) return text.slice(start, at).trimEnd();
      if (char !== COMMA) depth -= 1;
    }
    if (depth === 0 && (char === QUOTE || char === CLOSE_OBJECT || char === CLOSE_ARRAY)) return text.slice(start, at + 1);
  }
  return text.slice(start).trimEnd();
}

/**
 * The first key of `text` that repeats a key of the same object, with its offset, or null.
 * `text` is JSON that JSON.parse accepted (walkJsonKeys).
 */
export function duplicateJsonKey(text: string): { key: string; offset: number } | null {
  let found: { key: string; offset: number } | null = null;
  walkJsonKeys(text, {
    duplicate(key, offset) {
      found = { key, offset };
      return true;
    },
  });
  return found;
}

/**
 * Whether `text` gives some key twice in one object, `parsed` being JSON.parse(text): a quick test
 * (no key decoded nor remembered) for texts read often, before walkJsonKeys says which and where.
 * JSON.parse makes one own property of each key of an object but a repeated one, so the keys
 * written (each string followed by its colon) outnumber the properties exactly when a key repeats.
 */
export function repeatsAKey(text: string, parsed: unknown): boolean {
  let properties = 0;
  const stack: unknown[] = [parsed];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      for (const item of value) if (typeof item === 'object' && item !== null) stack.push(item);
      continue;
    }
    for (const key in value) {
      properties += 1;
      const item = (value as Record<string, unknown>)[key];
      if (typeof item === 'object' && item !== null) stack.push(item);
    }
  }
  let written = 0;
  for (let at = text.indexOf('"'); at !== -1; at = text.indexOf('"', at + 1)) {
    at = stringEnd(text, at);
    let next = at + 1;
    while (next < text.length && SPACE.has(text.charCodeAt(next))) next += 1;
    if (text.charCodeAt(next) === COLON) written += 1;
    if (written > properties) return true;
  }
  return false;
}

const [QUOTE, OPEN_OBJECT, OPEN_ARRAY, CLOSE_OBJECT, CLOSE_ARRAY, COMMA, BACKSLASH, COLON] = [...'"{[}],\\:'].map((char) => char.charCodeAt(0));
const MINUS = 0x2d;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
/** What a JSON number token holds after its first character. */
const NUMBER_CHARS = /^[0-9eE+.-]$/;
/** JSON's whitespace between tokens. */
const SPACE: ReadonlySet<number> = new Set([0x20, 0x09, 0x0a, 0x0d]);

/** The offset of the quote that closes the string opened at `start` (the next quote not escaped by an odd run of backslashes); the text's length when it ends first. */
export function stringEnd(text: string, start: number): number {
  let at = text.indexOf('"', start + 1);
  while (at !== -1) {
    let slashes = 0;
    while (text.charCodeAt(at - 1 - slashes) === BACKSLASH) slashes += 1;
    if (slashes % 2 === 0) return at;
    at = text.indexOf('"', at + 1);
  }
  return text.length;
}
