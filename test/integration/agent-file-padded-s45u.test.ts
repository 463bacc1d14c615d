// An agent file padded past what the hooks read (row 761): a settings file over 1 MiB is not read
// at all, and an agent file was read as one, so `.gemini/agents/coder.md` naming the denied model in
// its frontmatter, then 2 MB of prompt in its body, named no model (Gemini CLI reads any size); nor
// did one whose frontmatter's 100 KB description put `model:` past the first 64 KiB looked at.
// Committed for real through the installed hooks with each agent's environment.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentCommit as commit, hooked, homeWith } from '../helpers/agent-home.js';

const DENY = 'policy:\n  deny: ["google/gemini-3-pro-preview", "anthropic/*"]\n';

function gemini(files: Record<string, string>): NodeJS.ProcessEnv {
  const dir = homeWith({ '.gemini/settings.json': '{"model": {"name": "gemini-2.5-flash"}}', ...files });
  return { HOME: dir, GEMINI_CLI: '1', GEMINI_MODEL: undefined, GEMINI_CLI_SYSTEM_SETTINGS_PATH: join(dir, 'no-system.json'), GEMINI_CLI_SYSTEM_DEFAULTS_PATH: join(dir, 'no-defaults.json'), GEMINI_CLI_TRUSTED_FOLDERS_PATH: undefined };
}

describe('an agent file padded past the bound read', () => {
  it("a 2 MB body, or a 100 KB description before model:, in Gemini CLI's, the project's and Copilot CLI's agent files: refused", () => {
    const body = `---\nname: coder\ndescription: Writes.\nmodel: gemini-3-pro-preview\n---\n${'You write code.\n'.repeat(140_000)}`;
    const described = `---\nname: coder\ndescription: ${'w'.repeat(100_000)}\nmodel: gemini-3-pro-preview\n---\nYou write code.\n`;
    for (const agent of [body, described]) {
      const repo = hooked(DENY);
      const result = commit(repo, gemini({ '.gemini/agents/coder.md': agent }));
      expect(result.status, result.message).not.toBe(0);
      expect(result.stderr).toMatch(/google\/gemini-3-pro-preview \(via gemini-cli\) is denied/);
    }
    const repo = hooked(DENY);
    repo.commit('chore: agent\n', { '.github/agents/coder.agent.md': body.replace('gemini-3-pro-preview', 'claude-sonnet-4.5') }, { AITRAIL: '0' });
    const copilot = commit(repo, { HOME: homeWith(), COPILOT_HOME: undefined, COPILOT_AGENT_SESSION_ID: undefined, COPILOT_CLI: '1', COPILOT_MODEL: 'gpt-5' });
    expect(copilot.status, copilot.message).not.toBe(0);
    expect(copilot.stderr).toMatch(/anthropic\/claude-sonnet-4\.5 \(via copilot\) is denied/);
  });

  it('what held: a padded file naming an allowed model is recorded as such', () => {
    const repo = hooked(DENY);
    const result = commit(repo, gemini({ '.gemini/agents/coder.md': `---\nname: coder\ndescription: Writes.\nmodel: gemini-2.5-flash-lite\n---\n${'x\n'.repeat(1_100_000)}` }));
    expect(result.status, result.stderr).toBe(0);
    expect(result.message).toBe('feat: parser\n\nAssisted-by: gemini-cli:google/gemini-2.5-flash\nAssisted-by: gemini-cli:google/gemini-2.5-flash-lite\n');
  });
});
