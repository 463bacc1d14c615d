// Red team of the record layer (s46e; row 776's stated limit): a project's settings file that is a
// link out of the work tree (`.gemini/settings.json -> ../x/settings.json`, `.claude/settings.json`,
// `.qwen/settings.json`, `opencode.json`) was refused by the work tree's link-safe read, while the
// agent opens it through the link and runs on the model it names: a Qwen model passed init's hooks
// under `deny: ["qwen/*"]`. Committed for real through the installed hooks with each agent's environment.
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentCommit as commit, hooked, homeWith } from '../helpers/agent-home.js';
import { tempDir } from '../helpers/gitdir.js';

const DENIED = 'policy:\n  deny: ["qwen/*"]\n';

function env(agent: 'gemini' | 'qwen' | 'claude' | 'opencode'): NodeJS.ProcessEnv {
  const dir = homeWith({ '.gemini/settings.json': '{"model": {"name": "gemini-2.5-flash"}}', '.qwen/settings.json': '{"model": {"name": "gpt-4.1"}}', '.claude/settings.json': '{"model": "claude-sonnet-4-5"}' });
  if (agent === 'gemini') return { HOME: dir, GEMINI_CLI: '1', GEMINI_MODEL: undefined, GEMINI_CLI_SYSTEM_SETTINGS_PATH: join(dir, 'n.json'), GEMINI_CLI_SYSTEM_DEFAULTS_PATH: join(dir, 'n2.json'), GEMINI_CLI_TRUSTED_FOLDERS_PATH: undefined };
  if (agent === 'qwen') return { HOME: dir, QWEN_CODE: '1', OPENAI_MODEL: undefined, QWEN_MODEL: undefined, QWEN_CODE_MODEL: undefined, QWEN_CODE_SESSION_ID: undefined, QWEN_RUNTIME_DIR: undefined, QWEN_CODE_SYSTEM_SETTINGS_PATH: join(dir, 'n.json'), QWEN_CODE_SYSTEM_DEFAULTS_PATH: join(dir, 'n2.json'), QWEN_CODE_TRUSTED_FOLDERS_PATH: undefined };
  if (agent === 'claude') return { HOME: dir, CLAUDECODE: '1', CLAUDE_CODE_ENTRYPOINT: 'cli', ANTHROPIC_MODEL: undefined, CLAUDE_CODE_SESSION_ID: undefined };
  return { HOME: dir, XDG_CONFIG_HOME: undefined, OPENCODE_CONFIG: undefined, OPENCODE_CONFIG_CONTENT: undefined, OPENCODE_CONFIG_DIR: undefined, OPENCODE: '1' };
}
const FILES = {
  gemini: ['.gemini/settings.json', '{"model": {"name": "qwen3-coder-plus"}}', 'gemini-cli', 'qwen/qwen3-coder-plus'],
  qwen: ['.qwen/settings.json', '{"model": {"name": "qwen3-coder-plus"}}', 'qwen-code', 'qwen/qwen3-coder-plus'],
  claude: ['.claude/settings.json', '{"model": "qwen3-coder-plus"}', 'claude-code', 'qwen/qwen3-coder-plus'],
  opencode: ['opencode.json', '{"model": "qwen/qwen3-coder"}', 'opencode', 'qwen/qwen3-coder'],
} as const;

function linked(target: string, path: string) {
  const repo = hooked(DENIED);
  mkdirSync(dirname(join(repo.dir, path)), { recursive: true });
  symlinkSync(target, join(repo.dir, path));
  return repo;
}

describe("a project's settings file through a link out of the work tree", () => {
  it('linked to a file naming Qwen: refused (Gemini CLI, Qwen Code, Claude Code, OpenCode)', () => {
    for (const agent of ['gemini', 'qwen', 'claude', 'opencode'] as const) {
      const [path, text, slug, model] = FILES[agent];
      const out = join(tempDir('aitrail-settings-out-'), 'settings.json');
      writeFileSync(out, text);
      const result = commit(linked(out, path), env(agent));
      expect(result.status, `${agent}: ${result.message}`).not.toBe(0);
      expect(result.stderr).toContain(`model ${model} (via ${slug}) is denied`);
    }
  });

  it('what held: a link out of the work tree to a FIFO or a device is not read (no wait); a person commits as before', () => {
    const fifo = join(tempDir('aitrail-settings-out-'), 'fifo.json');
    execFileSync('mkfifo', [fifo]);
    for (const target of [fifo, '/dev/zero']) {
      const repo = linked(target, '.gemini/settings.json');
      const result = commit(repo, env('gemini'));
      expect(result.status, result.stderr).toBe(0);
      expect(result.message).toBe('feat: parser\n\nAssisted-by: gemini-cli:google/gemini-2.5-flash\n');
      const person = commit(repo, { HOME: homeWith({}) }, 'fix: by hand\n');
      expect(person.status, person.stderr).toBe(0);
      expect(person.message).toBe('fix: by hand\n');
    }
  });
});
