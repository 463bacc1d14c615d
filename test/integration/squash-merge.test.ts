// `git merge --squash` quotes the squashed commits in the message it prepares, each indented by four
// spaces as `git log` shows it: their trailers are then no trailers to git, so a branch of a denied
// model's commits, squashed and committed with git's own message, read as a person's commit at
// every layer while the message still said `Assisted-by: qwen-code:qwen/qwen3-coder`.
import { describe, expect, it } from 'vitest';
import { aitrail, envWithAitrailOnPath } from '../helpers/cli.js';
import { commitWith, policyServer, tryGit } from '../helpers/enforce-repos.js';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';

const POLICY = 'policy:\n  deny: ["qwen/*"]\n';
const DENIED = 'feat: parser\n\nParse the input.\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n';

/** A feature branch with a denied model's commit (made past the hooks), squashed into main, git's message kept. */
function squashInto(repo: TestRepo): void {
  repo.git(['checkout', '-q', '-b', 'feature']);
  expect(commitWith(repo, DENIED, { 'src/parser.ts': 'export const parse = (x: string) => x;\n' }, { noVerify: true }).code).toBe(0);
  repo.git(['checkout', '-q', 'main']);
  repo.git(['merge', '-q', '--squash', 'feature']);
}

describe('a squash merge keeps what its commits declared', () => {
  it('commit-msg (hooks from aitrail init) refuses the squash commit of a denied model\'s branch', () => {
    const repo = makeRepo();
    const env = envWithAitrailOnPath();
    repo.commit('chore: policy\n', { '.aitrailrc.yml': POLICY });
    expect(aitrail(repo.dir, ['init', '--mode', 'git'], { env }).code).toBe(0);
    // A person's commit first: node stamps the config, the shim's fast path is in force.
    expect(tryGit(repo.dir, ['commit', '-q', '--allow-empty', '-m', 'Human'], { env }).code).toBe(0);
    squashInto(repo);
    const before = repo.git(['rev-parse', 'HEAD']);
    // `git commit` with git's prepared message, unedited (the editor saves it as it is).
    const squashed = tryGit(repo.dir, ['commit', '-q'], { env: { ...env, GIT_EDITOR: 'true' } });
    expect(squashed.code, squashed.stderr).not.toBe(0);
    expect(squashed.stderr).toMatch(/qwen\/qwen3-coder/);
    expect(repo.git(['rev-parse', 'HEAD'])).toBe(before);
  });

  it('pre-receive and check refuse it when the hooks were skipped', () => {
    const { remote, work, base } = policyServer(POLICY);
    squashInto(work);
    expect(tryGit(work.dir, ['commit', '-q', '--no-verify'], { env: { GIT_EDITOR: 'true' } }).code).toBe(0);
    expect(work.git(['log', '-1', '--format=%B'])).toContain('    Assisted-by: qwen-code:qwen/qwen3-coder');
    const check = aitrail(work.dir, ['check', 'origin/main..main', '--format', 'json']);
    expect(check.code, check.stderr).toBe(1);
    expect(check.stdout).toMatch(/qwen\/qwen3-coder/);
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'main']);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toMatch(/remote: .*qwen\/qwen3-coder/);
    expect(remote.git(['rev-parse', 'main'])).toBe(base);
  });
});
