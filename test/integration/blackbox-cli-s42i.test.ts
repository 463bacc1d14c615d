// Row 587 read BLACKBOX CLI's model as Qwen Code's (`--model`, then the settings' `model.name`,
// then OPENAI_MODEL only when neither is set). Its own source (its mirror danielnovais-tech/cli,
// `packages/core/src/core/contentGenerator.ts` `createContentGeneratorConfig`) sends, with an OpenAI
// key, OPENAI_MODEL whatever the settings or `--model` say, and with its own BlackboxAI API (the
// provider `blackbox configure` offers first) BLACKBOX_API_MODEL, with its OAuth BLACKBOX_MODEL:
// so a `.blackboxcli/settings.json` the agent writes in the work tree (or a committed one) naming
// gpt-4.1 hid OPENAI_MODEL=qwen3-coder-plus, and BLACKBOX_API_MODEL was never read.
// Committed for real through the hooks `aitrail init` installs.
import { describe, expect, it } from 'vitest';
import { agentCommit, homeWith, hooked } from '../helpers/agent-home.js';
import { agentBin, runAgent } from '../helpers/fake-agent.js';
import { hookEnv } from '../helpers/hooks.js';

const DENY = 'policy:\n  deny: ["qwen/*"]\n';

describe("BLACKBOX CLI's model variables", () => {
  it('a project settings file naming another model, or --model, does not hide OPENAI_MODEL', () => {
    const repo = hooked(DENY, { '.blackboxcli/settings.json': '{"model": {"name": "gpt-4.1"}}\n' });
    const hidden = agentCommit(repo, hookEnv({ HOME: homeWith(), BLACKBOX_CODE: '1', OPENAI_MODEL: 'qwen3-coder-plus' }));
    expect(hidden.status, hidden.stderr).toBe(1);
    expect(hidden.stderr).toMatch(/qwen\/qwen3-coder-plus \(via blackbox\) is denied/);

    const plain = hooked(DENY);
    const flagged = runAgent(plain, agentBin('blackbox'), ['--model', 'gpt-4.1'], hookEnv({ HOME: homeWith(), BLACKBOX_CODE: '1', OPENAI_MODEL: 'qwen3-coder-plus' }));
    expect(flagged.status, flagged.stderr).toBe(1);
    expect(flagged.stderr).toMatch(/qwen\/qwen3-coder-plus \(via blackbox\) is denied/);
  });

  it('BLACKBOX_API_MODEL and BLACKBOX_MODEL name models it writes code with', () => {
    for (const name of ['BLACKBOX_API_MODEL', 'BLACKBOX_MODEL']) {
      const repo = hooked(DENY);
      const refused = agentCommit(repo, hookEnv({ HOME: homeWith(), BLACKBOX_CODE: '1', [name]: 'qwen/qwen3-coder' }));
      expect(refused.status, `${name}: ${refused.stderr}`).toBe(1);
      expect(refused.stderr).toContain(`${name}="qwen/qwen3-coder"`);
    }
    const allowed = agentCommit(hooked('policy: {}\n'), hookEnv({ HOME: homeWith(), BLACKBOX_CODE: '1', BLACKBOX_API_MODEL: 'gpt-4.1' }));
    expect(allowed.status, allowed.stderr).toBe(0);
    expect(allowed.message).toMatch(/^Assisted-by: blackbox:openai\/gpt-4\.1$/m);
  });
});
