/**
 * `range` split at its first `..` as git reads `A..B` and `A...B` (a ref name never holds `..`): the text before it,
 * the dots (two, or three when a third follows), and the rest; null when it holds no `..`. Either side may be empty
 * (git's `..B` and `A..` are HEAD's); the callers say what they refuse. One reading for `check` and `notes squash`.
 */
export function splitRange(range: string): { left: string; dots: '..' | '...'; right: string } | null {
  const at = range.indexOf('..');
  if (at === -1) return null;
  const dots = range[at + 2] === '.' ? '...' : '..';
  return { left: range.slice(0, at), dots, right: range.slice(at + dots.length) };
}
