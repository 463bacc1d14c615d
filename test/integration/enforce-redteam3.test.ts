// Red team, third pass: an insider with a denied model against real bare servers running the
// pre-receive hook (real pushes with --no-verify) and against `aitrail check` in CI clones.
// Every test here failed before its fix.
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitWith, policyServer, QWEN, rawCommit, tryGit } from '../helpers/enforce-repos.js';
import { makeRepo, tempDir, type TestRepo } from '../helpers/gitdir.js';

const POLICY = 'policy:\n  deny: ["qwen/*"]\n';
const QWEN_TRAILER = 'Assisted-by: qwen-code:qwen/qwen3-coder';

const branches = (repo: TestRepo): string => repo.git(['for-each-ref', '--format=%(refname)', 'refs/heads/']);

describe('a message whose only line is the trailer', () => {
  it('git commit --allow-empty-message --trailer: the trailer is the subject; pre-receive refuses it and check fails it', () => {
    const { remote, work, base } = policyServer(POLICY);
    work.write('src/parser.ts', 'x\n');
    work.git(['add', '-A']);
    work.git(['commit', '-q', '--no-verify', '--allow-empty-message', '-m', '', '--trailer', QWEN_TRAILER]);
    expect(work.git(['log', '-1', '--format=%s'])).toBe(QWEN_TRAILER);
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'main']);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toMatch(/remote: .*qwen\/qwen3-coder/);
    expect(remote.git(['rev-parse', 'main'])).toBe(base);
    const check = aitrail(work.dir, ['check', `${base}..HEAD`, '--format', 'json']);
    expect(check.code, check.stderr).toBe(1);
    expect(JSON.parse(check.stdout).violations).toContainEqual(expect.objectContaining({ rule: 'model-denied', model: 'qwen/qwen3-coder' }));
  });

  it('an encoding header git re-encodes the message by (IBM037): what git log shows as the subject is judged', () => {
    const { remote, work, base } = policyServer(POLICY);
    const ebcdic = Buffer.from(`feat: parser\n\n${QWEN_TRAILER}\n`, 'latin1').map((byte) => EBCDIC.get(byte) ?? byte);
    const sha = rawCommit(work, base, 'parser.ts', ['encoding IBM037'], Buffer.from(ebcdic));
    expect(work.git(['log', '-1', '--format=%B', sha])).toContain(QWEN_TRAILER);
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', `${sha}:refs/heads/feature`]);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toMatch(/remote: .*qwen\/qwen3-coder/);
    expect(branches(remote)).toBe('refs/heads/main');
  });
});

describe('an encoding header git cannot read the stored message by', () => {
  it('an ASCII message under `encoding IBM037` (git log shows nothing of it, the object names Qwen) is judged by its stored bytes too', () => {
    const { remote, work, base } = policyServer(POLICY);
    const sha = rawCommit(work, base, 'parser.ts', ['encoding IBM037'], Buffer.from(`feat: parser\n\n${QWEN_TRAILER}\n`));
    expect(work.git(['log', '-1', '--format=%B', sha])).not.toContain('qwen');
    expect(work.git(['cat-file', 'commit', sha])).toContain(QWEN_TRAILER);
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', `${sha}:refs/heads/feature`]);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toMatch(/remote: .*qwen\/qwen3-coder/);
    expect(branches(remote)).toBe('refs/heads/main');
    const check = aitrail(work.dir, ['check', `${base}..${sha}`]);
    expect(check.code, check.stderr).toBe(1);
    // A latin1 project's commit stays as git shows it (and costs no second read).
    const latin1 = rawCommit(work, base, 'cafe.ts', ['encoding ISO-8859-1'], Buffer.from('feat: caf\xe9\n', 'latin1'));
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', `${latin1}:refs/heads/latin1`]).code).toBe(0);
  });
});

describe('CI: check --config naming a file of the checkout', () => {
  it('a --config file the judged commits change (the pull request\'s own .aitrailrc.yml, or a link to it) is refused; the CI\'s own file judges', () => {
    const remote = makeRepo({ bare: true });
    const dev = makeRepo();
    dev.git(['remote', 'add', 'origin', remote.dir]);
    dev.commit('chore: policy\n', { '.aitrailrc.yml': POLICY, 'ci/policy.yml': POLICY });
    dev.git(['push', '-q', 'origin', 'main']);
    dev.git(['checkout', '-q', '-b', 'feature']);
    commitWith(dev, 'chore: allow every model\n', { '.aitrailrc.yml': 'policy: {}\n' });
    commitWith(dev, `feat: parser\n\n${QWEN}\n`, { 'src/parser.ts': 'x\n' }, { noVerify: true });
    dev.git(['push', '-q', '--no-verify', 'origin', 'feature']);
    // The CI runner: a detached checkout of the pull request's head, the target branch fetched.
    const runner = makeRepo();
    runner.git(['remote', 'add', 'origin', remote.dir]);
    runner.git(['fetch', '-q', 'origin', '+refs/heads/*:refs/remotes/origin/*']);
    runner.git(['checkout', '-q', '--detach', 'refs/remotes/origin/feature']);
    const range = 'refs/remotes/origin/main..HEAD';
    const own = aitrail(runner.dir, ['check', range, '--config', '.aitrailrc.yml']);
    expect(own.code, own.stdout + own.stderr).toBe(2);
    expect(own.stderr).toContain('--policy-from');
    symlinkSync('.aitrailrc.yml', join(runner.dir, 'policy-link.yml'));
    expect(aitrail(runner.dir, ['check', range, '--config', 'policy-link.yml']).code).toBe(2);
    // A file the range leaves alone, or one outside the checkout, is the CI's own: it judges.
    const kept = aitrail(runner.dir, ['check', range, '--config', 'ci/policy.yml']);
    expect(kept.code, kept.stderr).toBe(1);
    expect(kept.stdout).toContain('qwen/qwen3-coder');
    const outside = join(tempDir('aitrail-ci-'), 'policy.yml');
    writeFileSync(outside, POLICY);
    expect(aitrail(runner.dir, ['check', range, '--config', outside]).code).toBe(1);
  });
});

/** ASCII to IBM037 (EBCDIC), for the characters of the test message. */
const EBCDIC = new Map<number, number>();
{
  const table: [string, number][] = [[' ', 0x40], [':', 0x7a], ['-', 0x60], ['/', 0x61], ['.', 0x4b], ['\n', 0x25], ['0', 0xf0]];
  for (const [char, code] of table) EBCDIC.set(char.charCodeAt(0), code);
  for (let digit = 1; digit <= 9; digit += 1) EBCDIC.set(0x30 + digit, 0xf0 + digit);
  const runs: [string, number][] = [['a', 0x81], ['j', 0x91], ['s', 0xa2], ['A', 0xc1], ['J', 0xd1], ['S', 0xe2]];
  for (const [start, code] of runs) {
    const length = start.toLowerCase() === 'a' || start.toLowerCase() === 'j' ? 9 : 8;
    for (let offset = 0; offset < length; offset += 1) EBCDIC.set(start.charCodeAt(0) + offset, code + offset);
  }
}
