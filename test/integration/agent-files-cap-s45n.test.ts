// Review of rows 728..5 and 757 (Gemini CLI's, Copilot CLI's and Qwen Code's subagents' models):
// each reader kept 16 distinct models, so 16 agent files with made-up models sorting first hid a 17th
// naming the denied one; and a frontmatter YAML cannot read was read by its first `model:` line only,
// while Qwen Code then reads it with its simple parser, where the last `model:` line wins (indented or
// not): `model: inherit`, a broken line, `model: qwen3-coder-plus` ran on Qwen and was read `inherit`.
// Committed for real through the installed hooks with each agent's environment.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentCommit as commit, hooked, homeWith } from '../helpers/agent-home.js';

const DENIED = 'policy:\n  deny: ["qwen/*"]\n';

function gemini(files: Record<string, string>): NodeJS.ProcessEnv {
  const dir = homeWith({ '.gemini/settings.json': '{"model": {"name": "gemini-2.5-flash"}}', ...files });
  return { HOME: dir, GEMINI_MODEL: undefined, GEMINI_CLI_SYSTEM_SETTINGS_PATH: join(dir, 'no-system.json'), GEMINI_CLI_SYSTEM_DEFAULTS_PATH: join(dir, 'no-defaults.json'), GEMINI_CLI_TRUSTED_FOLDERS_PATH: undefined, GEMINI_CLI: '1' };
}
function copilot(files: Record<string, string>): NodeJS.ProcessEnv {
  return { HOME: homeWith(files), COPILOT_HOME: undefined, COPILOT_AGENT_SESSION_ID: undefined, COPILOT_CLI: '1', COPILOT_MODEL: 'gpt-5' };
}
function qwen(files: Record<string, string>): NodeJS.ProcessEnv {
  const dir = homeWith({ '.qwen/settings.json': '{"model": {"name": "gpt-4.1"}}', ...files });
  return { HOME: dir, OPENAI_MODEL: undefined, QWEN_MODEL: undefined, QWEN_CODE_MODEL: undefined, QWEN_CODE_SESSION_ID: undefined, QWEN_RUNTIME_DIR: undefined, QWEN_CODE_SYSTEM_SETTINGS_PATH: join(dir, 'no-system.json'), QWEN_CODE_SYSTEM_DEFAULTS_PATH: join(dir, 'no-defaults.json'), QWEN_CODE_TRUSTED_FOLDERS_PATH: undefined, QWEN_CODE: '1' };
}

const file = (yaml: string) => `---\n${yaml}\n---\n\nYou write code.\n`;
/** 16 agents on made-up models sorting first, then one on Qwen. */
const seventeen = (dir: string, suffix: string) =>
  Object.fromEntries([...Array.from({ length: 16 }, (_, i) => [`${dir}/a${String(i).padStart(2, '0')}${suffix}`, file(`name: a${i}\nmodel: gpt-5-made-up-${i}`)]), [`${dir}/z${suffix}`, file('name: z\nmodel: qwen3-coder-plus')]]);

describe("every subagent's model recorded", () => {
  it('a 17th model, after 16 others: refused (Gemini CLI, Copilot CLI, Qwen Code)', () => {
    for (const [env, agent] of [
      [gemini(seventeen('.gemini/agents', '.md')), 'gemini-cli'],
      [copilot(seventeen('.copilot/agents', '.agent.md')), 'copilot'],
      [qwen(seventeen('.qwen/agents', '.md')), 'qwen-code'],
      [qwen({ '.qwen/settings.json': JSON.stringify({ model: { name: 'gpt-4.1' }, agents: { modelGrades: Object.fromEntries([...Array.from({ length: 16 }, (_, i) => [`g${i}`, `gpt-5-made-up-${i}`]), ['high', 'qwen3-coder-plus']]) } }) }), 'qwen-code'],
    ] as const) {
      const result = commit(hooked(DENIED), env);
      expect(result.status, `${agent}: ${result.message}`).not.toBe(0);
      expect(result.stderr).toMatch(new RegExp(`qwen/qwen3-coder-plus \\(via ${agent}\\) is denied`));
    }
  });

  it("Qwen Code: a frontmatter its YAML parser refuses, whose last model: line (Qwen Code's simple parser's) is Qwen's: refused", () => {
    for (const yaml of [
      'name: coder\nmodel: inherit\ntools: [read_file\nmodel: qwen3-coder-plus',
      'name: coder\nmodel: inherit\ntools: [read_file\n  model : qwen3-coder-plus',
      `name: coder\n${'model: inherit\n'.repeat(20)}tools: [read_file\nmodel: qwen3-coder-plus`,
      // js-yaml reads it (its own model `inherit`), the `yaml` package refuses the key given twice, and the simple parser reads the block's line.
      'name: coder\nmodel: inherit\ndescription: |\n  model: qwen3-coder-plus\nx: 1\nx: 2',
      // `--- ` (a trailing space) ends the frontmatter for js-yaml's readers, not for Qwen Code's `\n---\n`.
      'name: coder\nmodel: inherit\n--- \nmodel: qwen3-coder-plus',
    ]) {
      const result = commit(hooked(DENIED), qwen({ '.qwen/agents/coder.md': file(yaml) }));
      expect(result.status, `${yaml}: ${result.message}`).not.toBe(0);
      expect(result.stderr).toMatch(/qwen\/qwen3-coder-plus \(via qwen-code\) is denied/);
    }
  });

  it('what held: 17 agents on allowed models are all recorded; an inherit subagent adds nothing', () => {
    const files = Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`.gemini/agents/a${String(i).padStart(2, '0')}.md`, file(`name: a${i}\nmodel: ${i === 16 ? 'gemini-2.5-pro' : 'inherit'}`)]));
    const result = commit(hooked(DENIED), gemini(files));
    expect(result.status, result.stderr).toBe(0);
    expect(result.message).toBe('feat: parser\n\nAssisted-by: gemini-cli:google/gemini-2.5-flash\nAssisted-by: gemini-cli:google/gemini-2.5-pro\n');
  });
});
