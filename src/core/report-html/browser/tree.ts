import type { BlamePageData } from '../page-data.js';

/** A directory of the report with the sums of everything under it. */
export interface DirNode {
  name: string;
  /** `a/b`, '' for the top. */
  path: string;
  parent: DirNode | null;
  dirs: DirNode[];
  /** Indexes into `data.files` of the files directly in it. */
  files: number[];
  lines: number;
  ai: number;
  /** Files under it, at any depth. */
  count: number;
}

function node(name: string, path: string, parent: DirNode | null): DirNode {
  return { name, path, parent, dirs: [], files: [], lines: 0, ai: 0, count: 0 };
}

/** The directory tree of the report's files, sums filled in (no recursion: paths may be deep). */
export function buildTree(data: BlamePageData): DirNode {
  const root = node('', '', null);
  const byPath = new Map<string, DirNode>([['', root]]);
  const all: DirNode[] = [root];
  const ensure = (path: string): DirNode => {
    const known = byPath.get(path);
    if (known) return known;
    const slash = path.lastIndexOf('/');
    const parent = ensure(slash < 0 ? '' : path.slice(0, slash));
    const made = node(path.slice(slash + 1), path, parent);
    parent.dirs.push(made);
    byPath.set(path, made);
    all.push(made);
    return made;
  };
  const dirOf = data.dirs.map((path) => ensure(path));
  data.files.forEach((file, index) => {
    const dir = dirOf[file[0]];
    if (!dir) return;
    dir.files.push(index);
    dir.lines += file[2];
    dir.ai += file[3];
    dir.count += 1;
  });
  const depth = (dir: DirNode) => (dir.path === '' ? 0 : dir.path.split('/').length);
  for (const dir of all.slice().sort((a, b) => depth(b) - depth(a))) {
    if (!dir.parent) continue;
    dir.parent.lines += dir.lines;
    dir.parent.ai += dir.ai;
    dir.parent.count += dir.count;
  }
  return root;
}

/** `src/core/` — how a directory is named on the page ('all files' for the top). */
export function dirLabel(dir: DirNode): string {
  return dir.path === '' ? 'all files' : `${dir.path}/`;
}

export function filePath(data: BlamePageData, index: number): string {
  const file = data.files[index]!;
  const dir = data.dirs[file[0]] ?? '';
  return dir === '' ? file[1] : `${dir}/${file[1]}`;
}
