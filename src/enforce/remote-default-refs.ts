/**
 * A remote name that is safe to put in `--remotes=<name>` and `refs/remotes/<name>/…` (every use is
 * prefixed so): any name git lets `git remote add` or `git clone -o` make (`team/origin`, `équipe`,
 * `up+stream`, `--quiet`), never one with a glob character, a space or control character, `..`,
 * `@{`, or a part that is empty, starts with `.`, or ends with `.` or `.lock`. Only ASCII letters,
 * digits and `._-` were taken once, so a clone whose remote git named `équipe` found no default
 * branch, and pre-push judged by the work tree's config.
 */
export function isPlainRemoteName(name: string): boolean {
  if (name === '' || name === '@' || /[\s\0-\x1f\x7f*?[\\~^:]|\.\.|@\{/.test(name)) return false;
  return name.split('/').every((part) => part !== '' && !part.startsWith('.') && !part.endsWith('.lock') && !part.endsWith('.'));
}

/**
 * Where a remote's default branch is tracked, most telling first: `<remote>/HEAD` (set by
 * `git clone` or `git remote set-head`), else its `main`, else its `master`. None for a name
 * that is not a plain remote name (a URL).
 */
export function remoteDefaultRefs(remote: string): string[] {
  return isPlainRemoteName(remote) ? ['HEAD', 'main', 'master'].map((name) => `refs/remotes/${remote}/${name}`) : [];
}
