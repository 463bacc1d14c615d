import data from './data/signatures.json' with { type: 'json' };

/**
 * The contract between the shims' fast path (src/install/fast-path.ts writes the sh) and the node
 * hooks that keep its stamp (src/hooks/fast-path-stamp.ts). The stamp lives in
 * `<git dir>/aitrail/fast-path/`: copies of the config files node validated, and a `version` file
 * naming the aitrail that did it and its package folder. The shim skips node only while each is
 * still true.
 */
export const FAST_PATH_DIR = 'fast-path';
export const FAST_PATH_VERSION_FILE = 'version';

/**
 * Entries of `<git dir>/aitrail/` that say nothing about the commit being made (caches, the stamp,
 * enforcement memory, temporary blame folders). Any other entry — a session, a template marker, an
 * agent's checkpoints, anything a later aitrail adds — sends the commit to node. A trailing `*`
 * matches any end.
 */
export const QUIET_STATE_ENTRIES = ['config-cache.json', FAST_PATH_DIR, 'blame-cache', 'policy.json', 'install.json', 'attr-*'] as const;

/** The first line of the version file: the aitrail that validated the config (another version may judge it otherwise, and reads other signatures). */
export function stampHeader(version: string): string {
  return `aitrail ${version}`;
}

/**
 * Every trailer key commit-time detection reads (lower case): each list of keys in the signature
 * data (`declaredKeys`, `coAuthorKeys`… and any `*Keys` list added later), and our own. The shim
 * looks for each; a config whose `trailer.key` is another is never stamped.
 */
export function messageKeys(): string[] {
  const lists = Object.entries(data).filter(([name, value]) => name.endsWith('Keys') && Array.isArray(value));
  const keys = ['Assisted-by', ...lists.flatMap(([, list]) => list as unknown[])];
  if (lists.length === 0 || keys.some((key) => typeof key !== 'string')) throw new Error('fast path: the signature data names no trailer keys, or one is not a string');
  return [...new Set((keys as string[]).map((key) => key.toLowerCase()))].sort();
}
