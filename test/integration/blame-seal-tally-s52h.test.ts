import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blameReport } from '../../src/report/blame-report.js';
import { makeRepo, tempDir, type TestRepo } from '../helpers/gitdir.js';

// row 1021: the count of blame cache entries found unsealed or sealed under another key (task s51x,
// after row 1018) was one number for the whole process, taken by whichever report ended next. In one
// process (the typed API, a test worker with isolate: false): two reports at once on two repositories
// each said the other's count, or the sum, or nothing; and a report that failed after reading restored
// entries left its count to the next report, of another repository, which then warned of entries it never had.

const CLAUDE = '\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n';
const lines = (tag: string, count: number) => Array.from({ length: count }, (_, index) => `${tag} line ${index}`).join('\n') + '\n';
const cacheOf = (dir: string) => join(dir, '.git', 'aitrail', 'blame-cache');
const COUNT = /^(\d+) blame cache entr(?:y was|ies were) not sealed under this clone's key /;

/** A history of `files` files, and clones of it (each with a sealing key of its own). */
function history(files: number) {
  const repo = makeRepo();
  repo.commit('human: start\n', { 'b.txt': lines('b', 10) });
  for (let at = 0; at < files; at += 1) repo.commit(`ai: f${at}${CLAUDE}`, { [`f${at}.txt`]: lines(`f${at}`, 3 + at) });
  return (): TestRepo => {
    const dir = tempDir();
    repo.git(['clone', '-q', '--no-local', repo.dir, dir]);
    return { ...repo, dir };
  };
}

/** A clone whose cache folder is another clone's, written by one report: every entry fails this clone's seal. */
async function restored(clone: () => TestRepo): Promise<TestRepo> {
  const first = clone();
  expect((await blameReport({ cwd: first.dir })).cached).toBe(false);
  const next = clone();
  cpSync(cacheOf(first.dir), cacheOf(next.dir), { recursive: true });
  return next;
}

/** The report's warnings, and how many entries its seal warning counted (0: none said). */
async function report(dir: string): Promise<{ said: string[]; count: number }> {
  const said: string[] = [];
  await blameReport({ cwd: dir, jobs: 1, onWarning: (message) => said.push(message) });
  const counted = said.map((message) => COUNT.exec(message)).filter((match) => match !== null);
  expect(counted.length).toBeLessThanOrEqual(1);
  return { said, count: counted.length === 0 ? 0 : Number(counted[0]![1]) };
}

describe('each report counts the foreign cache entries it read, and no other report\'s (row 1021)', () => {
  it('a report that failed after reading restored entries leaves nothing for the next report, of another repository', async () => {
    const small = history(2);
    const failing = await restored(small);
    // The caller's progress callback throws (a typed API program's own bug, or its way to give up):
    // the report fails after the restored entries were read.
    await expect(
      blameReport({
        cwd: failing.dir,
        jobs: 1,
        onProgress: () => {
          throw new Error('given up by the caller');
        },
      }),
    ).rejects.toThrow('given up by the caller');
    // A clean repository's cold report: nothing to say.
    const clean = history(1)();
    expect(await report(clean.dir)).toEqual({ said: [], count: 0 });
  });

  it('two reports at once on two repositories: each says its own count', async () => {
    const one = await restored(history(2));
    const two = await restored(history(5));
    // Alone, one after the other: what each has to say.
    const alone = [await report((await restored(history(2))).dir), await report((await restored(history(5))).dir)];
    expect(alone[0]!.count).toBeGreaterThan(0);
    expect(alone[1]!.count).toBeGreaterThan(alone[0]!.count);
    // At once, in one process.
    const both = await Promise.all([report(one.dir), report(two.dir)]);
    expect(both.map((each) => each.count)).toEqual(alone.map((each) => each.count));
  });
});
