// Qwen Code's subagents run on their own model (QwenLM/qwen-code `docs/users/features/sub-agents.md`):
// a subagent's `model:` frontmatter in `.qwen/agents/*.md` (the project's or the user's: a model id,
// `authType:modelId`, or `fast`, the settings' `fastModel`), the built-in Explore agent's
// `agents.builtin.exploreModel` and the grades the main agent picks from (`agents.modelGrades`). Only
// the session's model was read, so Qwen Code on `gpt-4.1` with `.qwen/agents/coder.md` saying
// `model: openai:glm-5` was `qwen-code:openai/gpt-4.1` alone, past `deny: ["z-ai/*"]`.
// Committed for real through the installed hooks with Qwen Code's environment (`QWEN_CODE=1`).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentCommit as commit, hooked, homeWith } from '../helpers/agent-home.js';

const DENY = 'policy:\n  deny: ["z-ai/*"]\n';
const GPT = '{"model": {"name": "gpt-4.1"}}';

function home(files: Record<string, string> = {}): NodeJS.ProcessEnv {
  const dir = homeWith(files);
  return { HOME: dir, OPENAI_MODEL: undefined, QWEN_MODEL: undefined, QWEN_CODE_MODEL: undefined, QWEN_CODE_SESSION_ID: undefined, QWEN_RUNTIME_DIR: undefined, QWEN_CODE_SYSTEM_SETTINGS_PATH: join(dir, 'no-system.json'), QWEN_CODE_SYSTEM_DEFAULTS_PATH: join(dir, 'no-defaults.json'), QWEN_CODE_TRUSTED_FOLDERS_PATH: undefined };
}

const AGENT = (model: string) => `---\nname: coder\ndescription: Writes the code\nmodel: ${model}\ntools:\n  - read_file\n---\n\nYou write code.\n`;

describe("Qwen Code's subagents' models", () => {
  it('a subagent file (user or project; an id, authType:id or fast), exploreModel or a model grade naming GLM: refused', () => {
    for (const [files, project] of [
      [{ '.qwen/settings.json': GPT, '.qwen/agents/coder.md': AGENT('openai:glm-5') }, null],
      [{ '.qwen/settings.json': '{"model": {"name": "gpt-4.1"}, "fastModel": "glm-4.6"}', '.qwen/agents/coder.md': AGENT('fast') }, null],
      [{ '.qwen/settings.json': '{"model": {"name": "gpt-4.1"}, "agents": {"builtin": {"exploreModel": "glm-4.6"}}}' }, null],
      [{ '.qwen/settings.json': '{"model": {"name": "gpt-4.1"}, "agents": {"modelGrades": {"high": "glm-5"}}}' }, null],
      [{ '.qwen/settings.json': GPT }, AGENT('glm-4.6')],
    ] as const) {
      const repo = hooked(DENY);
      if (project) repo.commit('chore: agent\n', { '.qwen/agents/coder.md': project }, { AITRAIL: '0' });
      const result = commit(repo, { ...home(files), QWEN_CODE: '1' });
      expect(result.status, `${JSON.stringify(files)} ${project}: ${result.stderr}`).not.toBe(0);
      expect(result.stderr).toMatch(/z-ai\/glm-[0-9.]+ \(via qwen-code\) is denied/);
    }
  });

  it('what held: an inherit subagent adds nothing, and a person with the same files reads none', () => {
    const repo = hooked(DENY);
    const qwen = commit(repo, { ...home({ '.qwen/settings.json': GPT, '.qwen/agents/coder.md': AGENT('inherit') }), QWEN_CODE: '1' });
    expect(qwen.status, qwen.stderr).toBe(0);
    expect(qwen.message).toBe('feat: parser\n\nAssisted-by: qwen-code:openai/gpt-4.1\n');
    const person = commit(repo, home({ '.qwen/agents/coder.md': AGENT('glm-5') }), 'fix: by hand\n');
    expect(person.status, person.stderr).toBe(0);
    expect(person.message).toBe('fix: by hand\n');
  });
});
