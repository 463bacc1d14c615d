// Session 54 helper m (row 1142): the README's command for aider's published figure chose its releases with
// `--tags 'v*.*.0'` in aitrail's version order (pre-releases before their release), where aider's scripts/blame.py
// (get_all_tags_since) takes `git tag --sort=v:refname` as git prints it and keeps a tag only when the text after
// its first character is valid semver and the tag ends `.0`. Found by reading blame.py detail by detail against
// `aitrail trend`: a pre-release tag ending `.0` (`v0.2.0-rc.0`, which git's plain version sort puts after
// `v0.2.0`) or a four-part `v0.3.0.0` paired the releases differently, so the rows of v0.2.0 and v0.3.0 did not
// match the script's. What is true now: the README lists the script's tags with git itself, in git's order, and
// passes them to `aitrail trend` as revisions; the rows are the script's (recomputed with plain git blame).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { blameDotPy, runReadmeAiderCommand } from '../helpers/aider-blame-py.js';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';

const hasJq = spawnSync('sh', ['-c', 'command -v jq']).status === 0;
const as = (name: string) => ({ GIT_AUTHOR_NAME: name, GIT_COMMITTER_NAME: name });
const block = (tag: string, count: number) => Array.from({ length: count }, (_, index) => `${tag}_${index} = compute("${tag} line ${index} alpha beta gamma delta epsilon")\n`).join('');

/** python-semver 3's Version.is_valid (its _REGEX over ASCII digits): what blame.py asks of `tag[1:]`. */
const PRE = '(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)';
const SEMVER = new RegExp(`^(?:0|[1-9]\\d*)\\.(?:0|[1-9]\\d*)\\.(?:0|[1-9]\\d*)(?:-${PRE}(?:\\.${PRE})*)?(?:\\+[0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*)?$`);

/** blame.py's get_all_tags_since for a start tag every tag of the repository is at or past: git's order, valid semver, ending `.0`. */
function scriptTags(repo: TestRepo): string[] {
  return repo.git(['tag', '--sort=v:refname']).split('\n').filter((tag) => tag !== '' && SEMVER.test(tag.slice(1)) && tag.endsWith('.0'));
}

/** Releases tagged as projects tag them beside aider's own `vX.Y.0`: a `.0` pre-release (after its release in git's plain order) and a four-part tag. */
function taggedHistory(): TestRepo {
  const repo = makeRepo();
  repo.commit('base\n', { 'base.py': block('base', 3) }, as('Ann'));
  repo.git(['tag', 'v0.1.0']);
  repo.commit('add one\n', { 'one.py': block('one', 3) }, as('Ann (aider)'));
  repo.git(['tag', 'v0.2.0-rc.0']);
  repo.commit('add two\n', { 'two.py': block('two', 1) }, as('Ann'));
  repo.git(['tag', 'v0.2.0']);
  repo.commit('aider: add three\n', { 'three.py': block('three', 2) }, as('Ann'));
  repo.git(['tag', 'v0.3.0.0']);
  repo.commit('add four\n', { 'four.py': block('four', 2) }, as('Ann'));
  repo.git(['tag', '-a', '-m', 'v0.3.0', 'v0.3.0']);
  return repo;
}

describe("the README's command pairs the releases aider's blame.py pairs", () => {
  it.skipIf(!hasJq)('tags in git\'s version order, valid semver after the first character, ending .0: each row is the script\'s', () => {
    const repo = taggedHistory();
    const tags = scriptTags(repo);
    // git's plain version order puts the pre-release after its release; v0.3.0.0 is not semver.
    expect(tags).toEqual(['v0.1.0', 'v0.2.0', 'v0.2.0-rc.0', 'v0.3.0']);
    const expected = tags.slice(1).map((end, index) => {
      const { total, aider } = blameDotPy(repo, tags[index]!, end);
      return [end, String(total), String(aider)];
    });
    // v0.2.0: one (3, aider's) and two (1); the rc, an ancestor of v0.2.0: nothing; v0.3.0 from the rc: two, three (aider's), four.
    expect(expected).toEqual([['v0.2.0', '4', '3'], ['v0.2.0-rc.0', '0', '0'], ['v0.3.0', '5', '2']]);
    const run = runReadmeAiderCommand(repo);
    expect(run.status, run.stderr).toBe(0);
    expect(run.rows.map((row) => row.slice(0, 3))).toEqual(expected);
    expect(Number.parseFloat(run.rows[0]![3]!)).toBeCloseTo(75, 6);
  });
});
