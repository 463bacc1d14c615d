/** `<prefix><major>.<minor>.<patch>[-<pre-release>][+<build>]`, as SemVer 2.0.0 spells a version. */
const SEMVER = /^(.*?)(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

interface Version {
  core: [bigint, bigint, bigint];
  pre: string[];
}

function identifier(a: string, b: string): number {
  const numeric = (value: string) => /^\d+$/.test(value);
  if (numeric(a) && numeric(b)) return BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0;
  if (numeric(a) !== numeric(b)) return numeric(a) ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** SemVer precedence (build metadata ignored). */
function compare(a: Version, b: Version): number {
  for (let at = 0; at < 3; at += 1) if (a.core[at] !== b.core[at]) return a.core[at]! < b.core[at]! ? -1 : 1;
  if (a.pre.length === 0 || b.pre.length === 0) return b.pre.length - a.pre.length;
  for (let at = 0; at < Math.min(a.pre.length, b.pre.length); at += 1) {
    const order = identifier(a.pre[at]!, b.pre[at]!);
    if (order !== 0) return order;
  }
  return a.pre.length - b.pre.length;
}

/**
 * Tag names in git's version order, with the SemVer ones of each prefix (`v`) put in SemVer
 * precedence among the places they hold: git's pre-release suffix (`-`) is looked for where two
 * names part, so it put `v1.0.0-beta-2` before `v1.0.0-beta`; and it put every `1.x` before every
 * `v1.x`, so a project that changed its tag style ran a release backwards. Other names keep their places;
 * equal precedence (`+build`) keeps git's order.
 */
export function semverOrder(names: readonly string[]): string[] {
  const groups = new Map<string, { at: number[]; versions: { name: string; version: Version; index: number }[] }>();
  names.forEach((name, index) => {
    const match = SEMVER.exec(name);
    if (!match) return;
    // `v1.2.0` and `1.2.0` are one series (a project that dropped or took up the `v`), as SemVer tools read them.
    const prefix = match[1]!.replace(/(^|[^A-Za-z])[vV]$/, '$1');
    let group = groups.get(prefix);
    if (!group) groups.set(prefix, (group = { at: [], versions: [] }));
    group.at.push(index);
    group.versions.push({ name, index, version: { core: [BigInt(match[2]!), BigInt(match[3]!), BigInt(match[4]!)], pre: match[5] === undefined ? [] : match[5].split('.') } });
  });
  const result = [...names];
  for (const group of groups.values()) {
    const sorted = [...group.versions].sort((a, b) => compare(a.version, b.version) || a.index - b.index);
    group.at.forEach((place, index) => (result[place] = sorted[index]!.name));
  }
  return result;
}
