import { createHash } from 'node:crypto';
import { utimes } from 'node:fs/promises';
import { join } from 'node:path';
import type { OriginGroup } from '../core/blame/parse-origins.js';
import { readSealed, writeSealed } from './cache-seal.js';
import { pruneOldest } from './prune-oldest.js';

/**
 * What following a revert (or a backport) back to the lines' writers found, kept beside the
 * per-file blames: `<cache dir>/reverts/<key>.json`. Both answers depend only on commits (their
 * shas name their content and history) and on the run's options and environment (`keyBase`, as
 * for file entries): an incremental report asks git again only about reverts it has not met.
 * Entries are validated on read (anything malformed is a miss); failures to write only cost speed.
 */
const KEEP_AT_LEAST = 20_000;
const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

export interface RevertMemo {
  /** Whether `ancestor` is in the history of `of` (immutable for two commits). */
  ancestry(ancestor: string, of: string, compute: () => Promise<boolean>): Promise<boolean>;
  /** What blame said of `lines` of `path` at `revert` grafted onto `restores`. */
  restored(job: { revert: string; restores: string; path: string; lines: ReadonlyArray<readonly [number, number]> }, compute: () => Promise<OriginGroup[]>): Promise<OriginGroup[]>;
  /** Bound the directory (least recently used first). */
  prune(): Promise<void>;
}

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

function validGroups(data: unknown): OriginGroup[] | null {
  if (!Array.isArray(data)) return null;
  const groups: OriginGroup[] = [];
  for (const item of data as unknown[]) {
    const group = item as Partial<OriginGroup> | null;
    if (typeof group !== 'object' || group === null || typeof group.sha !== 'string' || !SHA.test(group.sha) || typeof group.boundary !== 'boolean' || typeof group.originPath !== 'string') return null;
    if (!isCount(group.originLine) || !isCount(group.finalLine) || !isCount(group.count)) return null;
    groups.push({ sha: group.sha, boundary: group.boundary, originPath: group.originPath, originLine: group.originLine, finalLine: group.finalLine, count: group.count });
  }
  return groups;
}

/** The memo in `cacheDir` under `keyBase`; `null` (no cache) computes every answer. */
export function revertMemo(cache: { dir: string; keyBase: string } | null): RevertMemo {
  if (!cache) return { ancestry: (_a, _o, compute) => compute(), restored: (_job, compute) => compute(), prune: async () => {} };
  const root = cache.dir;
  const dir = join(root, 'reverts');
  const keyOf = (parts: unknown[]) => createHash('sha256').update(JSON.stringify([cache.keyBase, ...parts])).digest('hex');
  async function remembered<T>(key: string, validate: (value: unknown) => T | null, compute: () => Promise<T>): Promise<T> {
    const file = join(dir, `${key}.json`);
    try {
      const entry = ((await readSealed(root, file)) ?? {}) as { key?: unknown; value?: unknown };
      const value = entry.key === key ? validate(entry.value) : null;
      if (value !== null) {
        const now = new Date();
        await utimes(file, now, now).catch(() => {});
        return value;
      }
    } catch {
      // a miss
    }
    const value = await compute();
    await writeSealed(root, file, { key, value }).catch(() => {});
    return value;
  }
  return {
    ancestry: (ancestor, of, compute) => remembered(keyOf(['ancestry', ancestor, of]), (value) => (typeof value === 'boolean' ? value : null), compute),
    restored: (job, compute) => remembered(keyOf(['restored', job.revert, job.restores, job.path, job.lines]), validGroups, compute),
    prune: () => pruneOldest(dir, KEEP_AT_LEAST),
  };
}
