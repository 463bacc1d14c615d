import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail, reportOf } from '../helpers/cli.js';
import { makeRepo, tempDir } from '../helpers/gitdir.js';

// row 828: `trend --tags 'v*'` over thousands of tags (anyone who can push a tag can add them) blamed every
// consecutive pair, one after the other, before printing a word: 10,000 tags ran past 5 minutes (about 32 ms a
// pair on one commit, far more on a real history). Now more than 1,000 releases is refused up front, exit 2.
describe('trend over more tags than it compares unless told (s47g)', () => {
  it('row 828: 1,002 tags are refused at once with the way out; --max-releases allows them', () => {
    const repo = makeRepo();
    repo.commit('one\n', { 'a.ts': 'a();\n' });
    const head = repo.commit('two\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', { 'b.ts': 'b();\n' });
    const lines = Array.from({ length: 1002 }, (_, index) => `create refs/tags/v1.${index} ${head}\n`).join('');
    repo.git(['update-ref', '--stdin'], { input: lines });
    // "At once" as a count of the git processes the run started (GIT_TRACE), not wall time, which a loaded machine stretches.
    const trace = join(tempDir('aitrail-trend-trace-'), 'trace');
    const refused = aitrail(repo.dir, ['trend', '--tags', 'v*', '--format', 'json'], { env: { GIT_TRACE: trace } });
    expect(refused.code, refused.stderr).toBe(2);
    expect(reportOf(refused.stdout)).toBe('');
    expect(refused.stderr).toContain("trend would compare 1,002 revisions: 1,001 releases, one blame each, more than the 1,000 it compares unless told (--tags 'v*' matched them");
    expect(refused.stderr).toContain('--max-releases <n>');
    const gits = readFileSync(trace, 'utf8').split('\n').filter((line) => / trace: built-in: git /.test(line));
    expect(gits.filter((line) => / blame /.test(line))).toEqual([]);
    expect(gits.length, gits.join('\n')).toBeLessThan(10);
    // A small cap refuses a small run; the flag allows what it names.
    repo.git(['tag', 'r1', `${head}~1`]);
    repo.git(['tag', 'r2', head]);
    expect(aitrail(repo.dir, ['trend', 'r1', 'r2', 'HEAD', '--max-releases', '1']).stderr).toContain('trend would compare 3 revisions: 2 releases');
    const allowed = aitrail(repo.dir, ['trend', 'r1', 'r2', 'HEAD', '--max-releases', '2', '--format', 'json']);
    expect(allowed.code, allowed.stderr).toBe(0);
    expect((JSON.parse(allowed.stdout) as { releases: { totals: { ai: number } }[] }).releases.map((release) => release.totals.ai)).toEqual([1, 0]);
    for (const bad of ['0', '1.5', 'x']) expect(aitrail(repo.dir, ['trend', 'r1', 'r2', '--max-releases', bad]).stderr).toContain('--max-releases takes a whole number of 1 or more');
  });
});
