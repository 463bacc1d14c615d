import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { emptyCounts, type BlameReport, type Counts } from '../core/blame/types.js';

/**
 * Whole-report cache under `<common-git-dir>/aitrail/blame-cache/<key>.json`. The key (see
 * blame-report.ts) holds everything the answer depends on, so an entry is never stale: it is
 * simply never looked up again once history, options, config or environment change. The newest
 * KEEP entries are kept.
 */
const KEEP = 64;

export function cacheDir(commonDir: string): string {
  return join(commonDir, 'aitrail', 'blame-cache');
}

function revive(counts: Counts): Counts {
  return Object.assign(emptyCounts(), counts);
}

export async function readCachedReport(dir: string, key: string): Promise<BlameReport | null> {
  try {
    const data = JSON.parse(await readFile(join(dir, `${key}.json`), 'utf8')) as { key: string; report: BlameReport };
    if (data.key !== key) return null;
    const { report } = data;
    report.totals.byModel = revive(report.totals.byModel);
    report.totals.byAgent = revive(report.totals.byAgent);
    for (const file of report.files) {
      file.byModel = revive(file.byModel);
      file.byAgent = revive(file.byAgent);
    }
    return report;
  } catch {
    return null;
  }
}

/** Write atomically (temp file + rename) and prune old entries; failures only cost speed. */
export async function writeCachedReport(dir: string, key: string, report: BlameReport): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    const temp = join(dir, `.${key}.${process.pid}.tmp`);
    await writeFile(temp, JSON.stringify({ key, report }));
    await rename(temp, join(dir, `${key}.json`));
    const names = (await readdir(dir)).filter((name) => name.endsWith('.json'));
    if (names.length <= KEEP) return;
    const dated = await Promise.all(names.map(async (name) => ({ name, time: (await stat(join(dir, name))).mtimeMs })));
    dated.sort((a, b) => b.time - a.time);
    await Promise.all(dated.slice(KEEP).map(({ name }) => unlink(join(dir, name)).catch(() => {})));
  } catch {
    // A read-only git dir just means no cache.
  }
}
