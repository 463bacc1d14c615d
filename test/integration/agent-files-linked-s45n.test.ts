// Review of rows 728..5: a project's agent files were read through the work tree's link-safe read
// only, which refuses a file whose links lead out of the work tree, while Gemini CLI, Qwen Code and
// Copilot CLI open it through the link: an agent's `.gemini/agents -> ../my-agents` (or one agent file
// so linked) ran a subagent on Qwen unseen. Committed for real through the installed hooks.
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentCommit as commit, hooked, homeWith } from '../helpers/agent-home.js';
import { tempDir } from '../helpers/gitdir.js';

const DENIED = 'policy:\n  deny: ["qwen/*"]\n';
const QWEN_AGENT = '---\nname: coder\nmodel: qwen3-coder-plus\n---\n\nYou write code.\n';

function env(agent: 'gemini' | 'qwen' | 'copilot'): NodeJS.ProcessEnv {
  const dir = homeWith({ '.gemini/settings.json': '{"model": {"name": "gemini-2.5-flash"}}', '.qwen/settings.json': '{"model": {"name": "gpt-4.1"}}' });
  if (agent === 'gemini') return { HOME: dir, GEMINI_CLI: '1', GEMINI_MODEL: undefined, GEMINI_CLI_SYSTEM_SETTINGS_PATH: join(dir, 'n.json'), GEMINI_CLI_SYSTEM_DEFAULTS_PATH: join(dir, 'n2.json'), GEMINI_CLI_TRUSTED_FOLDERS_PATH: undefined };
  if (agent === 'qwen') return { HOME: dir, QWEN_CODE: '1', OPENAI_MODEL: undefined, QWEN_MODEL: undefined, QWEN_CODE_MODEL: undefined, QWEN_CODE_SESSION_ID: undefined, QWEN_RUNTIME_DIR: undefined, QWEN_CODE_SYSTEM_SETTINGS_PATH: join(dir, 'n.json'), QWEN_CODE_SYSTEM_DEFAULTS_PATH: join(dir, 'n2.json'), QWEN_CODE_TRUSTED_FOLDERS_PATH: undefined };
  return { HOME: dir, COPILOT_CLI: '1', COPILOT_MODEL: 'gpt-5', COPILOT_HOME: undefined, COPILOT_AGENT_SESSION_ID: undefined };
}
const DIRS = { gemini: '.gemini/agents', qwen: '.qwen/agents', copilot: '.github/agents' } as const;
const SLUG = { gemini: 'gemini-cli', qwen: 'qwen-code', copilot: 'copilot' } as const;

describe("a project's agent files through a link out of the work tree", () => {
  it('the agents folder, or one agent file, linked out of the work tree to a Qwen agent: refused', () => {
    const out = tempDir('aitrail-agents-out-');
    mkdirSync(join(out, 'agents'));
    writeFileSync(join(out, 'agents', 'coder.md'), QWEN_AGENT);
    for (const agent of ['gemini', 'qwen', 'copilot'] as const) {
      for (const linked of ['folder', 'file']) {
        const repo = hooked(DENIED);
        const dir = join(repo.dir, DIRS[agent]);
        if (linked === 'folder') {
          mkdirSync(join(dir, '..'), { recursive: true });
          symlinkSync(join(out, 'agents'), dir);
        } else {
          mkdirSync(dir, { recursive: true });
          symlinkSync(join(out, 'agents', 'coder.md'), join(dir, 'coder.md'));
        }
        const result = commit(repo, env(agent));
        expect(result.status, `${agent} ${linked}: ${result.message}`).not.toBe(0);
        expect(result.stderr).toMatch(new RegExp(`qwen/qwen3-coder-plus \\(via ${SLUG[agent]}\\) is denied`));
      }
    }
  });

  it('what held: a link out of the work tree to a FIFO or a device is not read (no wait)', () => {
    const out = tempDir('aitrail-agents-out-');
    execFileSync('mkfifo', [join(out, 'fifo.md')]);
    const repo = hooked(DENIED);
    mkdirSync(join(repo.dir, '.gemini/agents'), { recursive: true });
    symlinkSync(join(out, 'fifo.md'), join(repo.dir, '.gemini/agents/a.md'));
    symlinkSync('/dev/zero', join(repo.dir, '.gemini/agents/b.md'));
    const result = commit(repo, env('gemini'));
    expect(result.status, result.stderr).toBe(0);
    expect(result.message).toBe('feat: parser\n\nAssisted-by: gemini-cli:google/gemini-2.5-flash\n');
  });
});
