/** A remote name that is safe to put in `--remotes=<name>` and `refs/remotes/<name>/…` (`team/origin` too: git allows a slash). */
export function isPlainRemoteName(name: string): boolean {
  return /^[A-Za-z0-9_][A-Za-z0-9._-]*(?:\/[A-Za-z0-9_][A-Za-z0-9._-]*)*$/.test(name) && !name.includes('..') && !name.split('/').some((part) => part.endsWith('.lock'));
}

/**
 * Where a remote's default branch is tracked, most telling first: `<remote>/HEAD` (set by
 * `git clone` or `git remote set-head`), else its `main`, else its `master`. None for a name
 * that is not a plain remote name (a URL).
 */
export function remoteDefaultRefs(remote: string): string[] {
  return isPlainRemoteName(remote) ? ['HEAD', 'main', 'master'].map((name) => `refs/remotes/${remote}/${name}`) : [];
}
