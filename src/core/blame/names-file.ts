/** A name no real file has: what an include glob must NOT match for it to name a file explicitly. */
const PROBE = 'aitrail-include-probe';

/**
 * True when `matches` (one include glob) names the file at `path` itself, not merely its
 * directory or its kind: it matches the file but neither an unrelated name in the same directory
 * nor one with the same extension. `package-lock.json`, `**\/Cargo.lock`, `*-lock.yaml`,
 * `api/*.pb.go` name files; `**\/*`, `src/**`, `*.json` do not (they select, they do not name).
 */
export function namesFile(matches: (path: string) => boolean, path: string): boolean {
  if (!matches(path)) return false;
  const slash = path.lastIndexOf('/');
  const dir = path.slice(0, slash + 1);
  const name = path.slice(slash + 1);
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot) : '';
  return !matches(`${dir}${PROBE}`) && !matches(`${dir}${PROBE}${extension}`);
}
