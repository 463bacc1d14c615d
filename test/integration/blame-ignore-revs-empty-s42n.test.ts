// `git config blame.ignoreRevsFile ''` (git's way to say "no file": blame reads none and works) was
// expanded to the repository's own directory and refused as not a regular file.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

const QWEN = '\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n';

describe('blame: an empty blame.ignoreRevsFile names no file', () => {
  it('counts as git blame does, cached or not, instead of refusing', () => {
    const repo = makeRepo();
    repo.commit('human\n', { 'a.ts': 'h1();\n' });
    repo.commit(`parser${QWEN}`, { 'a.ts': 'h1();\nq1();\nq2();\n' });
    repo.git(['config', 'blame.ignoreRevsFile', '']);
    // git itself blames with it.
    expect(repo.git(['blame', '--porcelain', 'a.ts'])).toContain('q2();');
    for (const args of [['--no-cache'], [], []]) {
      const result = aitrail(repo.dir, ['blame', ...args, '--format', 'json']);
      expect(result.code, result.stderr).toBe(0);
      const { lines, ai } = (JSON.parse(result.stdout) as { totals: { lines: number; ai: number } }).totals;
      expect({ lines, ai }).toEqual({ lines: 3, ai: 2 });
    }
  });
});
