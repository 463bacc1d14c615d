// Session 56 helper r (row 1220): the path-rule twin search's `git log -p` (pathPatches) did not pin how hunks are
// placed, while git blame (BLAME_COMMAND) and the added-line counts (added-lines.ts) do: under a user's
// `diff.algorithm=histogram` (or `diff.indentHeuristic=false`) the lines it said a commit added were others than the ones
// blame gives that commit, so twin-lines.ts's `ownAdded.indexOf(line)` of a landed line blame placed missed it (that
// line no twin's). Found in the final re-read of session 56's twin search; replayed with a real repository whose config
// sets histogram, pathPatches against git blame. Now the log is run with `--diff-algorithm=myers --indent-heuristic`.
import { describe, expect, it } from 'vitest';
import { pathPatches } from '../../src/git/path-patches.js';
import { makeRepo } from '../helpers/gitdir.js';

const before = ['if (a) {', '', 'y', '', '', '', 'if (a) {', 'y'];
const after = ['if (a) {', '', 'y', 'if (a) {', '  x();', '', '', '', '', 'y'];

describe('the path search reads added lines where blame places them (row 1220)', () => {
  it('whatever diff.algorithm the repository sets', async () => {
    for (const config of [['diff.algorithm', 'histogram'], ['diff.indentHeuristic', 'false']] as const) {
      const repo = makeRepo();
      repo.git(['config', ...config]);
      repo.commit('one\n', { 'f.txt': `${before.join('\n')}\n` });
      const sha = repo.commit('two\n', { 'f.txt': `${after.join('\n')}\n` });
      const blamed = repo.git(['-c', 'diff.algorithm=myers', 'blame', '--indent-heuristic', '-s', '-l', 'f.txt'], { raw: true })
        .split('\n').filter((line) => line.startsWith(sha)).map((line) => Number(/^\S+ +(\d+)\)/.exec(line)?.[1]));
      expect(blamed.length, config.join('=')).toBeGreaterThan(0);
      const patches = await pathPatches(repo.dir, ['f.txt']);
      const added = patches.find((patch) => patch.sha === sha)?.added.get('f.txt');
      expect(added, config.join('=')).toEqual(blamed);
    }
  }, 60_000);
});
