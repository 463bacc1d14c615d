// Session 55 helper l (row 1177): under a global deny, Qwen's reverted change put back in a merge's own resolution
// (`git merge --no-ff --no-commit side && git cherry-pick -n Q && git commit --no-verify`), the branch merged bringing
// 20 files of a person's that sort before Q's, passed check and pre-receive: past 16 paths the twin search (row 1167)
// matched each merge by its first path only (`a/p00.ts`, a file the branch brought), so Q was never read. Found reviewing
// the merged rows s55c-*/s55e-* as an attacker, replayed with a real bare server's pre-receive. Now a merge is matched by
// its first path and by every path it changed against each of its parents (its own change, `git log -c --name-only`):
// the merge is refused naming Q; the same merge without Q's change passes.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitWith, tryGit } from '../helpers/enforce-repos.js';
import { deniedAfterRevert, expectLaunderRefused } from '../helpers/laundered-twins.js';

const many = Object.fromEntries(Array.from({ length: 20 }, (_, index) => [`a/p${String(index).padStart(2, '0')}.ts`, `export const v${index} = ${index};\n`]));

describe("Qwen's reverted change put back in a merge bringing more than 16 files (row 1177)", () => {
  it("is refused by check and pre-receive naming Qwen's commit; the same merge without it passes", () => {
    const server = deniedAfterRevert();
    const { work } = server;
    work.git(['checkout', '-q', '-b', 'side']);
    expect(commitWith(work, 'feat: values\n', many, { noVerify: true }).code).toBe(0);
    work.git(['checkout', '-q', 'main']);
    expect(tryGit(work.dir, ['merge', '-q', '--no-ff', '--no-commit', 'side']).code).toBe(0);
    expect(tryGit(work.dir, ['cherry-pick', '-n', server.qwen]).code).toBe(0);
    expect(tryGit(work.dir, ['commit', '-q', '--no-verify', '-m', 'Merge branch side']).code).toBe(0);
    expect(work.git(['show', '--name-only', '--format=', '--diff-merges=first-parent', 'HEAD']).split('\n').filter(Boolean).length).toBe(21);
    expectLaunderRefused(server);
    work.git(['reset', '-q', '--hard', 'origin/main']);
    work.git(['merge', '-q', '--no-ff', '--no-verify', 'side', '-m', 'Merge branch side']);
    const check = aitrail(work.dir, ['check', 'origin/main..HEAD'], { timeout: 120_000 });
    expect(check.code, check.stdout + check.stderr).toBe(0);
    const own = tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:main']);
    expect(own.code, own.stderr).toBe(0);
  });
});
