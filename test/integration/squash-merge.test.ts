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

  it('a squashed commit whose only AI signal is its bot author (Copilot\'s agent) makes the squash commit an AI one, at commit time and after it', () => {
    const repo = makeRepo();
    const env = envWithAitrailOnPath();
    repo.commit('chore: start\n', { 'a.txt': 'a\n' });
    expect(aitrail(repo.dir, ['init', '--mode', 'git'], { env }).code).toBe(0);
    expect(tryGit(repo.dir, ['commit', '-q', '--allow-empty', '-m', 'Human'], { env }).code).toBe(0);
    repo.git(['checkout', '-q', '-b', 'copilot/fix']);
    // The agent's commit as GitHub makes it: its bot as author, no trailer (no hooks ran).
    repo.commit('Fix the parser\n', { 'src/parser.ts': 'export const parse = (x: string) => x.trim();\n' }, { GIT_AUTHOR_NAME: 'Copilot', GIT_AUTHOR_EMAIL: '198982749+Copilot@users.noreply.github.com', AITRAIL: '0' });
    repo.git(['checkout', '-q', 'main']);
    repo.git(['merge', '-q', '--squash', 'copilot/fix']);
    // Committed past the hooks: log reads the quoted author.
    expect(tryGit(repo.dir, ['commit', '-q', '--no-verify'], { env: { ...env, AITRAIL: '0', GIT_EDITOR: 'true' } }).code).toBe(0);
    expect(repo.git(['log', '-1', '--format=%B'])).toContain('Author: Copilot <198982749+Copilot@users.noreply.github.com>');
    const log = JSON.parse(aitrail(repo.dir, ['log', 'HEAD~1..HEAD', '--format', 'json']).stdout) as Array<{ ai: boolean; attributions: Array<{ agent: string; evidence: string[] }> }>;
    expect(log[0]?.ai).toBe(true);
    expect(log[0]?.attributions[0]?.agent).toBe('copilot');
    expect(log[0]?.attributions[0]?.evidence.join(' ')).toMatch(/^squashed commit [0-9a-f]{12}: author "Copilot </);
    // Through the hooks (the shim's fast path in force; --no-status: git's status lines hold a tab, which alone starts node): the squash commit records the agent.
    repo.git(['reset', '-q', '--hard', 'HEAD~1']);
    repo.git(['merge', '-q', '--squash', 'copilot/fix']);
    const made = tryGit(repo.dir, ['commit', '-q', '--no-status'], { env: { ...env, GIT_EDITOR: 'true' } });
    expect(made.code, made.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)'])).toBe('copilot:unknown');
  });
});
