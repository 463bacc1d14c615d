import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blameReport } from '../../src/report/blame-report.js';
import { trendReport } from '../../src/report/trend-report.js';
import { makeRepo, tempDir, type TestRepo } from '../helpers/gitdir.js';

// row 1045: a trend says the restored cache's warning once (task s52a), but with the count of its first
// release alone: the entries every later release found sealed under another key (and computed again) were
// left out of the figure, so a trend over a restored CI cache said "7 entries … ignored" where 15 were.

const CLAUDE = '\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n';
const lines = (tag: string, count: number) => Array.from({ length: count }, (_, index) => `${tag} line ${index}`).join('\n') + '\n';
const cacheOf = (dir: string) => join(dir, '.git', 'aitrail', 'blame-cache');
const COUNT = /^(\d+) blame cache entr(?:y was|ies were) not sealed under this clone's key /;

/** How many entries the one seal warning among `said` counted (0: none said); never two such warnings. */
function counted(said: readonly string[]): number {
  const found = said.map((message) => COUNT.exec(message)).filter((match) => match !== null);
  expect(found.length).toBeLessThanOrEqual(1);
  return found.length === 0 ? 0 : Number(found[0]![1]);
}

describe("a trend's restored-cache warning counts every release's foreign entries (row 1045)", () => {
  it('said once, with more than the first release read, and no more than the releases read alone', async () => {
    const repo = makeRepo();
    repo.commit('human: start\n', { 'b.txt': lines('b', 10) });
    for (let at = 0; at < 6; at += 1) {
      repo.commit(`ai: f${at}${CLAUDE}`, { [`f${at}.txt`]: lines(`f${at}`, 3 + at) });
      if (at === 1) repo.git(['tag', 'v1']);
      if (at === 3) repo.git(['tag', 'v2']);
    }
    repo.git(['tag', 'v3']);
    const clone = (): TestRepo => {
      const dir = tempDir();
      repo.git(['clone', '-q', '--no-local', repo.dir, dir]);
      return { ...repo, dir };
    };
    // One clone's cache, written by a trend of its own (every release's entries), restored into others (another key each).
    const first = clone();
    await trendReport({ cwd: first.dir, revs: ['v1', 'v2', 'v3'] });
    const restored = (): TestRepo => {
      const next = clone();
      cpSync(cacheOf(first.dir), cacheOf(next.dir), { recursive: true });
      return next;
    };
    const alone = async (since: string, rev: string) => {
      const said: string[] = [];
      await blameReport({ cwd: restored().dir, since, rev, onWarning: (message) => said.push(message) });
      return counted(said);
    };
    const firstRelease = await alone('v1', 'v2');
    const secondRelease = await alone('v2', 'v3');
    expect(firstRelease).toBeGreaterThan(0);
    expect(secondRelease).toBeGreaterThan(0);

    const said: string[] = [];
    const trend = await trendReport({ cwd: restored().dir, revs: ['v1', 'v2', 'v3'], onWarning: (message) => said.push(message) });
    expect(trend.releases).toHaveLength(2);
    const total = counted(said);
    // Without the fix: exactly firstRelease. The second release may find a few entries the first one sealed again.
    expect(total).toBeGreaterThan(firstRelease);
    expect(total).toBeLessThanOrEqual(firstRelease + secondRelease);
    expect(trend.warnings?.filter((message) => COUNT.test(message))).toEqual([said.find((message) => COUNT.test(message))]);
  });
});
