// Row 327: Gemini CLI's model in its settings files (.gemini/settings.json `model.name`), in its
// precedence; and the `auto-gemini-3` / `auto-gemini-2.5` names its /model dialog writes. Row 328:
// Qwen Code's, whose settings come before OPENAI_MODEL and QWEN_MODEL (read in that order). Row 329:
// goose's GOOSE_MODEL in ~/.config/goose/config.yaml.
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { geminiCliModel } from '../../src/agent-settings/gemini-cli.js';
import { gooseModel } from '../../src/agent-settings/goose.js';
import { qwenCodeModel } from '../../src/agent-settings/qwen-code.js';
import { settingsPlace, type SettingsPlace } from '../../src/agent-settings/settings-place.js';
import { modelOrUnknown } from '../../src/core/detect/env-findings.js';
import { detectAtCommitTime } from '../../src/core/detect/commit-time.js';

/** A work tree, a home and a system root of their own, with `files` (paths starting `root/`, `home/` or `system/`). */
function place(files: Record<string, string>, env: Record<string, string> = {}): SettingsPlace & { base: string } {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'aitrail-gemini-')));
  for (const dir of ['root', 'home', 'system']) mkdirSync(join(base, dir));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(base, path)), { recursive: true });
    writeFileSync(join(base, path), text.replaceAll('$BASE', base));
  }
  const env2 = Object.fromEntries(Object.entries(env).map(([name, value]) => [name, value.replaceAll('$BASE', base)]));
  return { ...settingsPlace(join(base, 'root'), join(base, 'root/.git'), { HOME: join(base, 'home'), ...env2 }, join(base, 'system')), base };
}

const SYSTEM = process.platform === 'darwin' ? 'system/Library/Application Support/GeminiCli' : 'system/etc/gemini-cli';

describe("Gemini CLI's precedence (row 327)", () => {
  it('system settings > the work tree\'s .gemini/settings.json > ~/.gemini/settings.json > system defaults; v1 `model` read as model.name', () => {
    const files = {
      [`${SYSTEM}/system-defaults.json`]: '{"model": {"name": "gemini-2.5-flash-lite"}}',
      'home/.gemini/settings.json': '{\n  // mine\n  "model": {"name": "gemini-2.5-flash"}\n}',
      'root/.gemini/settings.json': '{"model": {"name": "gemini-3-pro-preview"}}',
      [`${SYSTEM}/settings.json`]: '{"model": {"name": "gemini-2.5-pro"}}',
    };
    expect(geminiCliModel(place(files))).toEqual({ model: 'gemini-2.5-pro', evidence: expect.stringMatching(/settings .*settings\.json model\.name="gemini-2\.5-pro"$/), overriddenBy: ['GEMINI_MODEL'] });
    const { [`${SYSTEM}/settings.json`]: _system, ...unmanaged } = files;
    expect(geminiCliModel(place(unmanaged))).toEqual({ model: 'gemini-3-pro-preview', evidence: 'settings .gemini/settings.json model.name="gemini-3-pro-preview"', overriddenBy: ['GEMINI_MODEL'] });
    const { 'root/.gemini/settings.json': _project, ...user } = unmanaged;
    expect(geminiCliModel(place(user))?.evidence).toBe('settings ~/.gemini/settings.json model.name="gemini-2.5-flash"');
    const { 'home/.gemini/settings.json': _user, ...defaults } = user;
    expect(geminiCliModel(place(defaults))?.model).toBe('gemini-2.5-flash-lite');
    expect(geminiCliModel(place({ 'home/.gemini/settings.json': '{"model": "gemini-2.5-pro", "theme": "x"}' }))?.evidence).toBe('settings ~/.gemini/settings.json model="gemini-2.5-pro"');
    // A v2 `model` object without a name leaves the lower layer's name, as Gemini CLI's deep merge does.
    expect(geminiCliModel(place({ 'root/.gemini/settings.json': '{"model": {"maxSessionTurns": 3}}', 'home/.gemini/settings.json': '{"model": {"name": "flash"}}' }))?.model).toBe('flash');
    expect(geminiCliModel(place({}))).toBeNull();
  });

  it('GEMINI_CLI_SYSTEM_SETTINGS_PATH and GEMINI_CLI_SYSTEM_DEFAULTS_PATH move the system files', () => {
    const moved = place({ 'home/sys.json': '{"model": {"name": "gemini-2.5-pro"}}', 'root/.gemini/settings.json': '{"model": {"name": "flash"}}' }, { GEMINI_CLI_SYSTEM_SETTINGS_PATH: '$BASE/home/sys.json' });
    expect(geminiCliModel(moved)?.evidence).toBe('settings ~/sys.json model.name="gemini-2.5-pro"');
    const defaults = place({ 'home/d.json': '{"model": {"name": "pro"}}' }, { GEMINI_CLI_SYSTEM_DEFAULTS_PATH: '$BASE/home/d.json' });
    expect(geminiCliModel(defaults)?.model).toBe('pro');
  });

  it('folder trust on and the folder marked DO_NOT_TRUST: the work tree\'s file is not read, as Gemini CLI does not; trusted, it is', () => {
    const files = {
      'home/.gemini/settings.json': '{"security": {"folderTrust": {"enabled": true}}, "model": {"name": "gemini-2.5-flash"}}',
      'root/.gemini/settings.json': '{"model": {"name": "qwen3-coder-plus"}}',
      'home/.gemini/trustedFolders.json': '{"$BASE/root": "DO_NOT_TRUST"}',
    };
    expect(geminiCliModel(place(files))?.model).toBe('gemini-2.5-flash');
    expect(geminiCliModel(place({ ...files, 'home/.gemini/trustedFolders.json': '{"$BASE/root": "TRUST_FOLDER"}' }))?.model).toBe('qwen3-coder-plus');
    expect(geminiCliModel(place({ ...files, 'home/.gemini/trustedFolders.json': '{"$BASE/root/x": "TRUST_PARENT"}' }))?.model).toBe('qwen3-coder-plus');
    // No rule names it: trusted when settings load (gemini-cli `isWorkspaceTrusted(...) ?? true`).
    expect(geminiCliModel(place({ ...files, 'home/.gemini/trustedFolders.json': '{}' }))?.model).toBe('qwen3-coder-plus');
    // Folder trust off (the default): DO_NOT_TRUST rules are not consulted.
    expect(geminiCliModel(place({ ...files, 'home/.gemini/settings.json': '{"model": {"name": "gemini-2.5-flash"}}' }))?.model).toBe('qwen3-coder-plus');
  });

  it('a work tree whose top is the home directory reads ~/.gemini/settings.json once, as the user file', () => {
    const at = place({ 'home/.gemini/settings.json': '{"model": {"name": "gemini-2.5-pro"}}' });
    const home = { ...at, root: at.home };
    expect(geminiCliModel(home)?.model).toBe('gemini-2.5-pro');
  });
});

describe('Gemini CLI in detection (row 327)', () => {
  it("the auto names its /model dialog writes are Google's routing, not an unknown vendor", () => {
    expect(modelOrUnknown('auto-gemini-3', {}, 'gemini-cli')).toBe('google/unknown');
    expect(modelOrUnknown('auto-gemini-2.5', {}, 'gemini-cli')).toBe('google/unknown');
    expect(modelOrUnknown('auto', {}, 'gemini-cli')).toBe('google/unknown');
  });

  it('the settings model is recorded under GEMINI_CLI=1; GEMINI_MODEL replaces it; no marker, no settings read', () => {
    const settings = { 'gemini-cli': { model: 'qwen3-coder-plus', evidence: 'settings .gemini/settings.json model.name="qwen3-coder-plus"', overriddenBy: ['GEMINI_MODEL'] } };
    const models = (env: Record<string, string>) => detectAtCommitTime('feat: x\n', { env, settings }).map((found) => `${found.agent}:${found.model}`);
    expect(models({ GEMINI_CLI: '1' })).toEqual(['gemini-cli:qwen/qwen3-coder-plus']);
    expect(models({ GEMINI_CLI: '1', GEMINI_MODEL: 'gemini-2.5-pro' })).toEqual(['gemini-cli:google/gemini-2.5-pro']);
  });
});

describe("Qwen Code's settings before its variables (row 328)", () => {
  const QWEN_SYSTEM = process.platform === 'darwin' ? 'system/Library/Application Support/QwenCode' : 'system/etc/qwen-code';

  it('~/.qwen, the project .qwen, /etc/qwen-code, as Gemini CLI lays them out; the settings replace OPENAI_MODEL and QWEN_MODEL', () => {
    const files = {
      'home/.qwen/settings.json': '{"$version": 3, "model": {"name": "qwen3-coder-plus"}}',
      'root/.qwen/settings.json': '{"model": {"name": "qwen3-coder-flash"}}',
    };
    expect(qwenCodeModel(place(files))).toEqual({ model: 'qwen3-coder-flash', evidence: 'settings .qwen/settings.json model.name="qwen3-coder-flash"', replaces: ['OPENAI_MODEL', 'QWEN_MODEL'] });
    expect(qwenCodeModel(place({ ...files, [`${QWEN_SYSTEM}/settings.json`]: '{"model": {"name": "qwen3-max"}}' }))?.model).toBe('qwen3-max');
    expect(qwenCodeModel(place({ 'home/.qwen/settings.json': files['home/.qwen/settings.json'], 'root/.gemini/settings.json': '{"model": {"name": "gemini-2.5-pro"}}' }))?.model).toBe('qwen3-coder-plus');
    const distrusted = place({ ...files, 'home/.qwen/settings.json': '{"security": {"folderTrust": {"enabled": true}}, "model": {"name": "qwen3-coder-plus"}}', 'home/t.json': '{"$BASE/root": "DO_NOT_TRUST"}' }, { QWEN_CODE_TRUSTED_FOLDERS_PATH: '$BASE/home/t.json' });
    expect(qwenCodeModel(distrusted)?.model).toBe('qwen3-coder-plus');
  });

  it('detection: the settings model alone, not OPENAI_MODEL beside it; with no settings model, OPENAI_MODEL before QWEN_MODEL', () => {
    const settings = { 'qwen-code': { model: 'qwen3-coder-plus', evidence: 'settings ~/.qwen/settings.json model.name="qwen3-coder-plus"', replaces: ['OPENAI_MODEL', 'QWEN_MODEL'] } };
    const models = (env: Record<string, string>, withSettings = true) =>
      detectAtCommitTime('feat: x\n', { env, ...(withSettings ? { settings } : {}) }).map((found) => `${found.agent}:${found.model}`);
    expect(models({ QWEN_CODE: '1', OPENAI_MODEL: 'gpt-4.1' })).toEqual(['qwen-code:qwen/qwen3-coder-plus']);
    expect(models({ QWEN_CODE: '1', OPENAI_MODEL: 'gpt-4.1', QWEN_MODEL: 'qwen3-coder-plus' }, false)).toEqual(['qwen-code:openai/gpt-4.1']);
    expect(models({ QWEN_CODE: '1', QWEN_MODEL: 'qwen3-coder-plus' }, false)).toEqual(['qwen-code:qwen/qwen3-coder-plus']);
    expect(models({ QWEN_CODE: '1' }, false)).toEqual(['qwen-code:qwen/unknown']);
  });
});

describe("goose's configured model (row 329)", () => {
  it('GOOSE_MODEL of ~/.config/goose/config.yaml (XDG_CONFIG_HOME), overridden by the GOOSE_MODEL variable; YAML is data', async () => {
    const yaml = 'GOOSE_PROVIDER: openrouter\nGOOSE_MODEL: qwen/qwen3-coder\nextensions:\n  developer:\n    enabled: true\n';
    expect(await gooseModel(place({ 'home/.config/goose/config.yaml': yaml }))).toEqual({
      model: 'qwen/qwen3-coder',
      evidence: 'settings ~/.config/goose/config.yaml GOOSE_MODEL="qwen/qwen3-coder"',
      overriddenBy: ['GOOSE_MODEL'],
    });
    expect((await gooseModel(place({ 'home/xdg/goose/config.yaml': yaml }, { XDG_CONFIG_HOME: '$BASE/home/xdg' })))?.model).toBe('qwen/qwen3-coder');
    expect(await gooseModel(place({ 'home/.config/goose/config.yaml': 'GOOSE_MODEL: !!js/function "x"\n' }))).toBeNull();
    expect(await gooseModel(place({ 'root/.config/goose/config.yaml': yaml }))).toBeNull();
    const settings = { goose: { model: 'qwen/qwen3-coder', evidence: 'settings ~/.config/goose/config.yaml GOOSE_MODEL="qwen/qwen3-coder"', overriddenBy: ['GOOSE_MODEL'] } };
    const models = (env: Record<string, string>) => detectAtCommitTime('feat: x\n', { env, settings }).map((found) => `${found.agent}:${found.model}`);
    expect(models({ GOOSE_TERMINAL: '1' })).toEqual(['goose:qwen/qwen3-coder']);
    expect(models({ GOOSE_TERMINAL: '1', GOOSE_MODEL: 'gpt-4o' })).toEqual(['goose:openai/gpt-4o']);
  });
});
