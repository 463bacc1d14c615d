import { runGit } from './exec.js';

/** A commit's author as its header stores it: name, email and date as `<epoch> <zone>`. */
export interface AuthorStamp {
  name: string;
  email: string;
  date: string;
}

/** The author stamp of `rev` (no mailmap, UTF-8), or `undefined` when git knows no such commit (an unborn HEAD). */
export async function authorStamp(cwd: string, rev: string): Promise<AuthorStamp | undefined> {
  let out: string;
  try {
    out = await runGit(['log', '-1', '--no-walk', '-z', '--no-color', '--no-mailmap', '--no-show-signature', '--encoding=UTF-8', '--date=raw', '--format=%an%x00%ae%x00%ad', '--end-of-options', rev, '--'], { cwd });
  } catch {
    return undefined;
  }
  const [name, email, date] = out.replace(/\n$/, '').split('\0');
  return name === undefined || email === undefined || date === undefined ? undefined : { name, email, date };
}
