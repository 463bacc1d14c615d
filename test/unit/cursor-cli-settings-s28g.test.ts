// Row 342: the Cursor CLI (`cursor-agent`, now `agent`) keeps the model its /model picker chose in the
// `model` object of ~/.cursor/cli-config.json (cursor.com/docs/cli/reference/configuration). Read
// only for the CLI's own commits: its launcher exports CURSOR_INVOKED_AS, the editor's agent does not,
// and CURSOR_AGENT=1 is shared by both.
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cursorCliModel } from '../../src/agent-settings/cursor-cli.js';
import { readAgentSettings } from '../../src/agent-settings/read-agent-settings.js';
import { settingsPlace, type SettingsPlace } from '../../src/agent-settings/settings-place.js';
import { detectAtCommitTime } from '../../src/core/detect/commit-time.js';

/** A work tree and a home of their own, with `files` (paths starting `root/` or `home/`); `$BASE` in variables is the base. */
function place(files: Record<string, string>, env: Record<string, string> = {}): SettingsPlace {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'aitrail-cursor-')));
  for (const dir of ['root', 'home']) mkdirSync(join(base, dir));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(base, path)), { recursive: true });
    writeFileSync(join(base, path), text);
  }
  const vars = Object.fromEntries(Object.entries(env).map(([name, value]) => [name, value.replaceAll('$BASE', base)]));
  return settingsPlace(join(base, 'root'), join(base, 'root/.git'), { HOME: join(base, 'home'), ...vars }, join(base, 'system'));
}

const CLI = { CURSOR_AGENT: '1', CURSOR_INVOKED_AS: 'cursor-agent' };
const OPUS = '{"version":1,"editor":{"vimMode":false},"permissions":{"allow":[],"deny":[]},"model":{"modelId":"claude-opus-4-8","displayModelId":"claude-opus-4-8","displayName":"Opus 4.8"},"hasChangedDefaultModel":true}';

describe("the Cursor CLI's configured model (row 342)", () => {
  it('model.modelId of ~/.cursor/cli-config.json, for the CLI only (CURSOR_INVOKED_AS); the editor and the cloud read none', () => {
    const files = { 'home/.cursor/cli-config.json': OPUS };
    expect(cursorCliModel(place(files, CLI))).toEqual({ model: 'claude-opus-4-8', evidence: 'settings ~/.cursor/cli-config.json model.modelId="claude-opus-4-8"' });
    expect(cursorCliModel(place(files, { CURSOR_INVOKED_AS: 'agent' }))?.model).toBe('claude-opus-4-8');
    expect(cursorCliModel(place(files, { CURSOR_AGENT: '1' }))).toBeNull();
    expect(cursorCliModel(place(files, { CURSOR_EXTENSION_HOST_ROLE: 'agent-exec' }))).toBeNull();
    expect(cursorCliModel(place(files, { CURSOR_INVOKED_AS: 'cursor' }))).toBeNull();
  });

  it("Auto (`modelId: default`) is its displayModelId; a string model; selectedModel's other id kept beside; no model, bad JSON: none", () => {
    const auto = '{"model":{"modelId":"default","displayModelId":"auto","displayName":"Auto"}}';
    expect(cursorCliModel(place({ 'home/.cursor/cli-config.json': auto }, CLI))?.model).toBe('auto');
    expect(cursorCliModel(place({ 'home/.cursor/cli-config.json': '{"model":"composer-1"}' }, CLI))?.model).toBe('composer-1');
    const both = '{"model":{"modelId":"gpt-5.5"},"selectedModel":{"modelId":"claude-opus-4-7","parameters":[{"id":"reasoning","value":"high"}]}}';
    expect(cursorCliModel(place({ 'home/.cursor/cli-config.json': both }, CLI))).toEqual({
      model: 'gpt-5.5',
      evidence: 'settings ~/.cursor/cli-config.json model.modelId="gpt-5.5"',
      also: [{ model: 'claude-opus-4-7', evidence: 'settings ~/.cursor/cli-config.json selectedModel.modelId="claude-opus-4-7"', overriddenBy: [] }],
    });
    const same = '{"model":{"modelId":"gpt-5.5"},"selectedModel":{"modelId":"gpt-5.5"}}';
    expect(cursorCliModel(place({ 'home/.cursor/cli-config.json': same }, CLI))).not.toHaveProperty('also');
    expect(cursorCliModel(place({ 'home/.cursor/cli-config.json': '{"version":1,"permissions":{"allow":[],"deny":[]}}' }, CLI))).toBeNull();
    expect(cursorCliModel(place({ 'home/.cursor/cli-config.json': '{"model":{"modelId":"gpt-5"},}' }, CLI))).toBeNull();
    expect(cursorCliModel(place({}, CLI))).toBeNull();
  });

  it('CURSOR_CONFIG_DIR, then $XDG_CONFIG_HOME/cursor (Linux), then ~/.cursor; a project .cursor/cli.json names none', () => {
    const files = {
      'home/.cursor/cli-config.json': '{"model":{"modelId":"gpt-5"}}',
      'xdg/cursor/cli-config.json': '{"model":{"modelId":"gemini-2.5-pro"}}',
      'custom/cli-config.json': '{"model":{"modelId":"grok-4"}}',
      'root/.cursor/cli.json': '{"model":{"modelId":"qwen3-coder"}}',
    };
    expect(cursorCliModel(place(files, { ...CLI, CURSOR_CONFIG_DIR: '$BASE/custom', XDG_CONFIG_HOME: '$BASE/xdg' }))?.model).toBe('grok-4');
    const xdg = cursorCliModel(place(files, { ...CLI, XDG_CONFIG_HOME: '$BASE/xdg' }))?.model;
    expect(xdg).toBe(process.platform === 'darwin' || process.platform === 'win32' ? 'gpt-5' : 'gemini-2.5-pro');
    expect(cursorCliModel(place(files, CLI))?.model).toBe('gpt-5');
  });

  it('recorded as the commit\'s model under CURSOR_AGENT, beside CURSOR_MODEL; selectedModel too; read through readAgentSettings', async () => {
    const settings = await readAgentSettings(['cursor'], place({ 'home/.cursor/cli-config.json': OPUS }, CLI));
    const models = (env: Record<string, string>, given = settings) => detectAtCommitTime('feat: x\n', { env, settings: given }).map((found) => `${found.agent}:${found.model}`);
    expect(models(CLI)).toEqual(['cursor:anthropic/claude-opus-4.8']);
    expect(models({ ...CLI, CURSOR_MODEL: 'gpt-5' }).sort()).toEqual(['cursor:anthropic/claude-opus-4.8', 'cursor:openai/gpt-5']);
    const both = await readAgentSettings(['cursor'], place({ 'home/.cursor/cli-config.json': '{"model":{"modelId":"gpt-5"},"selectedModel":{"modelId":"qwen3-coder"}}' }, CLI));
    expect(models(CLI, both).sort()).toEqual(['cursor:openai/gpt-5', 'cursor:qwen/qwen3-coder']);
    const auto = await readAgentSettings(['cursor'], place({ 'home/.cursor/cli-config.json': '{"model":{"modelId":"default","displayModelId":"auto"}}' }, CLI));
    expect(models(CLI, auto)).toEqual(['cursor:unknown']);
  });
});
