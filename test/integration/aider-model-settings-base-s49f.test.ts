// Row 911: aider's `.aider.model.settings.yml` can send a model to a server on this machine with no
// variable or `.aider.conf.yml` key saying so: an entry's `extra_params` is passed to `litellm.completion()`
// whole (Aider-AI/aider `models.py` `send_completion`), so `extra_params.api_base: http://localhost:3000/v1`
// (a Copilot proxy's published setup for aider) sends `gpt-4o` there, and the special `aider/extra_params`
// entry does so for every model (merged over the model's own, winning a conflict: `configure_model_settings`).
// aider named `gpt-4o` and was recorded `aider:openai/gpt-4o`, passing `unknownModel: deny` and a Qwen deny
// while the local server ran anything. Run by an executable named `aider` through init's installed hooks.
import { describe, expect, it } from 'vitest';
import { hooked } from '../helpers/agent-home.js';
import { agentRun, expectGatewayRefused, STRICT } from '../helpers/local-gateway.js';

const CONF = { '.aider.conf.yml': 'model: gpt-4o\n' };
const settings = (entries: string) => ({ ...CONF, '.aider.model.settings.yml': entries });

describe("aider's model settings api_base (row 911)", () => {
  it("a model's extra_params.api_base, or aider/extra_params', on loopback: aider:unknown, refused", () => {
    const repo = hooked(STRICT);
    const own = agentRun(repo, 'aider', [], {}, settings('- name: gpt-4o\n  extra_params:\n    api_key: n/a\n    api_base: http://localhost:3000/v1\n'));
    expectGatewayRefused(own, "the model's entry");
    expect(own.stderr).toContain('extra_params.api_base');
    const global = agentRun(repo, 'aider', [], {}, settings('- name: aider/extra_params\n  extra_params:\n    api_base: http://127.0.0.1:4000\n'));
    expectGatewayRefused(global, 'aider/extra_params');
    // aider/extra_params wins over the model's own remote base.
    const both = agentRun(repo, 'aider', [], {}, settings('- name: gpt-4o\n  extra_params:\n    api_base: https://api.openai.com/v1\n- name: aider/extra_params\n  extra_params:\n    api_base: http://localhost:4000\n'));
    expectGatewayRefused(both, 'both');
  });

  it('careless truth: a remote api_base keeps the name, also over a local OPENAI_API_BASE; other extra_params change nothing', () => {
    const repo = hooked('policy:\n  deny: ["qwen/*"]\n');
    const remote = agentRun(repo, 'aider', [], { OPENAI_API_BASE: 'http://localhost:4000' }, settings('- name: gpt-4o\n  extra_params:\n    api_base: https://api.openai.com/v1\n'));
    expect(remote.status, remote.stderr).toBe(0);
    expect(remote.message).toContain('Assisted-by: aider:openai/gpt-4o');
    const other = agentRun(repo, 'aider', [], {}, settings('- name: aider/extra_params\n  extra_params:\n    max_tokens: 8192\n- name: gpt-4o\n  edit_format: diff\n'));
    expect(other.status, other.stderr).toBe(0);
    expect(other.message).toContain('Assisted-by: aider:openai/gpt-4o');
  });
});
