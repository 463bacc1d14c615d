/** One entry of a raw tree object: `<mode> <name>\0<binary id>`. */
export interface RawTreeEntry {
  mode: string;
  name: Buffer;
  oid: string;
}

/** The entries of a raw tree object (`git cat-file tree`) whose ids are `idBytes` long (20: SHA-1, 32: SHA-256); null when it does not parse. */
export function parseRawTree(content: Buffer, idBytes: number): RawTreeEntry[] | null {
  const entries: RawTreeEntry[] = [];
  let at = 0;
  while (at < content.length) {
    const space = content.indexOf(0x20, at);
    const nul = space < 0 ? -1 : content.indexOf(0, space + 1);
    if (space < 0 || nul < 0 || nul + 1 + idBytes > content.length) return null;
    entries.push({ mode: content.subarray(at, space).toString('latin1'), name: content.subarray(space + 1, nul), oid: content.subarray(nul + 1, nul + 1 + idBytes).toString('hex') });
    at = nul + 1 + idBytes;
  }
  return entries;
}

/**
 * A folder as git reads a tree entry's mode (tree-walk.c get_mode, S_ISDIR): the octal digits as an
 * unsigned 32-bit number whose type bits are 040000, so `40000`, `040000` and also `40755` (which
 * `git fsck` only warns of, badFilemode) are folders that a checkout writes, that git sorts as `name/`
 * and that diff and blame walk into.
 */
export function isTree(entry: RawTreeEntry): boolean {
  if (!/^[0-7]+$/.test(entry.mode)) return false;
  let mode = 0;
  for (const digit of entry.mode) mode = ((mode << 3) + Number(digit)) >>> 0;
  return (mode & 0o170000) === 0o040000;
}

/** git's tree order (base_name_compare): names byte by byte, a tree's name read as if it ended in `/`. */
function compareEntries(left: RawTreeEntry, right: RawTreeEntry): number {
  const shorter = Math.min(left.name.length, right.name.length);
  const common = Buffer.compare(left.name.subarray(0, shorter), right.name.subarray(0, shorter));
  if (common !== 0) return common;
  const next = (entry: RawTreeEntry): number => (entry.name.length > shorter ? (entry.name[shorter] as number) : isTree(entry) ? 0x2f : 0);
  return next(left) - next(right);
}

/**
 * What makes a tree read otherwise by a checkout than by git's own lookups (`<rev>:<path>`, blame,
 * diff), as `git fsck` reports it: a name given twice (a checkout writes the last, a lookup reads
 * the first), entries out of git's order (a lookup stops early and finds no file a checkout writes),
 * an empty name, `.` or `..`, or one holding `/` (a checkout writes it below a folder of that name).
 * The first fault found, in words; null for a well-formed tree. Pure.
 */
export function treeFault(entries: readonly RawTreeEntry[]): string | null {
  const seen = new Set<string>();
  for (const [index, entry] of entries.entries()) {
    const name = entry.name.toString('latin1');
    if (name === '' || name === '.' || name === '..') return `an entry named '${name}'`;
    if (name.includes('/')) return `an entry whose name holds '/' ('${entry.name.toString('utf8')}')`;
    if (seen.has(name)) return `'${entry.name.toString('utf8')}' twice`;
    seen.add(name);
    const before = entries[index - 1];
    if (before !== undefined && compareEntries(before, entry) >= 0) return `entries out of git's order ('${before.name.toString('utf8')}' before '${entry.name.toString('utf8')}')`;
  }
  return null;
}
