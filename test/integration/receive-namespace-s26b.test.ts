// Row 315: a pre-receive hook on a repository serving several projects through git namespaces
// (GIT_NAMESPACE, gitnamespaces(7)): a real bare server, real pushes (hooks skipped on the
// pushing side). Failed before its fix: the push into the namespace was judged by the policy of
// the repository's own default branch (another project's), and a denied model got in.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitWith, policyServer, QWEN, tryGit } from '../helpers/enforce-repos.js';

describe('a push into a git namespace', () => {
  it('is refused (exit 3) whatever policy the repository\'s own default branch holds, with or without --config; without a namespace the hook judges as before', () => {
    // The repository's own main (project A) allows every model; project B, served as namespace
    // ns1 of the same repository, denies Qwen on its own default branch.
    const { remote, work } = policyServer('policy:\n  allow: ["*"]\n');
    work.git(['checkout', '-q', '--orphan', 'b-main']);
    work.git(['rm', '-q', '-r', '--cached', '.']);
    expect(commitWith(work, 'chore: project B policy\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' }, { noVerify: true }).code).toBe(0);
    const bBase = work.git(['rev-parse', 'HEAD']);
    // Project B's refs as its own first push left them (fetched: no hook runs), its HEAD as the admin set it.
    remote.git(['fetch', '-q', work.dir, 'b-main:refs/namespaces/ns1/refs/heads/main']);
    remote.git(['symbolic-ref', 'refs/namespaces/ns1/HEAD', 'refs/namespaces/ns1/refs/heads/main']);

    expect(commitWith(work, `feat: parser\n\n${QWEN}\n`, { 'src/parser.ts': 'export const p = 1;\n' }, { noVerify: true }).code).toBe(0);
    const qwen = work.git(['rev-parse', 'HEAD']);
    const push = tryGit(work.dir, ['push', '--no-verify', remote.dir, 'b-main:refs/heads/main'], { env: { GIT_NAMESPACE: 'ns1' } });
    expect(push.code, push.stderr).not.toBe(0);
    expect(push.stderr).toContain('git namespace ns1 (GIT_NAMESPACE');
    expect(push.stderr).toContain('a repository of its own');
    expect(remote.git(['rev-parse', 'refs/namespaces/ns1/refs/heads/main'])).toBe(bBase);

    // The hook as git runs it for that push: exit 3 (no policy it can read), --config or not.
    remote.git(['fetch', '-q', work.dir, 'b-main']); // the objects, as quarantine holds them; no ref
    const input = `${bBase} ${qwen} refs/heads/main\n`;
    const policyFile = join(remote.dir, 'server-policy.yml');
    writeFileSync(policyFile, 'policy:\n  deny: ["qwen/*"]\n');
    for (const args of [[], ['--config', policyFile]]) {
      const hook = aitrail(remote.dir, ['hook', 'pre-receive', ...args], { input, env: { GIT_NAMESPACE: 'ns1' } });
      expect(hook.code, hook.stderr).toBe(3);
      expect(hook.stderr).toContain('refs/namespaces/ns1/');
    }
    // An empty GIT_NAMESPACE is no namespace: the push is judged (and Qwen denied by the server's file).
    const plain = aitrail(remote.dir, ['hook', 'pre-receive', '--config', policyFile], { input: `0000000000000000000000000000000000000000 ${qwen} refs/heads/side\n`, env: { GIT_NAMESPACE: '' } });
    expect(plain.code, plain.stderr).toBe(1);
    expect(plain.stderr).toContain(`error   ${qwen.slice(0, 12)} `);
  });
});
