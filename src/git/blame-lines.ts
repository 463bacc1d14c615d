import { createOriginParser, type OriginGroup } from '../core/blame/parse-origins.js';
import { BLAME_COMMAND } from './blame.js';
import { splitRecords, streamGit } from './exec.js';
import { isAncestor } from './is-ancestor.js';
import { listTreeEntries } from './read-blob.js';

/**
 * Who wrote line `line` of `path` in the first parent of `sha`, as a report of `since..` (or of
 * the whole history) reads it, with the report's own git flags. A parent the range leaves out
 * makes the line a boundary line: git blame is never asked of an empty range (it would blame HEAD).
 * Undefined when the parent holds no regular file there (a symbolic link's target text is no line anyone wrote).
 */
export async function blameParentLine(root: string, path: string, sha: string, since: string | null, flags: readonly string[], line: number): Promise<OriginGroup | undefined> {
  const [entry] = await listTreeEntries(root, `${sha}^`, [path]);
  if (entry?.mode !== '100644' && entry?.mode !== '100755') return undefined;
  if (since && (await isAncestor(root, `${sha}^`, since))) return { sha: since, boundary: true, originPath: path, originLine: line, finalLine: line, count: 1 };
  const revision = since ? `${since}..${sha}^` : `${sha}^`;
  const args = [...BLAME_COMMAND, ...flags, '-L', `${line},${line}`, revision, '--', path];
  const parser = createOriginParser();
  for await (const text of splitRecords(streamGit(args, { cwd: root }), '\n')) parser.line(text);
  return parser.groups().find((group) => group.finalLine <= line && line < group.finalLine + group.count);
}
