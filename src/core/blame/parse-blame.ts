import type { FileBlame, NotedLines } from './types.js';

const HEADER = /^([0-9a-f]{40}|[0-9a-f]{64}) (\d+) (\d+)(?: (\d+))?$/;

/** Decode a path as git writes it (`write_name_quoted`): C-quoted when it holds special bytes. */
export function unquoteCPath(text: string): string {
  if (!text.startsWith('"') || !text.endsWith('"') || text.length < 2) return text;
  const body = text.slice(1, -1);
  const bytes: number[] = [];
  const simple: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };
  for (let index = 0; index < body.length; index++) {
    const ch = body[index]!;
    if (ch !== '\\') {
      bytes.push(...Buffer.from(ch, 'utf8'));
      continue;
    }
    const next = body[index + 1] ?? '';
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(index + 1, index + 4), 8) & 0xff);
      index += 3;
    } else {
      bytes.push(simple[next] ?? next.charCodeAt(0));
      index += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Incremental state of one file's `git blame --porcelain` / `--incremental` output. */
export interface BlameParser {
  /** Feed one output line (without its newline). */
  line(text: string): void;
  /** Counts so far; call after the last line. */
  result(): FileBlame;
  /** Origin file names seen in `filename` lines (the file itself, or sources with -M/-C). */
  origins(): Set<string>;
}

/**
 * A streaming parser for `git blame --porcelain` and `--incremental` output. It keeps only counts
 * per commit, never per-line data: each group header `<sha> <orig> <final> <num>` adds `num`
 * lines to `sha`; `boundary` (printed once per commit, with its first group) marks a commit whose
 * lines are left out of every total. Content lines (TAB-prefixed) are skipped. For commits
 * `noted` says carry a git-ai note, each group is also kept with its original path and first
 * original line (the note speaks of the file as that commit had it); porcelain prints
 * `filename` only for a commit's first group, so a group without one takes its commit's last.
 */
export function createBlameParser(noted: (sha: string) => boolean = () => false): BlameParser {
  const perCommit = new Map<string, number>();
  const boundaryCommits = new Set<string>();
  const origins = new Set<string>();
  const groups: NotedLines[] = [];
  const lastPath = new Map<string, string>();
  let current = '';
  let group: NotedLines | null = null;
  const settle = () => {
    if (group && group.path === '') group.path = lastPath.get(group.sha) ?? '';
    group = null;
  };
  return {
    line(text) {
      if (text.charCodeAt(0) === 9 || text === '') return;
      const code = text.charCodeAt(0);
      const isHex = (code >= 48 && code <= 57) || (code >= 97 && code <= 102);
      if (isHex) {
        const match = HEADER.exec(text);
        if (match) {
          settle();
          current = match[1]!;
          if (match[4] !== undefined) {
            perCommit.set(current, (perCommit.get(current) ?? 0) + Number(match[4]));
            if (noted(current)) groups.push((group = { sha: current, path: '', start: Number(match[2]), count: Number(match[4]) }));
          }
          return;
        }
      }
      if (text === 'boundary') boundaryCommits.add(current);
      else if (text.startsWith('filename ')) {
        const path = unquoteCPath(text.slice(9));
        origins.add(path);
        if (group) group.path = path;
        if (noted(current)) lastPath.set(current, path);
      }
    },
    result() {
      settle();
      let lines = 0;
      let boundary = 0;
      const commits = new Map<string, number>();
      for (const [sha, count] of perCommit) {
        if (boundaryCommits.has(sha)) boundary += count;
        else {
          lines += count;
          commits.set(sha, count);
        }
      }
      const noted = groups.filter((entry) => !boundaryCommits.has(entry.sha));
      return noted.length > 0 ? { lines, boundary, commits, noted } : { lines, boundary, commits };
    },
    origins: () => origins,
  };
}

/** Parse a whole blame output at once (tests, small inputs). */
export function parseBlame(output: string, noted?: (sha: string) => boolean): FileBlame {
  const parser = createBlameParser(noted);
  for (const text of output.split('\n')) parser.line(text);
  return parser.result();
}
