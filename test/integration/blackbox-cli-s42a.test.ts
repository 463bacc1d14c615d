// BLACKBOX AI's CLI (`@blackbox_ai/blackbox-cli`, the command `blackbox`), a fork of Qwen Code under
// its own names: the commands it runs carry `BLACKBOX_CODE=1` (its docs, tools/shell.md), its model is
// `--model`, then `model.name` of `.blackboxcli/settings.json` (the project's, `~/.blackboxcli/`,
// `/etc/blackbox-cli/`), then `OPENAI_MODEL`. aitrail knew none of them: its `git commit` of Qwen's
// work went in under `deny: ["qwen/*"]` with no trailer, a person's commit to every layer.
// Committed for real through the hooks `aitrail init` installs.
import { describe, expect, it } from 'vitest';
import { agentCommit, homeWith, hooked } from '../helpers/agent-home.js';
import { agentBin, runAgent } from '../helpers/fake-agent.js';
import { hookEnv } from '../helpers/hooks.js';

const DENY = 'policy:\n  deny: ["qwen/*"]\n';

describe("BLACKBOX CLI's commits", () => {
  it('are the agent blackbox, its model from OPENAI_MODEL, refused under deny qwen/*', () => {
    const repo = hooked(DENY);
    const refused = agentCommit(repo, hookEnv({ HOME: homeWith(), BLACKBOX_CODE: '1', OPENAI_MODEL: 'qwen3-coder-plus' }));
    expect(refused.status, refused.stderr).toBe(1);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder-plus \(via blackbox\) is denied/);
    expect(refused.stderr).toContain('env BLACKBOX_CODE="1" OPENAI_MODEL="qwen3-coder-plus"');

    const allowed = agentCommit(repo, hookEnv({ HOME: homeWith(), BLACKBOX_CODE: '1', OPENAI_MODEL: 'gpt-4.1' }));
    expect(allowed.status, allowed.stderr).toBe(0);
    expect(allowed.message).toMatch(/^Assisted-by: blackbox:openai\/gpt-4\.1$/m);
    // No model named anywhere: the agent, model unknown (recorded, not a person's).
    const unnamed = agentCommit(repo, hookEnv({ HOME: homeWith(), BLACKBOX_CODE: '1' }));
    expect(unnamed.status, unnamed.stderr).toBe(0);
    expect(unnamed.message).toMatch(/^Assisted-by: blackbox:unknown$/m);
  });

  it('read the model of its settings files and its --model, and OPENAI_MODEL beside them', () => {
    const repo = hooked(DENY, { '.blackboxcli/settings.json': '// the team\'s\n{"model": {"name": "qwen3-coder-plus"}}\n' });
    const project = agentCommit(repo, hookEnv({ HOME: homeWith(), BLACKBOX_CODE: '1', OPENAI_MODEL: 'gpt-4.1' }));
    expect(project.status, project.stderr).toBe(1);
    expect(project.stderr).toContain('settings .blackboxcli/settings.json model.name="qwen3-coder-plus"');

    const plain = hooked(DENY);
    const user = agentCommit(plain, hookEnv({ HOME: homeWith({ '.blackboxcli/settings.json': '{"model": {"name": "qwen3-coder-plus"}}\n' }), BLACKBOX_CODE: '1' }));
    expect(user.status, user.stderr).toBe(1);
    expect(user.stderr).toMatch(/qwen\/qwen3-coder-plus \(via blackbox\) is denied/);

    const flagged = runAgent(plain, agentBin('blackbox'), ['--model', 'qwen3-coder-plus'], hookEnv({ HOME: homeWith(), BLACKBOX_CODE: '1', OPENAI_MODEL: 'gpt-4.1' }));
    expect(flagged.status, flagged.stderr).toBe(1);
    expect(flagged.stderr).toMatch(/qwen\/qwen3-coder-plus \(via blackbox\) is denied/);
    // --model does not hide OPENAI_MODEL (row 607: with an OpenAI key the CLI sends OPENAI_MODEL whatever the flag
    // says): a qwen OPENAI_MODEL beside --model gpt-4.1 is recorded and refused.
    const beside = runAgent(hooked(DENY), agentBin('blackbox'), ['--model', 'gpt-4.1'], hookEnv({ HOME: homeWith(), BLACKBOX_CODE: '1', OPENAI_MODEL: 'qwen3-coder-plus' }));
    expect(beside.status, beside.stderr).toBe(1);
    expect(beside.stderr).toMatch(/qwen\/qwen3-coder-plus \(via blackbox\) is denied/);
  });

  it("a person's commit stays a person's: BLACKBOX_CODE other than 1/true, or unset", () => {
    const repo = hooked(DENY);
    for (const env of [{}, { BLACKBOX_CODE: '0' }, { BLACKBOX_CODE: '' }]) {
      const human = agentCommit(repo, hookEnv({ HOME: homeWith(), OPENAI_MODEL: 'qwen3-coder-plus', ...env }));
      expect(human.status, human.stderr).toBe(0);
      expect(human.message).not.toContain('Assisted-by:');
    }
  });
});
