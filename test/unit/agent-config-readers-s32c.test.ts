// Kilo CLI's, Kimi CLI's and Mistral Vibe's models, from their own config files: Kilo's
// `~/.config/kilo/kilo.jsonc` (and the work tree's), Kimi CLI's `~/.kimi/config.toml`
// (`default_model` → `[models.<name>].model`), Mistral Vibe's `~/.vibe/config.toml` (`active_model`,
// an alias of its `[[models]]`). Hostile files name no model and never throw.
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kiloCliModel } from '../../src/agent-settings/kilo-cli.js';
import { kimiCliModel } from '../../src/agent-settings/kimi-cli.js';
import { mistralVibeModel } from '../../src/agent-settings/mistral-vibe.js';
import { readAgentSettings } from '../../src/agent-settings/read-agent-settings.js';
import { settingsPlace, type SettingsPlace } from '../../src/agent-settings/settings-place.js';
import { detectAtCommitTime } from '../../src/core/detect/commit-time.js';

/** A home and a work tree holding `files` (`~/…` in the home, else the work tree's), and its place. */
function placeWith(files: Record<string, string>, env: Record<string, string> = {}): SettingsPlace & { base: string } {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'aitrail-s32c-')));
  mkdirSync(join(base, 'home'));
  mkdirSync(join(base, 'root/.git'), { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    const full = path.startsWith('~/') ? join(base, 'home', path.slice(2)) : join(base, 'root', path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  return { ...settingsPlace(join(base, 'root'), join(base, 'root/.git'), { HOME: join(base, 'home'), ...env }, join(base, 'system')), base };
}

const KIMI = `default_model = "kimi-for-coding"

[providers.kimi-for-coding]
type = "kimi"
base_url = "https://api.kimi.com/coding/v1"
api_key = "sk-secret"

[models.kimi-for-coding]
provider = "kimi-for-coding"
model = "kimi-for-coding"
max_context_size = 262144

[providers.router]
type = "openai_legacy"
base_url = "https://openrouter.ai/api/v1"
api_key = "sk-other"

[models.qwen]
provider = "router"
model = "qwen/qwen3-coder"
max_context_size = 262144
`;

describe("Kimi CLI's config.toml", () => {
  it('default_model names a [models] entry, whose model is sent; a kimi provider is Moonshot\'s', async () => {
    expect(await kimiCliModel(placeWith({ '~/.kimi/config.toml': KIMI }))).toEqual({
      model: 'moonshotai/kimi-for-coding',
      evidence: 'settings ~/.kimi/config.toml default_model="kimi-for-coding" model="kimi-for-coding"',
    });
    const other = await kimiCliModel(placeWith({ '~/.kimi/config.toml': KIMI.replace('default_model = "kimi-for-coding"', 'default_model = "qwen"') }));
    expect(other).toEqual({ model: 'qwen/qwen3-coder', evidence: 'settings ~/.kimi/config.toml default_model="qwen" model="qwen/qwen3-coder"' });
  });

  it('KIMI_SHARE_DIR moves it; KIMI_MODEL_NAME replaces the model of a kimi provider only', async () => {
    const place = placeWith({ 'elsewhere/config.toml': KIMI }, {});
    expect(await kimiCliModel({ ...place, env: { ...place.env, KIMI_SHARE_DIR: join(place.root, 'elsewhere') } })).toMatchObject({ model: 'moonshotai/kimi-for-coding' });
    expect(await kimiCliModel(placeWith({ '~/.kimi/config.toml': KIMI }, { KIMI_MODEL_NAME: 'kimi-k2-turbo-preview' }))).toEqual({
      model: 'moonshotai/kimi-k2-turbo-preview',
      evidence: 'env KIMI_MODEL_NAME="kimi-k2-turbo-preview"',
    });
    const qwen = KIMI.replace('default_model = "kimi-for-coding"', 'default_model = "qwen"');
    expect(await kimiCliModel(placeWith({ '~/.kimi/config.toml': qwen }, { KIMI_MODEL_NAME: 'kimi-k2' }))).toMatchObject({ model: 'qwen/qwen3-coder' });
  });

  it('hostile or incomplete files name no model', async () => {
    for (const text of [
      '',
      'default_model = [1, 2]',
      'default_model = "missing"\n[models.other]\nmodel = "x"\n',
      'default_model = "__proto__"\n',
      'default_model = "toString"\n',
      `default_model = "a"\n${'['.repeat(100_000)}`,
      'not toml at all = = =',
      '\u0000\u0001',
    ]) {
      expect(await kimiCliModel(placeWith({ '~/.kimi/config.toml': text })), JSON.stringify(text.slice(0, 40))).toBeNull();
    }
    // A FIFO, a link to a device, a file past the size cap: not read.
    const place = placeWith({});
    mkdirSync(join(place.home, '.kimi'));
    symlinkSync('/dev/zero', join(place.home, '.kimi/config.toml'));
    expect(await kimiCliModel(place)).toBeNull();
    const big = placeWith({ '~/.kimi/config.toml': `${KIMI}\n# ${'x'.repeat(2 * 1024 * 1024)}\n` });
    // Past the bound: not absent, unknown (Kimi reads it whole; row 968).
    expect((await readAgentSettings(['kimi-code'], big))['kimi-code']?.model).toBe('unknown');
  });
});

const VIBE = `active_model = "devstral"
theme = "textual-dark"

[[providers]]
name = "mistral"
api_base = "https://api.mistral.ai/v1"
api_key_env_var = "MISTRAL_API_KEY"

[[providers]]
name = "moonshot"
api_base = "https://api.moonshot.ai/v1"
api_key_env_var = "MOONSHOT_API_KEY"

[[models]]
name = "devstral-2512"
provider = "mistral"
alias = "devstral"

[[models]]
name = "kimi-k2-0905-preview"
provider = "moonshot"
alias = "kimi"

[[models]]
name = "glm-4.6"
provider = "moonshot"
`;

describe("Mistral Vibe's config.toml", () => {
  it('active_model is an alias of [[models]] (or its name): its name, of its provider', async () => {
    expect(await mistralVibeModel(placeWith({ '~/.vibe/config.toml': VIBE }))).toEqual({
      model: 'mistral/devstral-2512',
      evidence: 'settings ~/.vibe/config.toml active_model="devstral" name="devstral-2512"',
    });
    expect(await mistralVibeModel(placeWith({ '~/.vibe/config.toml': VIBE.replace('active_model = "devstral"', 'active_model = "kimi"') }))).toMatchObject({ model: 'kimi-k2-0905-preview' });
    expect(await mistralVibeModel(placeWith({ '~/.vibe/config.toml': VIBE.replace('active_model = "devstral"', 'active_model = "glm-4.6"') }))).toMatchObject({ model: 'glm-4.6' });
  });

  it('VIBE_ACTIVE_MODEL comes first; VIBE_HOME moves the file; an alias the file does not define is read as written', async () => {
    expect(await mistralVibeModel(placeWith({ '~/.vibe/config.toml': VIBE }, { VIBE_ACTIVE_MODEL: 'kimi' }))).toEqual({
      model: 'kimi-k2-0905-preview',
      evidence: 'env VIBE_ACTIVE_MODEL="kimi" name="kimi-k2-0905-preview"',
    });
    const place = placeWith({ 'vibe-home/config.toml': VIBE });
    expect(await mistralVibeModel({ ...place, env: { ...place.env, VIBE_HOME: join(place.root, 'vibe-home') } })).toMatchObject({ model: 'mistral/devstral-2512' });
    expect(await mistralVibeModel(placeWith({ '~/.vibe/config.toml': 'active_model = "mistral-medium-3.5"\n' }))).toEqual({
      model: 'mistral-medium-3.5',
      evidence: 'settings ~/.vibe/config.toml active_model="mistral-medium-3.5"',
    });
  });

  it('hostile or incomplete files name no model', async () => {
    for (const text of ['', 'theme = "x"\n', 'active_model = 3\n', `active_model = "a"\n${'{'.repeat(100_000)}`, 'models = "x"\nactive_model = ', '\u0000']) {
      expect(await mistralVibeModel(placeWith({ '~/.vibe/config.toml': text })), JSON.stringify(text.slice(0, 30))).toBeNull();
    }
    // An entry that is not a table, or without a name: the alias as written.
    expect(await mistralVibeModel(placeWith({ '~/.vibe/config.toml': 'active_model = "x"\nmodels = [1, "x", { alias = "x" }]\n' }))).toMatchObject({ model: 'x' });
  });
});

describe("Kilo CLI's config", () => {
  it("the work tree's .kilo/ and top come before the global folder; JSONC; config.json last", async () => {
    const global = { '~/.config/kilo/config.json': '{"model": "openai/gpt-4.1"}', '~/.config/kilo/kilo.jsonc': '{\n  // mine\n  "model": "moonshotai/kimi-k2",\n}' };
    expect(await kiloCliModel(placeWith(global))).toEqual({ model: 'moonshotai/kimi-k2', evidence: 'settings ~/.config/kilo/kilo.jsonc model="moonshotai/kimi-k2"' });
    expect(await kiloCliModel(placeWith({ '~/.config/kilo/config.json': '{"model": "openai/gpt-4.1"}' }))).toMatchObject({ model: 'openai/gpt-4.1' });
    expect(await kiloCliModel(placeWith({ ...global, 'kilo.json': '{"model": "z-ai/glm-4.6"}' }))).toEqual({ model: 'z-ai/glm-4.6', evidence: 'settings kilo.json model="z-ai/glm-4.6"' });
    expect(await kiloCliModel(placeWith({ ...global, 'kilo.json': '{"model": "z-ai/glm-4.6"}', '.kilo/opencode.json': '{"model": "qwen/qwen3-coder"}' }))).toMatchObject({ model: 'qwen/qwen3-coder' });
    // OpenCode's own folder is not Kilo's.
    expect(await kiloCliModel(placeWith({ '~/.config/opencode/opencode.json': '{"model": "openai/gpt-4.1"}' }))).toBeNull();
  });

  it('{env:NAME} is read in the person\'s files only, and only a model name: a repository\'s file writes no variable into the commit', async () => {
    expect(await kiloCliModel(placeWith({ '~/.config/kilo/kilo.json': '{"model": "{env:KILO_PICK}"}' }, { KILO_PICK: 'moonshotai/kimi-k2' }))).toMatchObject({ model: 'moonshotai/kimi-k2' });
    expect(await kiloCliModel(placeWith({ '~/.config/kilo/kilo.json': '{"model": "x/{env:GITHUB_TOKEN}"}' }, { GITHUB_TOKEN: 'ghp_secret' }))).toMatchObject({ model: 'x/' });
    expect(await kiloCliModel(placeWith({ 'kilo.json': '{"model": "{env:GITHUB_TOKEN}"}' }, { GITHUB_TOKEN: 'ghp_secret' }))).toMatchObject({ model: '{env:GITHUB_TOKEN}' });
  });

  it("a work tree's link out of it is read where it leads, as Kilo reads it (788); a link to a device is not; hostile files name no model", async () => {
    const place = placeWith({ '~/secret.json': '{"model": "from-home"}' });
    symlinkSync(join(place.home, 'secret.json'), join(place.root, 'kilo.json'));
    expect((await kiloCliModel(place))?.model).toBe('from-home');
    const device = placeWith({});
    mkdirSync(join(device.root, '.kilo'));
    symlinkSync('/dev/zero', join(device.root, '.kilo/kilo.json'));
    expect(await kiloCliModel(device)).toBeNull();
    for (const text of ['', '{"model": 3}', '{"model": {"id": "x"}}', `{"model": "${'['.repeat(10)}`, '['.repeat(100_000), '{"__proto__": {"model": "x"}}']) {
      expect(await kiloCliModel(placeWith({ '~/.config/kilo/kilo.json': text })), text.slice(0, 30)).toBeNull();
    }
  });
});

describe('wired into the commit-time reading', () => {
  it('KILO=1 reads Kilo\'s config (not OpenCode\'s); AI_AGENT naming Kimi CLI or Mistral Vibe reads theirs', async () => {
    const place = placeWith({
      '~/.config/kilo/kilo.json': '{"model": "moonshotai/kimi-k2"}',
      '~/.config/opencode/opencode.json': '{"model": "openai/gpt-4.1"}',
      '~/.kimi/config.toml': KIMI,
      '~/.vibe/config.toml': VIBE,
    });
    const found = async (env: Record<string, string>, agents: string[]) => {
      const settings = await readAgentSettings(agents, { ...place, env: { ...place.env, ...env } });
      return detectAtCommitTime('feat: x\n', { env, settings }).map((one) => `${one.agent}:${one.model}`);
    };
    expect(await found({ KILO: '1', OPENCODE: '1', AGENT: '1' }, ['kilo-code'])).toEqual(['kilo-code:moonshotai/kimi-k2']);
    expect(await found({ AI_AGENT: 'kimi-code' }, ['kimi-code'])).toEqual(['kimi-code:moonshotai/kimi-for-coding']);
    expect(await found({ AI_AGENT: 'mistral-vibe' }, ['mistral-vibe'])).toEqual(['mistral-vibe:mistralai/devstral-2512']);
  });
});
