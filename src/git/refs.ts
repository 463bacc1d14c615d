import { runGit } from './exec.js';

/** The ref a symbolic ref names (`HEAD` → `refs/heads/main`, born or not), or `null` when it is detached or absent. */
export async function symbolicRef(cwd: string, name: string): Promise<string | null> {
  const out = (await runGit(['symbolic-ref', '-q', '--end-of-options', name], { cwd, okCodes: [1, 128] })).trim();
  return out.startsWith('refs/') ? out : null;
}

/** True when the repository holds at least one ref (an empty server holds none). */
export async function hasAnyRef(cwd: string): Promise<boolean> {
  return (await runGit(['for-each-ref', '--count=1', '--format=%(refname)'], { cwd })).trim() !== '';
}

/** The configured remotes' names. */
export async function remoteNames(cwd: string): Promise<string[]> {
  return (await runGit(['remote'], { cwd })).split('\n').filter((name) => name !== '');
}

/** The remote of the current branch's upstream (`branch.<name>.remote`), or `null` (detached, no upstream, a local upstream). */
export async function upstreamRemote(cwd: string): Promise<string | null> {
  const branch = await symbolicRef(cwd, 'HEAD');
  if (!branch) return null;
  const out = (await runGit(['for-each-ref', '--format=%(upstream:remotename)', '--end-of-options', branch], { cwd })).trim();
  return out === '' || out === '.' ? null : out;
}
