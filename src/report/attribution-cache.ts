import { join } from 'node:path';
import type { CommitModels } from '../core/blame/types.js';
import { readSealed, writeSealed } from './cache-seal.js';
import type { Attributions } from './commit-attributions.js';

/**
 * What detection said about each commit, kept between runs: `<cache dir>/commits/<key>.json`,
 * the key made of everything detection reads besides the commit itself (the detect config, the
 * aitrail version, replace refs and grafts). A commit is immutable, so an entry never goes stale.
 * Bounded: past MAX commits, only those of the last run are kept.
 */
const MAX = 200_000;
const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
const SLUG = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= 200;

interface Stored {
  key: string;
  values: { models: string[]; agents: string[] }[];
  /** sha → index in `values`, or -1 for a commit with no AI. */
  commits: Record<string, number>;
}

/** The stored attributions for `key` (empty when there are none, or they are not well-formed). */
export async function readAttributions(dir: string, key: string): Promise<Attributions> {
  try {
    return decode((await readSealed(dir, join(dir, 'commits', `${key}.json`))) as Stored | null, key) ?? new Map();
  } catch {
    return new Map();
  }
}

function decode(data: Stored | null, key: string): Attributions | null {
  if (data?.key !== key || !Array.isArray(data.values) || typeof data.commits !== 'object' || data.commits === null) return null;
  const values: CommitModels[] = [];
  for (const value of data.values) {
    if (!Array.isArray(value?.models) || !Array.isArray(value.agents) || !value.models.every(SLUG) || !value.agents.every(SLUG) || value.models.length === 0) return null;
    values.push({ models: value.models, agents: value.agents });
  }
  const found: Attributions = new Map();
  for (const [sha, index] of Object.entries(data.commits)) {
    if (!SHA.test(sha) || !Number.isSafeInteger(index) || index < -1 || index >= values.length) return null;
    found.set(sha, index === -1 ? null : values[index]!);
  }
  return found;
}

/** Store `known` plus `added` (only `added`'s commits when the union is past MAX). Failures only cost speed. */
export async function writeAttributions(dir: string, key: string, known: Attributions, added: Attributions, used: ReadonlySet<string>): Promise<void> {
  const all = new Map(known.size + added.size > MAX ? [...known].filter(([sha]) => used.has(sha)) : known);
  for (const [sha, value] of added) all.set(sha, value);
  const values: Stored['values'] = [];
  const index = new Map<CommitModels, number>();
  const commits: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const [sha, value] of all) {
    if (!value) {
      commits[sha] = -1;
      continue;
    }
    let at = index.get(value);
    if (at === undefined) index.set(value, (at = values.push({ models: [...value.models], agents: [...value.agents] }) - 1));
    commits[sha] = at;
  }
  try {
    await writeSealed(dir, join(dir, 'commits', `${key}.json`), { key, values, commits });
  } catch {
    // no cache, no harm
  }
}
