// Server modes the pre-receive hook had not been replayed under (session 26, helper b): push
// options, atomic pushes, nested tags, AGit's refs/for/* (receive.procReceiveRefs, as Gitea and
// Gerrit-like servers take reviews) and push-to-checkout (receive.denyCurrentBranch=updateInstead).
// Real servers, real pushes (hooks skipped on the pushing side). These held before this session:
// the tests keep them holding.
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitWith, installHooks, policyServer, QWEN, tryGit } from '../helpers/enforce-repos.js';
import { makeRepo, tempDir } from '../helpers/gitdir.js';

const DENY_QWEN = 'policy:\n  deny: ["qwen/*"]\n';
const refsOf = (dir: string): string => tryGit(dir, ['for-each-ref', '--format=%(refname) %(objectname)']).stdout;

describe('pushes shaped by the server\'s modes', () => {
  it('push options, --atomic, a tag of a tag and an AGit refs/for push cannot get a denied commit past pre-receive', () => {
    const { remote, work } = policyServer(DENY_QWEN);
    remote.git(['config', 'receive.advertisePushOptions', 'true']);
    expect(commitWith(work, 'docs: readme\n', { 'README.md': 'hello\n' }, { noVerify: true }).code).toBe(0);
    const good = work.git(['rev-parse', 'HEAD']);
    expect(commitWith(work, `feat: parser\n\n${QWEN}\n`, { 'src/parser.ts': 'export const p = 1;\n' }, { noVerify: true }).code).toBe(0);
    const qwen = work.git(['rev-parse', 'HEAD']);
    const before = refsOf(remote.dir);

    // Options the pusher hands every hook (GIT_PUSH_OPTION_*), with one allowed ref beside the denied one, all or nothing.
    const atomic = tryGit(work.dir, ['push', '--no-verify', '--atomic', '-o', 'aitrail.skip', '-o', 'AITRAIL=0', '-o', 'ci.skip', remote.dir, `${good}:refs/heads/main`, `${qwen}:refs/heads/side`]);
    expect(atomic.code, atomic.stderr).not.toBe(0);
    expect(atomic.stderr).toContain(`error   ${qwen.slice(0, 12)} `);
    // The denied commit under a tag of a tag.
    work.git(['tag', '-a', '-m', 'inner', 'inner', qwen]);
    work.git(['-c', 'advice.nestedTag=false', 'tag', '-a', '-m', 'outer', 'outer', 'inner']);
    const nested = tryGit(work.dir, ['push', '--no-verify', remote.dir, 'refs/tags/outer:refs/tags/outer']);
    expect(nested.code, nested.stderr).not.toBe(0);
    expect(nested.stderr).toContain(`error   ${qwen.slice(0, 12)} `);
    // AGit: refs/for/main goes to the proc-receive hook (which here would take anything), after pre-receive judged it.
    remote.git(['config', 'receive.procReceiveRefs', 'refs/for']);
    const proc = join(remote.dir, 'hooks', 'proc-receive');
    writeFileSync(proc, `#!/bin/sh\necho ran > "${join(remote.dir, 'proc-receive-ran')}"\nexit 1\n`);
    chmodSync(proc, 0o755);
    const agit = tryGit(work.dir, ['push', '--no-verify', '-o', 'topic=parser', remote.dir, `${qwen}:refs/for/main`]);
    expect(agit.code, agit.stderr).not.toBe(0);
    expect(agit.stderr).toContain(`error   ${qwen.slice(0, 12)} `);
    expect(() => readFileSync(join(remote.dir, 'proc-receive-ran'))).toThrow();

    expect(refsOf(remote.dir)).toBe(before);
  });

  it('push-to-checkout (a non-bare server, updateInstead): the policy is the committed one, not the server work tree\'s edited or extra config', () => {
    const server = makeRepo({ dir: join(tempDir('aitrail-checkout-'), 'server') });
    server.commit('chore: policy\n', { '.aitrailrc.yml': DENY_QWEN });
    server.git(['config', 'receive.denyCurrentBranch', 'updateInstead']);
    installHooks(join(server.dir, '.git', 'hooks'), ['pre-receive']);
    const work = makeRepo();
    work.git(['fetch', '-q', server.dir, 'main']);
    work.git(['reset', '-q', '--hard', 'FETCH_HEAD']);
    // Someone on the server loosened the checked-out config and left a second, looser file beside it.
    server.write('.aitrailrc.yml', 'policy:\n  allow: ["*"]\n');
    server.write('.aitrailrc.json', '{"policy": {}}\n');
    const tip = server.git(['rev-parse', 'main']);
    expect(commitWith(work, `feat: parser\n\n${QWEN}\n`, { 'src/parser.ts': 'export const p = 1;\n' }, { noVerify: true }).code).toBe(0);
    const qwen = work.git(['rev-parse', 'HEAD']);
    const push = tryGit(work.dir, ['push', '--no-verify', server.dir, 'main']);
    expect(push.code, push.stderr).not.toBe(0);
    expect(push.stderr).toContain(`error   ${qwen.slice(0, 12)} `);
    expect(server.git(['rev-parse', 'main'])).toBe(tip);
  });
});
