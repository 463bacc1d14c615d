import { runGit } from './exec.js';

/** The ref a symbolic ref names (`HEAD` → `refs/heads/main`, born or not), or `null` when it is detached or absent. */
export async function symbolicRef(cwd: string, name: string): Promise<string | null> {
  const out = (await runGit(['symbolic-ref', '-q', '--end-of-options', name], { cwd, okCodes: [1, 128] })).trim();
  return out.startsWith('refs/') ? out : null;
}

/**
 * Those of `names` that are symbolic refs naming `target` (through any chain of them, dangling or
 * not: `refs/heads/master` → `refs/heads/main` kept after a rename); a push to one writes `target`.
 * One `symbolic-ref` per name (for-each-ref skips a dangling one): for the rare callers only.
 */
export async function symbolicAliases(cwd: string, names: readonly string[], target: string): Promise<Set<string>> {
  const aliases = new Set<string>();
  for (const name of new Set(names)) if (name !== target && (await symbolicRef(cwd, name)) === target) aliases.add(name);
  return aliases;
}

/**
 * The full name of the ref `rev` names as git reads it (`origin/main`, `origin`, `origin/HEAD`,
 * `@{u}` → `refs/remotes/origin/main`; a symbolic ref its target's), or `null` when it names no ref
 * (a sha, `main^0`, `HEAD` detached, an unknown name). git 2.39 echoes `--end-of-options`: dropped.
 */
export async function symbolicFullName(cwd: string, rev: string): Promise<string | null> {
  const out = (await runGit(['rev-parse', '--symbolic-full-name', '--end-of-options', rev], { cwd, okCodes: [128] })).split('\n').filter((line) => line !== '' && line !== '--end-of-options');
  return out.length === 1 && out[0]!.startsWith('refs/') ? out[0]! : null;
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

/** A full ref name for-each-ref can be asked by exactly (no blank, control or glob character: a pattern is a glob). */
export function listableRef(name: string): boolean {
  return name.startsWith('refs/') && !/[\s\0-\x1f\x7f*?[\\]/.test(name);
}

/**
 * The refs among `names` (full names: `refs/remotes/origin/main`) that exist, each with the object
 * it points at (a symbolic ref: its target's), looked up by exact name in one `for-each-ref`:
 * never through git's short-name rules, which read a missing `refs/remotes/origin/HEAD` as
 * `refs/tags/refs/remotes/origin/HEAD` when someone pushed a tag of that name.
 */
export async function existingRefs(cwd: string, names: readonly string[]): Promise<Map<string, string>> {
  const wanted = new Set(names.filter(listableRef));
  const found = new Map<string, string>();
  if (wanted.size === 0) return found;
  const out = await runGit(['for-each-ref', '--format=%(refname) %(objectname)', '--end-of-options', ...wanted], { cwd });
  for (const line of out.split('\n')) {
    const space = line.lastIndexOf(' ');
    const name = line.slice(0, space);
    if (wanted.has(name)) found.set(name, line.slice(space + 1));
  }
  return found;
}

/** The refs git's short-name rules try for `name` (`git rev-parse origin/main`), in git's order (the name itself first when it is a full one). */
export function refCandidates(name: string): string[] {
  const rules = [`refs/${name}`, `refs/tags/${name}`, `refs/heads/${name}`, `refs/remotes/${name}`, `refs/remotes/${name}/HEAD`];
  return name.startsWith('refs/') ? [name, ...rules] : rules;
}

/** Every URL git would fetch from or push to for `remote` (`insteadOf`/`pushInsteadOf` applied), or [] when git knows no such remote. */
export async function remoteUrls(cwd: string, remote: string): Promise<string[]> {
  const [fetch, push] = await Promise.all([
    runGit(['remote', 'get-url', '--all', '--end-of-options', remote], { cwd, okCodes: [2, 128] }),
    runGit(['remote', 'get-url', '--push', '--all', '--end-of-options', remote], { cwd, okCodes: [2, 128] }),
  ]);
  return [...fetch.split('\n'), ...push.split('\n')].filter((url) => url !== '');
}

/** The commits the refs under `refs/remotes/<remote>/` point at, each once, at most `most` of them. */
export async function remoteRefTips(cwd: string, remote: string, most: number): Promise<string[]> {
  const out = await runGit(['for-each-ref', `--count=${most}`, '--format=%(objectname)', '--end-of-options', `refs/remotes/${remote}/`], { cwd });
  return [...new Set(out.split('\n').filter((line) => line !== ''))];
}

/** Whether any ref exists under `refs/remotes/<remote>/` (one `for-each-ref`, the first one found). */
export async function remoteRefsExist(cwd: string, remote: string): Promise<boolean> {
  return (await runGit(['for-each-ref', '--count=1', '--format=%(refname)', '--end-of-options', `refs/remotes/${remote}/`], { cwd })).trim() !== '';
}
