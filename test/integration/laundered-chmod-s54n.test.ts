// Session 54 helper n (row 1144): helper e found a launder of Qwen's reverted commit Q under a global deny:
// `git cherry-pick -n Q`, `chmod +x` of ANOTHER file (one sorting before Q's path), one commit. Before helper c's
// per-file patch ids (row 1122) the whole commit had another patch id (Q's lines plus a header for `a.sh`) and the
// walk asked the commit's first path only (`a.sh`), so Q was never read: check and pre-receive passed it. Replayed on
// lead after the merge of c and e with the built CLI's check and a real bare server's pre-receive: refused now, naming Q;
// this test keeps it so (it fails with the twin search of before row 1122). A mode-only commit of a person still passes.
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitWith, tryGit } from '../helpers/enforce-repos.js';
import { deniedAfterRevert, expectLaunderRefused } from '../helpers/laundered-twins.js';

describe("Qwen's reverted change picked again with another file made executable (row 1144)", () => {
  it("is refused by check and pre-receive naming Qwen's commit, an existing file's chmod or a new executable file beside it; the chmod alone passes", () => {
    const server = deniedAfterRevert();
    const { work } = server;
    expect(commitWith(work, 'chore: script\n', { 'a.sh': 'echo a\n' }, { noVerify: true }).code).toBe(0);
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:main']).code).toBe(0);
    // Q's change and `chmod +x a.sh` (a mode-only diff: no hunk, its mode lines dropped before patch-id, row 1103).
    expect(tryGit(work.dir, ['cherry-pick', '-n', server.qwen]).code).toBe(0);
    chmodSync(join(work.dir, 'a.sh'), 0o755);
    work.git(['add', 'a.sh']);
    expect(tryGit(work.dir, ['commit', '-q', '--no-verify', '-m', 'chore: a.sh executable']).code).toBe(0);
    expect(work.git(['diff-tree', '--no-commit-id', '-r', '--name-only', 'HEAD']).split('\n')).toEqual(['a.sh', 'src/parse.ts']);
    expectLaunderRefused(server);
    // Q's change and a new, empty, executable file (`new file mode 100755`, no hunk either).
    work.git(['reset', '-q', '--hard', 'origin/main']);
    expect(tryGit(work.dir, ['cherry-pick', '-n', server.qwen]).code).toBe(0);
    work.write('0.sh', '');
    chmodSync(join(work.dir, '0.sh'), 0o755);
    work.git(['add', '0.sh']);
    expect(tryGit(work.dir, ['commit', '-q', '--no-verify', '-m', 'chore: 0.sh']).code).toBe(0);
    expectLaunderRefused(server);
    // The chmod alone is the person's and passes both.
    work.git(['reset', '-q', '--hard', 'origin/main']);
    chmodSync(join(work.dir, 'a.sh'), 0o755);
    work.git(['add', 'a.sh']);
    expect(tryGit(work.dir, ['commit', '-q', '--no-verify', '-m', 'chore: a.sh executable']).code).toBe(0);
    const check = aitrail(work.dir, ['check', 'origin/main..HEAD'], { timeout: 120_000 });
    expect(check.code, check.stdout + check.stderr).toBe(0);
    const pushed = tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:main']);
    expect(pushed.code, pushed.stderr).toBe(0);
  });
});
