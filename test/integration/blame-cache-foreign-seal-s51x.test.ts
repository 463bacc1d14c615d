import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blameReport } from '../../src/report/blame-report.js';
import { trendReport } from '../../src/report/trend-report.js';
import { aitrail } from '../helpers/cli.js';
import { makeRepo, tempDir, type TestRepo } from '../helpers/gitdir.js';

// task s51x (after row 1018): since row 1018 every blame cache entry is sealed under AITRAIL_CACHE_SECRET or the
// clone's own .git/aitrail/cache-secret. A CI job set up from the older README (actions/cache of
// .git/aitrail/blame-cache, no secret) restores entries into a fresh checkout with a new key of
// its own: every entry is a miss, every run cold, and nothing said so. Now one warning says what
// happened and the fix, on stderr and in the JSON report's warnings, once per run; never for an
// empty cache, never when the entries are this key's.

const CLAUDE = '\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n';
const lines = (tag: string, count: number) => Array.from({ length: count }, (_, index) => `${tag} line ${index}`).join('\n') + '\n';
const cacheOf = (dir: string) => join(dir, '.git', 'aitrail', 'blame-cache');
const WARNING = /^aitrail: warning: (\d+) blame cache entries were not sealed under this clone's key .* Set AITRAIL_CACHE_SECRET from a repository secret; see README "Big repositories in CI"\.$/;

function histories() {
  const repo = makeRepo();
  repo.commit('human: start\n', { 'b.txt': lines('b', 10) });
  repo.commit(`ai: a${CLAUDE}`, { 'a.txt': lines('a', 12) });
  const clone = (): TestRepo => {
    const dir = tempDir();
    repo.git(['clone', '-q', '--no-local', repo.dir, dir]);
    return { ...repo, dir };
  };
  return { clone, repo };
}

const blame = (dir: string, env: NodeJS.ProcessEnv = {}) => {
  const result = aitrail(dir, ['blame', '--format', 'json'], { env });
  expect(result.code).toBe(0);
  return { stderr: result.stderr, report: JSON.parse(result.stdout) };
};

describe('a restored blame cache its run cannot read says so (task s51x, after row 1018)', () => {
  it('two clones, the cache folder copied: no secret warns once with the fix; the same secret is a quiet hit', async () => {
    const { clone } = histories();
    // The first CI run: a cold cache, nothing to say.
    const first = clone();
    const cold = blame(first.dir);
    expect(cold.stderr).toBe('');
    expect(cold.report.warnings).toBeUndefined();
    expect(cold.report.totals).toMatchObject({ lines: 22, ai: 12 });
    // The next CI run: a fresh checkout, the cache folder restored, no secret.
    const next = clone();
    cpSync(cacheOf(first.dir), cacheOf(next.dir), { recursive: true });
    const restored = blame(next.dir);
    const said = restored.stderr.trimEnd().split('\n');
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(WARNING);
    expect(Number(WARNING.exec(said[0]!)![1])).toBeGreaterThan(1);
    expect(restored.report.warnings).toEqual([said[0]!.replace(/^aitrail: warning: /, '')]);
    expect(restored.report.totals).toEqual(cold.report.totals);
    // Its own entries, written by that run: a hit, nothing said (the warning is not kept in the cache).
    expect(blame(next.dir)).toEqual({ stderr: '', report: cold.report });
    // An empty cache folder is no news.
    const empty = clone();
    mkdirSync(cacheOf(empty.dir), { recursive: true });
    expect(blame(empty.dir).stderr).toBe('');

    // With one secret on every run: the restored entries are a hit, nothing said.
    const env = { AITRAIL_CACHE_SECRET: 'the repository secret' };
    const sealed = clone();
    expect(blame(sealed.dir, env).stderr).toBe('');
    const later = clone();
    cpSync(cacheOf(sealed.dir), cacheOf(later.dir), { recursive: true });
    expect(blame(later.dir, env)).toEqual({ stderr: '', report: cold.report });
    // …and it was the restored whole report that answered (runs in this process, to see `cached`;
    // its build keys entries apart from the CLI's, so it writes its own first).
    const saved = process.env.AITRAIL_CACHE_SECRET;
    process.env.AITRAIL_CACHE_SECRET = env.AITRAIL_CACHE_SECRET;
    try {
      const said: string[] = [];
      const onWarning = (message: string) => said.push(message);
      const writer = clone();
      expect((await blameReport({ cwd: writer.dir, onWarning })).cached).toBe(false);
      const again = clone();
      cpSync(cacheOf(writer.dir), cacheOf(again.dir), { recursive: true });
      const result = await blameReport({ cwd: again.dir, onWarning });
      expect([result.cached, result.blamed, said]).toEqual([true, 0, []]);
      expect(result.report).toEqual(cold.report);
    } finally {
      if (saved === undefined) delete process.env.AITRAIL_CACHE_SECRET;
      else process.env.AITRAIL_CACHE_SECRET = saved;
    }
  });

  it('once per run, not once per process: two reports in one process each say it; a trend of three releases says it once (task s52a)', async () => {
    // The typed API (and a test worker) makes several reports in one process: the second restored
    // cache was cold without a word when "once" meant once per process (a CI run of the suite
    // failed on it, depending on which file its worker had run before).
    const { clone, repo } = histories();
    repo.commit(`ai: c${CLAUDE}`, { 'c.txt': lines('c', 5) });
    const first = clone();
    expect((await blameReport({ cwd: first.dir })).cached).toBe(false);
    await trendReport({ cwd: first.dir, revs: ['HEAD~2', 'HEAD~1', 'HEAD'] });
    const notSealed = /^\d+ blame cache entr(y was|ies were) not sealed under this clone's key /;
    for (let run = 0; run < 2; run += 1) {
      const next = clone();
      cpSync(cacheOf(first.dir), cacheOf(next.dir), { recursive: true });
      const said: string[] = [];
      const result = await blameReport({ cwd: next.dir, onWarning: (message) => said.push(message) });
      expect(said).toEqual([expect.stringMatching(notSealed)]);
      expect(result.report.warnings).toEqual(said);
    }
    const trendClone = clone();
    cpSync(cacheOf(first.dir), cacheOf(trendClone.dir), { recursive: true });
    const said: string[] = [];
    const trend = await trendReport({ cwd: trendClone.dir, revs: ['HEAD~2', 'HEAD~1', 'HEAD'], onWarning: (message) => said.push(message) });
    expect(trend.releases).toHaveLength(2);
    expect(said.filter((message) => notSealed.test(message))).toHaveLength(1);
    expect(trend.warnings?.filter((message) => notSealed.test(message))).toHaveLength(1);
  });
});
