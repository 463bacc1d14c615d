import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readSealed, writeSealed } from './cache-seal.js';
import { pruneOldest } from './prune-oldest.js';

/**
 * The anchors of one finished walk (see core/blame/blame-anchors.ts), kept so the next walk stops
 * where this one began: `<cache dir>/anchors/<key>.json`, the key made of (since, rev) — commits,
 * so valid in any clone. After a new commit, the walk reads one or two commits instead of going
 * back to wherever the oldest untouched file was last changed. The newest KEEP are kept.
 */
const KEEP = 32;
const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

export interface AnchorSnapshots {
  /** The snapshot key of a walk from `rev`, or null when no snapshot is stored for it. */
  has(rev: string): string | null;
  read(key: string): Promise<ReadonlyMap<string, string> | null>;
  write(rev: string, anchors: ReadonlyMap<string, string>): Promise<void>;
}

const keyOf = (scope: string, since: string | null, rev: string) => createHash('sha256').update(`anchors-2\0${scope}\0${since ?? ''}\0${rev}`).digest('hex');

/**
 * The snapshots under `cacheDir` for walks bounded by `since` (their names listed once), under
 * `scope`: the history git shows (replace refs, grafts, the shallow boundary: the per-file key's
 * `keyBase`). A walk is of the first-parent chain git shows, so a snapshot taken before
 * `git replace --graft` rewired it must never stand for a walk after.
 */
export async function anchorSnapshots(cacheDir: string, since: string | null, scope: string): Promise<AnchorSnapshots> {
  const dir = join(cacheDir, 'anchors');
  const names = new Set(await readdir(dir).catch(() => [] as string[]));
  return {
    has: (rev) => (names.has(`${keyOf(scope, since, rev)}.json`) ? keyOf(scope, since, rev) : null),
    async read(key) {
      try {
        const data = ((await readSealed(cacheDir, join(dir, `${key}.json`))) ?? {}) as { key?: unknown; anchors?: unknown };
        if (data.key !== key || !Array.isArray(data.anchors)) return null;
        const anchors = new Map<string, string>();
        for (const pair of data.anchors as unknown[]) {
          if (!Array.isArray(pair) || typeof pair[0] !== 'string' || typeof pair[1] !== 'string' || !SHA.test(pair[1])) return null;
          anchors.set(pair[0], pair[1]);
        }
        return anchors;
      } catch {
        return null;
      }
    },
    async write(rev, anchors) {
      const key = keyOf(scope, since, rev);
      try {
        await writeSealed(cacheDir, join(dir, `${key}.json`), { key, anchors: [...anchors] });
        await pruneOldest(dir, KEEP);
      } catch {
        // no cache, no harm
      }
    },
  };
}
