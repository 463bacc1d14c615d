// 680 names a config in the folders between the root and where a command runs; in a bare
// repository those folders are git's own (refs/heads, objects), and `aitrail check` run in
// refs/heads named a branch called `aitrail.yml` (anyone who can push names one) as a config not
// read: `warning: refs/heads/aitrail.yml looks meant as aitrail's config … move it to the root as
// .aitrailrc.yml`. status and init skip a bare repository's folders; check now does too.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

describe('check in a bare repository, run in one of its folders', () => {
  it("names no branch file as a config (refs/heads/aitrail.yml was 'not read')", () => {
    const bare = makeRepo({ bare: true });
    const work = makeRepo();
    work.commit('feat: a\n', { 'a.txt': 'a\n' });
    work.git(['push', '-q', bare.dir, 'HEAD:refs/heads/main', 'HEAD:refs/heads/aitrail.yml', 'HEAD:refs/heads/pkg/package.json']);
    const cwd = join(bare.dir, 'refs', 'heads');
    const check = aitrail(cwd, ['check', 'main']);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stderr).not.toMatch(/aitrail\.yml|not read|looks meant/);
    const status = aitrail(cwd, ['status']);
    expect(status.stdout).not.toMatch(/Not read/);
  });

  it("what held: a work tree's package folder is still named", () => {
    const repo = makeRepo();
    repo.commit('feat: a\n', { 'packages/x/aitrail.yml': 'policy:\n  deny: ["qwen/*"]\n' });
    const check = aitrail(join(repo.dir, 'packages', 'x'), ['check', 'HEAD']);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stderr).toContain("warning: packages/x/aitrail.yml looks meant as aitrail's config, but aitrail did not read it");
  });
});
