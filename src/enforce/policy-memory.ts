import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../core/types.js';
import { writeFileAtomicSync } from '../io/atomic-write.js';

/**
 * The policy a server last enforced, kept in its own git dir (`<git-dir>/aitrail/policy.json`):
 * what the default branch's committed config said, which commit it came from and which ref that
 * was. Read when the default branch is gone (deleted, or HEAD names another branch), so that a
 * ref pushed again as new is never judged by a config that came with it.
 */
export interface PolicyMemory {
  version: 1;
  /** The default branch it was read from (`refs/heads/main`), `null` for a detached HEAD. */
  ref: string | null;
  /** The commit the config was committed at. */
  commit: string;
  /** Where it was read, for people: `<sha>:.aitrailrc.yml` or `built-in defaults (…)`. */
  source: string;
  /** The validated config, exactly as it judged. */
  config: Config;
}

/** Where a repository keeps it: `<common-git-dir>/aitrail/policy.json`. */
export function policyMemoryPath(commonDir: string): string {
  return join(commonDir, 'aitrail', 'policy.json');
}

/**
 * The remembered policy: `null` when there is none; an Error naming what is wrong when the file
 * exists but does not hold a valid one (never silently taken as "none": that would reopen
 * the door the memory closes).
 */
export async function readPolicyMemory(path: string): Promise<PolicyMemory | null> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(`cannot read it (${(error as Error).message})`, { cause: error });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error('it is not JSON');
  }
  if (!isMemoryShape(data)) throw new Error('it does not hold a remembered policy (version 1: ref, commit, source, config)');
  const { validateConfig } = await import('../config/validate.js');
  const { config, problems } = validateConfig(data.config, 'config');
  if (!config) throw new Error(`its config is invalid (${problems.length} problems)`);
  return { version: 1, ref: data.ref, commit: data.commit, source: data.source, config };
}

function isMemoryShape(data: unknown): data is Omit<PolicyMemory, 'config'> & { config: unknown } {
  if (data === null || typeof data !== 'object') return false;
  const memory = data as Record<string, unknown>;
  return (
    memory.version === 1 &&
    (memory.ref === null || typeof memory.ref === 'string') &&
    typeof memory.commit === 'string' &&
    /^[0-9a-f]{40,64}$/.test(memory.commit) &&
    typeof memory.source === 'string'
  );
}

/** Two configs say the same thing (key order and spelling aside: both validated data). */
export function sameConfig(left: Config, right: Config): boolean {
  return canonical(left) === canonical(right);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The remembered commit, cheaply, without validating the rest (to decide whether to write). */
export function rememberedCommit(path: string): string | null {
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as { commit?: unknown };
    return typeof data.commit === 'string' ? data.commit : null;
  } catch {
    return null;
  }
}

/** Remember a policy (atomically: a reader sees the old memory or the new one). Throws a FileError naming the file and the cause. */
export function writePolicyMemory(path: string, memory: PolicyMemory): void {
  writeFileAtomicSync(path, `${JSON.stringify(memory, null, 2)}\n`, { mkdir: true });
}
