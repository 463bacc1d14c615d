/**
 * A glob written as a comma-separated list of globs (`*.py,*.js`, `src/crypto/**,src/keys/**`): a
 * comma is no glob syntax (outside braces it is a character of a file name), so such a glob matches
 * no file: a report counts nothing, a path rule protects nothing, without a word. It is one when two
 * or more different parts that a comma outside `{…}`, `[…]` and an extglob's `(…)` splits it into hold a wildcard (`*`,
 * `?`, `[`); a name with a comma (`a,b.py`, RCS's `*,v`, `*,*`: the same part twice lists nothing)
 * is not one, nor a comma escaped (`\,`).
 */
export function isCommaList(glob: string): boolean {
  const parts: string[] = [];
  let depth = 0;
  let bracket = false;
  let from = 0;
  for (let at = 0; at < glob.length; at += 1) {
    const char = glob[at];
    if (char === '\\') at += 1;
    else if (bracket) bracket = char !== ']';
    else if (char === '[') bracket = true;
    else if (char === '{') depth += 1;
    else if (char === '}') depth = Math.max(0, depth - 1);
    // An extglob's pattern list (`!(x,y)`, `@(a|b)`): a comma in it is a character of the name.
    else if (char === '(' && at > 0 && '!?+*@'.includes(glob[at - 1] ?? '')) depth += 1;
    else if (char === ')' && depth > 0) depth -= 1;
    else if (char === ',' && depth === 0) {
      parts.push(glob.slice(from, at));
      from = at + 1;
    }
  }
  parts.push(glob.slice(from));
  return new Set(parts.filter((part) => /[*?[]/.test(part))).size >= 2;
}
