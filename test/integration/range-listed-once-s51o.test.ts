// Row 1003: judgeCommits listed the judged range with `git rev-list <range>` twice, once to find a commit object
// too large to read (row 943), once for the commits git shows otherwise than stored: the same command, the same
// answer, in check, pre-push and pre-receive. Now it is listed once for both. Replayed with the built CLI's `check`,
// git traced (GIT_TRACE).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo, tempDir } from '../helpers/gitdir.js';

describe('check lists the judged range once (row 1003)', () => {
  it('no git rev-list command runs twice with the same arguments', () => {
    const repo = makeRepo();
    repo.commit('policy', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' });
    repo.git(['checkout', '-q', '-b', 'feature']);
    repo.commit('feat: a', { 'a.ts': 'a\n' });
    repo.commit('feat: b', { 'b.ts': 'b\n' });
    const trace = join(tempDir('aitrail-trace-'), 'trace');
    const run = aitrail(repo.dir, ['check', 'main..feature'], { env: { GIT_TRACE: trace } });
    expect(run.code, run.stderr).toBe(0);
    const revLists = readFileSync(trace, 'utf8').split('\n').filter((line) => line.includes(' trace: built-in: git rev-list ')).map((line) => line.slice(line.indexOf(' git ') + 1));
    expect(revLists.length).toBeGreaterThan(0);
    expect(revLists.filter((command, at) => revLists.indexOf(command) !== at)).toEqual([]);
  });
});
