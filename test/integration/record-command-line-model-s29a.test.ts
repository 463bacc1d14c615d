// Row 343: a model chosen on an agent's command line (`codex -m qwen3-coder`, `gemini --model=…`)
// was invisible to the hooks: the commit read as the settings' model or `unknown`, and passed
// `deny: ["qwen/*"]`. Committed for real through the installed hooks, from a real ancestor process
// whose command line is the agent's (`node /…/bin/codex -m qwen3-coder`, as npm installs it).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hooked, homeWith } from '../helpers/agent-home.js';
import { agentBin, runAgent } from '../helpers/fake-agent.js';
import { hookEnv } from '../helpers/hooks.js';
import { hookedRepo } from '../helpers/hooked-repo.js';

const CODEX_HOME = { '.codex/config.toml': 'model = "gpt-5"\n' };

describe("a model chosen on the agent's command line (row 343)", () => {
  it('codex -m qwen3-coder is recorded over config.toml, and deny qwen/* refuses it', () => {
    const codex = agentBin('codex');
    const env = hookEnv({ HOME: homeWith(CODEX_HOME), CODEX_HOME: undefined, CODEX_SANDBOX: 'seatbelt' });

    const open = hooked('policy: {}\n');
    const recorded = runAgent(open, codex, ['exec', '-m', 'qwen3-coder', 'fix the parser'], env);
    expect(recorded.status, recorded.stderr).toBe(0);
    expect(recorded.message).toBe('feat: parser\n\nAssisted-by: codex:qwen/qwen3-coder\n');

    const denied = hooked('policy:\n  deny: ["qwen/*"]\n');
    const refused = runAgent(denied, codex, ['--model=qwen3-coder'], env);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via codex\) is denied/);

    // No flag: config.toml's model, as before.
    const plain = runAgent(denied, codex, ['fix the parser'], env);
    expect(plain.status, plain.stderr).toBe(0);
    expect(plain.message).toBe('feat: parser\n\nAssisted-by: codex:openai/gpt-5\n');
  });

  it("gemini --model comes before GEMINI_MODEL and the settings; qwen -m before Qwen Code's variables", () => {
    const denied = hooked('policy:\n  deny: ["qwen/*"]\n');
    const home = homeWith({ '.gemini/settings.json': '{"model": {"name": "gemini-2.5-pro"}}' });
    const gemini = runAgent(denied, agentBin('gemini'), ['--model=qwen3-coder-plus', '-y'], hookEnv({ HOME: home, GEMINI_CLI: '1', GEMINI_MODEL: 'gemini-2.5-flash' }));
    expect(gemini.status).not.toBe(0);
    expect(gemini.stderr).toMatch(/qwen\/qwen3-coder-plus \(via gemini-cli\) is denied/);
    expect(gemini.stderr).not.toMatch(/gemini-2\.5/);

    const open = hooked('policy: {}\n');
    const qwen = runAgent(open, agentBin('qwen'), ['-m', 'gpt-4.1'], hookEnv({ HOME: homeWith(), QWEN_CODE: '1', OPENAI_MODEL: 'qwen3-coder-plus' }));
    expect(qwen.status, qwen.stderr).toBe(0);
    expect(qwen.message).toBe('feat: parser\n\nAssisted-by: qwen-code:openai/gpt-4.1\n');
  });

  it("a person's commit from under a process named codex -m is unchanged, and starts no node", () => {
    const { repo, env, started } = hookedRepo();
    const before = readFileSync(started, 'utf8');
    const person = runAgent(repo, agentBin('codex'), ['-m', 'qwen3-coder'], { ...env, HOME: homeWith() });
    expect(person.status, person.stderr).toBe(0);
    expect(person.message).toBe('feat: parser\n');
    expect(readFileSync(started, 'utf8')).toBe(before);
  });
});
