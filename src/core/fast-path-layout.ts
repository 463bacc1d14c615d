import data from './data/signatures.json' with { type: 'json' };
import FAST_PATH_TEXTS from './data/fast-path-texts.generated.json' with { type: 'json' };
import { AI_AUTHOR } from './checkpoint/store-layout.js';

/**
 * The contract between the shims' fast path (src/install/fast-path.ts writes the sh) and the node
 * hooks that keep its stamp (src/hooks/fast-path-stamp.ts). The stamp lives in
 * `<git dir>/aitrail/fast-path/`: copies of the config files node validated, and a `version` file
 * naming the aitrail that did it and its package folder. The shim skips node only while each is
 * still true.
 */
export const FAST_PATH_DIR = 'fast-path';
export const FAST_PATH_VERSION_FILE = 'version';
/** The fixed strings a message or an amended commit must not hold for the shims to skip node (they match the same generated texts with `case`): see fastPathPatterns(). */
export const FAST_PATH_PATTERNS_FILE = 'patterns';

let patterns: Buffer | undefined;

/**
 * The patterns file of the stamp, one fixed string per line: every text a message signature or a
 * trailer key needs (lower case; read without case), and each byte outside printable ASCII but the
 * newline (detection reads NFKC, where such characters can become letters; git refuses a NUL in a
 * message). The shims now match the same generated texts with the shell's `case` (the stamp names
 * their version); the file stays part of the stamp. Written by node into `<git dir>`, never read
 * from the package (a checkout cannot change it).
 */
export function fastPathPatterns(): Buffer {
  if (!patterns) {
    let bytes = '';
    for (let byte = 1; byte < 256; byte += 1) if (byte !== 0x0a && (byte < 0x20 || byte > 0x7e)) bytes += `${String.fromCharCode(byte)}\n`;
    // One latin1 string, one Buffer (every text is ASCII): a hook builds it on every run to compare with the stamp's.
    patterns = Buffer.from(`${FAST_PATH_TEXTS.message.map((text) => `${text}\n`).join('')}${bytes}`, 'latin1');
  }
  return patterns;
}

/**
 * Entries of `<git dir>/aitrail/` that say nothing about the commit being made (caches, the stamp,
 * enforcement memory, temporary blame folders, the copy of the last note post-commit wrote, the
 * record of notes pushed, the author of the last commit node found a model in: the amend gate reads it).
 * Any other entry — a session, a template marker, anything a later aitrail
 * adds — sends the commit to node; so does the checkpoints folder while it holds a checkpoint
 * (src/install/fast-path.ts). A trailing `*` matches any end. (last-note and notes-pushed/ stay once
 * written: listed as a signal, they had turned the fast path off for good in any repository where
 * an agent had committed or notes had been pushed.)
 */
export const QUIET_STATE_ENTRIES = ['config-cache.json', FAST_PATH_DIR, 'blame-cache', 'policy.json', 'install.json', 'attr-*', 'last-note', 'notes-pushed', AI_AUTHOR.slice(AI_AUTHOR.indexOf('/') + 1)] as const;

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
