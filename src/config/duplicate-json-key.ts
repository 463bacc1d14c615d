/**
 * The first key of `text` that repeats a key of the same object, with its offset, or null.
 * `text` is JSON that JSON.parse accepted. Keys are compared by value (`"\u0070olicy"` repeats
 * `"policy"`), as JSON.parse compares them when it silently keeps the last one. One linear pass,
 * no recursion: any nesting depth, any text another parser would stop at.
 */
export function duplicateJsonKey(text: string): { key: string; offset: number } | null {
  // One entry per open container: the keys of an object so far, or null for an array.
  const open: (Set<string> | null)[] = [];
  let expectKey = false;
  for (let at = 0; at < text.length; at += 1) {
    const char = text[at];
    if (char === '"') {
      const end = stringEnd(text, at);
      const keys = open[open.length - 1];
      if (expectKey && keys) {
        const key = JSON.parse(text.slice(at, end + 1)) as string;
        if (keys.has(key)) return { key, offset: at };
        keys.add(key);
      }
      expectKey = false;
      at = end;
    } else if (char === '{' || char === '[') {
      open.push(char === '{' ? new Set() : null);
      expectKey = char === '{';
    } else if (char === '}' || char === ']') {
      open.pop();
    } else if (char === ',') {
      expectKey = open[open.length - 1] != null;
    }
  }
  return null;
}

/** The offset of the quote that closes the string opened at `start`. */
function stringEnd(text: string, start: number): number {
  let at = start + 1;
  while (at < text.length && text[at] !== '"') at += text[at] === '\\' ? 2 : 1;
  return at;
}
