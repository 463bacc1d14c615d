import { readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/** Keep the `keep` most recently modified `*.json` entries of a cache directory, drop the rest; failures only cost space. */
export async function pruneOldest(dir: string, keep: number): Promise<void> {
  try {
    const names = (await readdir(dir)).filter((name) => name.endsWith('.json'));
    if (names.length <= keep) return;
    const dated = await Promise.all(names.map(async (name) => ({ name, time: (await stat(join(dir, name)).catch(() => ({ mtimeMs: 0 }))).mtimeMs })));
    dated.sort((a, b) => b.time - a.time);
    await Promise.all(dated.slice(keep).map(({ name }) => unlink(join(dir, name)).catch(() => {})));
  } catch {
    // nothing to prune
  }
}
