// Crush (charmbracelet/crush) keeps its model in its config files: `models.large` (`model`,
// `provider`) of ~/.config/crush/crush.json, the project's crush.json / .crush.json, and the data
// file ~/.local/share/crush/crush.json where its TUI writes the model picked with /models. Its bash
// tool marks the commands it runs with `CRUSH=1` (and `AGENT=crush`, `AI_AGENT=crush`), but aitrail
// read no model for it: a commit by Crush running qwen/qwen3-coder was `crush:unknown`, and passed
// `deny: ["qwen/*"]` under the default `unknownModel: warn`. Committed for real through the
// installed hooks.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { agentCommit as commit, hooked, homeWith } from '../helpers/agent-home.js';
import { agentBin, runAgent } from '../helpers/fake-agent.js';
import { hookEnv } from '../helpers/hooks.js';
import { hookedRepo } from '../helpers/hooked-repo.js';

const QWEN_DENIED = 'policy:\n  deny: ["qwen/*"]\n';
const NO_POLICY = 'policy:\n  unknownModel: warn\n';
const DATA_FILE = '.local/share/crush/crush.json';
/** What Crush's TUI writes when qwen/qwen3-coder is picked on OpenRouter (`UpdatePreferredModel`: `models.large` and `recent_models.large`). */
const QWEN_PICKED = JSON.stringify({
  models: { large: { model: 'qwen/qwen3-coder', provider: 'openrouter', max_tokens: 16384 }, small: { model: 'anthropic/claude-3.5-haiku', provider: 'openrouter' } },
  recent_models: { large: [{ model: 'qwen/qwen3-coder', provider: 'openrouter' }] },
  providers: { openrouter: { api_key: 'sk-or-v1-not-a-real-key' } },
});

/** A home of the test's own (nothing of the machine's Crush), as Crush's bash tool runs `git commit`. */
function crushEnv(files: Record<string, string>): NodeJS.ProcessEnv {
  return { HOME: homeWith(files), XDG_CONFIG_HOME: undefined, XDG_DATA_HOME: undefined, CRUSH_GLOBAL_CONFIG: undefined, CRUSH_GLOBAL_DATA: undefined, CRUSH: '1', AGENT: 'crush', AI_AGENT: 'crush' };
}

describe("Crush's model chosen in its config files", () => {
  it('the TUI pick in ~/.local/share/crush/crush.json is recorded as the catalog reads it, and refused under deny with the file as evidence', () => {
    const open = hooked(NO_POLICY);
    const recorded = commit(open, crushEnv({ [DATA_FILE]: QWEN_PICKED }));
    expect(recorded.status, recorded.stderr).toBe(0);
    expect(recorded.message).toBe('feat: parser\n\nAssisted-by: crush:qwen/qwen3-coder\n');

    const repo = hooked(QWEN_DENIED);
    const refused = commit(repo, crushEnv({ [DATA_FILE]: QWEN_PICKED }));
    expect(refused.status, refused.stderr).toBe(1);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via crush\) is denied/);
    expect(refused.stderr).toContain('settings ~/.local/share/crush/crush.json models.large.model="qwen/qwen3-coder" models.large.provider="openrouter"');
  });

  it("a project crush.json naming Claude over the TUI's qwen pick: both recorded (the running Crush keeps its pick), refused under deny", () => {
    const project = { 'crush.json': '{"models": {"large": {"model": "claude-sonnet-4-5-20250929", "provider": "anthropic"}}}\n' };
    const open = hooked(NO_POLICY, project);
    const recorded = commit(open, crushEnv({ [DATA_FILE]: QWEN_PICKED }));
    expect(recorded.status, recorded.stderr).toBe(0);
    expect(recorded.message).toBe('feat: parser\n\nAssisted-by: crush:anthropic/claude-sonnet-4.5\nAssisted-by: crush:qwen/qwen3-coder\n');
    const repo = hooked(QWEN_DENIED, project);
    const refused = commit(repo, crushEnv({ [DATA_FILE]: QWEN_PICKED }));
    expect(refused.status, refused.stderr).toBe(1);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via crush\) is denied/);
  });

  it("Crush's own trailer naming the model it ran is kept as written; the config's same model adds no line", () => {
    const open = hooked(NO_POLICY);
    const message = 'feat: parser\n\n💘 Generated with Crush\n\nAssisted-by: Crush:qwen/qwen3-coder\n';
    const recorded = commit(open, crushEnv({ [DATA_FILE]: QWEN_PICKED }), message);
    expect(recorded.status, recorded.stderr).toBe(0);
    expect(recorded.message).toBe(message);
  });

  it('a custom provider in ~/.config/crush/crush.json (XDG_CONFIG_HOME) with a local Qwen: refused; an unknown vendor stays readable', () => {
    const config = homeWith({ 'crush/crush.json': '{"providers": {"lmstudio": {"type": "openai", "base_url": "http://localhost:1234/v1/", "models": [{"id": "qwen/qwen3-30b-a3b-2507"}]}}, "models": {"large": {"model": "qwen/qwen3-30b-a3b-2507", "provider": "lmstudio"}}}' });
    const repo = hooked(QWEN_DENIED);
    const refused = commit(repo, { ...crushEnv({}), XDG_CONFIG_HOME: config });
    expect(refused.status, refused.stderr).toBe(1);
    expect(refused.stderr).toMatch(/qwen\/qwen3-30b-a3b-2507 \(via crush\) is denied/);
    const open = hooked(NO_POLICY);
    const custom = commit(open, crushEnv({ '.config/crush/crush.json': '{"models": {"large": {"model": "coder-2", "provider": "acme"}}}' }));
    expect(custom.status, custom.stderr).toBe(0);
    expect(custom.message).toBe('feat: parser\n\nAssisted-by: crush:acme/coder-2\n');
  });

  it('`crush run -m openrouter/qwen/qwen3-coder` comes before the config files: refused', () => {
    const repo = hooked(QWEN_DENIED, { 'crush.json': '{"models": {"large": {"model": "claude-sonnet-4-5-20250929", "provider": "anthropic"}}}\n' });
    const run = runAgent(repo, agentBin('crush'), ['run', '-m', 'openrouter/qwen/qwen3-coder', 'fix the parser'], hookEnv(crushEnv({})));
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/qwen\/qwen3-coder \(via crush\) is denied/);
  });

  it("what held: a person's commit (no CRUSH marker) with Crush's files about is unchanged, and starts no node", () => {
    const { repo, env, started } = hookedRepo();
    const before = readFileSync(started, 'utf8');
    const person = runAgent(repo, agentBin('crush'), [], { ...env, HOME: homeWith({ [DATA_FILE]: QWEN_PICKED }) });
    expect(person.status, person.stderr).toBe(0);
    expect(person.message).toBe('feat: parser\n');
    expect(readFileSync(started, 'utf8')).toBe(before);
  });
});
