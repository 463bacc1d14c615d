// Row 968: every whole read of an agent's settings file past the 1 MiB bound (`readOwnFile`, `readRepoFile`) throws
// OversizedSettingsError, and readAgentSettings alone makes that agent's model unknown (routed: no command line or
// lower layer stands for it). Before, each of these read as no file and a lower layer's model (or none) was recorded.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAgentSettings } from '../../src/agent-settings/read-agent-settings.js';
import type { SettingsPlace } from '../../src/agent-settings/settings-place.js';
import { argvPlace } from '../helpers/argv-place.js';

const PAD = ' '.repeat(1024 * 1024);

/** A work tree, a home and a system root of their own with `files` (`root/…`, `home/…`, `system/…`), no ancestor's command line. */
function place(files: Record<string, string>, env: Record<string, string> = {}): SettingsPlace {
  return argvPlace(files, env, []);
}

async function modelOf(agent: string, at: SettingsPlace): Promise<{ model: string; evidence: string; also?: unknown[] } | undefined> {
  return (await readAgentSettings([agent], at))[agent];
}

const CLAUDE_MANAGED = process.platform === 'darwin' ? 'system/Library/Application Support/ClaudeCode/managed-settings.json' : 'system/etc/claude-code/managed-settings.json';
const COPILOT_MANAGED = process.platform === 'darwin' ? 'system/Library/Application Support/GitHubCopilot/managed-settings.json' : 'system/etc/github-copilot/managed-settings.json';

describe('a whole settings read past the bound makes the agent unknown (row 968)', () => {
  it("Claude Code's managed settings over the user's model", async () => {
    const files = { 'home/.claude/settings.json': '{"model": "claude-sonnet-4-5"}' };
    expect((await modelOf('claude-code', place({ ...files, [CLAUDE_MANAGED]: `{"model": "claude-opus-4-1"${PAD}}` })))?.model).toBe('unknown');
    expect((await modelOf('claude-code', place({ ...files, [CLAUDE_MANAGED]: `{"model": "claude-opus-4-1"}` })))?.model).toBe('claude-opus-4-1');
  });

  it("Copilot CLI's managed settings under COPILOT_MODEL's reading", async () => {
    const env = { COPILOT_CLI: '1' };
    const padded = await modelOf('copilot', place({ [COPILOT_MANAGED]: `{"model": "qwen/qwen3-coder"${PAD}}` }, env));
    expect(padded?.model).toBe('unknown');
    expect(padded?.evidence).toContain('managed-settings.json (over 1 MiB, not read');
    expect((await modelOf('copilot', place({ [COPILOT_MANAGED]: '{"model": "qwen/qwen3-coder"}' }, env)))?.model).toBe('qwen/qwen3-coder');
  });

  it("the Cursor CLI's cli-config.json and Kimi CLI's config.toml", async () => {
    const cursor = { CURSOR_INVOKED_AS: 'cursor-agent' };
    const config = '{"model": {"modelId": "qwen3-coder"}}';
    expect((await modelOf('cursor', place({ 'home/.cursor/cli-config.json': `${config}${PAD}` }, cursor)))?.model).toBe('unknown');
    expect((await modelOf('cursor', place({ 'home/.cursor/cli-config.json': config }, cursor)))?.model).toBe('qwen3-coder');
    const kimi = 'default_model = "k"\n[models.k]\nmodel = "qwen3-coder"\nprovider = "p"\n';
    expect((await modelOf('kimi-code', place({ 'home/.kimi/config.toml': `${kimi}#${PAD}\n` })))?.model).toBe('unknown');
    expect((await modelOf('kimi-code', place({ 'home/.kimi/config.toml': kimi })))?.model).toBe('qwen3-coder');
  });

  it("claude-code-router: a project's own Router padded, the global Router's Claude not recorded for it", async () => {
    const at = place({}, { ANTHROPIC_BASE_URL: 'http://127.0.0.1:3456' });
    const project = join(at.home, '.claude-code-router', at.root.replace(/[^a-zA-Z0-9]/g, '-'));
    mkdirSync(project, { recursive: true });
    writeFileSync(join(at.home, '.claude-code-router', 'config.json'), JSON.stringify({ Router: { default: 'anthropic,claude-sonnet-4-5' } }));
    writeFileSync(join(project, 'config.json'), `${JSON.stringify({ Router: { default: 'openrouter,qwen/qwen3-coder' } })}${PAD}`);
    const padded = await modelOf('claude-code', at);
    expect(padded?.model).toBe('unknown');
    expect(JSON.stringify(padded)).not.toContain('claude-sonnet');
    writeFileSync(join(project, 'config.json'), JSON.stringify({ Router: { default: 'openrouter,qwen/qwen3-coder' } }));
    expect(JSON.stringify(await modelOf('claude-code', at))).toContain('qwen/qwen3-coder');
  });

  // Row 969: the Gemini CLI-style layers (Gemini CLI, BLACKBOX CLI) read a padded file as none; Qwen Code's alone was unknown.
  it("BLACKBOX CLI's and Gemini CLI's settings layers: a padded project or user file", async () => {
    const blackbox = `{"model": {"name": "qwen/qwen3-coder"}}`;
    const lower = { 'home/.blackboxcli/settings.json': '{"model": {"name": "gpt-4o"}}' };
    expect((await modelOf('blackbox', place({ ...lower, 'root/.blackboxcli/settings.json': `${blackbox}${PAD}` })))?.model).toBe('unknown');
    expect((await modelOf('blackbox', place({ ...lower, 'root/.blackboxcli/settings.json': blackbox })))?.model).toBe('qwen/qwen3-coder');
    const gemini = await modelOf('gemini-cli', place({ 'home/.gemini/settings.json': `{"model": {"name": "gemini-2.5-pro"}}${PAD}` }));
    expect(gemini?.model).toBe('unknown');
    expect(gemini?.evidence).toBe('settings ~/.gemini/settings.json (over 1 MiB, not read: the agent reads it whole, so the model it runs is not known)');
  });

  it("Claude Code's `--model` is kept beside the unknown: a padded settings file never hides a denied --model", async () => {
    const at = argvPlace({ 'root/.claude/settings.local.json': `{"model": "claude-sonnet-4-5"}${PAD}` }, {}, [['claude', '--model', 'claude-opus-4-1']]);
    const read = await modelOf('claude-code', at);
    expect(read?.model).toBe('unknown');
    expect(read?.also).toEqual([{ model: 'claude-opus-4-1', evidence: expect.stringContaining('claude-opus-4-1'), overriddenBy: [] }]);
    // Codex's config may move `-m`'s name to a gateway: not kept (row 942).
    const codex = await modelOf('codex', argvPlace({ 'home/.codex/config.toml': `model = "x"\n#${PAD}\n` }, {}, [['codex', '-m', 'gpt-5']]));
    expect(codex?.model).toBe('unknown');
    expect(codex?.also).toBeUndefined();
  });

  it('a file that names no model stays absent past the bound: Gemini CLI projects.json', async () => {
    // projects.json only maps a project to its chats: padded, the chats are not found (no model beside), the settings read as before.
    const gemini = place({ 'home/.gemini/settings.json': '{"model": {"name": "gemini-2.5-pro"}}', 'home/.gemini/projects.json': `{"projects": {}}${PAD}` }, {
      GEMINI_CLI_SYSTEM_SETTINGS_PATH: '/nonexistent/s.json',
      GEMINI_CLI_SYSTEM_DEFAULTS_PATH: '/nonexistent/d.json',
    });
    expect((await modelOf('gemini-cli', gemini))?.model).toBe('gemini-2.5-pro');
  });
});
