import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { CLAUDE_DECLARED, commitWith, installHooks, policyServer, QWEN, tryGit } from '../helpers/enforce-repos.js';
import { makeRepo, tempDir } from '../helpers/gitdir.js';

const DENY_QWEN = 'policy:\n  deny: ["qwen/*"]\n';

/** A bare server whose pre-receive hook runs aitrail; a work repo that pushed the policy to it. */
const server = (hookArgs = '') => policyServer(DENY_QWEN, hookArgs);

describe('pre-receive on a bare server', () => {
  it('refuses the denied commit on an existing ref, a new ref and a tag, with a clear message', () => {
    const { remote, work, base } = server();
    commitWith(work, `feat: parser\n\n${QWEN}\n`, { 'src/parser.ts': 'x\n' }, { noVerify: true });
    const main = tryGit(work.dir, ['push', 'origin', 'main']);
    expect(main.code).not.toBe(0);
    expect(main.stderr).toMatch(/remote: .*qwen\/qwen3-coder/);
    expect(main.stderr).toContain('push rejected by the server');
    expect(main.stderr).toContain('pre-receive hook declined');
    expect(remote.git(['rev-parse', 'main'])).toBe(base);
    expect(tryGit(work.dir, ['push', 'origin', 'HEAD:refs/heads/other']).code).not.toBe(0);
    work.git(['tag', 'v1']);
    expect(tryGit(work.dir, ['push', 'origin', 'v1']).code).not.toBe(0);
    expect(remote.git(['for-each-ref', '--format=%(refname)'])).toBe('refs/heads/main');
  });

  it('judges every ref: one bad ref rejects the whole push', () => {
    const { remote, work, base } = server();
    work.git(['checkout', '-q', '-b', 'good']);
    commitWith(work, 'docs: human\n', { 'a.md': 'a\n' });
    work.git(['checkout', '-q', '-b', 'bad', 'main']);
    commitWith(work, `feat: parser\n\n${QWEN}\n`, { 'src/parser.ts': 'x\n' }, { noVerify: true });
    expect(tryGit(work.dir, ['push', 'origin', 'good', 'bad']).code).not.toBe(0);
    expect(remote.git(['for-each-ref', '--format=%(refname)'])).toBe('refs/heads/main');
    expect(remote.git(['rev-parse', 'main'])).toBe(base);
  });

  it('accepts a clean push (new ref and existing ref)', () => {
    const { remote, work } = server();
    commitWith(work, `feat: claude\n\n${CLAUDE_DECLARED}\n`, { 'b.ts': 'b\n' });
    expect(tryGit(work.dir, ['push', '-q', 'origin', 'main', 'main:refs/heads/copy']).code).toBe(0);
    expect(remote.git(['log', '-1', '--format=%s', 'copy'])).toBe('feat: claude');
  });

  it('a pushed config that loosens the policy does not judge its own push', () => {
    const { remote, work, base } = server();
    commitWith(work, 'chore: allow qwen\n', { '.aitrailrc.yml': 'policy: {}\n' });
    commitWith(work, `feat: parser\n\n${QWEN}\n`, { 'src/parser.ts': 'x\n' }, { noVerify: true });
    expect(tryGit(work.dir, ['push', 'origin', 'main']).code).not.toBe(0);
    expect(tryGit(work.dir, ['push', 'origin', 'main:refs/heads/sneaky']).code).not.toBe(0);
    expect(remote.git(['rev-parse', 'main'])).toBe(base);
  });

  it('a commit already on another ref (there from before the hook) is judged again when pushed to main', () => {
    const { remote, work, base } = server();
    work.git(['checkout', '-q', '-b', 'loosen']);
    commitWith(work, 'chore: allow qwen\n', { '.aitrailrc.yml': 'policy: {}\n' });
    commitWith(work, `feat: parser\n\n${QWEN}\n`, { 'src/parser.ts': 'x\n' }, { noVerify: true });
    // One policy per repository (issue 8): loosen's own config judges nothing, loosen included.
    expect(tryGit(work.dir, ['push', '-q', 'origin', 'loosen']).code).not.toBe(0);
    remote.git(['fetch', '-q', work.dir, 'loosen:refs/heads/loosen']); // the admin's way in: no hook runs
    const main = tryGit(work.dir, ['push', 'origin', 'loosen:main']);
    expect(main.code).not.toBe(0);
    expect(main.stderr).toMatch(/remote: .*qwen\/qwen3-coder/);
    expect(remote.git(['rev-parse', 'main'])).toBe(base);
    // Both refs in one push: the commit on loosen's old tip must not hide it from main's judgement.
    commitWith(work, 'docs: more\n', { 'more.md': 'm\n' });
    expect(tryGit(work.dir, ['push', 'origin', 'loosen', 'loosen:main']).code).not.toBe(0);
    expect(remote.git(['rev-parse', 'main'])).toBe(base);
  });

  it('a server whose HEAD names an unborn branch and that remembers no policy refuses pushes, naming the fix', () => {
    const { remote, work } = server();
    remote.git(['symbolic-ref', 'HEAD', 'refs/heads/master']);
    work.git(['checkout', '-q', '-b', 'loosen']);
    commitWith(work, 'chore: allow qwen\n', { '.aitrailrc.yml': 'policy: {}\n' });
    commitWith(work, `feat: parser\n\n${QWEN}\n`, { 'src/parser.ts': 'x\n' }, { noVerify: true });
    const push = tryGit(work.dir, ['push', 'origin', 'loosen']);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toContain('remote: aitrail: no policy known for this repository');
    expect(push.stderr).toContain('git symbolic-ref HEAD refs/heads/<branch>');
    expect(remote.git(['for-each-ref', '--format=%(refname)'])).toBe('refs/heads/main');
    // The admin points HEAD at the default branch: the policy is known again.
    remote.git(['symbolic-ref', 'HEAD', 'refs/heads/main']);
    const again = tryGit(work.dir, ['push', 'origin', 'loosen']);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/remote: .*qwen\/qwen3-coder/);
  });

  it('an empty server bootstraps its policy from the first push of its default branch, and only from that', () => {
    const remote = makeRepo({ bare: true });
    installHooks(join(remote.dir, 'hooks'), ['pre-receive']);
    remote.git(['symbolic-ref', 'HEAD', 'refs/heads/master']);
    const work = makeRepo();
    work.git(['remote', 'add', 'origin', remote.dir]);
    work.commit('chore: policy\n', { '.aitrailrc.yml': DENY_QWEN });
    const side = tryGit(work.dir, ['push', 'origin', 'main']);
    expect(side.code).not.toBe(0);
    expect(side.stderr).toContain('it is empty and this push does not create its default branch refs/heads/master');
    expect(remote.git(['for-each-ref'])).toBe('');
    remote.git(['symbolic-ref', 'HEAD', 'refs/heads/main']);
    expect(tryGit(work.dir, ['push', '-q', 'origin', 'main']).code).toBe(0);
    commitWith(work, `feat: parser\n\n${QWEN}\n`, { 'src/parser.ts': 'x\n' }, { noVerify: true });
    expect(tryGit(work.dir, ['push', 'origin', 'HEAD:refs/heads/feature']).code).not.toBe(0);
  });

  it('a remembered policy that cannot be read is never taken as none', () => {
    const { remote, work } = server();
    remote.git(['config', 'receive.denyDeleteCurrent', 'ignore']);
    expect(tryGit(work.dir, ['push', '-q', 'origin', ':main']).code).toBe(0);
    writeFileSync(join(remote.dir, 'aitrail', 'policy.json'), '{"version":1,"ref":null,"commit":"x"}');
    const push = tryGit(work.dir, ['push', 'origin', 'main']);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toMatch(/remote: aitrail: no policy known for this repository: .*policy\.json is unusable/);
  });

  it('a server that cannot write its memory says so and goes on judging', () => {
    const { remote, work } = server();
    rmSync(join(remote.dir, 'aitrail'), { recursive: true, force: true });
    writeFileSync(join(remote.dir, 'aitrail'), 'not a directory\n');
    commitWith(work, 'docs: human\n', { 'a.md': 'a\n' });
    const push = tryGit(work.dir, ['push', 'origin', 'main']);
    expect(push.code).toBe(0);
    expect(push.stderr).toMatch(/remote: aitrail: warning: cannot remember the policy in .*policy\.json/);
    commitWith(work, `feat: parser\n\n${QWEN}\n`, { 'src/parser.ts': 'x\n' }, { noVerify: true });
    expect(tryGit(work.dir, ['push', 'origin', 'main']).code).not.toBe(0);
  });

  it('refuses a push that would leave an invalid config on a ref (its next push could never be judged)', () => {
    const { remote, work, base } = server();
    commitWith(work, 'chore: typo\n', { '.aitrailrc.yml': 'policy:\n  deny: "qwen"\n' });
    const push = tryGit(work.dir, ['push', 'origin', 'main']);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toMatch(/remote: .*policy\.deny: found "qwen"/);
    expect(remote.git(['rev-parse', 'main'])).toBe(base);
    commitWith(work, 'chore: fix\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' });
    expect(tryGit(work.dir, ['push', '-q', 'origin', 'main']).code).toBe(0);
  });

  it('--config on the server overrides the repository policy', () => {
    const dir = tempDir();
    const policy = join(dir, 'server-policy.yml');
    writeFileSync(policy, 'policy:\n  deny: ["anthropic/*"]\n');
    const { remote, work } = server(`--config "${policy}"`);
    commitWith(work, `feat: claude\n\n${CLAUDE_DECLARED}\n`, { 'b.ts': 'b\n' });
    const push = tryGit(work.dir, ['push', 'origin', 'main']);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toContain('anthropic/claude-opus-4.6');
    expect(remote.git(['log', '-1', '--format=%s', 'main'])).toBe('chore: policy');
  });
});

describe('shallow clones', () => {
  it('check exits 3 with a clear message when the range base is missing', () => {
    const origin = makeRepo();
    const first = origin.commit('one\n', { 'a.txt': '1\n' });
    origin.commit('two\n', { 'a.txt': '2\n' });
    origin.commit(`three\n\n${QWEN}\n`, { 'a.txt': '3\n' });
    const clone = tempDir();
    expect(tryGit(clone, ['clone', '-q', '--depth', '1', `file://${origin.dir}`, 'c']).code).toBe(0);
    const result = aitrail(join(clone, 'c'), ['check', `${first}..HEAD`]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('shallow clone');
    expect(result.stderr).toContain('fetch-depth: 0');
  });

  it('check exits 3 when the range runs into the cut history', () => {
    const origin = makeRepo();
    origin.commit('one\n', { 'a.txt': '1\n' });
    origin.commit('two\n', { 'a.txt': '2\n' });
    const clone = tempDir();
    expect(tryGit(clone, ['clone', '-q', '--depth', '1', `file://${origin.dir}`, 'c']).code).toBe(0);
    const result = aitrail(join(clone, 'c'), ['check', 'HEAD']);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('cut');
  });
});
