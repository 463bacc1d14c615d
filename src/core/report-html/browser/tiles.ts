import type { BlamePageData } from '../page-data.js';
import type { DirNode } from './tree.js';

/** What the treemap draws: a directory (with tiles inside), a file, a folded directory, or small files lumped together. */
export interface Tile {
  kind: 'dir' | 'file' | 'folded' | 'small';
  name: string;
  lines: number;
  ai: number;
  count: number;
  /** The directory itself (dir, folded) or the one holding the file or the small files. */
  dir: DirNode;
  /** Index into `data.files` (file tiles). */
  file?: number;
  children?: Tile[];
}

/** Directory levels drawn below the zoomed one; deeper directories are one tile each (click to zoom in). */
export const MAX_DEPTH = 3;

/**
 * The zoomed directory as tiles: anything smaller than `min` lines goes into one "N small files"
 * tile per directory, so a tree of 10,000 files draws a few hundred rectangles, not 10,000.
 */
export function tilesOf(data: BlamePageData, dir: DirNode, min: number, depth = 0): Tile {
  const children: Tile[] = [];
  const small = { lines: 0, ai: 0, count: 0 };
  for (const sub of dir.dirs) {
    if (sub.lines === 0) continue;
    if (sub.lines < min) {
      small.lines += sub.lines;
      small.ai += sub.ai;
      small.count += sub.count;
    } else if (depth + 1 >= MAX_DEPTH) {
      children.push({ kind: 'folded', name: `${sub.name}/`, lines: sub.lines, ai: sub.ai, count: sub.count, dir: sub });
    } else {
      children.push(tilesOf(data, sub, min, depth + 1));
    }
  }
  for (const index of dir.files) {
    const file = data.files[index]!;
    if (file[2] === 0) continue;
    if (file[2] < min) {
      small.lines += file[2];
      small.ai += file[3];
      small.count += 1;
    } else {
      children.push({ kind: 'file', name: file[1], lines: file[2], ai: file[3], count: 1, dir, file: index });
    }
  }
  if (small.count > 0) children.push({ kind: 'small', name: `${small.count} small file${small.count === 1 ? '' : 's'}`, ...small, dir });
  return { kind: 'dir', name: dir.name === '' ? '' : `${dir.name}/`, lines: dir.lines, ai: dir.ai, count: dir.count, dir, children };
}
