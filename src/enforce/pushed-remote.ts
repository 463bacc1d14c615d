import { realpathSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { remoteNames, remoteUrls } from '../git/refs.js';
import { isPlainRemoteName } from './remote-default-refs.js';

/**
 * A URL as a place, for comparing two spellings of one server: a local path (plain, `./`, `../`,
 * `file://`) is its real path from `cwd`; any URL drops a trailing `/` and `.git`.
 */
function place(url: string, cwd: string): string {
  const local = /^file:\/\//.test(url) ? decodeURIComponent(url.slice('file://'.length)) : /^[^/:]+:/.test(url) && !/^[A-Za-z]:[\\/]/.test(url) ? null : url;
  let text = url;
  if (local !== null) {
    const path = isAbsolute(local) ? local : resolve(cwd, local);
    try {
      text = realpathSync(path);
    } catch {
      text = path;
    }
  }
  return text.replace(/\/+$/, '').replace(/\/\.git$/, '').replace(/\.git$/, '').replace(/\/+$/, '');
}

/**
 * The configured remote a `git push` goes to, given what pre-push is handed (`<name> <url>`): the
 * name itself when git knows such a remote; else, for a push given a URL or a path (git then hands
 * the URL as the name), the remote whose fetch or push URL names the same place (`origin` first).
 * Null when no remote does: a server this clone knows nothing of.
 */
export async function pushedRemote(cwd: string, name: string, url: string): Promise<string | null> {
  const names = await remoteNames(cwd);
  if (names.includes(name) && isPlainRemoteName(name)) return name;
  const wanted = new Set([place(url, cwd), place(name, cwd)]);
  const ordered = [...names.filter((remote) => remote === 'origin'), ...names.filter((remote) => remote !== 'origin')];
  for (const remote of ordered) {
    if (!isPlainRemoteName(remote)) continue;
    if ((await remoteUrls(cwd, remote)).some((known) => wanted.has(place(known, cwd)))) return remote;
  }
  return null;
}
