import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { blameJson } from '../helpers/blame-json.js';
import { aitrail } from '../helpers/cli.js';
import { forgeDates } from '../helpers/commit-graph.js';
import { QWEN } from '../helpers/enforce-repos.js';
import { makeRepo, removeTempDirs, TEST_GIT_ENV } from '../helpers/gitdir.js';

afterAll(removeTempDirs);

// Row 849 (review of 837): git 2.39's `git commit-graph verify` compares a commit's date
// only when the graph gives it a generation number; a graph whose generations are all 0 (as
// before git 2.19) may say any dates and still pass. git blame's `<since>..<rev>` walk marks the
// commits before the window by those dates: older-looking ones were never reached, and their lines
// counted as the window's.

const FILLER = Object.fromEntries(Array.from({ length: 16 }, (_, index) => [`docs/page-${index}.md`, `page ${index}\n`]));

describe('849: a --since report reads no commit-graph (its dates decide which commits are before the window)', () => {
  it("a graph with generation 0 and made-up dates passes verify; aitrail blame --since still counts only the window's lines (Qwen's 2)", () => {
    const repo = makeRepo();
    const old = repo.commit('docs: pages\n', { ...FILLER, 'src/crypto/aes.ts': 'export const a = 1;\n' });
    const main = repo.git(['rev-parse', '--abbrev-ref', 'HEAD']);
    repo.git(['branch', 'side']);
    const chain = Array.from({ length: 7 }, (_, index) => repo.commit(`chore: x ${index}\n`, { 'x.txt': `${'x\n'.repeat(index + 1)}` }));
    const since = repo.commit('chore: since\n', { 'x.txt': `${'x\n'.repeat(8)}` });
    repo.git(['checkout', '-q', 'side']);
    const qwen = repo.commit(`feat: aes\n\n${QWEN}\n`, { 'src/crypto/aes.ts': 'export const a = 1;\nexport const b = 2;\nexport const c = 3;\n' });
    repo.git(['merge', '-q', '--no-edit', main]);
    const merge = repo.git(['rev-parse', 'HEAD']);
    expect(blameJson(repo.dir, ['--no-cache', '--since', since]).totals).toMatchObject({ lines: 2, ai: 2 });
    const whole = blameJson(repo.dir, ['--no-cache']).totals;

    repo.git(['-c', 'commitGraph.generationVersion=1', 'commit-graph', 'write', '--reachable']);
    const graph = join(repo.dir, '.git', 'objects', 'info', 'commit-graph');
    // The window's commits look new, the person's first commit newer than the chain below `since`.
    forgeDates(graph, new Map([[merge, 100], [qwen, 90], [old, 80], [since, 10], ...chain.map((sha, index): [string, number] => [sha, 2 + index])]));
    expect(spawnSync('git', ['commit-graph', 'verify', '--no-progress'], { cwd: repo.dir, env: TEST_GIT_ENV }).status).toBe(0);
    // The attack is live: git blame reading the graph gives the first commit's lines to the window.
    const plain = repo.git(['blame', '--root', '-l', `${since}..${merge}`, '--', 'docs/page-0.md']);
    expect(plain.startsWith(old)).toBe(true);
    expect(blameJson(repo.dir, ['--no-cache', '--since', since]).totals).toMatchObject({ lines: 2, ai: 2 });
    // trend's pair is the same `--since` blame.
    const trend = aitrail(repo.dir, ['trend', since, merge, '--no-cache', '--format', 'json']);
    expect(trend.code, trend.stderr).toBe(0);
    expect((JSON.parse(trend.stdout) as { releases: { totals: { lines: number; ai: number } }[] }).releases.map((release) => release.totals)).toMatchObject([{ lines: 2, ai: 2 }]);
    // The whole-history report reads the graph (verify passed): the dates order its walk, not its result.
    expect(blameJson(repo.dir, ['--no-cache']).totals).toEqual(whole);
  });
});
