import { readdir, utimes } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { FileBlame, NotedLines } from '../core/blame/types.js';
import { readSealed, writeSealed } from './cache-seal.js';
import { pruneOldest } from './prune-oldest.js';

/**
 * Per-file blame cache: `<cache dir>/files/<key>.json`, one entry per (anchor commit, path,
 * options) — see blame-anchors.ts and blame-files-cached.ts. An entry holds what `git blame` said
 * (lines per commit and every line group with its origin), never an attribution: attributions and
 * notes are applied fresh on each run. Keys are content (shas, paths, option values), so a cache
 * directory restored in another clone is just as valid. Entries are validated on read (anything
 * malformed is a miss); a hit is touched so pruning drops the least recently used first.
 */
const KEEP_AT_LEAST = 20_000;
const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

interface Entry {
  key: string;
  lines: number;
  boundary: number;
  commits: [string, number][];
  paths: string[];
  /** [commit index, path index, start, count]. */
  groups: [number, number, number, number][];
}

export function fileCacheDir(cacheDir: string): string {
  return join(cacheDir, 'files');
}

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

export function encodeFileBlame(key: string, blame: FileBlame): Entry {
  const commits = [...blame.commits];
  const index = new Map(commits.map(([sha], at) => [sha, at]));
  const paths: string[] = [];
  const pathIndex = new Map<string, number>();
  const groups = (blame.noted ?? []).map((group): [number, number, number, number] => {
    let at = pathIndex.get(group.path);
    if (at === undefined) pathIndex.set(group.path, (at = paths.push(group.path) - 1));
    return [index.get(group.sha) ?? -1, at, group.start, group.count];
  });
  return { key, lines: blame.lines, boundary: blame.boundary, commits, paths, groups: groups.filter((group) => group[0] >= 0) };
}

/** The blame an entry holds, or null when it is not a well-formed entry for `key`. */
export function decodeFileBlame(data: unknown, key: string): FileBlame | null {
  const entry = data as Entry | null;
  if (typeof entry !== 'object' || entry === null || entry.key !== key || !isCount(entry.lines) || !isCount(entry.boundary)) return null;
  if (!Array.isArray(entry.commits) || !Array.isArray(entry.paths) || !Array.isArray(entry.groups)) return null;
  const commits = new Map<string, number>();
  let sum = 0;
  for (const pair of entry.commits as unknown[]) {
    if (!Array.isArray(pair) || typeof pair[0] !== 'string' || !SHA.test(pair[0]) || !isCount(pair[1]) || commits.has(pair[0])) return null;
    commits.set(pair[0], pair[1]);
    sum += pair[1];
  }
  if (sum !== entry.lines || !entry.paths.every((path) => typeof path === 'string')) return null;
  const shas = [...commits.keys()];
  const noted: NotedLines[] = [];
  for (const group of entry.groups as unknown[]) {
    if (!Array.isArray(group) || group.length !== 4 || !group.every(isCount)) return null;
    const [commit, path, start, count] = group as [number, number, number, number];
    if (commit >= shas.length || path >= entry.paths.length || count > (commits.get(shas[commit]!) ?? 0)) return null;
    noted.push({ sha: shas[commit]!, path: entry.paths[path]!, start, count });
  }
  return noted.length > 0 ? { lines: entry.lines, boundary: entry.boundary, commits, noted } : { lines: entry.lines, boundary: entry.boundary, commits };
}

/** Whether the directory holds any entry (none: a cold cache, nothing to look up). */
export async function hasFileBlames(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).some((name) => name.endsWith('.json'));
  } catch {
    return false;
  }
}

export async function readFileBlame(dir: string, key: string): Promise<FileBlame | null> {
  const file = join(dir, `${key}.json`);
  try {
    const blame = decodeFileBlame(await readSealed(dirname(dir), file), key);
    if (blame) {
      const now = new Date();
      await utimes(file, now, now).catch(() => {});
    }
    return blame;
  } catch {
    return null;
  }
}

/** Write one entry atomically; failures (read-only git dir, full disk) only cost speed. */
export async function writeFileBlame(dir: string, key: string, blame: FileBlame): Promise<void> {
  try {
    await writeSealed(dirname(dir), join(dir, `${key}.json`), encodeFileBlame(key, blame));
  } catch {
    // no cache, no harm
  }
}

/** Keep the cache bounded: above max(20,000, 4 × the files of this run) entries, drop the least recently used. */
export function pruneFileBlames(dir: string, filesInRun: number): Promise<void> {
  return pruneOldest(dir, Math.max(KEEP_AT_LEAST, 4 * filesInRun));
}
