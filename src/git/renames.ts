import { runGit, type ObjectView } from './exec.js';
import { objectId } from './object-id.js';

/**
 * The files `from` has that `to` holds under another name, found as git finds renames
 * (`git diff-tree -M`, its default similarity): old path → new path. One git process; paths read
 * NUL-separated (no quoting).
 */
export async function renamedPaths(cwd: string, from: string, to: string, view: ObjectView = {}): Promise<Map<string, string>> {
  for (const rev of [from, to]) objectId(rev);
  const out = await runGit(['diff-tree', '-r', '-z', '-M', '--diff-filter=R', '--name-status', from, to], { cwd, ...view });
  const fields = out.split('\0');
  const renames = new Map<string, string>();
  for (let at = 0; at + 2 < fields.length; at += 3) {
    if (!/^R\d*$/.test(fields[at]!)) break;
    renames.set(fields[at + 1]!, fields[at + 2]!);
  }
  return renames;
}
