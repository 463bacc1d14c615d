import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aiderModel } from '../../src/agent-settings/aider.js';
import { claudeCodeModel } from '../../src/agent-settings/claude-code.js';
import { codexModel } from '../../src/agent-settings/codex.js';
import { opencodeModel } from '../../src/agent-settings/opencode.js';
import { parseJson, parseJsonc, stringAt } from '../../src/agent-settings/parse-settings.js';
import { OversizedSettingsError, settingsPlace, type SettingsPlace } from '../../src/agent-settings/settings-place.js';

/** A work tree, a home and a system root of their own, with `files` (paths starting `root/`, `home/` or `system/`). */
function place(files: Record<string, string>, env: Record<string, string> = {}): SettingsPlace {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'aitrail-settings-')));
  for (const dir of ['root', 'home', 'system']) mkdirSync(join(base, dir));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(base, path)), { recursive: true });
    writeFileSync(join(base, path), text);
  }
  return settingsPlace(join(base, 'root'), join(base, 'root/.git'), { HOME: join(base, 'home'), ...env }, join(base, 'system'));
}

describe('JSONC', () => {
  it('reads comments and trailing commas outside strings only', () => {
    expect(parseJsonc('{\n // c\n "model": "a//b /* c */", /* x */ "list": [1, 2,],\n}')).toEqual({ model: 'a//b /* c */', list: [1, 2] });
    expect(parseJsonc('{"model": "say \\"hi\\", //", }')).toEqual({ model: 'say "hi", //' });
    expect(parseJsonc('\ufeff{"model": "x"}')).toEqual({ model: 'x' });
    expect(parseJsonc('{"model": ')).toBeUndefined();
    expect(parseJsonc('{"model": "x" /* never closed')).toBeUndefined();
  });

  it('strict JSON (Claude Code\'s files) reads no comment and no trailing comma', () => {
    expect(parseJson('\ufeff{"model": "x"}')).toEqual({ model: 'x' });
    expect(parseJson('{"model": "x",}')).toBeUndefined();
    expect(parseJson('{\n // c\n "model": "x"}')).toBeUndefined();
  });

  it('takes only a non-empty string at own keys', () => {
    expect(stringAt({ model: 42 }, 'model')).toBeUndefined();
    expect(stringAt({ model: '  ' }, 'model')).toBeUndefined();
    expect(stringAt(JSON.parse('{"__proto__": {"model": "x"}}'), '__proto__', 'model')).toBe('x');
    expect(stringAt({}, 'toString')).toBeUndefined();
  });
});

describe("Claude Code's precedence", () => {
  it('managed > settings.local.json > settings.json > user (CLAUDE_CONFIG_DIR)', () => {
    const files = {
      'home/.claude/settings.json': '{"model": "user"}',
      'root/.claude/settings.json': '{"model": "project"}',
      'root/.claude/settings.local.json': '{"model": "local"}',
      'system/etc/claude-code/managed-settings.json': '{"model": "managed"}',
    };
    expect(claudeCodeModel(place(files))?.model).toBe(process.platform === 'darwin' ? 'local' : 'managed');
    const { 'system/etc/claude-code/managed-settings.json': _managed, ...unmanaged } = files;
    expect(claudeCodeModel(place(unmanaged))).toEqual({ model: 'local', evidence: 'settings .claude/settings.local.json model="local"', overriddenBy: ['ANTHROPIC_MODEL'] });
    const { 'root/.claude/settings.local.json': _local, ...shared } = unmanaged;
    expect(claudeCodeModel(place(shared))?.model).toBe('project');
    const user = place({ 'home/.claude/settings.json': '{"permissions": {}}', 'home/other/settings.json': '{"model": "moved"}' });
    expect(claudeCodeModel(user)).toBeNull();
    expect(claudeCodeModel({ ...user, env: { ...user.env, CLAUDE_CONFIG_DIR: join(user.home, 'other') } })?.evidence).toBe('settings ~/other/settings.json model="moved"');
  });

  it('a settings file that is a FIFO, a device, a link out of the work tree, too big or not JSON names no model', () => {
    const fifo = place({});
    mkdirSync(join(fifo.root, '.claude'));
    execFileSync('mkfifo', [join(fifo.root, '.claude/settings.json')]);
    expect(claudeCodeModel(fifo)).toBeNull();
    const device = place({});
    mkdirSync(join(device.root, '.claude'));
    symlinkSync('/dev/zero', join(device.root, '.claude/settings.json'));
    expect(claudeCodeModel(device)).toBeNull();
    // Too big: not read, and not absent either (row 968): readAgentSettings makes the model unknown.
    expect(() => claudeCodeModel(place({ 'root/.claude/settings.json': `{"model": "x", "pad": "${' '.repeat(1024 * 1024)}"}` }))).toThrow(OversizedSettingsError);
    expect(claudeCodeModel(place({ 'root/.claude/settings.json': 'model: x\n' }))).toBeNull();
    // A link inside the work tree is read.
    const inside = place({ 'root/config/claude.json': '{"model": "inside"}' });
    mkdirSync(join(inside.root, '.claude'));
    symlinkSync('../config/claude.json', join(inside.root, '.claude/settings.json'));
    expect(claudeCodeModel(inside)?.model).toBe('inside');
  });
});

describe("Codex's precedence", () => {
  it('profile > trusted project > user > system; the provider from the profile, the user or the system', async () => {
    const system = place({ 'system/etc/codex/config.toml': 'model = "sys"\nmodel_provider = "ds"\n[model_providers.ds]\nbase_url = "https://api.deepseek.com"\n' });
    expect(await codexModel(system)).toMatchObject({ model: 'sys', endpoint: { url: 'https://api.deepseek.com' } });
    const profiled = place({ 'home/.codex/config.toml': 'model = "u"\nprofile = "p"\n[profiles.p]\nmodel = "pm"\nmodel_provider = "x"\n[model_providers.x]\nbase_url = "https://api.moonshot.ai/v1"\n' });
    expect(await codexModel(profiled)).toEqual({
      model: 'pm',
      evidence: 'settings ~/.codex/config.toml profiles.p.model="pm"',
      replaces: ['OPENAI_DEFAULT_MODEL'],
      endpoint: { url: 'https://api.moonshot.ai/v1', evidence: 'settings ~/.codex/config.toml model_providers.x.base_url=' },
    });
    expect(await codexModel(place({ 'home/.codex/config.toml': 'model = [1, 2]\n', 'root/.codex/config.toml': 'model = "p"\n' }))).toBeNull();
    expect(await codexModel(place({ 'home/.codex/config.toml': 'model = "u"\nmodel = "twice"\n' }))).toBeNull();
  });
});

describe("aider's precedence", () => {
  it("aider: AIDER_MODEL > the git root's .aider.conf.yml > home's; YAML is data", async () => {
    const both = place({ 'home/.aider.conf.yml': 'model: home\n', 'root/.aider.conf.yml': 'model: root\n' });
    expect((await aiderModel(both))?.model).toBe('root');
    expect((await aiderModel({ ...both, env: { ...both.env, AIDER_MODEL: 'var' } }))?.evidence).toBe('env AIDER_MODEL="var"');
    expect(await aiderModel(place({ 'root/.aider.conf.yml': 'model: !!js/function "function () {}"\n' }))).toBeNull();
  });

  it('aider: merge keys read as PyYAML merges them, without copying: a fan of merges of merges costs linear time', async () => {
    const merged = (text: string) => aiderModel(place({ 'root/.aider.conf.yml': text }));
    expect((await merged('model: own\n<<: {model: merged}\n'))?.model).toBe('own');
    expect((await merged('<<: [{model: first}, {model: second}]\n'))?.model).toBe('first');
    let fan = 'a0: &a0 {x: 1}\n';
    for (let level = 1; level < 40; level += 1) fan += `a${level}: &a${level} {<<: [${Array(9).fill(`*a${level - 1}`).join(', ')}]}\n`;
    const started = Date.now();
    expect(await merged(`${fan}<<: *a39\n`)).toBeNull();
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe("OpenCode's precedence", () => {
  it('OpenCode: OPENCODE_CONFIG_CONTENT over the project, {env:NAME} read, OPENCODE_DISABLE_PROJECT_CONFIG honoured', () => {
    const files = { 'home/.config/opencode/opencode.json': '{"model": "{env:TEAM_MODEL}"}', 'root/opencode.json': '{"model": "project"}' };
    expect(opencodeModel(place(files, { OPENCODE_CONFIG_CONTENT: '{"model": "inline"}' }))?.model).toBe('inline');
    expect(opencodeModel(place(files))?.model).toBe('project');
    expect(opencodeModel(place(files, { OPENCODE_DISABLE_PROJECT_CONFIG: '1', TEAM_MODEL: 'qwen/qwen3-coder' }))?.model).toBe('qwen/qwen3-coder');
    expect(opencodeModel(place(files, { OPENCODE_DISABLE_PROJECT_CONFIG: '1' }))).toBeNull();
    // A repository's file never substitutes a variable of the person's (row 76).
    expect(opencodeModel(place({ 'root/opencode.json': '{"model": "{env:TEAM_MODEL}"}' }, { TEAM_MODEL: 'secret' }))?.model).toBe('{env:TEAM_MODEL}');
  });
});
