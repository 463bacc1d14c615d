import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { CLAUDE_DECLARED, policyServer, tryGit, type Project } from '../helpers/enforce-repos.js';

// Row 538: GitHub's merge button under "Default commit message: Pull request title and
// description" writes a true merge whose body is the PR description, agent footer included. The
// footer names the merged work (whose commits declare their model), not the merge: it was read as
// the merge's own `claude-code:unknown`, refused under `unknownModel: deny` and counted by `log`.
const POLICY = 'policy:\n  allow: ["anthropic/claude-opus-*"]\n  unknownModel: deny\n';
const CLAUDE_FOOTER = '🤖 Generated with [Claude Code](https://claude.com/claude-code)';
const CODEX_FOOTER = '🤖 Generated with [Codex](https://chatgpt.com/codex)';

/** A feature branch of `messages` merged into main by a true merge with a pull request's title and description ending in `footer`. */
function prMerge(project: Project, messages: string[], footer: string): string {
  const { work } = project;
  work.git(['checkout', '-q', '-b', 'feature']);
  messages.forEach((message, at) => work.commit(message, { [`src/f${at}.ts`]: `${at}\n` }));
  work.git(['checkout', '-q', 'main']);
  const message = join(work.dir, '.git', 'PR_MESSAGE');
  writeFileSync(message, `Merge pull request #12 from user/feature\n\nAdd the feature\n\nThis adds the feature.\n\n${footer}\n`);
  work.git(['merge', '-q', '--no-ff', '-F', message, 'feature']);
  return work.git(['rev-parse', 'HEAD']);
}

interface LogEntry {
  sha: string;
  ai: boolean;
  attributions: { agent: string; model: string }[];
}
const logOf = (dir: string): LogEntry[] => JSON.parse(aitrail(dir, ['log', '--format', 'json']).stdout) as LogEntry[];

describe('a pull request merge whose description carries an agent footer (row 538)', () => {
  const declaredMerge = (): { project: Project; merge: string } => {
    const project = policyServer(POLICY);
    return { project, merge: prMerge(project, [`feat: one\n\n${CLAUDE_DECLARED}\n`, `feat: two\n\n${CLAUDE_DECLARED}\n`], CLAUDE_FOOTER) };
  };

  it('passes check as the merged commits\' declared model', () => {
    const { project } = declaredMerge();
    const check = aitrail(project.work.dir, ['check', `${project.base}..main`]);
    expect(check.stderr + check.stdout).not.toContain('unknown-model');
    expect(check.code).toBe(0);
  });

  it('is no AI commit of its own to log: the merged AI commits count once', () => {
    const { project, merge } = declaredMerge();
    const log = logOf(project.work.dir);
    expect(log.find((entry) => entry.sha === merge)?.ai).toBe(false);
    expect(log.filter((entry) => entry.ai)).toHaveLength(2);
  });

  it('is taken by pre-receive', () => {
    const { project } = declaredMerge();
    const push = tryGit(project.work.dir, ['push', 'origin', 'main']);
    expect(push.stderr).not.toContain('unknown-model');
    expect(push.code).toBe(0);
  });

  it('still counts and is refused when no merged commit names the agent\'s model (the footer is the only evidence)', () => {
    const project = policyServer(POLICY);
    const merge = prMerge(project, ['feat: one\n', 'feat: two\n'], CLAUDE_FOOTER);
    const check = aitrail(project.work.dir, ['check', `${project.base}..main`]);
    expect(check.code).toBe(1);
    expect(check.stdout + check.stderr).toContain(`error   ${merge.slice(0, 12)}`);
    expect(logOf(project.work.dir).find((entry) => entry.sha === merge)?.attributions.map(({ agent, model }) => `${agent}:${model}`)).toEqual(['claude-code:unknown']);
    expect(tryGit(project.work.dir, ['push', 'origin', 'main']).code).not.toBe(0);
  });

  it('still counts another agent\'s footer than the one the merged commits declare', () => {
    const project = policyServer(POLICY);
    const merge = prMerge(project, [`feat: one\n\n${CLAUDE_DECLARED}\n`], CODEX_FOOTER);
    const check = aitrail(project.work.dir, ['check', `${project.base}..main`]);
    expect(check.code).toBe(1);
    expect(check.stdout + check.stderr).toContain(`error   ${merge.slice(0, 12)}`);
    expect(logOf(project.work.dir).find((entry) => entry.sha === merge)?.ai).toBe(true);
  });

  it('is judged by the merged model it names: a merged model the policy refuses refuses the merge too', () => {
    const project = policyServer(POLICY);
    const merge = prMerge(project, ['feat: one\n\nAssisted-by: claude-code:anthropic/claude-sonnet-4.5\n'], CLAUDE_FOOTER);
    const check = aitrail(project.work.dir, ['check', `${project.base}..main`]);
    expect(check.code).toBe(1);
    expect(check.stdout + check.stderr).toContain(`error   ${merge.slice(0, 12)}`);
    expect(check.stdout + check.stderr).toContain('anthropic/claude-sonnet-4.5');
  });
});
