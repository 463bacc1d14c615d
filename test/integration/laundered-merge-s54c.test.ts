// Session 54 helper c (row 1123): under a global deny, a merge Qwen declared (its branch of two Qwen commits, both
// changing one file), reverted with `git revert -m 1` by a person, then picked again as one person-read commit
// (`git cherry-pick -n -m 1 M && git commit --no-verify`) passed check and pre-receive: the twin search (rows 1056, 1080)
// walked the refs' history with `--no-merges`, so the refused merge, whose change against its first parent is the pick's,
// was never read, and neither branch commit alone is that change. Found by replaying the attacker's playbook with a real
// bare server's pre-receive. Now the walk reads merges too (`--full-history`: git's default simplification drops a
// merge the same as its second parent at the paths asked).
import { describe, expect, it } from 'vitest';
import { commitWith, policyServer, tryGit } from '../helpers/enforce-repos.js';
import { expectLaunderRefused } from '../helpers/laundered-twins.js';

const QWEN = '\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n';

describe('a refused merge picked again as one commit (row 1123)', () => {
  it("Qwen's reverted merge picked again without its trailer is refused by check and pre-receive, naming the merge", () => {
    const server = policyServer('policy:\n  deny: ["anthropic/*"]\n');
    const { work } = server;
    expect(commitWith(work, 'feat: base lib\n', { 'src/lib.ts': 'a\nb\nc\nd\n' }, { noVerify: true }).code).toBe(0);
    work.git(['checkout', '-q', '-b', 'qwen']);
    expect(commitWith(work, `feat: q1${QWEN}`, { 'src/lib.ts': 'a\nb qwen1\nc\nd\n' }, { noVerify: true }).code).toBe(0);
    expect(commitWith(work, `feat: q2${QWEN}`, { 'src/lib.ts': 'a\nb qwen1\nc qwen2\nd\n' }, { noVerify: true }).code).toBe(0);
    work.git(['checkout', '-q', 'main']);
    work.git(['merge', '-q', '--no-ff', '--no-verify', 'qwen', '-m', `Merge branch qwen${QWEN}`]);
    const qwen = work.git(['rev-parse', 'HEAD']);
    work.git(['revert', '-m', '1', '--no-edit', 'HEAD']);
    expect(commitWith(work, 'chore: deny qwen\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' }, { noVerify: true }).code).toBe(0);
    const before = tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:main']);
    expect(before.code, before.stderr).toBe(0);
    work.git(['branch', '-q', '-D', 'qwen']);
    expect(tryGit(work.dir, ['cherry-pick', '-n', '-m', '1', qwen]).code).toBe(0);
    expect(tryGit(work.dir, ['commit', '-q', '--no-verify', '-m', 'feat: lib']).code).toBe(0);
    expectLaunderRefused({ ...server, qwen });
  });
});
