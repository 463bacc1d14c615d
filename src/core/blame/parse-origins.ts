import { unquoteCPath } from './parse-blame.js';

/** `count` lines of the blamed file, written by `sha` in `originPath` (lines `originLine`… there), now at `finalLine`…. */
export interface OriginGroup {
  sha: string;
  /** The commit is a boundary of the range (`git blame A..B`): the lines were there before it. */
  boundary: boolean;
  /** The file the lines sat in, in `sha` (another file when blame followed a rename or a copy). */
  originPath: string;
  originLine: number;
  finalLine: number;
  count: number;
}

const HEADER = /^([0-9a-f]{40}|[0-9a-f]{64}) (\d+) (\d+) (\d+)$/;

/**
 * A streaming parser for `git blame --incremental`: one group per `<sha> <orig> <final> <num>`
 * header, closed by its `filename` line. `boundary` comes once per commit, before the first
 * group's `filename`, so it is known for every group of that commit.
 */
export function createOriginParser(): { line(text: string): void; groups(): OriginGroup[] } {
  const groups: OriginGroup[] = [];
  const boundaries = new Set<string>();
  let header: RegExpExecArray | null = null;
  return {
    line(text) {
      const match = HEADER.exec(text);
      if (match) {
        header = match;
        return;
      }
      if (header === null) return;
      if (text === 'boundary') boundaries.add(header[1]!);
      else if (text.startsWith('filename ')) {
        const sha = header[1]!;
        groups.push({ sha, boundary: boundaries.has(sha), originPath: unquoteCPath(text.slice(9)), originLine: Number(header[2]), finalLine: Number(header[3]), count: Number(header[4]) });
        header = null;
      }
    },
    groups: () => groups,
  };
}
