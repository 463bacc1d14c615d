import { realpathSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { remoteNames, remoteUrls } from '../git/refs.js';
import { isPlainRemoteName } from './remote-default-refs.js';
import { trimTrailing } from '../core/trim-run.js';

/**
 * A `file://` URL's path as git reads it (`url_decode`): each `%XX` of two hex digits is that byte,
 * anything else (`%zz`, a lone `%`) stays as written; decodeURIComponent threw on those, and the
 * push, to a directory git reaches fine, ended in an internal error.
 */
function urlDecode(text: string): string {
  const bytes: number[] = [];
  for (let at = 0; at < text.length; ) {
    const hex = text.slice(at + 1, at + 3);
    if (text[at] === '%' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      at += 3;
    } else {
      const char = String.fromCodePoint(text.codePointAt(at) as number);
      bytes.push(...Buffer.from(char, 'utf8'));
      at += char.length;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/**
 * A URL as a place, for comparing two spellings of one server: a local path (plain, `./`, `../`,
 * `file://`) is its real path from `cwd`; any URL drops a trailing `/` and `.git`.
 */
function place(url: string, cwd: string): string {
  const local = /^file:\/\//.test(url) ? urlDecode(url.slice('file://'.length)) : /^[^/:]+:/.test(url) && !/^[A-Za-z]:[\\/]/.test(url) ? null : url;
  let text = url;
  if (local !== null) {
    const path = isAbsolute(local) ? local : resolve(cwd, local);
    try {
      text = realpathSync(path);
    } catch {
      text = path;
    }
  }
  return trimTrailing(trimTrailing(text, '/').replace(/\/\.git$/, '').replace(/\.git$/, ''), '/');
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
