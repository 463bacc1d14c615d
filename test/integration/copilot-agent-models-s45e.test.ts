// GitHub Copilot CLI's custom agents run on their own model: an agent profile's `model:` frontmatter
// ("Model to use when this custom agent executes": docs.github.com custom-agents-configuration) in the
// repository's `.github/agents/*.agent.md` or the user's `~/.copilot/agents/`. The main agent hands
// tasks to them (a subagent), or `copilot --agent <name>` runs one; only the session's model was read,
// so a commit with `.github/agents/coder.agent.md` saying `model: claude-sonnet-4.5` beside
// `COPILOT_MODEL=gpt-5` was `copilot:openai/gpt-5` alone, past `deny: ["anthropic/*"]`.
// Committed for real through the installed hooks with Copilot CLI's environment (`COPILOT_CLI=1`).
import { describe, expect, it } from 'vitest';
import { agentCommit as commit, hooked, homeWith } from '../helpers/agent-home.js';

const DENY = 'policy:\n  deny: ["anthropic/*"]\n';
const AGENT = (model: string) => `---\nname: coder\ndescription: 'Writes the code'\ntools: ['read', 'edit']\nmodel: ${model}\n---\n\nYou write code.\n`;

describe("Copilot CLI's custom agents' models", () => {
  it("the repository's or the user's agent profile naming a Claude model: refused", () => {
    for (const [files, project] of [
      [{}, AGENT("'Claude Sonnet 4.5'")],
      [{ '.copilot/agents/coder.agent.md': AGENT('claude-sonnet-4.5') }, null],
    ] as const) {
      const repo = hooked(DENY);
      if (project) repo.commit('chore: agent\n', { '.github/agents/coder.agent.md': project }, { AITRAIL: '0' });
      const result = commit(repo, { HOME: homeWith(files), COPILOT_HOME: undefined, COPILOT_AGENT_SESSION_ID: undefined, COPILOT_CLI: '1', COPILOT_MODEL: 'gpt-5' });
      expect(result.status, `${JSON.stringify(files)} ${project}: ${result.stderr}`).not.toBe(0);
      expect(result.stderr).toMatch(/anthropic\/claude-sonnet-4\.5 \(via copilot\) is denied/);
    }
  });

  it('what held: a GPT agent is recorded beside the session model, and a person with the same profile reads none', () => {
    const repo = hooked(DENY);
    repo.commit('chore: agent\n', { '.github/agents/coder.agent.md': AGENT('gpt-5-mini') }, { AITRAIL: '0' });
    const home = homeWith({});
    const copilot = commit(repo, { HOME: home, COPILOT_HOME: undefined, COPILOT_AGENT_SESSION_ID: undefined, COPILOT_CLI: '1', COPILOT_MODEL: 'gpt-5' });
    expect(copilot.status, copilot.stderr).toBe(0);
    expect(copilot.message).toContain('Assisted-by: copilot:openai/gpt-5\n');
    expect(copilot.message).toContain('Assisted-by: copilot:openai/gpt-5-mini\n');
    repo.commit('chore: claude agent\n', { '.github/agents/coder.agent.md': AGENT('claude-sonnet-4.5') }, { AITRAIL: '0' });
    const person = commit(repo, { HOME: home, COPILOT_HOME: undefined }, 'fix: by hand\n');
    expect(person.status, person.stderr).toBe(0);
    expect(person.message).toBe('fix: by hand\n');
  });
});
