/**
 * The git namespace (gitnamespaces(7)) a server process works in, as git expands `GIT_NAMESPACE`:
 * each `/`-separated component becomes `refs/namespaces/<component>/`, empty components are
 * skipped, so `a/b` is `refs/namespaces/a/refs/namespaces/b/`. Null when no namespace is set
 * (unset, empty, or only slashes): refs are the repository's own.
 */
export function gitNamespacePrefix(raw: string | undefined): string | null {
  const components = (raw ?? '').split('/').filter((component) => component !== '');
  return components.length === 0 ? null : components.map((component) => `refs/namespaces/${component}/`).join('');
}
