// Issue 8: each way around the model policy an insider tried, tried again the same way — real
// bare servers running the pre-receive hook, real pushes with --no-verify, real clones (mirror,
// detached CI checkouts, --depth). Every test here failed before the fix.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitWith, policyServer, project, QWEN, tryGit } from '../helpers/enforce-repos.js';
import { makeRepo, tempDir, type TestRepo } from '../helpers/gitdir.js';

const DENY_QWEN = 'policy:\n  deny: ["qwen/*"]\n';
const LOOSE = 'policy: {}\n';
const DENIED = `feat: parser\n\n${QWEN}\n`;

/** A commit with `sha`'s parents and tree (or `tree`) and a human-looking message. */
function twin(repo: TestRepo, sha: string, message: string, tree = `${sha}^{tree}`): string {
  const parents = repo.git(['rev-list', '--parents', '-n', '1', sha]).split(' ').slice(1);
  return repo.git(['commit-tree', tree, ...parents.flatMap((parent) => ['-p', parent])], { input: message });
}

/** A tree holding only `.aitrailrc.yml` with `config`. */
function configTree(repo: TestRepo, config: string): string {
  const blob = repo.git(['hash-object', '-w', '--stdin'], { input: config });
  return repo.git(['mktree'], { input: `100644 blob ${blob}\t.aitrailrc.yml\n` });
}

const refs = (repo: TestRepo, prefix = 'refs/'): string => repo.git(['for-each-ref', '--format=%(refname)', prefix]);

describe('1. replace refs and grafts: enforcement reads history as stored', () => {
  it('pre-receive refuses refs/replace/* pushes (create and delete) unless the server allows them', () => {
    const { remote, work } = policyServer(DENY_QWEN);
    commitWith(work, DENIED, { 'src/parser.ts': 'x\n' }, { noVerify: true });
    const denied = work.git(['rev-parse', 'HEAD']);
    work.git(['replace', denied, twin(work, denied, 'feat: parser\n')]);
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', `refs/replace/${denied}`]);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toMatch(/remote: aitrail: .*refs\/replace\//);
    expect(push.stderr).toContain('aitrail.allowReplaceRefs');
    expect(refs(remote, 'refs/replace/')).toBe('');
    remote.git(['config', 'aitrail.allowReplaceRefs', 'true']);
    expect(tryGit(work.dir, ['push', '-q', '--no-verify', 'origin', `refs/replace/${denied}`]).code).toBe(0);
    remote.git(['config', 'aitrail.allowReplaceRefs', 'false']);
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', `:refs/replace/${denied}`]).code).not.toBe(0);
    expect(refs(remote, 'refs/replace/')).toBe(`refs/replace/${denied}`);
  });

  it('a replace ref on the server does not hide a denied commit (even where the admin allows replace refs)', () => {
    const { remote, work, base } = policyServer(DENY_QWEN);
    remote.git(['config', 'aitrail.allowReplaceRefs', 'true']);
    commitWith(work, DENIED, { 'src/parser.ts': 'x\n' }, { noVerify: true });
    const denied = work.git(['rev-parse', 'HEAD']);
    work.git(['replace', denied, twin(work, denied, 'feat: parser\n')]);
    expect(tryGit(work.dir, ['push', '-q', '--no-verify', 'origin', `refs/replace/${denied}`]).code).toBe(0);
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'main']);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toMatch(/remote: .*qwen\/qwen3-coder/);
    expect(remote.git(['rev-parse', 'main'])).toBe(base);
  });

  it('a replace ref cannot swap the config the next push is judged by', () => {
    const { remote, work, base } = policyServer(DENY_QWEN);
    remote.git(['config', 'aitrail.allowReplaceRefs', 'true']);
    work.git(['replace', base, twin(work, base, 'chore: policy\n', configTree(work, LOOSE))]);
    expect(tryGit(work.dir, ['push', '-q', '--no-verify', 'origin', `refs/replace/${base}`]).code).toBe(0);
    commitWith(work, DENIED, { 'src/parser.ts': 'x\n' }, { noVerify: true });
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'main']);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toMatch(/remote: .*qwen\/qwen3-coder/);
    expect(remote.git(['rev-parse', 'main'])).toBe(base);
  });

  it('pre-push ignores a local replace ref', () => {
    const { work, remote, base } = project(DENY_QWEN);
    commitWith(work, DENIED, { 'src/parser.ts': 'x\n' }, { noVerify: true });
    const denied = work.git(['rev-parse', 'HEAD']);
    work.git(['replace', denied, twin(work, denied, 'feat: parser\n')]);
    const push = tryGit(work.dir, ['push', 'origin', 'main']);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toContain('qwen/qwen3-coder');
    expect(remote.git(['rev-parse', 'main'])).toBe(base);
  });

  it('check in a mirror clone ignores the replace refs it fetched, and grafts; log keeps them', () => {
    const upstream = makeRepo();
    upstream.commit('chore: policy\n', { '.aitrailrc.yml': DENY_QWEN });
    upstream.git(['checkout', '-q', '-b', 'feature']);
    const denied = upstream.commit(DENIED, { 'src/parser.ts': 'x\n' });
    const after = upstream.commit('docs: notes\n', { 'notes.md': 'n\n' });
    upstream.git(['replace', denied, twin(upstream, denied, 'feat: parser\n')]);
    const mirror = join(tempDir(), 'mirror.git');
    expect(tryGit(upstream.dir, ['clone', '-q', '--mirror', upstream.dir, mirror]).code).toBe(0);
    expect(tryGit(mirror, ['rev-parse', '--verify', '-q', `refs/replace/${denied}`]).code).toBe(0);
    const check = aitrail(mirror, ['check', 'main..feature', '--format', 'json']);
    expect(check.code).toBe(1);
    expect(JSON.parse(check.stdout).violations).toContainEqual(expect.objectContaining({ sha: denied, rule: 'model-denied', model: 'qwen/qwen3-coder' }));
    // Reports keep git's defaults: people graft histories on purpose.
    const log = JSON.parse(aitrail(mirror, ['log', 'main..feature', '--format', 'json']).stdout) as { sha: string; ai: boolean }[];
    expect(log.find((commit) => commit.sha === denied)).toMatchObject({ ai: false });
    // A graft that skips the denied commit (after's parent becomes main) hides nothing either.
    upstream.git(['replace', '-d', denied]);
    upstream.git(['config', 'advice.graftFileDeprecated', 'false']);
    writeFileSync(join(upstream.dir, '.git', 'info', 'grafts'), `${after} ${upstream.git(['rev-parse', 'main'])}\n`);
    expect(upstream.git(['rev-list', '--count', 'main..feature'])).toBe('1');
    const grafted = aitrail(upstream.dir, ['check', 'main..feature', '--format', 'json']);
    expect(grafted.code).toBe(1);
    expect(JSON.parse(grafted.stdout)).toMatchObject({ commits: 2 });
  });
});

describe('2. a server whose HEAD names an unborn branch', () => {
  it('deleting the branch and pushing it again as new with a loosened config is refused (nothing remembered: fail closed)', () => {
    const { remote, work, base } = policyServer(DENY_QWEN);
    remote.git(['symbolic-ref', 'HEAD', 'refs/heads/master']); // the common master-vs-main server
    work.git(['checkout', '-q', '-b', 'loosen']);
    commitWith(work, 'chore: allow qwen\n', { '.aitrailrc.yml': LOOSE });
    commitWith(work, DENIED, { 'src/parser.ts': 'x\n' }, { noVerify: true });
    tryGit(work.dir, ['push', '--no-verify', 'origin', ':main']);
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'loosen:main']);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toMatch(/remote: aitrail: no policy known for this repository: .*refs\/heads\/master/);
    expect(push.stderr).toContain('--config');
    expect(refs(remote, 'refs/heads/')).toBe('refs/heads/main');
    expect(remote.git(['rev-parse', 'main'])).toBe(base);
  });

  it('the default branch deleted and pushed again: judged by the policy the server remembered', () => {
    const { remote, work, base } = policyServer(DENY_QWEN);
    remote.git(['config', 'receive.denyDeleteCurrent', 'warn']); // git refuses it by default; some servers allow it
    // The deletion is the first push the hook sees with main in place: it remembers main's policy first.
    expect(tryGit(work.dir, ['push', '-q', '--no-verify', 'origin', ':main']).code).toBe(0);
    expect(refs(remote)).toBe('');
    const memory = join(remote.dir, 'aitrail', 'policy.json');
    expect(existsSync(memory)).toBe(true);
    expect(readFileSync(memory, 'utf8')).toContain(base);
    work.git(['checkout', '-q', '-b', 'loosen']);
    commitWith(work, 'chore: allow qwen\n', { '.aitrailrc.yml': LOOSE });
    commitWith(work, DENIED, { 'src/parser.ts': 'x\n' }, { noVerify: true });
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'loosen:main']);
    expect(push.code).not.toBe(0);
    expect(refs(remote)).toBe('');
    // The remembered policy judges the commits of a re-created branch.
    work.git(['checkout', '-q', '-b', 'again', base]);
    commitWith(work, DENIED, { 'src/parser.ts': 'x\n' }, { noVerify: true });
    const again = tryGit(work.dir, ['push', '--no-verify', 'origin', 'again:main']);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/remote: .*qwen\/qwen3-coder/);
    // In two pushes: the loosened config alone first (a human commit) would make it the policy.
    const loosen = tryGit(work.dir, ['push', '--no-verify', 'origin', 'loosen~1:refs/heads/main']);
    expect(loosen.code).not.toBe(0);
    expect(loosen.stderr).toMatch(/remote: aitrail: this push creates the default branch refs\/heads\/main with a policy other than the one this server enforced/);
    expect(refs(remote)).toBe('');
    // The policy's own commit comes back: accepted under the remembered policy.
    expect(tryGit(work.dir, ['push', '-q', '--no-verify', 'origin', `${base}:refs/heads/main`]).code).toBe(0);
  });

  it('with a policy remembered, creating the unborn branch HEAD names cannot bring another policy', () => {
    const { remote, work } = policyServer(DENY_QWEN);
    commitWith(work, 'docs: human\n', { 'a.md': 'a\n' });
    expect(tryGit(work.dir, ['push', '-q', '--no-verify', 'origin', 'main']).code).toBe(0); // remembered
    remote.git(['symbolic-ref', 'HEAD', 'refs/heads/master']);
    work.git(['checkout', '-q', '-b', 'loosen']);
    commitWith(work, 'chore: allow qwen\n', { '.aitrailrc.yml': LOOSE });
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'loosen:refs/heads/master']);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toContain('policy other than the one this server enforced');
    expect(refs(remote, 'refs/heads/')).toBe('refs/heads/main');
    // The same policy, in another spelling, is the same policy.
    commitWith(work, 'chore: same policy\n', { '.aitrailrc.yml': 'policy:\n  deny:\n    - "qwen/*"\n' });
    expect(tryGit(work.dir, ['push', '-q', '--no-verify', 'origin', 'loosen:refs/heads/master']).code).toBe(0);
  });
});

describe('3. one policy per repository: side branches cannot bring their own', () => {
  it('pre-receive judges a side branch by the default branch\'s policy, not by the branch\'s own previous tip', () => {
    const { remote, work } = policyServer(DENY_QWEN);
    work.git(['checkout', '-q', '-b', 'loosen']);
    commitWith(work, 'chore: allow qwen\n', { '.aitrailrc.yml': LOOSE });
    const loosened = work.git(['rev-parse', 'HEAD']);
    expect(tryGit(work.dir, ['push', '-q', '--no-verify', 'origin', 'loosen']).code).toBe(0); // a human commit
    commitWith(work, DENIED, { 'src/parser.ts': 'x\n' }, { noVerify: true });
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'loosen']);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toMatch(/remote: .*qwen\/qwen3-coder/);
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', 'loosen:refs/heads/release/1.0']).code).not.toBe(0);
    expect(refs(remote, 'refs/heads/')).toBe('refs/heads/loosen\nrefs/heads/main');
    expect(remote.git(['rev-parse', 'loosen'])).toBe(loosened);
  });

  it('a new ref excludes only what the default branch has: a commit on another branch is judged again', () => {
    const { remote, work } = policyServer(DENY_QWEN);
    work.git(['checkout', '-q', '-b', 'legacy']);
    commitWith(work, DENIED, { 'src/parser.ts': 'x\n' }, { noVerify: true });
    // On the server from before the hook (fetched by the admin: no hook runs).
    remote.git(['fetch', '-q', work.dir, 'legacy:refs/heads/legacy']);
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'legacy:refs/heads/release/1.0']);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toMatch(/remote: .*qwen\/qwen3-coder/);
    expect(refs(remote, 'refs/heads/')).toBe('refs/heads/legacy\nrefs/heads/main');
  });

  it('pre-push judges an existing side branch by the remote default branch\'s policy', () => {
    const { work, remote } = project(DENY_QWEN);
    work.git(['checkout', '-q', '-b', 'loosen']);
    expect(commitWith(work, 'chore: allow qwen\n', { '.aitrailrc.yml': LOOSE }).code).toBe(0);
    expect(tryGit(work.dir, ['push', '-q', 'origin', 'loosen']).code).toBe(0);
    // commit-msg reads the work tree, which now allows it: the push is where it must stop.
    expect(commitWith(work, DENIED, { 'src/parser.ts': 'x\n' }).code).toBe(0);
    const push = tryGit(work.dir, ['push', 'origin', 'loosen']);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toContain('qwen/qwen3-coder');
    expect(remote.git(['log', '-1', '--format=%s', 'loosen'])).toBe('chore: allow qwen');
  });
});

describe('4. CI: the policy comes from the target branch, not from the merge base', () => {
  /** main gained the policy after feature forked; feature carries a denied commit. */
  function forkedBeforePolicy() {
    const repo = makeRepo();
    const fork = repo.commit('docs: readme\n', { 'README.md': 'hi\n' });
    repo.commit('chore: policy\n', { '.aitrailrc.yml': DENY_QWEN });
    repo.git(['checkout', '-q', '-b', 'feature', fork]);
    const denied = repo.commit(DENIED, { 'src/parser.ts': 'x\n' });
    return { repo, fork, denied };
  }

  it('check A...B reads the policy at A\'s tip', () => {
    const { repo, denied } = forkedBeforePolicy();
    const check = aitrail(repo.dir, ['check', 'main...feature', '--format', 'json']);
    expect(check.code).toBe(1);
    expect(JSON.parse(check.stdout).violations).toContainEqual(expect.objectContaining({ sha: denied, rule: 'model-denied' }));
    expect(check.stderr).toContain('tip of main');
  });

  it('--policy-from names the policy for any range (the GitLab merge-base range)', () => {
    const { repo, fork } = forkedBeforePolicy();
    const check = aitrail(repo.dir, ['check', `${fork}..feature`, '--policy-from', 'main']);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('qwen/qwen3-coder');
    expect(aitrail(repo.dir, ['check', 'feature', '--policy-from', 'main']).code).toBe(1);
    expect(aitrail(repo.dir, ['check', `${fork}..feature`, '--policy-from', 'main', '--config', 'x.yml']).code).toBe(2);
    expect(aitrail(repo.dir, ['check', `${fork}..feature`, '--policy-from', 'nosuch']).code).toBe(3);
  });

  it('a merge request checked in a clone of the server, the GitLab way (merge base .. head, policy from the target)', () => {
    const { repo } = forkedBeforePolicy();
    const server = makeRepo({ bare: true });
    repo.git(['push', '-q', server.dir, 'main', 'feature']);
    const ci = join(tempDir(), 'ci');
    expect(tryGit(server.dir, ['clone', '-q', server.dir, ci]).code).toBe(0);
    tryGit(ci, ['checkout', '-q', '--detach', 'origin/feature']);
    const base = tryGit(ci, ['merge-base', 'origin/main', 'HEAD']).stdout.trim();
    expect(aitrail(ci, ['check', `${base}..HEAD`, '--policy-from', 'origin/main']).code).toBe(1);
  });
});

describe('5. check with no range in a CI clone', () => {
  /** A server with main (the policy) and feature (a denied commit on top). */
  function ciServer() {
    const upstream = makeRepo();
    upstream.commit('chore: policy\n', { '.aitrailrc.yml': DENY_QWEN });
    upstream.commit('docs: one\n', { 'one.md': '1\n' });
    upstream.git(['checkout', '-q', '-b', 'feature']);
    upstream.commit('docs: two\n', { 'two.md': '2\n' });
    const denied = upstream.commit(DENIED, { 'src/parser.ts': 'x\n' });
    upstream.git(['checkout', '-q', 'main']);
    return { upstream, denied };
  }

  it('detached at the branch, the branch only on the remote: judges the commits not on origin/HEAD, by its policy', () => {
    const { upstream, denied } = ciServer();
    const ci = join(tempDir(), 'ci');
    expect(tryGit(upstream.dir, ['clone', '-q', `file://${upstream.dir}`, ci]).code).toBe(0);
    tryGit(ci, ['checkout', '-q', '--detach', 'origin/feature']);
    const check = aitrail(ci, ['check', '--format', 'json']);
    expect(check.code).toBe(1);
    expect(JSON.parse(check.stdout)).toMatchObject({ ok: false, commits: 2, range: 'HEAD --not refs/remotes/origin/HEAD' });
    expect(JSON.parse(check.stdout).violations).toContainEqual(expect.objectContaining({ sha: denied, rule: 'model-denied' }));
    // No origin/HEAD (a remote added by hand): the remote's main.
    tryGit(ci, ['remote', 'set-head', 'origin', '--delete']);
    expect(aitrail(ci, ['check']).code).toBe(1);
  });

  it('a --depth clone that lacks the fork point exits 3, never "0 commits"', () => {
    const { upstream } = ciServer();
    const ci = join(tempDir(), 'ci');
    expect(tryGit(upstream.dir, ['clone', '-q', '--depth', '1', '--no-single-branch', `file://${upstream.dir}`, ci]).code).toBe(0);
    tryGit(ci, ['checkout', '-q', '--detach', 'origin/feature']);
    const check = aitrail(ci, ['check']);
    expect(check.code).toBe(3);
    expect(check.stderr).toContain('shallow');
  });

  it('no remote default branch to compare with: exit 3 naming the fix', () => {
    const repo = makeRepo();
    repo.commit('docs: one\n', { 'one.md': '1\n' });
    const check = aitrail(repo.dir, ['check']);
    expect(check.code).toBe(3);
    expect(check.stderr).toMatch(/no remote default branch/);
    // No remote at all: the fix names what this repository has (task s52h), not origin/main; HEAD's own branch is no
    // base (main..HEAD on main judges nothing: row 1077), so a placeholder.
    expect(check.stderr).toContain('aitrail check <branch or commit>..HEAD');
    expect(check.stderr).toContain('git remote add origin <url>');
  });
});
