// Gemini CLI's subagents run on their own model (geminicli.com/docs/core/subagents): a custom agent's
// `model:` frontmatter in `.gemini/agents/*.md` (the project's, committed, or the user's) and a built-in
// one's `agents.overrides.<name>.modelConfig.model` in a settings file. Only the session's model was
// read, so a Gemini CLI commit whose `.gemini/agents/coder.md` says `model: gemini-3-pro-preview`
// was `gemini-cli:google/gemini-2.5-flash` alone, past `deny: ["google/gemini-3-pro-preview"]`.
// Committed for real through the installed hooks with Gemini CLI's environment (`GEMINI_CLI=1`).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentCommit as commit, hooked, homeWith } from '../helpers/agent-home.js';

const PREVIEW_DENIED = 'policy:\n  deny: ["google/gemini-3-pro-preview"]\n';
const FLASH = '{"model": {"name": "gemini-2.5-flash"}}';

function home(files: Record<string, string> = {}): NodeJS.ProcessEnv {
  const dir = homeWith(files);
  return { HOME: dir, GEMINI_MODEL: undefined, GEMINI_CLI_SYSTEM_SETTINGS_PATH: join(dir, 'no-system.json'), GEMINI_CLI_SYSTEM_DEFAULTS_PATH: join(dir, 'no-defaults.json'), GEMINI_CLI_TRUSTED_FOLDERS_PATH: undefined };
}

const AGENT = (model: string) => `---\nname: coder\ndescription: Writes the code.\nkind: local\nmodel: ${model}\n---\n\nYou write code.\n`;

describe("Gemini CLI's subagents' models", () => {
  it("a user's or the project's agent file, or a settings override, naming the denied model: refused", () => {
    for (const [files, project] of [
      [{ '.gemini/settings.json': FLASH, '.gemini/agents/coder.md': AGENT('gemini-3-pro-preview') }, null],
      [{ '.gemini/settings.json': FLASH, '.config/gemini-cli/agents/coder.md': AGENT('"gemini-3-pro-preview"') }, null],
      [{ '.gemini/settings.json': '{"model": {"name": "gemini-2.5-flash"}, "agents": {"overrides": {"codebase_investigator": {"modelConfig": {"model": "gemini-3-pro-preview"}}}}}' }, null],
      [{ '.gemini/settings.json': FLASH }, AGENT('gemini-3-pro-preview')],
    ] as const) {
      const repo = hooked(PREVIEW_DENIED);
      if (project) repo.commit('chore: agent\n', { '.gemini/agents/coder.md': project }, { AITRAIL: '0' });
      const result = commit(repo, { ...home(files), GEMINI_CLI: '1' });
      expect(result.status, `${JSON.stringify(files)} ${project}: ${result.stderr}`).not.toBe(0);
      expect(result.stderr).toMatch(/google\/gemini-3-pro-preview \(via gemini-cli\) is denied/);
    }
  });

  it('what held: an inherit or Flash subagent is recorded as such, and a person with the same files reads none', () => {
    const repo = hooked(PREVIEW_DENIED);
    const user = home({ '.gemini/settings.json': FLASH, '.gemini/agents/coder.md': AGENT('inherit'), '.gemini/agents/fast.md': AGENT('gemini-2.5-flash-lite') });
    const gemini = commit(repo, { ...user, GEMINI_CLI: '1' });
    expect(gemini.status, gemini.stderr).toBe(0);
    expect(gemini.message).toContain('Assisted-by: gemini-cli:google/gemini-2.5-flash\n');
    expect(gemini.message).toContain('Assisted-by: gemini-cli:google/gemini-2.5-flash-lite\n');
    const person = commit(repo, home({ '.gemini/agents/coder.md': AGENT('gemini-3-pro-preview') }), 'fix: by hand\n');
    expect(person.status, person.stderr).toBe(0);
    expect(person.message).toBe('fix: by hand\n');
  });
});
