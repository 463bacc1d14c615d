// Row 924 (review of row 911): aider's `.aider.model.settings.yml` read as aider reads it. aider loads it with
// PyYAML's `safe_load`, which applies YAML merge keys (`<<: *anchor`) to an entry and to its `extra_params`; it looks
// an entry up by the model's name after its built-in aliases (`Model.__init__`: `MODEL_ALIASES.get(model, model)`, so
// `model: 4o` uses the entry `gpt-4o`); `send_completion` builds `dict(model=self.name, …)` and then
// `kwargs.update(self.extra_params)`, so `extra_params.model` replaces the name LiteLLM is asked for, and LiteLLM's
// `completion()` sends to `base_url` over `api_base` (`if base_url is not None: api_base = base_url`) and routes by
// `custom_llm_provider`. Each of these sent aider to a server on this machine (or to another vendor's model) while
// the commit was recorded as `aider:openai/gpt-4o`. Run by an executable named `aider` through init's installed hooks.
import { describe, expect, it } from 'vitest';
import { hooked } from '../helpers/agent-home.js';
import { treeCpuClock } from '../helpers/cpu-clock.js';
import { agentRun, expectGatewayRefused, STRICT } from '../helpers/local-gateway.js';

const settings = (entries: string, model = 'gpt-4o') => ({ '.aider.conf.yml': `model: ${model}\n`, '.aider.model.settings.yml': entries });

describe("aider's model settings as aider reads them (row 924)", () => {
  it('a merge key, a built-in alias, base_url and custom_llm_provider that send to this machine: aider:unknown, refused', () => {
    const repo = hooked(STRICT);
    const cases: [string, Record<string, string>][] = [
      ['an entry merged from an anchor', settings('- &local\n  name: local-proxy\n  extra_params:\n    api_base: http://localhost:3000/v1\n- <<: *local\n  name: gpt-4o\n')],
      ['extra_params merged', settings('- name: gpt-4o\n  extra_params:\n    <<: {api_base: "http://127.0.0.1:4000"}\n')],
      ["aider's built-in alias 4o", settings('- name: gpt-4o\n  extra_params:\n    api_base: http://localhost:3000/v1\n', '4o')],
      ['base_url', settings('- name: gpt-4o\n  extra_params:\n    base_url: http://localhost:3000/v1\n')],
      ['base_url over a remote api_base', settings('- name: gpt-4o\n  extra_params:\n    api_base: https://api.openai.com/v1\n    base_url: http://localhost:3000/v1\n')],
      ['custom_llm_provider ollama', settings('- name: gpt-4o\n  extra_params:\n    custom_llm_provider: ollama\n')],
    ];
    for (const [label, home] of cases) {
      const result = agentRun(repo, 'aider', [], {}, home);
      expectGatewayRefused(result, label);
    }
  });

  it('extra_params.model names the model LiteLLM is asked for: recorded, refused by its deny, hosted or at Ollama here', () => {
    const repo = hooked('policy:\n  deny: ["qwen/*"]\n');
    for (const asked of ['openrouter/qwen/qwen3-coder', 'ollama_chat/qwen2.5-coder:32b']) {
      const result = agentRun(repo, 'aider', [], {}, settings(`- name: gpt-4o\n  extra_params:\n    model: ${asked}\n`));
      expect(result.status, result.stderr).not.toBe(0);
      expect(result.stderr).toMatch(/model: qwen\//);
    }
  });

  it("hostile repository: a committed settings file of merges of merges is read in linear time, its last entry still read", () => {
    // A chain of 4,096 anchored merges, then entries each merging its end: read entry by entry without keeping each
    // mapping's answer, a megabyte of them took 103 s (measured); the last entry's local api_base must still be read.
    const chain = ['- &a0 {name: base0}', ...Array.from({ length: 4095 }, (_, at) => `- &a${at + 1} {<<: *a${at}, k${at + 1}: 1}`)];
    const entries = Array.from({ length: 40_000 }, () => '- <<: *a4095');
    const file = [...chain, ...entries, '- <<: *a4095', '  name: gpt-4o', '  extra_params: {api_base: "http://localhost:3000/v1"}', ''].join('\n');
    const repo = hooked(STRICT, { '.aider.model.settings.yml': file });
    // CPU, not wall (a loaded CI machine stretches wall many times over): the commit's and its hooks' (started by
    // git, reaped, so counted: TEST_HOOK_SERVER unset, the hooks are not the worker's server's).
    const started = treeCpuClock();
    const result = agentRun(repo, 'aider', [], { TEST_HOOK_SERVER: undefined }, { '.aider.conf.yml': 'model: gpt-4o\n' });
    expect(treeCpuClock() - started).toBeLessThan(15_000);
    expectGatewayRefused(result, 'the last entry of a merge bomb');
  }, 60_000);

  it('careless truth: a remote base_url, a model equal to the name, and a merge of other params keep aider:openai/gpt-4o', () => {
    const repo = hooked(STRICT);
    for (const home of [
      settings('- name: gpt-4o\n  extra_params:\n    base_url: https://api.openai.com/v1\n'),
      settings('- name: gpt-4o\n  extra_params:\n    model: gpt-4o\n'),
      settings('- &big\n  name: big\n  extra_params:\n    max_tokens: 8192\n- <<: *big\n  name: gpt-4o\n'),
      settings('- name: gpt-4o\n  extra_params:\n    api_base: https://api.openai.com/v1\n', '4o'),
    ]) {
      const result = agentRun(repo, 'aider', [], {}, home);
      expect(result.status, result.stderr).toBe(0);
      expect(result.message).toContain('Assisted-by: aider:openai/gpt-4o');
    }
  });
});
