import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { blameDotPy, runReadmeAiderCommand } from '../helpers/aider-blame-py.js';
import { aitrail } from '../helpers/cli.js';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';

/**
 * aider publishes "Aider wrote N% of the code in this release", computed by its scripts/blame.py:
 * files of the end tag ending .py/.js/.scm/.sh/Dockerfile/Gemfile or .yml under .github/workflows/,
 * less *prompts.py; `git blame -M100 -C100 -C -C --abbrev=9 <start>..<end> -- <file>`; lines
 * starting `^` (boundary) skipped; a line is aider's when the author name (%an) of its commit
 * holds `(aider)`, or the subject starts `aider:`. The method is recomputed here with plain git.
 */
const AIDER_OPTIONS = ['-M100', '-C100', '-C', '-C', '--no-notes', '--no-give-back'];
const AIDER_FILES = ['--include', '*.py', '--include', '*.js', '--include', '*.scm', '--include', '*.sh', '--include', '*Dockerfile', '--include', '*Gemfile', '--include', '.github/workflows/**/*.yml', '--exclude', '*prompts.py'];

interface Totals {
  lines: number;
  ai: number;
  byAgent: Record<string, number>;
}

function trend(repo: TestRepo, args: string[]): Totals[] {
  const result = aitrail(repo.dir, ['trend', ...args, '--format', 'json', '--no-cache']);
  expect(result.code, result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as { releases: { totals: Totals }[] }).releases.map((release) => release.totals);
}

function blame(repo: TestRepo, args: string[]): Totals {
  const result = aitrail(repo.dir, ['blame', ...args, '--format', 'json', '--no-cache']);
  expect(result.code, result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as { totals: Totals }).totals;
}

/** A block of lines long enough (over 100 letters and digits) for git's -C100 / -M100 to follow. */
const block = (tag: string, count: number) => Array.from({ length: count }, (_, index) => `${tag}_${index} = compute("${tag} line ${index} alpha beta gamma delta epsilon")\n`).join('');
const as = (name: string) => ({ GIT_AUTHOR_NAME: name, GIT_COMMITTER_NAME: name });

function aiderHistory(): TestRepo {
  const repo = makeRepo();
  const base = block('old', 10);
  repo.commit('base\n', { 'app.py': base, 'README.md': 'readme\n' }, as('Ann'));
  repo.git(['tag', 'v0.1.0']);
  // aider as the author (`Name (aider)`): a counted file, a skipped type, a skipped prompts.py.
  const aiderBlock = block('ai', 6);
  repo.commit('add feature\n', { 'app.py': base + aiderBlock, 'docs/guide.md': 'one\ntwo\nthree\n', 'aider/prompts.py': block('prompt', 4) }, as('Ann (aider)'));
  // aider by the subject only (`aider:` prefix, the person as author).
  const util = block('util', 5);
  repo.commit('aider: add util\n', { 'util.py': util }, as('Ann'));
  // A person moves the aider block and 6 pre-release lines to new files, and copies util into a third.
  repo.commit('split modules\n', { 'app.py': block('old', 10).split('\n').slice(6).join('\n'), 'helpers.py': aiderBlock, 'legacy.py': block('old', 10).split('\n').slice(0, 6).join('\n') + '\n', 'copy.py': util }, as('Bob'));
  // A person deletes 2 aider lines, then reverts the deletion (git revert).
  repo.commit('trim util\n', { 'util.py': block('util', 3) }, as('Bob'));
  repo.git(['revert', '--no-edit', 'HEAD'], { env: as('Bob') });
  // A merge with a conflict the person resolves, bringing a side branch's human and aider lines.
  repo.git(['checkout', '-q', '-b', 'side']);
  repo.commit('side work\n', { 'side.py': block('carol', 3), 'run.sh': 'echo run\n' }, as('Carol'));
  repo.commit('side aider\n', { 'side.py': block('carol', 3) + block('dan', 2) }, as('Dan (aider)'));
  repo.git(['checkout', '-q', 'main']);
  repo.commit('main edit\n', { 'conflict.py': 'main\n' }, as('Ann (aider)'));
  repo.git(['checkout', '-q', 'side']);
  repo.commit('side edit\n', { 'conflict.py': 'side\n' }, as('Carol'));
  repo.git(['checkout', '-q', 'main']);
  try {
    repo.git(['merge', '-q', '--no-edit', 'side'], { env: as('Ann') });
  } catch {
    repo.write('conflict.py', 'merged\n');
    repo.git(['add', 'conflict.py']);
    repo.git(['commit', '-q', '--no-edit'], { env: as('Ann') });
  }
  expect(repo.git(['rev-list', '--parents', '-n', '1', 'HEAD']).split(' ')).toHaveLength(3);
  // A person only ends an aider file's last line (git blame gives the line to the person).
  repo.commit('ai tail\n', { 'tail.py': 'a = 1\nb = 2' }, as('Ann (aider)'));
  repo.commit('final newline\n', { 'tail.py': 'a = 1\nb = 2\n' }, as('Bob'));
  // Workflow and Dockerfile count; another .yml does not.
  repo.commit('ci\n', { '.github/workflows/ci.yml': 'on: push\njobs: {}\n', 'docker/Dockerfile': 'FROM python\n', '.github/labels.yml': 'a: b\n' }, as('Ann (aider)'));
  repo.git(['tag', 'v0.2.0']);
  return repo;
}

describe("aitrail trend reproduces aider's published per-release figure (scripts/blame.py)", () => {
  it('with the README recipe: the same total lines and aider lines as blame.py computes with plain git blame', () => {
    const repo = aiderHistory();
    const expected = blameDotPy(repo, 'v0.1.0', 'v0.2.0');
    const [totals] = trend(repo, ['v0.1.0', 'v0.2.0', ...AIDER_OPTIONS, ...AIDER_FILES]);
    // 28 lines after v0.1.0 in the files blame.py reads; aider's: the moved block (6), the copy of
    // util (5), util less the 2 lines the revert brought back (3), Dan's (2), the workflow (2), the
    // Dockerfile (1), tail.py's first line (1).
    expect({ total: expected.total, aider: expected.aider }).toEqual({ total: 28, aider: 20 });
    expect({ total: totals!.lines, aider: totals!.byAgent.aider ?? 0 }).toEqual({ total: expected.total, aider: expected.aider });
    expect(totals!.ai).toBe(expected.aider);
    // The globs first: the git flags after a repeatable --include/--exclude are still git's flags.
    expect(trend(repo, ['v0.1.0', 'v0.2.0', ...AIDER_FILES, ...AIDER_OPTIONS])).toEqual([totals]);
    expect(blame(repo, ['--since', 'v0.1.0', '--rev', 'v0.2.0', ...AIDER_OPTIONS, ...AIDER_FILES])).toEqual(totals);
    // The cache answers the same (whole report, then per file), and never mixes the two readings.
    const cached = (extra: string[]) => aitrail(repo.dir, ['trend', 'v0.1.0', 'v0.2.0', ...extra, '-M100', '-C100', '-C', '-C', '--no-notes', ...AIDER_FILES, '--format', 'json']);
    for (const round of [1, 2]) {
      const plain = JSON.parse(cached(['--no-give-back']).stdout) as { releases: { totals: Totals }[] };
      expect(plain.releases[0]!.totals.byAgent.aider, `round ${round}`).toBe(20);
      const given = JSON.parse(cached([]).stdout) as { releases: { totals: Totals }[] };
      expect(given.releases[0]!.totals.byAgent.aider, `round ${round}`).toBe(23);
    }
  });

  it.skipIf(spawnSync('sh', ['-c', 'command -v jq']).status !== 0)("the README's one command gives blame.yml's numbers: release, total_lines, aider_total, the share", () => {
    const repo = aiderHistory();
    const run = runReadmeAiderCommand(repo);
    expect(run.status, run.stderr).toBe(0);
    const expected = blameDotPy(repo, 'v0.1.0', 'v0.2.0');
    expect(run.rows.map((row) => row.slice(0, 3))).toEqual([['v0.2.0', String(expected.total), String(expected.aider)]]);
    expect(Number.parseFloat(run.rows[0]![3]!)).toBeCloseTo((expected.aider * 100) / expected.total, 6);
  });

  it("aitrail's defaults count what blame.py's options and filters change: the moves, the revert, the newline, every file", () => {
    const repo = aiderHistory();
    const [defaults] = trend(repo, ['v0.1.0', 'v0.2.0']);
    // Without -C the moved and copied lines are Bob's; the revert's 2 lines and the newline's 1 go
    // back to aider; README.md, guide.md, prompts.py and labels.yml count too.
    expect({ lines: defaults!.lines, aider: defaults!.byAgent.aider }).toEqual({ lines: 42, aider: 20 });
    // With blame.py's options and files but aitrail's give-back: the 3 lines go back to aider.
    const [givenBack] = trend(repo, ['v0.1.0', 'v0.2.0', '-M100', '-C100', '-C', '-C', '--no-notes', ...AIDER_FILES]);
    expect({ lines: givenBack!.lines, aider: givenBack!.byAgent.aider }).toEqual({ lines: 28, aider: 23 });
  });
});
