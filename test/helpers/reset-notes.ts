import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';
import { makeRepo, type TestRepo } from './gitdir.js';
import { hookedRepo } from './hooked-repo.js';
import { aitrail, gitRun } from './hooks.js';

/** A git-ai note on `rev`: line 2 of a.txt and of b.txt written by Claude (rows 950, 960). */
export function noteTwoFiles(repo: TestRepo, rev: string, env: NodeJS.ProcessEnv = {}): void {
  const metadata = { schema_version: 'authorship/3.0.0', base_commit_sha: repo.git(['rev-parse', rev]), prompts: {}, sessions: { s_0123456789abcd: { agent_id: { tool: 'claude', id: 'x', model: 'claude-opus-4-6' } } } };
  const text = `a.txt\n  s_0123456789abcd::t_0123456789abcd 2\nb.txt\n  s_0123456789abcd::t_0123456789abcd 2\n---\n${JSON.stringify(metadata, null, 2)}`;
  expect(gitRun(repo.dir, ['notes', '--ref=ai', 'add', '-f', '-m', text, rev], env).status).toBe(0);
}

/** The git-ai note on `rev`, or '' (rows 950, 960). */
export const aiNote = (repo: TestRepo, rev: string): string => gitRun(repo.dir, ['notes', '--ref', 'ai', 'show', rev]).stdout;

/**
 * hookedRepo with the agent's commit on top (a.txt changed, b.txt added, noteTwoFiles) and `run`: a
 * git command (a date a second later each time), which must succeed, and the aitrail starts it
 * caused, one line each (rows 950, 960).
 */
export function hookedAgentCommit(): { repo: TestRepo; env: NodeJS.ProcessEnv; run: (args: string[], extra?: NodeJS.ProcessEnv) => string[] } {
  const { repo, env, started } = hookedRepo();
  let tick = 0;
  const run = (args: string[], extra: NodeJS.ProcessEnv = {}) => {
    writeFileSync(started, '');
    tick += 1;
    const date = `@${1780000000 + tick} +0000`;
    const result = spawnSync('git', args, { cwd: repo.dir, env: { ...env, ...extra, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    return readFileSync(started, 'utf8').split('\n').filter(Boolean);
  };
  repo.write('a.txt', 'a\nagent a\n');
  repo.write('b.txt', 'b\nagent b\n');
  run(['add', 'a.txt', 'b.txt']);
  run(['commit', '-q', '-m', 'agent']);
  noteTwoFiles(repo, 'HEAD', env);
  return { repo, env, run };
}

/**
 * main: the policy (Claude denied), a.txt and b.txt, the hooks `init` installs; feature checked out,
 * the agent's commit on it (a.txt changed, b.txt's line added, noteTwoFiles) (rows 950, 979).
 */
export function notedAgentFeature(): TestRepo {
  const repo = makeRepo();
  repo.commit('base', { '.aitrailrc.yml': 'policy:\n  deny: ["anthropic/*"]\n  undeclared: allow\n', 'a.txt': 'a\n', 'b.txt': 'b\n' });
  const init = aitrail(repo.dir, ['init', '--mode', 'git']);
  expect(init.status, init.stderr).toBe(0);
  expect(gitRun(repo.dir, ['checkout', '-q', '-b', 'feature']).status).toBe(0);
  repo.write('a.txt', 'a\nagent a\n');
  repo.write('b.txt', 'b\nagent b\n');
  const made = gitRun(repo.dir, ['commit', '-q', '-am', 'feat: the agent’s lines']);
  expect(made.status, made.stderr).toBe(0);
  noteTwoFiles(repo, 'HEAD');
  return repo;
}

/** The commits (12 hex digits) `check main..feature` refuses for a denied model (rows 950, 979). */
export function deniedCommits(repo: TestRepo): string[] {
  const check = aitrail(repo.dir, ['check', 'main..feature', '--format', 'json']);
  const violations = JSON.parse(check.stdout).violations as { rule: string; commit?: string; sha?: string }[];
  return violations.filter((violation) => violation.rule === 'model-denied').map((violation) => (violation.commit ?? violation.sha ?? '').slice(0, 12));
}
