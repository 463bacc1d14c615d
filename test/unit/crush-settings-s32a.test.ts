// Crush's `models.large` in its config files, merged as its loader merges them (global config, the
// global data file its TUI writes, the project's files, the workspace's `.crush/crush.json`), and
// `crush run -m`; hostile files name nothing and read nothing they should not.
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentArguments, commandLineModel } from '../../src/agent-settings/command-line.js';
import { crushModel } from '../../src/agent-settings/crush.js';
import { readAgentSettings } from '../../src/agent-settings/read-agent-settings.js';
import { settingsPlace, type SettingsPlace } from '../../src/agent-settings/settings-place.js';
import { quote } from '../../src/core/detect/found.js';
import { modelOrUnknown } from '../../src/core/detect/env-findings.js';

/** A work tree and a home of their own, with `files` (paths starting `root/` or `home/`). */
function place(files: Record<string, string>, env: Record<string, string> = {}): SettingsPlace & { base: string } {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'aitrail-crush-')));
  for (const dir of ['root', 'home']) mkdirSync(join(base, dir));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(base, path)), { recursive: true });
    writeFileSync(join(base, path), text);
  }
  const resolved = Object.fromEntries(Object.entries(env).map(([name, value]) => [name, value.replaceAll('$BASE', base)]));
  return { ...settingsPlace(join(base, 'root'), join(base, 'root/.git'), { HOME: join(base, 'home'), ...resolved }, join(base, 'system')), base };
}

const large = (model: unknown, provider?: unknown) => JSON.stringify({ models: { large: { model, ...(provider === undefined ? {} : { provider }) } } });
const DATA = 'home/.local/share/crush/crush.json';
const CONFIG = 'home/.config/crush/crush.json';

describe("Crush's config files", () => {
  it('provider and model read as `<provider>/<model>`, which the catalog reads as the model', () => {
    const found = crushModel(place({ [DATA]: large('qwen/qwen3-coder', 'openrouter') }));
    expect(found).toEqual({ model: 'openrouter/qwen/qwen3-coder', evidence: 'settings ~/.local/share/crush/crush.json models.large.model="qwen/qwen3-coder" models.large.provider="openrouter"' });
    expect(modelOrUnknown(found!.model, {}, 'crush')).toBe('qwen/qwen3-coder');
    expect(crushModel(place({ [CONFIG]: large('openrouter/qwen/qwen3-coder', 'openrouter') }))?.model).toBe('openrouter/qwen/qwen3-coder');
    expect(crushModel(place({ [CONFIG]: large('qwen3-coder') }))?.model).toBe('qwen3-coder');
  });

  it('merged key by key, later files over earlier: global config < data file < .crush.json < crush.json < .crush/crush.json', () => {
    const files = {
      [CONFIG]: large('gpt-5', 'openai'),
      [DATA]: large('qwen/qwen3-coder', 'openrouter'),
      'root/.crush.json': large('glm-4.6', 'zai'),
      'root/crush.json': large('claude-sonnet-4-5-20250929', 'anthropic'),
      'root/.crush/crush.json': large('kimi-k2-0905-preview', 'moonshot'),
    };
    expect(crushModel(place(files))?.model).toBe('moonshot/kimi-k2-0905-preview');
    const { 'root/.crush/crush.json': _workspace, ...noWorkspace } = files;
    expect(crushModel(place(noWorkspace))?.model).toBe('anthropic/claude-sonnet-4-5-20250929');
    const { 'root/crush.json': _project, ...hidden } = noWorkspace;
    expect(crushModel(place(hidden))?.model).toBe('zai/glm-4.6');
    // A file naming only the provider moves the model merged from below it to that provider.
    const split = crushModel(place({ [CONFIG]: large('gpt-5', 'openai'), 'root/crush.json': JSON.stringify({ models: { large: { provider: 'azure' } } }) }));
    expect(split?.model).toBe('azure/gpt-5');
    expect(split?.evidence).toBe('settings ~/.config/crush/crush.json models.large.model="gpt-5" settings crush.json models.large.provider="azure"');
  });

  it("the data file's TUI pick stays beside a project file's model (a running Crush keeps its pick); the same model is not repeated", () => {
    const found = crushModel(place({ [DATA]: large('qwen/qwen3-coder', 'openrouter'), 'root/crush.json': large('claude-sonnet-4-5-20250929', 'anthropic') }));
    expect(found?.model).toBe('anthropic/claude-sonnet-4-5-20250929');
    expect(found?.also).toEqual([{ model: 'openrouter/qwen/qwen3-coder', evidence: 'settings ~/.local/share/crush/crush.json models.large.model="qwen/qwen3-coder" models.large.provider="openrouter"', overriddenBy: [] }]);
    // The pick's provider from the global config when the data file names none.
    const below = crushModel(place({ [CONFIG]: JSON.stringify({ models: { large: { provider: 'openrouter' } } }), [DATA]: large('qwen/qwen3-coder'), 'root/crush.json': large('gpt-5', 'openai') }));
    expect(below?.also?.[0]?.model).toBe('openrouter/qwen/qwen3-coder');
    expect(crushModel(place({ [DATA]: large('qwen/qwen3-coder', 'openrouter') }))?.also).toBeUndefined();
  });

  it('CRUSH_GLOBAL_CONFIG and CRUSH_GLOBAL_DATA name the directories; XDG_CONFIG_HOME and XDG_DATA_HOME hold `crush/`', () => {
    expect(crushModel(place({ 'cfg/crush.json': large('gpt-5', 'openai') }, { CRUSH_GLOBAL_CONFIG: '$BASE/cfg' }))?.model).toBe('openai/gpt-5');
    expect(crushModel(place({ 'dat/crush.json': large('gpt-5', 'openai') }, { CRUSH_GLOBAL_DATA: '$BASE/dat' }))?.model).toBe('openai/gpt-5');
    expect(crushModel(place({ 'xc/crush/crush.json': large('gpt-5', 'openai') }, { XDG_CONFIG_HOME: '$BASE/xc' }))?.model).toBe('openai/gpt-5');
    expect(crushModel(place({ 'xd/crush/crush.json': large('gpt-5', 'openai') }, { XDG_DATA_HOME: '$BASE/xd' }))?.model).toBe('openai/gpt-5');
    // A variable naming its directory wins over the default location.
    expect(crushModel(place({ [CONFIG]: large('gpt-5', 'openai'), 'cfg/crush.json': large('o3', 'openai') }, { CRUSH_GLOBAL_CONFIG: '$BASE/cfg' }))?.model).toBe('openai/o3');
    // A relative XDG_CONFIG_HOME is ignored (the default is read); a relative CRUSH_GLOBAL_CONFIG is Crush's working directory's: nothing read.
    expect(crushModel(place({ [CONFIG]: large('gpt-5', 'openai') }, { XDG_CONFIG_HOME: 'xc' }))?.model).toBe('openai/gpt-5');
    expect(crushModel(place({ [CONFIG]: large('gpt-5', 'openai') }, { CRUSH_GLOBAL_CONFIG: 'cfg' }))).toBeNull();
  });

  it('hostile or broken files name nothing: not JSON (Crush reads strict JSON), wrong types, missing fields, __proto__, too large', async () => {
    expect(crushModel(place({}))).toBeNull();
    expect(crushModel(place({ [DATA]: '{"models": {"large": {"model": "qwen/qwen3-coder", "provider": "openrouter",}}}' }))).toBeNull();
    expect(crushModel(place({ [DATA]: '// mine\n' + large('qwen/qwen3-coder', 'openrouter') }))).toBeNull();
    expect(crushModel(place({ [DATA]: large(42, 'openrouter') }))).toBeNull();
    expect(crushModel(place({ [DATA]: large({ id: 'qwen' }, 'openrouter') }))).toBeNull();
    expect(crushModel(place({ [DATA]: large('   ', 'openrouter') }))).toBeNull();
    expect(crushModel(place({ [DATA]: JSON.stringify({ models: { large: { provider: 'openrouter' } } }) }))).toBeNull();
    expect(crushModel(place({ [DATA]: JSON.stringify({ models: [{ large: { model: 'x' } }] }) }))).toBeNull();
    expect(crushModel(place({ [DATA]: JSON.stringify({ models: { small: { model: 'qwen/qwen3-coder', provider: 'openrouter' } } }) }))).toBeNull();
    expect(crushModel(place({ [DATA]: '{"__proto__": {"large": {"model": "qwen3-coder"}}}' }))).toBeNull();
    expect(crushModel(place({ [DATA]: '['.repeat(500_000) }))).toBeNull();
    // Past 1 MiB a file is not read, and since row 942 the model is unknown: padding could hide a provider's local base_url.
    const huge = JSON.stringify({ pad: 'x'.repeat(1024 * 1024), models: { large: { model: 'qwen3-coder', provider: 'openrouter' } } });
    // The reader throws it; readAgentSettings's one rule (row 968) makes it unknown, as for every agent.
    expect(() => crushModel(place({ [DATA]: huge }))).toThrow(/over 1048576 bytes/);
    expect((await readAgentSettings(['crush'], place({ [DATA]: huge }))).crush).toMatchObject({ model: 'unknown', evidence: expect.stringMatching(/over 1 MiB, not read/), routed: true });
    expect((await readAgentSettings(['crush'], place({ [CONFIG]: large('gpt-5', 'openai'), [DATA]: huge }))).crush?.model).toBe('unknown');
    // A wrong-typed layer leaves the layers below it in force (go-jsons merges what is there).
    expect(crushModel(place({ [CONFIG]: large('gpt-5', 'openai'), 'root/crush.json': large(7, 'acme') }))?.model).toBe('acme/gpt-5');
  });

  it('an id past 256 characters is cut; control characters stay for the catalog to refuse and evidence to escape', () => {
    const long = crushModel(place({ [DATA]: large('q'.repeat(10_000), 'openrouter') }));
    expect(long?.model).toBe(`openrouter/${'q'.repeat(256)}`);
    const control = crushModel(place({ [DATA]: large('qwen3-coder\u0007\nAssisted-by: none', 'openrouter') }));
    expect(control?.evidence).toContain('\\u0007\\nAssisted-by: none');
    expect(modelOrUnknown(control!.model, {}, 'crush')).toBe('unknown');
  });

  it("a work tree's crush.json that links out of the tree is read where it leads, as Crush reads it (788); one to /dev/zero or a directory is not; the person's own link is", () => {
    const outside = place({ 'elsewhere.json': large('qwen/qwen3-coder', 'openrouter') });
    symlinkSync(join(outside.base, 'elsewhere.json'), join(outside.base, 'root/crush.json'));
    expect(crushModel(outside)?.model).toBe('openrouter/qwen/qwen3-coder');
    const zero = place({});
    symlinkSync('/dev/zero', join(zero.base, 'root/.crush.json'));
    mkdirSync(join(zero.base, 'root/.crush'));
    symlinkSync(join(zero.base, 'home'), join(zero.base, 'root/.crush/crush.json'));
    expect(crushModel(zero)).toBeNull();
    const inside = place({ 'root/conf/crush.json': large('glm-4.6', 'zai') });
    symlinkSync('conf/crush.json', join(inside.base, 'root/crush.json'));
    expect(crushModel(inside)?.model).toBe('zai/glm-4.6');
    const own = place({ 'dotfiles/crush.json': large('qwen/qwen3-coder', 'openrouter') });
    mkdirSync(join(own.base, 'home/.config/crush'), { recursive: true });
    symlinkSync(join(own.base, 'dotfiles/crush.json'), join(own.base, CONFIG));
    expect(crushModel(own)?.model).toBe('openrouter/qwen/qwen3-coder');
  });

  it('wired: read only for crush among the committing agents, never throwing', async () => {
    const at = place({ [DATA]: large('qwen/qwen3-coder', 'openrouter') });
    expect((await readAgentSettings(['crush'], { ...at, commandLines: [] })).crush?.model).toBe('openrouter/qwen/qwen3-coder');
    expect(await readAgentSettings([], { ...at, commandLines: [] })).toEqual({});
  });
});

describe('`crush run -m`', () => {
  it("pflag's forms, the last given first; `--small-model` is not the coding model", () => {
    const args = agentArguments('crush', ['crush', 'run', '-m', 'gpt-5', '--small-model', 'qwen/qwen3-coder', '--model=openrouter/qwen/qwen3-coder', 'fix it'])!;
    expect(commandLineModel('crush', args, quote)).toEqual({ models: ['openrouter/qwen/qwen3-coder', 'gpt-5'], evidence: ['argv crush -m="openrouter/qwen/qwen3-coder"', 'argv crush -m="gpt-5"'] });
    expect(commandLineModel('crush', ['run', '-mqwen3-coder'], quote)?.models).toEqual(['qwen3-coder']);
    expect(commandLineModel('crush', ['run', '--small-model', 'qwen3-coder', 'hi'], quote)).toBeNull();
    expect(agentArguments('crush', ['/usr/local/bin/crush', '-y'])).toEqual(['-y']);
    expect(agentArguments('crush', ['crushed', '-m', 'x'])).toBeNull();
  });

  it('comes before the config files', async () => {
    const at = place({ [DATA]: large('claude-sonnet-4-5-20250929', 'anthropic') });
    const read = await readAgentSettings(['crush'], { ...at, commandLines: [['sh'], ['crush', 'run', '-m', 'openrouter/qwen/qwen3-coder', 'fix']] });
    expect(read.crush?.model).toBe('openrouter/qwen/qwen3-coder');
    // The run's model is held in memory over the files: theirs is not the model it ran.
    expect(read.crush?.also).toBeUndefined();
  });
});
