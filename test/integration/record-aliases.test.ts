import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRepo } from '../helpers/gitdir.js';
import { copiedRepo } from '../helpers/hooked-repo.js';
import { aitrail, gitRun, messageOf } from '../helpers/hooks.js';

interface LogJson {
  sha: string;
  ai: boolean;
  attributions: { agent: string; model: string }[];
}

/** Made once per file and config, and copied (test/helpers/hooked-repo.ts): init's node run once, not per test. */
function repoWithHooks(config?: string) {
  return copiedRepo(`record-aliases ${config ?? ''}`, () => {
    const repo = makeRepo();
    repo.commit('initial\n', config ? { '.aitrailrc.yml': config } : {});
    expect(aitrail(repo.dir, ['init', '--mode', 'git']).status).toBe(0);
    return repo;
  });
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
    // A warning takes one line (issue 11): the rule and what was found, no paragraph of advice.
    expect(commit.stderr).toMatch(/^aitrail: warning \[unknown-model\]: An AI agent not identified contributed, and its model is not identified either [^\n]*\n$/);
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

describe('never invent a pairing (issue 9): a session belongs to its own agent and expires', () => {
  it('a Claude Code commit made while a qwen-code session is active keeps only its own attribution', () => {
    const repo = repoWithHooks();
    const use = aitrail(repo.dir, ['use', 'qwen/qwen3-coder', '--agent', 'qwen-code']);
    expect(use.status, use.stderr).toBe(0);
    const message = 'Refactor the parser\n\nCo-Authored-By: Claude Opus 4.6 <noreply@anthropic.com>\n';
    const claude = gitRun(repo.dir, ['commit', '-q', '--allow-empty', '--cleanup=verbatim', '-F', '-'], { CLAUDECODE: '1' }, message);
    expect(claude.status, claude.stderr).toBe(0);
    expect(messageOf(repo.dir)).toBe(`${message}Assisted-by: claude-code:anthropic/claude-opus-4.6\n`);
    expect(lastLog(repo.dir).attributions.map((a) => `${a.agent}:${a.model}`)).toEqual(['claude-code:anthropic/claude-opus-4.6']);

    const qwen = gitRun(repo.dir, ['commit', '-q', '--allow-empty', '-m', 'Qwen work'], { QWEN_CODE: '1' });
    expect(qwen.status, qwen.stderr).toBe(0);
    expect(messageOf(repo.dir)).toBe('Qwen work\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n');
  });

  it('a session expires after a working day by default; use and status say when', () => {
    const repo = repoWithHooks();
    const use = aitrail(repo.dir, ['use', 'qwen/qwen3-coder', '--agent', 'qwen-code']);
    expect(use.status, use.stderr).toBe(0);
    expect(use.stdout).toMatch(/until \d{4}-[\d-]+T[\d:.]+Z \(8h: the default working day; change it with --for <duration>/);
    const stored = JSON.parse(readFileSync(join(repo.dir, '.git', 'aitrail', 'session.json'), 'utf8'));
    expect(Date.parse(stored.expiresAt) - Date.parse(stored.setAt)).toBe(8 * 3_600_000);
    const status = aitrail(repo.dir, ['status']);
    expect(status.stdout).toMatch(/Session: qwen-code qwen\/qwen3-coder, until \d{4}-[\d-]+T[\d:.]+Z \((7h 59m|8h) left\)/);

    const longer = aitrail(repo.dir, ['use', 'qwen/qwen3-coder', '--agent', 'qwen-code', '--for', '3d']);
    expect(longer.stdout).toMatch(/\(3d: --for 3d;/);
  });
});
