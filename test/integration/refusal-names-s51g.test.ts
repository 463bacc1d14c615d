// row 984: a refusal at commit-msg, pre-push and pre-receive names where the policy was read (the config
// file: in the work tree at commit time, `<base sha>:<file>` at push) and, at push, the refs the push updates;
// each used to say only "the AI model policy" (check alone named its policy, on stderr). Real repositories,
// the hooks running the built CLI, a real bare server with the pre-receive hook.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitWith, policyServer, project, QWEN, tryGit } from '../helpers/enforce-repos.js';
import { tempDir } from '../helpers/gitdir.js';

const DENY_QWEN = 'policy:\n  deny: ["qwen/*"]\n';

describe('refusals name the config file and the pushed refs (row 984)', () => {
  it('commit-msg: "the AI model policy of .aitrailrc.yml in the work tree"', () => {
    const { work } = project(DENY_QWEN, { hooks: ['commit-msg'] });
    const refused = commitWith(work, `feat: q\n\n${QWEN}\n`, { 'q.ts': 'q\n' });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('rule:  model-denied (policy.deny)');
    expect(refused.stderr).toContain('aitrail: commit refused: it breaks the AI model policy of .aitrailrc.yml in the work tree (see above).');
  });

  it('pre-push: "push to origin refused … (pushing refs/heads/feature; policy: <base>:.aitrailrc.yml)"', () => {
    const { work, base } = project(DENY_QWEN, { hooks: ['pre-push'] });
    expect(commitWith(work, `feat: q\n\n${QWEN}\n`, { 'q.ts': 'q\n' }).code).toBe(0);
    const pushed = tryGit(work.dir, ['push', 'origin', 'HEAD:refs/heads/feature']);
    expect(pushed.code).not.toBe(0);
    expect(pushed.stderr).toContain(`aitrail: push to origin refused: commits above break the AI model policy (pushing refs/heads/feature; policy: ${base}:.aitrailrc.yml).`);
  });

  it('pre-receive: "push rejected by the server … (pushing refs/heads/main; policy: <base>:.aitrailrc.yml)"', () => {
    const { work, base } = policyServer(DENY_QWEN);
    expect(commitWith(work, `feat: q\n\n${QWEN}\n`, { 'q.ts': 'q\n' }).code).toBe(0);
    const pushed = tryGit(work.dir, ['push', 'origin', 'HEAD:refs/heads/main']);
    expect(pushed.code).not.toBe(0);
    expect(pushed.stderr).toContain(`remote: aitrail: push rejected by the server: commits above break the AI model policy of this repository (pushing refs/heads/main; policy: ${base}:.aitrailrc.yml).`);
    expect(pushed.stderr).toContain('pre-receive hook declined');
  });

  it("pre-receive with the server's own --config: named as such, its path on the server not told to the pusher", () => {
    const file = join(tempDir('aitrail-server-policy-'), 'secret-place-policy.yml');
    writeFileSync(file, DENY_QWEN);
    const { work } = policyServer('{}\n', `--config ${file}`);
    expect(commitWith(work, `feat: q\n\n${QWEN}\n`, { 'q.ts': 'q\n' }).code).toBe(0);
    const pushed = tryGit(work.dir, ['push', 'origin', 'HEAD:refs/heads/main']);
    expect(pushed.code).not.toBe(0);
    expect(pushed.stderr).toContain("commits above break the AI model policy of this repository (pushing refs/heads/main; policy: the server's --config file).");
    expect(pushed.stderr).not.toContain('secret-place-policy');
  });
});
