import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRepo } from '../helpers/gitdir.js';
import { aitrail, gitRun, messageOf } from './record-helpers.js';

interface LogJson {
  sha: string;
  ai: boolean;
  attributions: { agent: string; model: string }[];
}

function repoWithHooks(config?: string) {
  const repo = makeRepo();
  repo.commit('initial\n', config ? { '.aitrailrc.yml': config } : {});
  expect(aitrail(repo.dir, ['init', '--mode', 'git']).status).toBe(0);
  return repo;
}

function lastLog(dir: string): LogJson {
  const result = aitrail(dir, ['log', 'HEAD~1..HEAD', '--format', 'json']);
  expect(result.status, result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as LogJson[])[0]!;
}

describe('aliases are models, not humans (issue 9), through real commits with the hooks', () => {
  it('AITRAIL_MODEL=opus records the Claude Opus family, and log shows the commit as AI', () => {
    const repo = repoWithHooks();
    const commit = gitRun(repo.dir, ['commit', '-q', '--allow-empty', '-m', 'With an alias'], { AITRAIL_MODEL: 'opus' });
    expect(commit.status, commit.stderr).toBe(0);
    expect(messageOf(repo.dir)).toBe('With an alias\n\nAssisted-by: unknown:anthropic/claude-opus\n');
    const entry = lastLog(repo.dir);
    expect(entry.ai).toBe(true);
    expect(entry.attributions.map((a) => `${a.agent}:${a.model}`)).toEqual(['unknown:anthropic/claude-opus']);
  });

  it('in Claude Code (CLAUDECODE=1, ANTHROPIC_MODEL=sonnet) the alias reads with its agent', () => {
    const repo = repoWithHooks();
    const commit = gitRun(repo.dir, ['commit', '-q', '--allow-empty', '-m', 'Agent alias'], { CLAUDECODE: '1', ANTHROPIC_MODEL: 'sonnet' });
    expect(commit.status, commit.stderr).toBe(0);
    expect(messageOf(repo.dir)).toBe('Agent alias\n\nAssisted-by: claude-code:anthropic/claude-sonnet\n');
  });

  it('an unreadable model stays AI as unknown:unknown, and commit-msg does not advise the trailer that is already there', () => {
    const repo = repoWithHooks('policy:\n  unknownModel: warn\n  undeclared: warn\n');
    const commit = gitRun(repo.dir, ['commit', '-q', '--allow-empty', '-m', 'Unreadable'], { AITRAIL_MODEL: 'my-fav-model' });
    expect(commit.status, commit.stderr).toBe(0);
    expect(messageOf(repo.dir)).toBe('Unreadable\n\nAssisted-by: unknown:unknown\n');
    expect(commit.stderr).toMatch(/unknown-model/);
    expect(commit.stderr).not.toMatch(/undeclared/);
    expect(commit.stderr).not.toMatch(/add the trailer/i);
    expect(commit.stderr).toContain("Name the model in the trailer 'Assisted-by: unknown:unknown'");
    const entry = lastLog(repo.dir);
    expect(entry.ai).toBe(true);
    expect(entry.attributions.map((a) => `${a.agent}:${a.model}`)).toEqual(['unknown:unknown']);
  });

  it("'aitrail use opus' is accepted and recorded; a short name of one agent asks for --agent", () => {
    const repo = repoWithHooks();
    const use = aitrail(repo.dir, ['use', 'opus']);
    expect(use.status, use.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(repo.dir, '.git', 'aitrail', 'session.json'), 'utf8')).model).toBe('anthropic/claude-opus');
    expect(gitRun(repo.dir, ['commit', '-q', '--allow-empty', '-m', 'Session alias']).status).toBe(0);
    expect(messageOf(repo.dir)).toBe('Session alias\n\nAssisted-by: unknown:anthropic/claude-opus\n');

    const ambiguous = aitrail(repo.dir, ['use', 'pro']);
    expect(ambiguous.status).toBe(2);
    expect(ambiguous.stderr).toMatch(/--agent gemini-cli/);
    const withAgent = aitrail(repo.dir, ['use', 'pro', '--agent', 'gemini-cli']);
    expect(withAgent.status, withAgent.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(repo.dir, '.git', 'aitrail', 'session.json'), 'utf8')).model).toBe('google/gemini-pro');
  });
});
