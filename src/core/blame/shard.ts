/** One part of a report split over machines: `index` of `count` (1-based, as `--shard 2/4` says). */
export interface Shard {
  index: number;
  count: number;
}

/** Most parts a report may be split into (far above any CI matrix). */
export const MAX_SHARDS = 1024;

/** `--shard <i>/<n>` → the shard, or null when it is not `i/n` with 1 <= i <= n <= MAX_SHARDS. */
export function parseShard(text: string): Shard | null {
  const match = /^([1-9]\d{0,3})\/([1-9]\d{0,3})$/.exec(text);
  if (!match) return null;
  const index = Number(match[1]);
  const count = Number(match[2]);
  return index <= count && count <= MAX_SHARDS ? { index, count } : null;
}

/** FNV-1a over the UTF-16 units of a path: a stable order that does not follow the tree's layout. */
function pathHash(path: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < path.length; index++) {
    hash ^= path.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * The files of `shard`: every file lands in exactly one of the `count` parts, the same on every
 * machine for the same file list. Size-balanced: biggest blob first (ties by path hash, then
 * path), each to the part with the fewest bytes so far (ties: the lowest part). Blame time grows
 * with a file's size and history; size is the part known before blaming.
 */
export function shardFiles<T extends { path: string; size: number }>(files: readonly T[], shard: Shard): T[] {
  const order = files
    .map((file) => ({ file, hash: pathHash(file.path) }))
    .sort((a, b) => b.file.size - a.file.size || a.hash - b.hash || (a.file.path < b.file.path ? -1 : a.file.path > b.file.path ? 1 : 0));
  const load: number[] = new Array<number>(shard.count).fill(0);
  const mine: T[] = [];
  for (const { file } of order) {
    let part = 0;
    for (let index = 1; index < load.length; index++) if (load[index]! < load[part]!) part = index;
    load[part]! += Math.max(1, file.size);
    if (part === shard.index - 1) mine.push(file);
  }
  const position = new Map(files.map((file, index) => [file, index]));
  return mine.sort((a, b) => position.get(a)! - position.get(b)!);
}
