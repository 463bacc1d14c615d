import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

// row 1077: `aitrail check` with no range in a repository without a remote named
// `aitrail check main..HEAD` as the fix, whatever the repository held: a repository whose default
// branch is trunk (or develop, by init.defaultBranch, or a local upstream) has no `main`, and git
// answers that range with "unknown revision". It now names a branch the repository has, never
// HEAD's own (which would judge nothing), else a placeholder.
const fixOf = (dir: string): string => {
  const run = aitrail(dir, ['check']);
  expect(run.code).toBe(3);
  const said = run.stderr.trimEnd().split('\n');
  expect(said).toHaveLength(2);
  return said[1]!;
};

describe('check with no remote names a base branch the repository has (row 1077)', () => {
  it('trunk, init.defaultBranch, a local upstream; a placeholder when there is none', () => {
    const repo = makeRepo();
    repo.commit('docs: one\n', { 'one.md': '1\n' });
    repo.git(['branch', '-m', 'main', 'trunk']);
    repo.git(['switch', '-q', '-c', 'feature']);
    repo.commit('docs: two\n', { 'two.md': '2\n' });
    expect(fixOf(repo.dir)).toContain('aitrail check trunk..HEAD');
    expect(fixOf(repo.dir)).not.toContain('main..HEAD');

    // init.defaultBranch names the team's base first (over trunk).
    repo.git(['branch', 'develop', 'trunk']);
    repo.git(['config', 'init.defaultBranch', 'develop']);
    expect(fixOf(repo.dir)).toContain('aitrail check develop..HEAD');

    // HEAD's upstream, a local branch, before either.
    repo.git(['branch', 'base', 'trunk']);
    repo.git(['branch', '-q', '--set-upstream-to=base']);
    expect(fixOf(repo.dir)).toContain('aitrail check base..HEAD');

    // Only HEAD's own branch: no branch named (HEAD..HEAD judges nothing), a placeholder.
    const lone = makeRepo();
    lone.commit('docs: one\n', { 'one.md': '1\n' });
    lone.git(['branch', '-m', 'main', 'work']);
    const fix = fixOf(lone.dir);
    expect(fix).toContain('aitrail check <branch or commit>..HEAD');
    expect(fix).not.toContain('main..HEAD');
  });
});
