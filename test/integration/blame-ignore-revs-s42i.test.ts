import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

// Row 589 names a person's ignored commit whose lines git blame hands to an agent, but read a
// merge's changed files as none: a person who rewrites Qwen's lines inside a merge commit (its
// conflict resolution, or an "evil merge") and lists the merge in .git-blame-ignore-revs got the
// lines counted as Qwen's with no word.

interface BlameJson {
  totals: { lines: number; ai: number };
  ignoredHuman?: string[];
}

const QWEN = 'Assisted-by: qwen-code:qwen/qwen3-coder';

describe('an ignored merge commit that rewrote an agent\'s lines', () => {
  it('is named (ignoredHuman, stderr); a merge that changed no AI file itself is not', () => {
    const repo = makeRepo();
    repo.commit('human: start\n', { 'p.js': 'h1\nh2\n' });
    const qwen = repo.commit(`feat: compute\n\n${QWEN}\n`, { 'p.js': 'h1\nconst q1 = compute(a, b);\nconst q2 = compute(c, d);\nh2\n' });
    repo.git(['checkout', '-q', '-b', 'side']);
    repo.commit('side work\n', { 'side.txt': 'y\n' });
    repo.git(['checkout', '-q', 'main']);
    repo.commit('main work\n', { 'main.txt': 'z\n' });
    // A plain merge of the side branch: it changed no file against both parents.
    repo.git(['merge', '-q', '--no-ff', '-m', 'Merge side', 'side']);
    const plain = repo.git(['rev-parse', 'HEAD']).trim();
    repo.git(['checkout', '-q', '-b', 'side2']);
    repo.commit('side work 2\n', { 'side2.txt': 'y\n' });
    repo.git(['checkout', '-q', 'main']);
    repo.commit('main work 2\n', { 'main2.txt': 'z\n' });
    // The person's merge rewrites Qwen's two lines as it merges.
    repo.git(['merge', '-q', '--no-ff', '--no-commit', 'side2']);
    writeFileSync(join(repo.dir, 'p.js'), 'h1\nconst q1 = compute(a, b) + mine(1);\nconst q2 = other(c, d, e);\nh2\n');
    repo.git(['add', 'p.js']);
    repo.git(['commit', '-q', '-m', 'Merge side2']);
    const evil = repo.git(['rev-parse', 'HEAD']).trim();
    repo.commit('chore: ignore merges\n', { '.git-blame-ignore-revs': `${plain}\n${evil}\n` });
    repo.git(['config', 'blame.ignoreRevsFile', '.git-blame-ignore-revs']);
    // The real git state: the merge's lines are blamed on Qwen's commit.
    const blamed = repo.git(['blame', '--line-porcelain', 'p.js']).split('\n').filter((line) => /^[0-9a-f]{40} /.test(line)).map((line) => line.slice(0, 40));
    expect(blamed.slice(1, 3)).toEqual([qwen, qwen]);
    const result = aitrail(repo.dir, ['blame', '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as BlameJson;
    expect(report.totals.ai).toBe(2);
    expect(report.ignoredHuman).toEqual([evil]);
    expect(result.stderr).toContain(`git blame was told to ignore 1 commit without AI attribution (${evil.slice(0, 12)})`);
    // Cleared: the merge's lines are the person's.
    expect((JSON.parse(aitrail(repo.dir, ['blame', '--format', 'json', '--ignore-revs-file', '']).stdout) as BlameJson).totals.ai).toBe(0);
  });
});
