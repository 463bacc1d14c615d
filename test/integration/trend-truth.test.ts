import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

interface Release {
  sinceName: string;
  revName: string;
  totals: { lines: number; ai: number; human: number };
}

const AI = '\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n';

function releases(dir: string, args: string[], env?: NodeJS.ProcessEnv): Release[] {
  const result = aitrail(dir, ['trend', ...args, '--format', 'json', '--no-cache'], env ? { env } : {});
  expect(result.code, result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as { releases: Release[] }).releases;
}

describe('aitrail trend: the numbers a project would publish per release', () => {
  it('pre-release tags (v1.0.0-rc1) come before their release, as SemVer orders them: no pair runs backwards, no line counts twice', () => {
    const repo = makeRepo();
    repo.commit('base\n', { 'f.txt': 'h1\n' });
    repo.git(['tag', 'v0.9.0']);
    repo.commit(`ai line${AI}`, { 'f.txt': 'h1\nai2\n' });
    repo.git(['tag', 'v1.0.0-rc1']);
    repo.commit('human line\n', { 'f.txt': 'h1\nai2\nh3\n' });
    repo.git(['tag', 'v1.0.0-rc2']);
    repo.commit('human line\n', { 'f.txt': 'h1\nai2\nh3\nh4\n' });
    repo.git(['tag', '-a', '-m', 'release 1.0.0', 'v1.0.0']);
    repo.commit(`ai line${AI}`, { 'f.txt': 'h1\nai2\nh3\nh4\nai5\n' });
    repo.git(['tag', 'v1.1.0']);

    const found = releases(repo.dir, ['--tags', 'v*']);
    expect(found.map((release) => [`${release.sinceName}..${release.revName}`, release.totals.lines, release.totals.ai])).toEqual([
      ['v0.9.0..v1.0.0-rc1', 1, 1],
      ['v1.0.0-rc1..v1.0.0-rc2', 1, 0],
      ['v1.0.0-rc2..v1.0.0', 1, 0],
      ['v1.0.0..v1.1.0', 1, 1],
    ]);
    // Every line after v0.9.0 counted exactly once.
    expect(found.reduce((sum, release) => sum + release.totals.lines, 0)).toBe(4);

    // A project that set its own versionsort.suffix keeps git's order by it.
    repo.git(['config', 'versionsort.suffix', '-rc2']);
    expect(releases(repo.dir, ['--tags', 'v*']).map((release) => release.revName)).toEqual(['v1.0.0-rc2', 'v1.0.0', 'v1.0.0-rc1', 'v1.1.0']);
  });
});

describe('aitrail trend: SemVer pre-releases that hold a hyphen themselves', () => {
  it('v1.0.0-beta, v1.0.0-beta-2, v1.0.0-rc.1, v1.0.0: each pre-release after the one SemVer puts before it, no pair backwards', () => {
    const repo = makeRepo();
    repo.commit('base\n', { 'f.txt': 'h1\n' });
    repo.git(['tag', 'v0.9.0']);
    repo.commit(`ai line${AI}`, { 'f.txt': 'h1\nai2\n' });
    repo.git(['tag', 'v1.0.0-beta']);
    repo.commit('human line\n', { 'f.txt': 'h1\nai2\nh3\n' });
    repo.git(['tag', 'v1.0.0-beta-2']);
    repo.commit(`ai line${AI}`, { 'f.txt': 'h1\nai2\nh3\nai4\n' });
    repo.git(['tag', 'v1.0.0-rc.1']);
    repo.commit('human line\n', { 'f.txt': 'h1\nai2\nh3\nai4\nh5\n' });
    repo.git(['tag', 'v1.0.0']);
    repo.git(['tag', 'release-notes']);

    const found = releases(repo.dir, ['--tags', 'v*']);
    expect(found.map((release) => [`${release.sinceName}..${release.revName}`, release.totals.lines, release.totals.ai])).toEqual([
      ['v0.9.0..v1.0.0-beta', 1, 1],
      ['v1.0.0-beta..v1.0.0-beta-2', 1, 0],
      ['v1.0.0-beta-2..v1.0.0-rc.1', 1, 1],
      ['v1.0.0-rc.1..v1.0.0', 1, 0],
    ]);
    expect(found.reduce((sum, release) => sum + release.totals.lines, 0)).toBe(4);
  });
});

describe('aitrail trend: what a release leaves out is said, as blame says it', () => {
  it('a committed `* linguist-vendored` (or linguist-generated) that empties a release: its JSON says what was left out, the table and Markdown footers too', () => {
    const repo = makeRepo();
    repo.commit('base\n', { 'src/app.ts': 'h1\n' });
    repo.git(['tag', 'v1.0.0']);
    repo.commit(`ai lines${AI}`, { 'src/app.ts': 'h1\nai2\nai3\n', '.gitattributes': '* linguist-vendored\n' });
    repo.git(['tag', 'v1.1.0']);

    const [release] = releases(repo.dir, ['v1.0.0', 'v1.1.0']) as (Release & { excluded?: Record<string, number> })[];
    expect(release!.totals).toMatchObject({ lines: 0, ai: 0 });
    expect(release!.excluded).toMatchObject({ vendored: 2, generated: 0, lockfiles: 0 });
    for (const format of ['table', 'markdown']) {
      const result = aitrail(repo.dir, ['trend', 'v1.0.0', 'v1.1.0', '--format', format, '--no-cache']);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain('Left out as not authored: 2 vendored files (linguist-vendored in .gitattributes, or a package manager\'s copies)');
    }
  });
});
