import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { opencodeModels } from '../../src/agent-settings/opencode.js';
import { settingsPlace, type SettingsPlace } from '../../src/agent-settings/settings-place.js';

/** A work tree, a home and a system root of their own, with `files` (paths starting `root/`, `home/` or `system/`). */
function place(files: Record<string, string>, env: Record<string, string> = {}): SettingsPlace {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'aitrail-opencode-')));
  for (const dir of ['root', 'home', 'system']) mkdirSync(join(base, dir));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(base, path)), { recursive: true });
    writeFileSync(join(base, path), text);
  }
  return settingsPlace(join(base, 'root'), join(base, 'root/.git'), { HOME: join(base, 'home'), ...env }, join(base, 'system'));
}

const agentFile = (model: string, extra = '') => `---\n${extra}model: ${model}\n---\nprompt\n`;
const cli = { models: ['anthropic/claude-sonnet-4-5'], evidence: ['argv opencode -m="anthropic/claude-sonnet-4-5"'] };

async function also(at: SettingsPlace, flag = false): Promise<string[]> {
  return ((await opencodeModels(at, flag ? cli : null))?.also ?? []).map((entry) => entry.model);
}

describe("OpenCode's agents' models (anomalyco/opencode agent/agent.ts, config/config.ts)", () => {
  it('beside the top-level model, with the evidence of where each was read', async () => {
    const read = await opencodeModels(place({ 'root/opencode.json': '{"model": "openai/gpt-5", "agent": {"build": {"model": "qwen/qwen3-coder"}}}', 'root/.opencode/agent/coder.md': agentFile('moonshotai/kimi-k2') }));
    expect(read?.model).toBe('openai/gpt-5');
    expect(read?.also).toEqual([
      { model: 'qwen/qwen3-coder', evidence: 'settings opencode.json agent.build.model="qwen/qwen3-coder"', overriddenBy: [] },
      { model: 'moonshotai/kimi-k2', evidence: 'settings .opencode/agent/coder.md model="moonshotai/kimi-k2"', overriddenBy: [] },
    ]);
    // No top-level model: the agents' alone.
    const alone = await opencodeModels(place({ 'home/.config/opencode/agent/coder.md': agentFile('qwen/qwen3-coder') }));
    expect(alone).toEqual({ model: '', evidence: '', also: [{ model: 'qwen/qwen3-coder', evidence: 'settings ~/.config/opencode/agent/coder.md model="qwen/qwen3-coder"', overriddenBy: [] }] });
    // One the same as the top-level model adds nothing.
    expect((await opencodeModels(place({ 'root/opencode.json': '{"model": "qwen/qwen3-coder", "agent": {"build": {"model": "qwen/qwen3-coder"}}}' })))?.also).toBeUndefined();
  });

  it("in OpenCode's merge order: a later layer's model, disable or mode replaces an earlier one's; the deprecated mode map comes last", async () => {
    const global = '{"agent": {"build": {"model": "qwen/qwen3-coder"}, "general": {"model": "qwen/qwen3-coder"}}}';
    expect(await also(place({ 'home/.config/opencode/opencode.json': global, 'root/opencode.json': '{"agent": {"build": {"model": "openai/gpt-5"}, "general": {"disable": true}}}' }))).toEqual(['openai/gpt-5']);
    // The project's agent file over its opencode.json; OPENCODE_CONFIG_CONTENT over both; a later `disable: false` brings it back.
    const files = { 'root/opencode.json': '{"agent": {"coder": {"model": "openai/gpt-5", "disable": true}}}', 'root/.opencode/agents/coder.md': agentFile('qwen/qwen3-coder', 'disable: false\n') };
    expect(await also(place(files))).toEqual(['qwen/qwen3-coder']);
    expect(await also(place(files, { OPENCODE_CONFIG_CONTENT: '{"agent": {"coder": {"model": "x-ai/grok-4"}}}' }))).toEqual(['x-ai/grok-4']);
    // The managed file over everything; `mode.<name>` over `agent.<name>`.
    expect(await also(place({ ...files, 'system/etc/opencode/opencode.json': '{"agent": {"coder": {"disable": true}}}' }))).toEqual([]);
    expect(await also(place({ 'root/opencode.json': '{"agent": {"fast": {"model": "openai/gpt-5"}}, "mode": {"fast": {"model": "qwen/qwen3-coder"}}}' }))).toEqual(['qwen/qwen3-coder']);
    // OPENCODE_CONFIG_DIR and ~/.opencode are config directories too; OPENCODE_DISABLE_PROJECT_CONFIG drops the project's.
    const dirs = place({ 'home/.opencode/agent/a.md': agentFile('qwen/qwen3-coder'), 'home/custom/agents/b.md': agentFile('moonshotai/kimi-k2'), 'root/.opencode/agent/c.md': agentFile('x-ai/grok-4') });
    expect(await also({ ...dirs, env: { ...dirs.env, OPENCODE_CONFIG_DIR: join(dirs.home, 'custom') } })).toEqual(['x-ai/grok-4', 'qwen/qwen3-coder', 'moonshotai/kimi-k2']);
    expect(await also({ ...dirs, env: { ...dirs.env, OPENCODE_DISABLE_PROJECT_CONFIG: '1' } })).toEqual(['qwen/qwen3-coder']);
  });

  it("agent files: nested names, the frontmatter's name, modes as primary agents, a frontmatter YAML cannot read", async () => {
    const files = {
      'root/.opencode/agents/team/coder.md': agentFile('qwen/qwen3-coder'),
      'root/.opencode/agent/other.md': agentFile('openai/gpt-5', 'name: team/coder\n'),
      'root/.opencode/modes/fast.md': agentFile('moonshotai/kimi-k2'),
      'root/.opencode/agent/broken.md': '---\ndescription: a: b: c\nmodel: x-ai/grok-4\n---\n',
      'root/.opencode/agent/no-frontmatter.md': 'model: z-ai/glm-4.6\n',
    };
    const models = await also(place(files));
    expect(models).toContain('x-ai/grok-4');
    expect(models).toContain('moonshotai/kimi-k2');
    expect(models).not.toContain('z-ai/glm-4.6');
    // `team/coder` named twice: one of the two files wins, as in OpenCode (its glob's order).
    expect(models.filter((model) => model === 'qwen/qwen3-coder' || model === 'openai/gpt-5')).toHaveLength(1);
  });

  it('the hidden title, summary and compaction agents write no code; with `-m`, primary agents give way to the flag', async () => {
    expect(await also(place({ 'root/opencode.json': '{"agent": {"title": {"model": "qwen/a"}, "summary": {"model": "qwen/b"}, "compaction": {"model": "qwen/c"}}}' }))).toEqual([]);
    const files = {
      'root/opencode.json': '{"agent": {"build": {"model": "qwen/qwen3-coder"}, "plan": {"model": "qwen/qwen3-max"}, "general": {"model": "moonshotai/kimi-k2"}, "mine": {"model": "x-ai/grok-4"}, "top": {"mode": "primary", "model": "z-ai/glm-4.6"}}}',
      'root/.opencode/mode/fast.md': agentFile('openai/gpt-5'),
    };
    expect(await also(place(files))).toEqual(['qwen/qwen3-coder', 'qwen/qwen3-max', 'moonshotai/kimi-k2', 'x-ai/grok-4', 'z-ai/glm-4.6', 'openai/gpt-5']);
    // A subagent, and an agent of mode `all` (it may be called as one), still run on their own model.
    expect(await also(place(files), true)).toEqual(['moonshotai/kimi-k2', 'x-ai/grok-4']);
  });

  it("{env:NAME} only in the person's own files; a repository's link out of the work tree is read as OpenCode reads it, never substituted (788)", async () => {
    const at = place({ 'home/.config/opencode/opencode.json': '{"agent": {"build": {"model": "{env:TEAM_MODEL}"}}}', 'root/opencode.json': '{"agent": {"plan": {"model": "qwen/{env:GITHUB_TOKEN}"}}}' }, { TEAM_MODEL: 'openrouter/qwen/qwen3-coder', GITHUB_TOKEN: 'ghp_secret' });
    expect(await also(at)).toEqual(['openrouter/qwen/qwen3-coder', 'qwen/{env:GITHUB_TOKEN}']);
    const outside = place({ 'home/secret.md': agentFile('qwen/qwen3-coder') });
    mkdirSync(join(outside.root, '.opencode/agent'), { recursive: true });
    symlinkSync(join(outside.home, 'secret.md'), join(outside.root, '.opencode/agent/coder.md'));
    symlinkSync(outside.home, join(outside.root, '.opencode/agents'));
    expect(await also(outside)).toEqual(['qwen/qwen3-coder']);
    const secret = place({ 'home/plan.md': agentFile('qwen/{env:GITHUB_TOKEN}') }, { GITHUB_TOKEN: 'ghp_secret' });
    mkdirSync(join(secret.root, '.opencode/agent'), { recursive: true });
    symlinkSync(join(secret.home, 'plan.md'), join(secret.root, '.opencode/agent/plan.md'));
    expect(await also(secret)).toEqual(['qwen/{env:GITHUB_TOKEN}']);
  });

  it("the top-level model: OPENCODE_CONFIG_CONTENT over the config directories' files, ~/.opencode and OPENCODE_CONFIG_DIR over the project's", async () => {
    const files = { 'root/.opencode/opencode.json': '{"model": "project-dir"}', 'root/opencode.json': '{"model": "project"}' };
    expect((await opencodeModels(place(files, { OPENCODE_CONFIG_CONTENT: '{"model": "inline"}' })))?.model).toBe('inline');
    expect((await opencodeModels(place(files)))?.model).toBe('project-dir');
    expect((await opencodeModels(place({ ...files, 'home/.opencode/opencode.jsonc': '{"model": "home-dir", }' })))?.model).toBe('home-dir');
    const custom = place({ ...files, 'home/.opencode/opencode.json': '{"model": "home-dir"}', 'home/custom/opencode.json': '{"model": "custom-dir"}' });
    expect((await opencodeModels({ ...custom, env: { ...custom.env, OPENCODE_CONFIG_DIR: join(custom.home, 'custom') } }))?.model).toBe('custom-dir');
  });

  it('bounded: every model of 300 agent files; past 256 agents a config file, 4 levels of agents/**, 64 directories listed: unread (787)', async () => {
    const files: Record<string, string> = {};
    for (let index = 0; index < 300; index += 1) files[`root/.opencode/agent/a${String(index).padStart(3, '0')}.md`] = agentFile(`qwen/m${index}`);
    const many = await also(place(files));
    expect(many).toHaveLength(300);
    const agents: Record<string, unknown> = {};
    for (let index = 0; index < 1000; index += 1) agents[`a${index}`] = { model: `qwen/m${index}` };
    const crowded = (await opencodeModels(place({ 'root/opencode.json': JSON.stringify({ agent: agents }) })))?.also ?? [];
    expect(crowded).toHaveLength(257);
    expect(crowded.at(-1)).toEqual({ model: 'unknown', evidence: 'settings opencode.json holds more agents than aitrail reads (256 agents a file)', overriddenBy: [], unread: true });
    const deep = await also(place({ 'root/.opencode/agents/1/2/3/4/ok.md': agentFile('qwen/ok'), 'root/.opencode/agents/1/2/3/4/5/too-deep.md': agentFile('qwen/deep') }));
    expect(deep).toEqual(['qwen/ok', 'unknown']);
    // A wide tree of directories is listed 64 directories deep at most: past them unread; the files beside them are still read.
    const wide = place({ 'root/.opencode/agents/ok.md': agentFile('qwen/ok') });
    for (let index = 0; index < 200; index += 1) mkdirSync(join(wide.root, `.opencode/agents/d${index}/e`), { recursive: true });
    expect(await also(wide)).toEqual(['qwen/ok', 'unknown']);
    // A frontmatter YAML cannot read, its `model:` line a megabyte of spaces: read in linear time.
    const started = Date.now();
    const spaces = await also(place({ 'root/.opencode/agent/x.md': `---\na: b: c\nmodel: ${' '.repeat(900_000)}x\t\n---\n` }));
    expect(spaces).toEqual(['x']);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
