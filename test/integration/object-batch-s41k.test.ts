import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/index.js';
import { closeObjectBatches, objectInfoLines } from '../../src/git/object-batch.js';
import { makeRepo } from '../helpers/gitdir.js';

/** This process's `git cat-file` children still alive. */
function catFileChildren(): string[] {
  const out = execFileSync('ps', ['-o', 'args=', '--ppid', String(process.pid)], { encoding: 'utf8' });
  return out.split('\n').filter((line) => /\bgit cat-file\b/.test(line));
}

/** catFileChildren once those told to end have ended (they answer what they were asked, then exit). */
async function settledCatFiles(most: number): Promise<string[]> {
  for (let tries = 0; tries < 100 && catFileChildren().length > most; tries += 1) await new Promise((done) => setTimeout(done, 50));
  return catFileChildren();
}

describe('the shared cat-file processes of a program judging many repositories (API)', () => {
  it('stay few: the least recently asked ends, and a repository asked again is answered by a new one', async () => {
    await closeObjectBatches();
    const repos = Array.from({ length: 12 }, () => {
      const repo = makeRepo();
      repo.git(['commit', '-q', '--allow-empty', '-m', 'feat: x\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6']);
      return repo;
    });
    for (const repo of repos) {
      const report = await check({ cwd: repo.dir, range: 'HEAD' });
      expect(report.violations).toEqual([]);
    }
    // At 3718f3b: 12 `git cat-file --batch-check` alive, one per repository ever judged, until the program ended.
    expect((await settledCatFiles(8)).length).toBeLessThanOrEqual(8);
    const first = repos[0]!;
    const head = first.git(['rev-parse', 'HEAD']);
    expect(await objectInfoLines(first.dir, [head, `${head}^{tree}`])).toEqual([expect.stringMatching(new RegExp(`^${head} commit \\d+$`)), expect.stringMatching(/^[0-9a-f]{40} tree \d+$/)]);
    await closeObjectBatches();
    expect(await settledCatFiles(0)).toEqual([]);
  });
});
