import data from './data/signatures.json' with { type: 'json' };
import { AI_AUTHOR, PREVIOUS_COMMITS } from './checkpoint/store-layout.js';

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
 * Entries of `<git dir>/aitrail/` that say nothing about the commit being made (caches and the blame cache's sealing key, the stamp,
 * enforcement memory, temporary blame folders, the copy of the last note post-commit wrote, the
 * record of notes pushed, the author of the last commit node found a model in: the amend gate reads it;
 * the previous commit's time an agent's prepare-commit-msg asked git for, which its commit-msg reads).
 * Any other entry — a session, a template marker, anything a later aitrail
 * adds — sends the commit to node; so does the checkpoints folder while it holds a checkpoint
 * (src/install/fast-path.ts). A trailing `*` matches any end. (last-note and notes-pushed/ stay once
 * written: listed as a signal, they had turned the fast path off for good in any repository where
 * an agent had committed or notes had been pushed.)
 */
export const QUIET_STATE_ENTRIES = ['config-cache.json', FAST_PATH_DIR, 'blame-cache', 'cache-secret', 'policy.json', 'install.json', 'attr-*', 'last-note', 'notes-pushed', AI_AUTHOR.slice(AI_AUTHOR.indexOf('/') + 1), PREVIOUS_COMMITS.slice(PREVIOUS_COMMITS.indexOf('/') + 1)] as const;

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

/** Every environment variable commit-time detection reads (any of them set, even empty, sends the commit to node). */
export function envNames(): string[] {
  const names = new Set<string>([data.explicit.modelVar, data.explicit.agentVar, ...data.genericAgentVars]);
  for (const entry of data.env as unknown as { when: Record<string, string> }[]) for (const name of Object.keys(entry.when)) names.add(name);
  for (const name of names) if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`fast path: not a variable name: ${name}`);
  return [...names].sort();
}
