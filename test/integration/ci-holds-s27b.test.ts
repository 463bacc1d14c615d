import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

/**
 * CI-layer attempts (session 27) that hold, replayed so they keep holding: `aitrail check
 * refs/remotes/origin/main..<head>` in a CI checkout where the pull request's own commits bring
 * files git reads from the work tree or the tree (`.gitattributes`, `.mailmap`), and a shallow
 * pull request checkout whose target branch was fetched at depth 1.
 */
const QWEN = 'Assisted-by: qwen-code:qwen/qwen3-coder';
const COPILOT = { GIT_AUTHOR_NAME: 'Copilot', GIT_AUTHOR_EMAIL: '198982749+Copilot@users.noreply.github.com' };

/** A checkout of `feature` with origin/main = the policy commit, checked out (the pull request's own files in the work tree). */
function pullRequestCheckout(policy: string, files: Record<string, string>) {
  const repo = makeRepo();
  const main = repo.commit('initial\n', { '.aitrailrc.json': policy, 'src/crypto/aes.ts': 'x\n' });
  repo.git(['update-ref', 'refs/remotes/origin/main', main]);
  repo.git(['checkout', '-q', '-b', 'feature']);
  repo.commit('chore: repository files\n', files);
  return repo;
}

describe('CI: what a pull request brings does not change what check judges', () => {
  it('.gitattributes marking the protected path binary, generated and -diff, and a NUL byte in the file: the path rule still refuses Qwen there', () => {
    const repo = pullRequestCheckout('{ "policy": { "paths": [{ "files": ["src/crypto/**"], "deny": ["qwen/*"] }] } }\n', { '.gitattributes': 'src/crypto/** binary linguist-generated linguist-vendored -diff -text\n' });
    repo.commit(`feat: aes\n\n${QWEN}\n`, { 'src/crypto/aes.ts': 'x\nqwen\0line\n' });
    const result = aitrail(repo.dir, ['check', 'refs/remotes/origin/main..HEAD', '--format', 'json']);
    expect(result.code, result.stderr).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, violations: [{ rule: 'path-model-denied', model: 'qwen/qwen3-coder', path: 'src/crypto/aes.ts' }] });
  });

  it(".mailmap that names Copilot's bot identity as a person: its commit is still Copilot's", () => {
    const repo = pullRequestCheckout('{ "policy": { "unknownModel": "deny" } }\n', {
      '.mailmap': 'Jane Doe <jane@example.org> Copilot <198982749+Copilot@users.noreply.github.com>\nJane Doe <jane@example.org> <198982749+Copilot@users.noreply.github.com>\n',
    });
    repo.commit('feat: a thing\n', { 'src/thing.js': 't\n' }, COPILOT);
    expect(repo.git(['log', '-1', '--format=%aN'])).toBe('Jane Doe');
    const result = aitrail(repo.dir, ['check', 'refs/remotes/origin/main..HEAD', '--format', 'json']);
    expect(result.code, result.stderr).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, violations: expect.arrayContaining([expect.objectContaining({ rule: 'unknown-model', message: expect.stringContaining('Copilot <198982749+Copilot@users.noreply.github.com>') })]) });
  });

  it('a pull request checkout at depth 1 with the target branch fetched at depth 1: refused (exit 3) for the merge, its head and A...B, never judged on the one commit it sees', () => {
    const server = makeRepo({ bare: true });
    const dev = makeRepo();
    dev.git(['remote', 'add', 'origin', server.dir]);
    dev.commit('initial\n', { '.aitrailrc.json': '{ "policy": { "deny": ["qwen/*"] } }\n' });
    dev.git(['checkout', '-q', '-b', 'feature']);
    dev.commit(`feat: qwen\n\n${QWEN}\n`, { 'q.js': 'q\n' });
    dev.commit('feat: by hand\n', { 'h.js': 'h\n' });
    dev.git(['checkout', '-q', 'main']);
    dev.commit('main moves\n', { 'm.js': 'm\n' });
    dev.git(['checkout', '-q', '--detach']);
    dev.git(['merge', '-q', '--no-ff', '-m', 'Merge pull request #1', 'feature']);
    const merge = dev.git(['rev-parse', 'HEAD']);
    dev.git(['push', '-q', 'origin', 'main', 'feature', `${merge}:refs/pull/1/merge`]);
    const runner = makeRepo();
    runner.git(['remote', 'add', 'origin', server.dir]);
    runner.git(['fetch', '-q', '--no-tags', '--depth=1', 'origin', `+${merge}:refs/remotes/pull/1/merge`, '+refs/heads/main:refs/remotes/origin/main']);
    runner.git(['checkout', '-q', '--detach', merge]);
    for (const range of ['refs/remotes/origin/main..HEAD', 'refs/remotes/origin/main...HEAD', `refs/remotes/origin/main..${dev.git(['rev-parse', 'feature'])}`]) {
      const result = aitrail(runner.dir, ['check', range]);
      expect(result.code, `${range}: ${result.stdout}${result.stderr}`).toBe(3);
      expect(result.stdout).not.toMatch(/no policy violations/);
    }
  });
});
