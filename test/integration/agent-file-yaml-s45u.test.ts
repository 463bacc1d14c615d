// An agent file's `model:` in any YAML form its agent reads (row 757): Gemini CLI parses a
// subagent's frontmatter with js-yaml (google-gemini/gemini-cli `agents/agentLoader.ts`), so
// `model: x # note`, `model: "x" # note`, a folded `model: >-` or the value on the next line, `model : x`,
// `"model": x`, `!!str x` all name `x`, and its frontmatter ends at the first line starting `---`
// (`----`). The hooks read the `model:` line as written (`x # note`, `>-`: no model of the catalog) or
// none, and recorded the session's model alone, past a deny. Committed for real through the
// installed hooks with each agent's environment (`GEMINI_CLI=1`, `QWEN_CODE=1`, `COPILOT_CLI=1`).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentCommit as commit, hooked, homeWith } from '../helpers/agent-home.js';

const PREVIEW_DENIED = 'policy:\n  deny: ["google/gemini-3-pro-preview", "z-ai/*", "anthropic/*"]\n';
const FLASH = '{"model": {"name": "gemini-2.5-flash"}}';
const AGENT = (lines: string, end = '---') => `---\nname: coder\ndescription: Writes the code.\n${lines}\n${end}\n\nYou write code.\n`;

function gemini(files: Record<string, string>): NodeJS.ProcessEnv {
  const dir = homeWith({ '.gemini/settings.json': FLASH, ...files });
  return { HOME: dir, GEMINI_CLI: '1', GEMINI_MODEL: undefined, GEMINI_CLI_SYSTEM_SETTINGS_PATH: join(dir, 'no-system.json'), GEMINI_CLI_SYSTEM_DEFAULTS_PATH: join(dir, 'no-defaults.json'), GEMINI_CLI_TRUSTED_FOLDERS_PATH: undefined };
}

describe("an agent file's model in YAML's other forms", () => {
  it("Gemini CLI's subagent naming the denied model with a comment, a folded or next-line value, a spaced or quoted key, a tag, a merge key, or ending at `----`: refused", () => {
    const repo = hooked(PREVIEW_DENIED);
    for (const agent of [
      AGENT('model: gemini-3-pro-preview # the strong one'),
      AGENT('model: "gemini-3-pro-preview" # the strong one'),
      AGENT('model: >-\n  gemini-3-pro-preview'),
      AGENT('model:\n  gemini-3-pro-preview'),
      AGENT('model : gemini-3-pro-preview'),
      AGENT('"model": gemini-3-pro-preview'),
      AGENT('model: !!str gemini-3-pro-preview'),
      AGENT('model: gemini-3-pro-preview', '----'),
      AGENT('model: gemini-3-pro-preview # note').replace(/\n/g, '\r\n'),
      AGENT('<<: {model: gemini-3-pro-preview}'),
    ]) {
      const result = commit(repo, gemini({ '.gemini/agents/coder.md': agent }));
      expect(result.status, `${agent}: ${result.message}`).not.toBe(0);
      expect(result.stderr).toMatch(/google\/gemini-3-pro-preview \(via gemini-cli\) is denied/);
    }
  });

  it("Qwen Code's and Copilot CLI's agent files likewise: refused", () => {
    const repo = hooked(PREVIEW_DENIED);
    const qwenHome = homeWith({ '.qwen/settings.json': '{"model": {"name": "gpt-4.1"}}', '.qwen/agents/coder.md': AGENT('model: glm-4.6 # cheap') });
    const qwen = commit(repo, { HOME: qwenHome, QWEN_CODE: '1', OPENAI_MODEL: undefined, QWEN_MODEL: undefined, QWEN_CODE_MODEL: undefined, QWEN_CODE_SESSION_ID: undefined, QWEN_RUNTIME_DIR: undefined, QWEN_CODE_SYSTEM_SETTINGS_PATH: join(qwenHome, 'no-system.json'), QWEN_CODE_SYSTEM_DEFAULTS_PATH: join(qwenHome, 'no-defaults.json'), QWEN_CODE_TRUSTED_FOLDERS_PATH: undefined });
    expect(qwen.status, qwen.message).not.toBe(0);
    expect(qwen.stderr).toMatch(/z-ai\/glm-4\.6 \(via qwen-code\) is denied/);
    const copilot = commit(repo, { HOME: homeWith({ '.copilot/agents/coder.agent.md': AGENT("model: >-\n  Claude Sonnet 4.5") }), COPILOT_HOME: undefined, COPILOT_AGENT_SESSION_ID: undefined, COPILOT_CLI: '1', COPILOT_MODEL: 'gpt-5' });
    expect(copilot.status, copilot.message).not.toBe(0);
    expect(copilot.stderr).toMatch(/anthropic\/claude-sonnet-4\.5 \(via copilot\) is denied/);
  });

  it('what held: `inherit # note` and a model in the body or past an unended frontmatter add none', () => {
    const repo = hooked(PREVIEW_DENIED);
    for (const agent of [AGENT('model: inherit # the session\'s'), '---\nname: coder\n---\nmodel: gemini-3-pro-preview\n', '---\nname: coder\nmodel: gemini-3-pro-preview\n']) {
      const result = commit(repo, gemini({ '.gemini/agents/coder.md': agent }));
      expect(result.status, `${agent}: ${result.stderr}`).toBe(0);
      expect(result.message).toBe('feat: parser\n\nAssisted-by: gemini-cli:google/gemini-2.5-flash\n');
    }
  });
});
