// Red team of the record layer (s46e): Gemini CLI, Qwen Code and Copilot CLI load every agent file of
// their agents folders, but the hooks read only the first 64 of each (by name): 64 decoys sorting
// first (`a00.md`…, any model, or `inherit`) hid a 65th agent on Qwen, and the commit passed under
// `deny: ["qwen/*"]`. Now a folder is read on (to 1024 files, 64 MiB of heads together), and past
// that the commit is refused whatever the policy, the refusal naming the folder.
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

function opencode(files: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { HOME: homeWith(files), XDG_CONFIG_HOME: undefined, OPENCODE_CONFIG: undefined, OPENCODE_CONFIG_CONTENT: undefined, OPENCODE_CONFIG_DIR: undefined, OPENCODE: '1' };
}

const file = (yaml: string) => `---\n${yaml}\n---\n\nYou write code.\n`;
/** `count` decoy agents sorting first (`inherit`: the session's model), then `z` on Qwen. */
const padded = (dir: string, suffix: string, count: number) =>
  Object.fromEntries([
    ...Array.from({ length: count }, (_, i) => [`${dir}/a${String(i).padStart(4, '0')}${suffix}`, file(`name: a${i}\ndescription: decoy\nmodel: inherit`)]),
    [`${dir}/z${suffix}`, file('name: z\ndescription: coder\nmodel: qwen3-coder-plus')],
  ]);

describe("an agents folder padded past what the hooks read", () => {
  it('a Qwen subagent after 64 decoys: refused as denied (Gemini CLI, Copilot CLI, Qwen Code, a committed .github/agents)', () => {
    for (const [repo, env, agent] of [
      [hooked(DENIED), gemini(padded('.gemini/agents', '.md', 64)), 'gemini-cli'],
      [hooked(DENIED), copilot(padded('.copilot/agents', '.agent.md', 64)), 'copilot'],
      [hooked(DENIED), qwen(padded('.qwen/agents', '.md', 64)), 'qwen-code'],
      [hooked(DENIED, padded('.github/agents', '.agent.md', 64)), copilot({}), 'copilot'],
    ] as const) {
      const result = commit(repo, env);
      expect(result.status, `${agent}: ${result.message}`).not.toBe(0);
      expect(result.stderr).toMatch(new RegExp(`qwen/qwen3-coder-plus \\(via ${agent}\\) is denied`));
    }
  });

  it("past the folder's YAML budget (70 frontmatters of 32 KiB of keys first): refused, the folder unread (799: a model line as written is not all YAML reads)", () => {
    const keys = Array.from({ length: 2700 }, (_, i) => `k${i}: model`).join('\n').slice(0, 32 * 1024 - 100);
    const files = Object.fromEntries([
      ...Array.from({ length: 70 }, (_, i) => [`.gemini/agents/a${String(i).padStart(2, '0')}.md`, file(`name: a${i}\n${keys}\nmodel: inherit`)]),
      ['.gemini/agents/z.md', file('name: z\nmodel: qwen3-coder-plus # the strong one')],
    ]);
    const result = commit(hooked(DENIED), gemini(files));
    expect(result.status, result.message).not.toBe(0);
    expect(result.stderr).toContain('~/.gemini/agents holds more agents than aitrail reads');
  });

  it("OpenCode: a Qwen agent after 64 agent files, or after 32 agents' models in opencode.json: refused as denied", () => {
    const files = Object.fromEntries([...Array.from({ length: 64 }, (_, i) => [`.opencode/agent/a${String(i).padStart(2, '0')}.md`, file('description: decoy\nmodel: anthropic/claude-sonnet-4-5')]), ['.opencode/agent/z.md', file('description: coder\nmodel: qwen/qwen3-coder')]]);
    const agent = Object.fromEntries([...Array.from({ length: 32 }, (_, i) => [`a${String(i).padStart(2, '0')}`, { model: `openai/gpt-5-made-up-${i}` }]), ['zz', { model: 'qwen/qwen3-coder' }]]);
    for (const repo of [
      hooked(DENIED, { 'opencode.json': '{"model": "anthropic/claude-sonnet-4-5"}', ...files }),
      hooked(DENIED, { 'opencode.json': JSON.stringify({ model: 'anthropic/claude-sonnet-4-5', agent }) }),
    ]) {
      const result = commit(repo, opencode());
      expect(result.status, result.message).not.toBe(0);
      expect(result.stderr).toMatch(/model qwen\/qwen3-coder \(via opencode\) is denied/);
    }
  });

  it('past 1024 agent files: refused whatever the policy, the refusal naming the folder', () => {
    for (const [env, agent, folder] of [
      [gemini(padded('.gemini/agents', '.md', 1024)), 'gemini-cli', '~/.gemini/agents'],
      [qwen(padded('.qwen/agents', '.md', 1024)), 'qwen-code', '~/.qwen/agents'],
      [opencode(padded('.config/opencode/agent', '.md', 1024)), 'opencode', '~/.config/opencode'],
    ] as const) {
      const result = commit(hooked('policy:\n  deny: []\n'), env);
      expect(result.status, `${agent}: ${result.message}`).not.toBe(0);
      expect(result.stderr).toContain(`AI agent ${agent} loads more agents than aitrail reads`);
      expect(result.stderr).toContain(`${folder} holds more agents than aitrail reads (1024 files, 64 MiB, 32 KiB of frontmatter YAML a file, 2 MiB a folder)`);
    }
  });

  it('what held: 100 honest agents on allowed models are read whole and recorded; a person commits as before', () => {
    const files = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`.gemini/agents/a${String(i).padStart(3, '0')}.md`, file(`name: a${i}\nmodel: ${i === 99 ? 'gemini-2.5-pro' : 'inherit'}`)]));
    const repo = hooked(DENIED);
    const result = commit(repo, gemini(files));
    expect(result.status, result.stderr).toBe(0);
    expect(result.message).toBe('feat: parser\n\nAssisted-by: gemini-cli:google/gemini-2.5-flash\nAssisted-by: gemini-cli:google/gemini-2.5-pro\n');
    const person = commit(repo, { HOME: homeWith(files) }, 'fix: by hand\n');
    expect(person.status, person.stderr).toBe(0);
    expect(person.message).toBe('fix: by hand\n');
  });
});
