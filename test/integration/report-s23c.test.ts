import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blameJson, fileRows, type Totals } from '../helpers/blame-json.js';
import { aitrail, reportOf } from '../helpers/cli.js';
import { makeRepo, tempDir, TEST_GIT_ENV } from '../helpers/gitdir.js';

const AI = '\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n';

const report = blameJson;
const rows = fileRows;

describe('blame: an empty range is 0 lines, never the blame of HEAD', () => {
  it('--since and --rev on one commit (a release candidate and its release), or given the wrong way round, count nothing; the wrong way is said', () => {
    const repo = makeRepo();
    repo.commit('base\n', { 'f.txt': 'h1\n' });
    repo.git(['tag', 'v1.0.0']);
    repo.commit(`ai line${AI}`, { 'f.txt': 'h1\nai2\n' });
    repo.git(['tag', 'v1.1.0-rc1']);
    repo.git(['tag', '-a', '-m', 'release', 'v1.1.0']);
    // HEAD moves on: git blame of an empty range (v1.1.0-rc1..v1.1.0) blames HEAD instead.
    repo.commit(`ai line${AI}`, { 'f.txt': 'h1\nai2\nai3\n', 'g.txt': 'ai\n' });
    repo.write('f.txt', 'h1\nai2\nai3\nwork tree\n');

    const same = report(repo.dir, ['--since', 'v1.1.0-rc1', '--rev', 'v1.1.0', '--no-cache']);
    expect(same.totals).toMatchObject({ lines: 0, ai: 0, human: 0 });
    expect(same.files).toEqual([]);
    expect(same.stderr).toBe('');

    const backwards = report(repo.dir, ['--since', 'HEAD', '--rev', 'v1.0.0']);
    expect(backwards.totals).toMatchObject({ lines: 0, ai: 0 });
    expect(backwards.stderr).toContain("--since 'HEAD' already holds --rev 'v1.0.0'");
    // The cached answer says it again.
    expect(report(repo.dir, ['--since', 'HEAD', '--rev', 'v1.0.0']).stderr).toContain('already holds');

    const trend = aitrail(repo.dir, ['trend', '--tags', 'v*', '--format', 'json', '--no-cache']);
    expect(trend.code, trend.stderr).toBe(0);
    const releases = (JSON.parse(trend.stdout) as { releases: { sinceName: string; revName: string; totals: Totals }[] }).releases;
    expect(releases.map((release) => [`${release.sinceName}..${release.revName}`, release.totals.lines, release.totals.ai])).toEqual([
      ['v1.0.0..v1.1.0-rc1', 1, 1],
      ['v1.1.0-rc1..v1.1.0', 0, 0],
    ]);
  });
});

describe('blame: a line is not taken by adding or stripping the final newline', () => {
  it("an append to a file with no final newline leaves its last line to whoever wrote it, through a chain of such appends, with --since, cached or not", () => {
    const repo = makeRepo();
    // A person's file without a final newline; the agent appends a line (git blame: the agent's `}` too).
    repo.commit('human\n', { 'a.ts': 'h1\n}' });
    repo.commit(`append${AI}`, { 'a.ts': 'h1\n}\nai3\n' });
    // The agent's file without a final newline; a person appends a function ending in the same `}`.
    repo.commit(`agent file${AI}`, { 'b.ts': 'a1\n}' });
    repo.commit('human append\n', { 'b.ts': 'a1\n}\nh\n}\n' });
    // A person's `x`, the agent's `y` (each left open), then a person appends.
    repo.commit('x\n', { 'c.txt': 'x' });
    repo.commit(`y${AI}`, { 'c.txt': 'x\ny' });
    repo.commit('z\n', { 'c.txt': 'x\ny\nz\n' });
    // An editor strips the final newline of the agent's file; a person later appends.
    repo.commit(`agent${AI}`, { 'd.txt': 'q1\nq2\n' });
    repo.commit('strip final newline\n', { 'd.txt': 'q1\nq2' });
    repo.git(['tag', 'v1']);
    repo.commit('append n\n', { 'd.txt': 'q1\nq2\nn\n' });

    const truth = [
      ['a.ts', 3, 1],
      ['b.ts', 4, 2],
      ['c.txt', 3, 1],
      ['d.txt', 3, 2],
    ];
    expect(rows(report(repo.dir, ['--no-cache']).files)).toEqual(truth);
    expect(rows(report(repo.dir, []).files)).toEqual(truth);
    expect(rows(report(repo.dir, []).files)).toEqual(truth);
    // After v1 only `n` is new: q2 was there before it.
    expect(rows(report(repo.dir, ['--since', 'v1', '--no-cache']).files)).toEqual([['d.txt', 1, 0]]);
    // -w already reads `}` and `}\n` alike: the same numbers.
    expect(rows(report(repo.dir, ['-w', '--no-cache']).files)).toEqual(truth);
  });
});

describe('blame: the incremental cache after history is rewired by git replace', () => {
  it('a walk remembered before `git replace --graft` never stands for one after: every cached run equals --no-cache', () => {
    const repo = makeRepo();
    repo.commit('base\n', { 'p.txt': 'h\n', 'q.txt': 'q\n' });
    const agent = repo.commit(`ai line${AI}`, { 'p.txt': 'h\nai\n' });
    repo.commit('human\n', { 'q.txt': 'q2\n' });
    report(repo.dir, []);
    // The tip now shows the base as its parent: its p.txt line `ai` is the tip's (a person's).
    repo.git(['replace', '--graft', 'HEAD', 'HEAD~2']);
    expect(rows(report(repo.dir, []).files)).toEqual(rows(report(repo.dir, ['--no-cache']).files));
    const fresh = rows(report(repo.dir, ['--rev', agent, '--no-cache']).files);
    expect(fresh).toEqual([
      ['p.txt', 2, 1],
      ['q.txt', 1, 0],
    ]);
    expect(rows(report(repo.dir, ['--rev', agent]).files)).toEqual(fresh);
  });
});

describe('blame in a partial clone', () => {
  it('counts as a full clone while its remote answers; once it cannot fetch a missing version it says it is a partial clone (exit 3)', () => {
    const repo = makeRepo();
    repo.commit('base\n', { 'a.txt': 'h1\nh2\n' });
    repo.commit(`ai line${AI}`, { 'a.txt': 'h1\nai\nh2\n' });
    repo.commit('human\n', { 'a.txt': 'h1\nai\nh2\nh3\n' });
    repo.git(['config', 'uploadpack.allowFilter', 'true']);
    repo.git(['config', 'uploadpack.allowAnySHA1InWant', 'true']);
    const clone = (name: string) => {
      const dir = join(tempDir(), name);
      execFileSync('git', ['clone', '-q', '--filter=blob:none', `file://${repo.dir}`, dir], { env: TEST_GIT_ENV });
      return dir;
    };
    const full = rows(report(repo.dir, ['--no-cache']).files);
    expect(full).toEqual([['a.txt', 4, 1]]);
    expect(rows(report(clone('reachable'), ['--no-cache']).files)).toEqual(full);

    const cut = clone('cut-off');
    execFileSync('git', ['remote', 'set-url', 'origin', join(tempDir(), 'gone')], { cwd: cut, env: TEST_GIT_ENV });
    for (const command of [['blame'], ['trend', 'HEAD~2', 'HEAD']]) {
      const result = aitrail(cut, [...command, '--format', 'json', '--no-cache']);
      expect(result.code).toBe(3);
      expect(reportOf(result.stdout)).toBe('');
      expect(result.stderr).toContain('this is a partial clone (cloned with --filter)');
      expect(result.stderr).toContain('git clone without --filter');
    }
  });
});
