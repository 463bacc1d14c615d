import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { blameDotPy, runReadmeAiderCommand } from '../helpers/aider-blame-py.js';
import { aitrail } from '../helpers/cli.js';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';

/**
 * Where aider's scripts/blame.py and aitrail read a commit differently, and what the README's
 * command does about it: blame.py is recomputed with plain git (test/helpers/aider-blame-py.ts).
 */
interface Totals {
  lines: number;
  ai: number;
  byAgent: Record<string, number>;
}

const hasJq = spawnSync('sh', ['-c', 'command -v jq']).status === 0;
const OPTIONS = ['-M100', '-C100', '-C', '-C', '--no-notes', '--no-give-back'];
const as = (name: string) => ({ GIT_AUTHOR_NAME: name, GIT_COMMITTER_NAME: name });
const block = (tag: string, count: number) => Array.from({ length: count }, (_, index) => `${tag}_${index} = compute("${tag} line ${index} alpha beta gamma delta epsilon")\n`).join('');

function trend(repo: TestRepo, args: string[]): { code: number; stderr: string; totals: Totals[] } {
  const result = aitrail(repo.dir, ['trend', ...args, '--format', 'json']);
  return { code: result.code, stderr: result.stderr, totals: result.code === 0 ? (JSON.parse(result.stdout) as { releases: { totals: Totals }[] }).releases.map((release) => release.totals) : [] };
}

/** Every way a commit's reading differs between blame.py and aitrail, and a root commit merged in. */
function differencesHistory(): TestRepo {
  const repo = makeRepo();
  repo.commit('base\n', { 'base.py': block('base', 3) }, as('Ann'));
  repo.git(['tag', 'v0.1.0']);
  // aider's co-author trailer only (its --attribute-co-authored-by default): aider's to aitrail, Ann's to blame.py.
  repo.commit('add trl\n\nCo-authored-by: aider (openai/gpt-4o) <aider@aider.chat>\n', { 'trl.py': block('trl', 4) }, as('Ann'));
  // `aider:` with no space, any case, a version bump's subject: aider's to blame.py (lowercased startswith), not to aitrail.
  repo.commit('aider:add nosp\n', { 'nosp.py': block('nosp', 3) }, as('Ann'));
  repo.commit('aider: update 0.86.1 bottle.\n', { 'bottle.py': block('bottle', 1) }, as('Ann'));
  // `(aider)` in the middle of a name: aider's to blame.py (`in`), aider writes it only at the end.
  repo.commit('add mid\n', { 'mid.py': block('mid', 5) }, as('Ann (aider) Smith'));
  // aider's own forms: both count them.
  repo.commit('Aider: add upper\n', { 'upper.py': block('upper', 2) }, as('Ann'));
  repo.commit('x\n', { 'lowname.py': block('lowname', 2) }, as('Ann (Aider)'));
  // A name git's ls-tree quotes ("t\303\251st.py"): none of blame.py's types.
  repo.commit('accent\n', { 'tést.py': block('accent', 2) }, as('Ann (aider)'));
  // An unrelated history merged in: its root commit is a boundary to plain git blame (no --root).
  repo.git(['checkout', '-q', '--orphan', 'other']);
  repo.git(['rm', '-q', '-rf', '.']);
  repo.commit('root\n', { 'root.py': block('root', 3) }, as('Zed (aider)'));
  repo.git(['checkout', '-q', 'main']);
  repo.git(['merge', '-q', '--allow-unrelated-histories', '--no-edit', 'other'], { env: as('Ann') });
  repo.git(['tag', 'v0.2.0']);
  return repo;
}

describe("aitrail and aider's scripts/blame.py on the commits they read differently", () => {
  it.skipIf(!hasJq)("the README's command gives blame.py's numbers; aitrail's own reading differs only where it says", () => {
    const repo = differencesHistory();
    const expected = blameDotPy(repo, 'v0.1.0', 'v0.2.0');
    // 22 lines after v0.1.0 less the root's 3 and tést.py's 2; blame.py's aider: nosp 3, bottle 1, mid 5, upper 2, lowname 2.
    expect({ total: expected.total, aider: expected.aider }).toEqual({ total: 17, aider: 13 });
    const run = runReadmeAiderCommand(repo);
    expect(run.status, run.stderr).toBe(0);
    expect(run.rows.map((row) => row.slice(0, 3))).toEqual([['v0.2.0', '17', '13']]);
    expect(Number.parseFloat(run.rows[0]![3]!)).toBeCloseTo((13 * 100) / 17, 6);
    // aitrail's own reading (byAgent.aider, every line of the range): the trailer's 4 and the merged
    // root's 3 and tést.py's 2 are aider's; `aider:add`, the version bump and `Ann (aider) Smith` are not.
    const [own] = trend(repo, ['v0.1.0', 'v0.2.0', ...OPTIONS, '--include', '*.py']).totals;
    expect({ lines: own!.lines, aider: own!.byAgent.aider }).toEqual({ lines: 22, aider: 13 });
  });

  it("--no-root: a root commit inside the range is a boundary, as in plain git blame (its lines leave the totals); cached apart", () => {
    const repo = differencesHistory();
    const args = ['v0.1.0', 'v0.2.0', ...OPTIONS, '--include', 'root.py', '--include', 'base.py', '--include', 'upper.py'];
    for (const round of [1, 2]) {
      const noRoot = trend(repo, [...args, '--no-root']);
      expect(noRoot.code, noRoot.stderr).toBe(0);
      expect({ lines: noRoot.totals[0]!.lines, aider: noRoot.totals[0]!.byAgent.aider, round }).toEqual({ lines: 2, aider: 2, round });
      const withRoot = trend(repo, args);
      expect({ lines: withRoot.totals[0]!.lines, aider: withRoot.totals[0]!.byAgent.aider, round }).toEqual({ lines: 5, aider: 5, round });
    }
    // blame takes it too; a merge of shards refuses it by its name (it shapes each shard's report).
    const blame = aitrail(repo.dir, ['blame', '--since', 'v0.1.0', '--rev', 'v0.2.0', '--no-root', '--format', 'json', '--no-cache', '--', 'root.py', 'upper.py']);
    expect(blame.code, blame.stderr).toBe(0);
    expect((JSON.parse(blame.stdout) as { totals: Totals }).totals.lines).toBe(2);
    const merge = aitrail(repo.dir, ['blame', '--merge', 'part.json', '--no-root']);
    expect(merge.code).toBe(2);
    expect(merge.stderr).toContain('--no-root');
    expect(merge.stderr).not.toContain('-w/-M/-C');
  });

  it('--include and --exclude take one glob each: the revisions or paths after them stay revisions and paths', () => {
    const repo = differencesHistory();
    const after = trend(repo, ['v0.1.0', 'v0.2.0', ...OPTIONS, '--include', '*.py']);
    expect(after.code, after.stderr).toBe(0);
    // Before: yargs gave --include every value up to the next option, the two revisions with them ("found 0").
    const before = trend(repo, ['--include', '*.py', 'v0.1.0', 'v0.2.0', ...OPTIONS]);
    expect(before.code, before.stderr).toBe(0);
    expect(before.totals).toEqual(after.totals);
    const excluded = trend(repo, ['--exclude', 'mid.py', 'v0.1.0', 'v0.2.0', '--include', '*.py', ...OPTIONS]);
    expect(excluded.code, excluded.stderr).toBe(0);
    expect(excluded.totals[0]!.lines).toBe(after.totals[0]!.lines - 5);
    // blame's paths: `--include '*.py' nosp.py` counts nosp.py only (before: every .py file).
    const blame = aitrail(repo.dir, ['blame', '--include', '*.py', 'nosp.py', '--format', 'json', '--no-cache']);
    expect(blame.code, blame.stderr).toBe(0);
    expect((JSON.parse(blame.stdout) as { files: { path: string }[] }).files.map((file) => file.path)).toEqual(['nosp.py']);
    // The old several-globs-one-flag form is refused with the way to write it, never read otherwise in silence.
    const several = aitrail(repo.dir, ['trend', 'v0.1.0', 'v0.2.0', '--include', '*.py', '*.sh']);
    expect(several.code).toBe(2);
    expect(several.stderr).toContain("unknown revision '*.sh'");
    expect(several.stderr).toContain("give each glob its own flag (--include '*.py' --include '*.js')");
    const severalPaths = aitrail(repo.dir, ['blame', '--include', '*.py', '*.sh', '--no-cache']);
    expect(severalPaths.code).toBe(2);
    expect(severalPaths.stderr).toContain('give each glob its own flag');
  });

  it.skipIf(!hasJq)("a release of blame.yml rebuilt: v0.5.0..v0.6.0's file counts give its total_lines 141, aider_total 41, 29.08%", () => {
    // aider/website/_data/blame.yml's first release (Aider-AI/aider): per file, Paul Gauthier's lines
    // and `Paul Gauthier (aider)`'s (then an `aider: ` subject, the script adding " (aider)").
    const published: Record<string, [number, number]> = {
      'aider/coder.py': [32, 4],
      'aider/commands.py': [2, 0],
      'aider/main.py': [4, 5],
      'aider/models.py': [27, 0],
      'aider/repomap.py': [6, 1],
      'aider/utils.py': [22, 17],
      'setup.py': [7, 7],
      'tests/test_utils.py': [0, 7],
    };
    const repo = makeRepo();
    const paul = as('Paul Gauthier');
    const files = Object.keys(published);
    repo.commit('v0.5.0 code\n', { ...Object.fromEntries(files.map((path) => [path, block('old', 2)])), 'README.md': 'aider\n' }, paul);
    repo.git(['tag', 'v0.5.0']);
    const tag = (path: string) => path.replace(/\W/g, '_');
    repo.commit('human work\n', Object.fromEntries(files.map((path) => [path, block('old', 2) + block(`${tag(path)}_paul`, published[path]![0])])), paul);
    repo.commit('aider: the edits\n', Object.fromEntries(files.map((path) => [path, block('old', 2) + block(`${tag(path)}_paul`, published[path]![0]) + block(`${tag(path)}_aider`, published[path]![1])])), paul);
    repo.commit('docs\n', { 'README.md': 'aider\nmore\n' }, paul);
    repo.git(['tag', 'v0.6.0']);
    expect(blameDotPy(repo, 'v0.5.0', 'v0.6.0')).toEqual({ total: 141, aider: 41, byAuthor: { 'Paul Gauthier': 100, 'Paul Gauthier (aider)': 41 } });
    const run = runReadmeAiderCommand(repo);
    expect(run.status, run.stderr).toBe(0);
    expect(run.rows.map((row) => row.slice(0, 3))).toEqual([['v0.6.0', '141', '41']]);
    // blame.yml's aider_percentage: the share rounded to 2 places.
    expect(Math.round(Number.parseFloat(run.rows[0]![3]!) * 100) / 100).toBe(29.08);
  });
});
