import { createOriginParser, type OriginGroup } from '../core/blame/parse-origins.js';
import { BLAME_COMMAND } from './blame.js';
import { splitRecords, streamGit } from './exec.js';
import { isAncestor } from './is-ancestor.js';
import { listTreeEntries } from './read-blob.js';

/**
 * Who wrote lines `lines` of `path` in the first parent of `sha`, as a report of `since..` (or of
 * the whole history) reads it, with the report's own git flags: one `git blame` with a `-L` for
 * each run of lines. A parent the range leaves out makes them boundary lines: git blame is never
 * asked of an empty range (it would blame HEAD). Empty when the parent holds no regular file there
 * (a symbolic link's target text is no line anyone wrote). Each line found maps to its own group (count 1).
 */
export async function blameParentLines(root: string, path: string, sha: string, since: string | null, flags: readonly string[], lines: readonly number[]): Promise<Map<number, OriginGroup>> {
  const found = new Map<number, OriginGroup>();
  const sorted = [...new Set(lines)].sort((x, y) => x - y);
  if (sorted.length === 0) return found;
  const [entry] = await listTreeEntries(root, `${sha}^`, [path]);
  if (entry?.mode !== '100644' && entry?.mode !== '100755') return found;
  if (since && (await isAncestor(root, `${sha}^`, since))) {
    for (const line of sorted) found.set(line, { sha: since, boundary: true, originPath: path, originLine: line, finalLine: line, count: 1 });
    return found;
  }
  const ranges: string[] = [];
  for (let k = 0; k < sorted.length; ) {
    let end = k;
    while (end + 1 < sorted.length && sorted[end + 1] === sorted[end]! + 1) end += 1;
    ranges.push('-L', `${sorted[k]},${sorted[end]}`);
    k = end + 1;
  }
  const revision = since ? `${since}..${sha}^` : `${sha}^`;
  const args = [...BLAME_COMMAND, ...flags, ...ranges, revision, '--', path];
  const parser = createOriginParser();
  for await (const text of splitRecords(streamGit(args, { cwd: root }), '\n')) parser.line(text);
  // Both in line order: one walk (a converted file is thousands of lines from hundreds of commits).
  const groups = parser.groups().sort((x, y) => x.finalLine - y.finalLine);
  let next = 0;
  for (const line of sorted) {
    while (next < groups.length && groups[next]!.finalLine + groups[next]!.count <= line) next += 1;
    const group = groups[next];
    if (group && group.finalLine <= line) found.set(line, { ...group, originLine: group.originLine + (line - group.finalLine), finalLine: line, count: 1 });
  }
  return found;
}
