// Row 900: a commit of a tree of 30 million paths made of ~300 objects (row 857's bomb) pinned the
// reports: `aitrail blame` (any path, any format, --shard), `trend` across it and the GitHub Action's
// report step ran past 60 s (their `git ls-tree -r` and `git grep` of `.gitattributes` walk every path),
// and with the bomb only in history the blame cache's first-parent walk (`git log --raw`) and an
// --ignore-rev of it (`git log --name-only`) held the whole change in git's memory. A tree of 1.9 million
// `.gitattributes` files (under the 2,000,000 bound) had `blame README` grep them all (past 60 s). Now
// the tree is counted from its objects first (refused in one line, exit 3), the walk ends before such
// a commit (the report stays whole and right), an ignored one is refused, and past 20,000
// `.gitattributes` files the attributes are said unread.
import { describe, expect, it } from 'vitest';
import { type CliResult, reportOf } from '../helpers/cli.js';
import { aitrailCpu } from '../helpers/cpu-timed.js';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';
import { CLAUDE_DECLARED } from '../helpers/enforce-repos.js';
import { treeAddingFolder, treeBomb } from '../helpers/tree-bomb.js';

const THIRTY_MILLION = [100, 100, 30];
const TREE_REFUSED = /^aitrail: cannot report on '[^'\n]+' \(([0-9a-f]{12})\): its tree holds more than 2000000 files, more than a report reads; name a revision without it\.$/m;
const IGNORED_REFUSED = /^aitrail: cannot read ignored commit ([0-9a-f]{12}): it changes more than 2000000 files, more than a report reads; take it out of --ignore-rev and the ignore-revs files\.$/m;

/** A repository of a README, a person's src/a.ts and an AI line in it (tags v1, v2): its commits. */
function history(): { repo: TestRepo; ai: string } {
  const repo = makeRepo();
  repo.commit('init\n', { README: 'hello\n', 'src/a.ts': 'a\nb\n' });
  repo.git(['tag', 'v1']);
  const ai = repo.commit(`ai\n\n${CLAUDE_DECLARED}\n`, { 'src/a.ts': 'a\nb\nc\n' });
  repo.git(['tag', 'v2']);
  return { repo, ai };
}

/** A commit on HEAD (not checked out: the index stays) of HEAD's tree with `tree` as `vendor/`: its id, moved to by the branch. */
function commitVendoring(repo: TestRepo, tree: string, message = 'vendor\n'): string {
  const commit = repo.git(['commit-tree', treeAddingFolder(repo, 'HEAD', 'vendor', tree), '-p', 'HEAD', '-F', '-'], { input: message });
  repo.git(['update-ref', 'HEAD', commit]);
  return commit;
}

/**
 * Ran within `ms` of CPU (the CLI spawned, its git processes counted; never wall time, which a loaded machine
 * stretches), with no stack trace. The hang guard is CPU too: each process killed past 60 s of its own (ulimit -t).
 */
function timed(dir: string, args: string[], ms = 20_000): CliResult {
  const run = aitrailCpu(dir, args, { cpuLimit: 60 });
  expect(run.cpu, `${args.join(' ')}: ${run.stderr}`).toBeLessThan(ms);
  expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('reports on a tree of tens of millions of paths (row 900)', () => {
  it('blame, trend and the report formats refuse a revision holding it in one line (exit 3), printing no figure', () => {
    const { repo } = history();
    const bomb = commitVendoring(repo, treeBomb(repo, THIRTY_MILLION));
    repo.git(['tag', 'v3']);
    for (const args of [['blame'], ['blame', 'README'], ['blame', '--format', 'html'], ['blame', '--shard', '1/2', '--format', 'json'], ['blame', '--since', 'v1', '--by', 'author'], ['trend', 'v1', 'v3'], ['trend', '--tags', 'v*', '--format', 'json']]) {
      const run = timed(repo.dir, args);
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(3);
      expect(TREE_REFUSED.exec(run.stderr)?.[1], run.stderr).toBe(bomb.slice(0, 12));
      expect(reportOf(run.stdout)).toBe('');
    }
    // The revision before it is reported as ever.
    const before = timed(repo.dir, ['blame', '--rev', 'v2', '--format', 'json']);
    expect(before.code, before.stderr).toBe(0);
    expect(JSON.parse(before.stdout).totals).toMatchObject({ ai: 1, lines: 4 });
  });

  it('with the bomb only in history, blame (cached walk) and trend across it report rightly; an ignored bomb commit is refused', () => {
    const { repo } = history();
    const bomb = commitVendoring(repo, treeBomb(repo, THIRTY_MILLION));
    const removal = repo.git(['commit-tree', 'v2^{tree}', '-p', 'HEAD', '-m', 'unvendor']);
    repo.git(['update-ref', 'HEAD', removal]);
    repo.git(['tag', 'v3']);
    for (const args of [['blame', '--format', 'json'], ['blame', '--format', 'json'], ['blame', '--since', 'v1', '--format', 'json']]) {
      const run = timed(repo.dir, args);
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout).totals, args.join(' ')).toMatchObject({ ai: 1, lines: args.includes('--since') ? 1 : 4 });
    }
    const trend = timed(repo.dir, ['trend', 'v1', 'v3', '--format', 'json']);
    expect(trend.code, trend.stderr).toBe(0);
    expect(JSON.parse(trend.stdout).releases[0].totals).toMatchObject({ ai: 1 });
    for (const sha of [bomb, removal]) {
      const run = timed(repo.dir, ['blame', '--ignore-rev', sha]);
      expect(run.code, run.stderr).toBe(3);
      expect(IGNORED_REFUSED.exec(run.stderr)?.[1], run.stderr).toBe(sha.slice(0, 12));
      expect(reportOf(run.stdout)).toBe('');
    }
  });

  it('a tree of 1.9 million .gitattributes files (under the bound): blame says the attributes unread, quickly', () => {
    const { repo } = history();
    commitVendoring(repo, treeBomb(repo, [100, 100, 190], '40000', { name: '.gitattributes', content: '* linguist-generated\n' }));
    // --no-cache: the cached walk's `git log --raw` of the commit adding 1.9 million files is another cost (the row's limits).
    const run = timed(repo.dir, ['blame', '--no-cache', 'README', '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^aitrail: warning: linguist-generated not read \(nor linguist-vendored\): its tree holds more than 20000 \.gitattributes files, more than aitrail reads;/m);
    expect(JSON.parse(run.stdout).totals).toMatchObject({ lines: 1 });
  });
});
