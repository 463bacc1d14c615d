// Red team: OpenCode runs a session's message on its agent's model before the top-level `model`
// (anomalyco/opencode `session/prompt.ts` createUserMessage: `input.model ?? ag.model ??
// currentModel`), and a subagent the main agent calls on its own (`tool/task.ts`: `next.model ??`
// the parent's). `"agent": {"build": {"model": "qwen/qwen3-coder"}}` beside a top-level model of
// another vendor, or `.opencode/agent/coder.md` with `model:` frontmatter, recorded only the
// top-level model and passed `deny: ["qwen/*"]`. Every test here failed before its fix, except
// the "what held" ones.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentCommit as commit, hooked, homeWith, writeFile as write } from '../helpers/agent-home.js';
import { agentBin, runAgent } from '../helpers/fake-agent.js';
import { hookEnv } from '../helpers/hooks.js';

const QWEN_DENIED = 'policy:\n  deny: ["qwen/*"]\n';

/** A home directory of the test's own: nothing of the machine's OpenCode settings leaks in. */
function home(files: Record<string, string> = {}): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = homeWith(files);
  return { dir, env: { HOME: dir, XDG_CONFIG_HOME: undefined, OPENCODE_CONFIG: undefined, OPENCODE_CONFIG_CONTENT: undefined, OPENCODE_CONFIG_DIR: undefined, OPENCODE: '1' } };
}

describe("OpenCode's agents' models", () => {
  it("the default build agent's model in the project's opencode.json, beside a top-level model of another vendor: refused under deny", () => {
    const { env } = home();
    const repo = hooked(QWEN_DENIED, { 'opencode.json': '{"model": "anthropic/claude-sonnet-4-5", "agent": {"build": {"model": "qwen/qwen3-coder"}}}' });
    const refused = commit(repo, env);
    expect(refused.status, refused.stderr).toBe(1);
    expect(refused.stderr).toMatch(/model qwen\/qwen3-coder \(via opencode\) is denied/);
    const recorded = commit(repo, env, 'feat: parser\n', ['--no-verify']);
    expect(recorded.message).toContain('Assisted-by: opencode:anthropic/claude-sonnet-4.5\n');
    expect(recorded.message).toContain('Assisted-by: opencode:qwen/qwen3-coder\n');
  });

  it("the person's own ~/.config/opencode/opencode.jsonc agent (plan, a subagent) and OPENCODE_CONFIG_CONTENT's, with no top-level model", () => {
    const { env } = home({ '.config/opencode/opencode.jsonc': '{\n  // mine\n  "agent": {"reviewer": {"mode": "subagent", "model": "openrouter/qwen/qwen3-coder",},},\n}\n' });
    const repo = hooked(QWEN_DENIED);
    const refused = commit(repo, env);
    expect(refused.status, refused.stderr).toBe(1);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder/);
    const inline = home();
    const viaVariable = commit(repo, { ...inline.env, OPENCODE_CONFIG_CONTENT: '{"agent": {"plan": {"model": "qwen/qwen3-coder"}}}' });
    expect(viaVariable.status, viaVariable.stderr).toBe(1);
  });

  it('agent markdown files: .opencode/agent/*.md, .opencode/agents/<dir>/*.md in the project, ~/.config/opencode/agent/*.md, modes', () => {
    const { env } = home();
    const repo = hooked(QWEN_DENIED, { 'opencode.json': '{"model": "openai/gpt-5"}', '.opencode/agent/coder.md': '---\ndescription: writes code\nmode: subagent\nmodel: qwen/qwen3-coder\n---\nYou write code.\n' });
    const project = commit(repo, env);
    expect(project.status, project.stderr).toBe(1);
    expect(project.stderr).toMatch(/qwen\/qwen3-coder/);
    const nested = hooked(QWEN_DENIED, { '.opencode/agents/team/coder.md': '---\nmodel: "qwen/qwen3-coder"\n---\nbody\n' });
    expect(commit(nested, env).status).toBe(1);
    const mode = hooked(QWEN_DENIED, { '.opencode/mode/fast.md': '---\nmodel: qwen/qwen3-coder\n---\nbody\n' });
    expect(commit(mode, env).status).toBe(1);
    const own = home({ '.config/opencode/agent/coder.md': '---\nmodel: qwen/qwen3-coder\n---\nbody\n' });
    const global = commit(hooked(QWEN_DENIED), own.env);
    expect(global.status, global.stderr).toBe(1);
    const recorded = commit(hooked(QWEN_DENIED), own.env, 'feat: parser\n', ['--no-verify']);
    expect(recorded.message).toBe('feat: parser\n\nAssisted-by: opencode:qwen/qwen3-coder\n');
  });

  it("an agent's model overridden in a later layer, or the agent disabled, is not recorded (OpenCode's merge)", () => {
    const { env } = home({ '.config/opencode/opencode.json': '{"model": "openai/gpt-5", "agent": {"build": {"model": "qwen/qwen3-coder"}, "general": {"model": "qwen/qwen3-coder"}}}' });
    const repo = hooked(QWEN_DENIED, { 'opencode.json': '{"agent": {"build": {"model": "anthropic/claude-sonnet-4-5"}, "general": {"disable": true}}}' });
    const passed = commit(repo, env);
    expect(passed.status, passed.stderr).toBe(0);
    expect(passed.message).toContain('Assisted-by: opencode:openai/gpt-5\n');
    expect(passed.message).toContain('Assisted-by: opencode:anthropic/claude-sonnet-4.5\n');
    expect(passed.message).not.toContain('qwen');
  });

  it("`opencode run -m`: the primary agents' models give way to the flag; a subagent's model is still recorded", () => {
    const { env } = home();
    const repo = hooked(QWEN_DENIED, { 'opencode.json': '{"agent": {"build": {"model": "qwen/qwen3-coder"}}}' });
    const opencode = agentBin('opencode');
    const agentEnv = hookEnv(env);
    const flagged = runAgent(repo, opencode, ['run', '-m', 'anthropic/claude-sonnet-4-5', 'fix it'], agentEnv);
    expect(flagged.status, flagged.stderr).toBe(0);
    expect(flagged.message).toBe('feat: parser\n\nAssisted-by: opencode:anthropic/claude-sonnet-4.5\n');
    write(join(repo.dir, '.opencode/agent/coder.md'), '---\nmode: subagent\nmodel: qwen/qwen3-coder\n---\nbody\n');
    const subagent = runAgent(repo, opencode, ['run', '-m', 'anthropic/claude-sonnet-4-5', 'fix it'], agentEnv);
    expect(subagent.status, subagent.stderr).toBe(1);
    expect(subagent.stderr).toMatch(/qwen\/qwen3-coder/);
  });

  it("the top-level model in OpenCode's order: OPENCODE_CONFIG_CONTENT over a repository's .opencode/opencode.json, ~/.opencode over the project's files", () => {
    const { env } = home();
    const repo = hooked(QWEN_DENIED, { '.opencode/opencode.json': '{"model": "anthropic/claude-sonnet-4-5"}' });
    const inline = commit(repo, { ...env, OPENCODE_CONFIG_CONTENT: '{"model": "openrouter/qwen/qwen3-coder"}' });
    expect(inline.status, inline.stderr).toBe(1);
    expect(inline.stderr).toMatch(/model qwen\/qwen3-coder \(via opencode\) is denied/);
    const dotted = home({ '.opencode/opencode.json': '{"model": "qwen/qwen3-coder"}' });
    const project = hooked(QWEN_DENIED, { 'opencode.json': '{"model": "anthropic/claude-sonnet-4-5"}' });
    const refused = commit(project, dotted.env);
    expect(refused.status, refused.stderr).toBe(1);
    const recorded = commit(project, dotted.env, 'feat: parser\n', ['--no-verify']);
    expect(recorded.message).toBe('feat: parser\n\nAssisted-by: opencode:qwen/qwen3-coder\n');
  });

  it('what held: a person\'s commit reads no OpenCode settings; the hidden title/summary/compaction agents write no code', () => {
    const { env } = home();
    const repo = hooked(QWEN_DENIED, { 'opencode.json': '{"agent": {"build": {"model": "qwen/qwen3-coder"}}}' });
    const person = commit(repo, { ...env, OPENCODE: undefined }, 'fix: by hand\n');
    expect(person.status, person.stderr).toBe(0);
    expect(person.message).toBe('fix: by hand\n');
    const hidden = hooked(QWEN_DENIED, { 'opencode.json': '{"model": "openai/gpt-5", "agent": {"title": {"model": "qwen/qwen3-coder"}, "compaction": {"model": "qwen/qwen3-coder"}, "summary": {"model": "qwen/qwen3-coder"}}}' });
    const passed = commit(hidden, env);
    expect(passed.status, passed.stderr).toBe(0);
    expect(passed.message).toBe('feat: parser\n\nAssisted-by: opencode:openai/gpt-5\n');
  });
});
