import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

const AI = '\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n';

interface Totals {
  lines: number;
  ai: number;
  human: number;
}
interface FileRow extends Totals {
  path: string;
}

function report(dir: string, args: string[]): { totals: Totals; files: FileRow[]; stderr: string } {
  const result = aitrail(dir, ['blame', ...args, '--format', 'json']);
  expect(result.code, result.stderr).toBe(0);
  const parsed = JSON.parse(result.stdout) as { totals: Totals; files: FileRow[] };
  return { ...parsed, stderr: result.stderr };
}

const rows = (files: FileRow[]) => files.map((file) => [file.path, file.lines, file.ai]);

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
