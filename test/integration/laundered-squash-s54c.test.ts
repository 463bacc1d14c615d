// Session 54 helper c (row 1122): under a global deny, Qwen's reverted commit Q picked again together with a
// person's change to another file (`git cherry-pick -n Q`, one more file, `git commit --no-verify`) passed check and
// pre-receive: the twin search (rows 1056, 1102, 1103) compared whole commits' patch ids, and walked the history by the
// person-read commit's first path only (`a.ts` sorted before Q's `src/parse.ts`, so Q was never even read). Found by
// replaying the attacker's playbook with a real bare server's pre-receive. Now each file's change has its own patch id,
// a person-read commit holding every file change of a refused commit is its twin, and the walk asks all the paths of
// the range's person-read commits (up to 1,000; past it one of each, as before).
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitWith, tryGit } from '../helpers/enforce-repos.js';
import { deniedAfterRevert, expectLaunderRefused, PARSE } from '../helpers/laundered-twins.js';

describe("Qwen's reverted change picked again with a person's change beside it (row 1122)", () => {
  it('is refused by check and pre-receive, naming Qwen\'s commit; the person\'s change alone passes', () => {
    const server = deniedAfterRevert();
    const { work } = server;
    expect(tryGit(work.dir, ['cherry-pick', '-n', server.qwen]).code).toBe(0);
    work.write('a.ts', 'export const a = 1;\n');
    work.git(['add', 'a.ts']);
    expect(tryGit(work.dir, ['commit', '-q', '--no-verify', '-m', 'feat: parse and a']).code).toBe(0);
    expectLaunderRefused(server);
    // The person's file alone, and a person's own different parse beside it: no twin.
    work.git(['reset', '-q', '--hard', 'origin/main']);
    expect(commitWith(work, 'feat: a and parse by hand\n', { 'a.ts': 'export const a = 1;\n', 'src/parse.ts': PARSE.replace('part.length > 0', 'part !== ""') }, { noVerify: true }).code).toBe(0);
    const check = aitrail(work.dir, ['check', 'origin/main..HEAD'], { timeout: 120_000 });
    expect(check.code, check.stdout + check.stderr).toBe(0);
    const own = tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:main']);
    expect(own.code, own.stderr).toBe(0);
  });
});
