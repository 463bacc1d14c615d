import { lstatSync, readlinkSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { NO_FSMONITOR, runGit } from '../git/exec.js';

/**
 * The links followed on the way to `path`'s real file, each at its real location (its folders
 * resolved), folder links included; undefined when the way does not end (a loop, more than 40 links).
 */
function linksOnTheWay(path: string): string[] | undefined {
  const links: string[] = [];
  let pending = path.split(sep).filter((part) => part !== '');
  let done: string = sep;
  for (let hops = 0; pending.length > 0; ) {
    const part = pending.shift() as string;
    if (part === '.') continue;
    if (part === '..') {
      done = dirname(done);
      continue;
    }
    const next = join(done, part);
    let link = false;
    try {
      link = lstatSync(next).isSymbolicLink();
    } catch {
      return links;
    }
    if (!link) {
      done = next;
      continue;
    }
    if (++hops > 40) return undefined;
    links.push(next);
    const target = readlinkSync(next);
    pending = [...target.split(sep).filter((piece) => piece !== ''), ...pending];
    if (isAbsolute(target)) done = sep;
  }
  return links;
}

/**
 * Whether a link the repository commits lies on the way to `path` (npm links a `file:` package's
 * bin to its script, and the script, or a folder above it, is a committed link to `/bin/true` or any
 * program outside the work tree): the repository chose what runs, though the file is no file of its
 * own. A way that does not end counts as such. One `git ls-files` for the links in the work tree but those
 * under the folders `untracked` names (relative to the top: node_modules, which the caller found untracked).
 */
export async function ledByTrackedLink(root: string, path: string, untracked: string[] = []): Promise<boolean> {
  const links = linksOnTheWay(resolve(path));
  if (links === undefined) return true;
  let top: string;
  try {
    top = realpathSync(root);
  } catch {
    return true;
  }
  const rels = links.map((link) => relative(top, link)).filter((rel) => rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)).map((rel) => rel.split(sep).join('/')).filter((rel) => !untracked.some((folder) => rel.startsWith(`${folder}/`)));
  if (rels.length === 0) return false;
  try {
    const tracked = (await runGit([...NO_FSMONITOR, '--literal-pathspecs', 'ls-files', '-z', '--', ...rels], { cwd: root })).split('\0');
    return rels.some((rel) => tracked.includes(rel));
  } catch {
    return true;
  }
}
