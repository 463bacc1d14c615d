import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

interface LogJson {
  sha: string;
  ai: boolean;
  attributions: { agent: string; model: string }[];
}

/**
 * Figures a real project published about its own history, reproduced from the commit shapes it
 * published with them: loominal/loominal's git history audit
 * (test-scenarios/04.5-git-history-audit/results.md, 2025-12-10) of its four repositories, all
 * commits by Michael LoPresti:
 *
 * - loom-warp: 26 commits, 17 with `🤖 Generated with [Claude Code](https://claude.com/claude-code)`
 *   and `Co-Authored-By: Claude Opus 4.5 <noreply@anthropic.com>`;
 * - loom-weft: 17 commits, 1 with them; another commit's body lists `- Claude Code bootstrap scripts`
 *   (a file set, not a co-author);
 * - loom (docs): 9 commits, 6 with them; commit 1e0b840 `docs: Note Claude Code as current dev target,
 *   other agents after v1` (author `mdl4071@yum.com`), whose body replaces "Claude Code" with "AI
 *   Agent" and the agent type "claude-code" with "mcp-agent", and a body that describes "Laptop and
 *   Desktop running Claude Code + Warp": the audit judges both documentation, no co-authorship;
 * - loom-deploy: 4 commits, none.
 *
 * The audit gives those lines and counts, not every subject: the other subjects here are plain ones.
 * `log` must read exactly the published AI commits (with the model their trailer names) and none of
 * the documentation that names Claude Code, Warp or `claude-code` in prose.
 */
const PERSON = { GIT_AUTHOR_NAME: 'Michael LoPresti', GIT_AUTHOR_EMAIL: 'mike@lopresti.org' };
const AGENT_LINES = '🤖 Generated with [Claude Code](https://claude.com/claude-code)\n\nCo-Authored-By: Claude Opus 4.5 <noreply@anthropic.com>\n';
const agentCommit = (subject: string) => `${subject}\n\n- the change and why\n\n${AGENT_LINES}`;
const personCommit = (subject: string) => `${subject}\n\n- the change and why\n`;

interface Project {
  name: string;
  /** [message, author env] in commit order. */
  commits: [string, NodeJS.ProcessEnv][];
  ai: number;
}

function history(total: number, ai: number, extra: [string, NodeJS.ProcessEnv][] = []): [string, NodeJS.ProcessEnv][] {
  const commits: [string, NodeJS.ProcessEnv][] = [];
  for (let i = 0; i < ai; i++) commits.push([agentCommit(`feat: step ${i + 1}`), PERSON]);
  commits.push(...extra);
  while (commits.length < total) commits.push([personCommit(`fix: follow-up ${commits.length + 1}`), PERSON]);
  return commits;
}

const PROJECTS: Project[] = [
  { name: 'loom-warp', commits: history(26, 17), ai: 17 },
  {
    name: 'loom-weft',
    commits: history(17, 1, [['feat: bootstrap the worker\n\n- Claude Code bootstrap scripts\n- systemd units\n', PERSON]]),
    ai: 1,
  },
  {
    name: 'loom (docs)',
    commits: history(9, 6, [
      [
        'docs: Note Claude Code as current dev target, other agents after v1\n\n- Replace "Claude Code" with "AI Agent" throughout\n- Change example agent type from "claude-code" to "mcp-agent"\n',
        { GIT_AUTHOR_NAME: 'Michael LoPresti', GIT_AUTHOR_EMAIL: 'mdl4071@yum.com' },
      ],
      ['docs: the deployment example\n\n- Laptop and Desktop running Claude Code + Warp\n- one NATS server between them\n', PERSON],
    ]),
    ai: 6,
  },
  { name: 'loom-deploy', commits: history(4, 0), ai: 0 },
];

describe("published figures: a project's own audit of its AI commits", () => {
  it.each(PROJECTS.map((project) => [project.name, project] as const))('%s: log reads exactly the AI commits the project counted', (_name, project) => {
    const repo = makeRepo();
    const shas = project.commits.map(([message, env], index) => repo.commit(message, { [`f${index}.txt`]: `${index}\n` }, env));
    const result = aitrail(repo.dir, ['log', '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const entries = JSON.parse(result.stdout) as LogJson[];
    expect(entries.length).toBe(project.commits.length);
    const bySha = new Map(entries.map((entry) => [entry.sha, entry]));
    const read = shas.map((sha) => bySha.get(sha)!);
    expect(read.filter((entry) => entry.ai).length).toBe(project.ai);
    project.commits.forEach(([message], index) => {
      const got = read[index]!.attributions.map((a) => `${a.agent}:${a.model}`);
      expect({ message, got }).toEqual({ message, got: message.includes(AGENT_LINES) ? ['claude-code:anthropic/claude-opus-4.5'] : [] });
    });
  });
});
