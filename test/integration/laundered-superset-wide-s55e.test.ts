// Session 55 helper e (row 1167): under a global deny, Qwen's reverted commit Q picked again beside more than 16 files
// of a person's (`git cherry-pick -n Q`, 20 more files sorting before Q's, `git commit --no-verify`) passed check and
// pre-receive: past 16 paths (row 1149) the twin search asked git's path-limited walk one path of each person-read
// commit, its first (`a/00.ts`, the person's own), so Q was never read. Found replaying row 1149's stated limit with a
// real bare server's pre-receive. Now past 16 paths every commit's paths are listed once (`git log --name-only`) and
// matched in memory against every path of the range's non-merge commits: the pick is refused naming Q, whatever the
// paths' order or their names (a quoted name with a line break and a double quote too).
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitWith, tryGit } from '../helpers/enforce-repos.js';
import { deniedAfterRevert, expectLaunderRefused, PARSE } from '../helpers/laundered-twins.js';

const many = (tag: string) => Object.fromEntries(Array.from({ length: 20 }, (_, index) => [`a/${tag}${String(index).padStart(2, '0')}.ts`, `export const v${index} = ${index};\n`]));

describe("Qwen's reverted change picked again beside more than 16 files of a person's (row 1167)", () => {
  for (const file of ['src/parse.ts', 'src/odd "name"\nwith a break.ts']) {
    it(`is refused by check and pre-receive naming Qwen's commit (${JSON.stringify(file)}); the person's files with their own change pass`, () => {
      const server = deniedAfterRevert(undefined, file);
      const { work } = server;
      expect(tryGit(work.dir, ['cherry-pick', '-n', server.qwen]).code).toBe(0);
      expect(commitWith(work, 'feat: release\n', many('p'), { noVerify: true }).code).toBe(0);
      expect(work.git(['show', '--name-only', '--format=', 'HEAD']).split('\n').filter(Boolean).length).toBe(21);
      expectLaunderRefused(server);
      work.git(['reset', '-q', '--hard', 'origin/main']);
      expect(commitWith(work, 'feat: release by hand\n', { ...many('p'), [file]: PARSE.replace('part.length > 0', 'part !== ""') }, { noVerify: true }).code).toBe(0);
      const check = aitrail(work.dir, ['check', 'origin/main..HEAD'], { timeout: 120_000 });
      expect(check.code, check.stdout + check.stderr).toBe(0);
      const own = tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:main']);
      expect(own.code, own.stderr).toBe(0);
    });
  }
});
