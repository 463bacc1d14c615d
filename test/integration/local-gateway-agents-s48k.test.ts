// row 877: OpenCode with a provider of its own config on this machine (`provider.litellm.options.baseURL:
// http://localhost:4000/v1`, LiteLLM's proxy answering `litellm/gpt-5` with whatever its model_list says) was
// recorded as the OpenAI model it names (`opencode:openai/gpt-5`) and passed `deny: ["qwen/*"]` with
// `unknownModel: deny` while Qwen ran; row 866's reading had left OpenCode out. The model in force, an agent's
// model and `{env:NAME}` in the base URL, in the person's files or the project's `opencode.json`.
// row 878: at a gateway on this machine a hosted model's name the catalog reads but HOSTED_NAME did not
// (`GPT_5`, `gpt5-codex`, `gpt‐5` with a Unicode hyphen, `sonnet`) was recorded as OpenAI's or Anthropic's model
// (`codex:openai/gpt-5`, `codex:anthropic/claude-sonnet`) and passed the same policy. Committed for real through the
// installed hooks.
// row 879: aider at a server on this machine (`--model ollama_chat/gpt-4o`: LiteLLM's Ollama default is
// localhost:11434, where `ollama cp qwen3-coder gpt-4o` serves Qwen; `--model gpt-4o` with `--openai-api-base
// http://localhost:4000`, which aider puts in its environment as OPENAI_API_BASE, or `.aider.conf.yml`'s
// `openai-api-base`) was recorded `aider:openai/gpt-4o`. Run by an executable named `aider`.
// row 880: Crush's `base_url: "$LOCAL_URL"` (Crush expands variables there) and goose's `anthropic` provider at
// `ANTHROPIC_HOST=http://localhost:4000` were read as a remote endpoint, recorded as the hosted model named.
// row 881: Claude Code on Bedrock powered by Mantle (`CLAUDE_CODE_USE_MANTLE=1`), whose endpoint is built from
// AWS_REGION (`bedrock-mantle.<region>.api.aws`), with `AWS_REGION=localhost:4000/x` was read as Amazon's endpoint:
// row 867 read the region under CLAUDE_CODE_USE_BEDROCK only.
import { describe, expect, it } from 'vitest';
import { agentCommit, homeWith, hooked } from '../helpers/agent-home.js';
import { agentRun, expectGatewayRefused, opencodeEnv, STRICT } from '../helpers/local-gateway.js';
import type { TestRepo } from '../helpers/gitdir.js';

const LITELLM = { litellm: { npm: '@ai-sdk/openai-compatible', options: { baseURL: 'http://localhost:4000/v1' } } };

/** Codex's environment (its sandbox marker) with `model` at LiteLLM's proxy on this machine. */
function codexAtGateway(model: string): NodeJS.ProcessEnv {
  return { HOME: homeWith(), CODEX_HOME: homeWith({ 'config.toml': `model = ${JSON.stringify(model)}\n` }), CODEX_SANDBOX: 'seatbelt', OPENAI_BASE_URL: 'http://127.0.0.1:4000/v1' };
}

describe('OpenCode at a provider on this machine (row 877)', () => {
  it('litellm/gpt-5 at a baseURL on loopback (global, {env:}, an agent model, the project file): opencode:unknown, refused', () => {
    const repo = hooked(STRICT);
    const cases: [string, NodeJS.ProcessEnv][] = [
      ['global config', opencodeEnv({ model: 'litellm/gpt-5', provider: LITELLM })],
      ['{env:} base URL', opencodeEnv({ model: 'litellm/claude-sonnet-4-5', provider: { litellm: { options: { baseURL: '{env:LITELLM_URL}' } } } }, { LITELLM_URL: 'http://127.0.0.1:4000' })],
      ['an agent model', opencodeEnv({ agent: { build: { model: 'litellm/gpt-5' } }, provider: LITELLM })],
    ];
    for (const [label, env] of cases) expectGatewayRefused(agentCommit(repo, env), label);
    const project = hooked(STRICT, { 'opencode.json': JSON.stringify({ model: 'litellm/gpt-5', provider: LITELLM }) });
    expectGatewayRefused(agentCommit(project, opencodeEnv({})), 'project opencode.json');
    const recorded = agentCommit(repo, opencodeEnv({ model: 'litellm/gpt-5', provider: LITELLM }), 'feat: parser\n', ['--no-verify']);
    expect(recorded.message).toBe('feat: parser\n\nAssisted-by: opencode:unknown\n');
  });

  it('an honest user: a remote provider keeps the name; qwen3-coder and gpt-oss at Ollama are recorded as served', () => {
    const repo = hooked('policy:\n  deny: ["qwen/*"]\n');
    const remote = agentCommit(repo, opencodeEnv({ model: 'company/gpt-5', provider: { company: { options: { baseURL: 'https://llm.example.com/v1' } } } }));
    expect(remote.status, remote.stderr).toBe(0);
    expect(remote.message).toContain('Assisted-by: opencode:openai/gpt-5');
    const oss = agentCommit(repo, opencodeEnv({ model: 'ollama/gpt-oss:20b', provider: { ollama: { options: { baseURL: 'http://localhost:11434/v1' } } } }));
    expect(oss.status, oss.stderr).toBe(0);
    expect(oss.message).toContain('Assisted-by: opencode:openai/gpt-oss');
    const served = agentCommit(repo, opencodeEnv({ model: 'ollama/qwen3-coder', provider: { ollama: { options: { baseURL: 'http://localhost:11434/v1' } } } }));
    expect(served.status, served.stderr).toBe(1);
    expect(served.stderr).toMatch(/qwen\/qwen3-coder/);
  });
});

describe('a hosted name the catalog reads, at a gateway on this machine (row 878)', () => {
  it('Codex asked for GPT_5, gpt5-codex, gpt‐5, gpt_4o, sonnet or opus at OPENAI_BASE_URL on loopback: codex:unknown, refused', () => {
    const repo = hooked(STRICT);
    for (const model of ['GPT_5', 'gpt5-codex', 'gpt\u20105', 'gpt 5', 'gpt_4o', 'sonnet', 'opus', 'haiku']) expectGatewayRefused(agentCommit(repo, codexAtGateway(model)), model);
  });

  it('an honest user: the same names at OpenAI keep them; qwen3-coder at the gateway is recorded as served', () => {
    const repo = hooked('policy:\n  deny: ["qwen/*"]\n');
    const kept = agentCommit(repo, { ...codexAtGateway('gpt5-codex'), OPENAI_BASE_URL: 'https://api.openai.com/v1' });
    expect(kept.status, kept.stderr).toBe(0);
    expect(kept.message).toContain('Assisted-by: codex:openai/gpt-5-codex');
    const served = agentCommit(repo, codexAtGateway('qwen3-coder'));
    expect(served.status, served.stderr).toBe(1);
    expect(served.stderr).toMatch(/qwen\/qwen3-coder/);
  });
});

/** `aider args` (an executable named aider committing a staged change) in `repo`, with `extra` in its environment and `home`'s files. */
function aider(repo: TestRepo, args: readonly string[], extra: NodeJS.ProcessEnv = {}, home: Record<string, string> = {}) {
  return agentRun(repo, 'aider', args, extra, home);
}

describe('aider at a server on this machine (row 879)', () => {
  it('ollama_chat/gpt-4o, OPENAI_API_BASE or .aider.conf.yml openai-api-base on loopback: aider:unknown, refused', () => {
    const repo = hooked(STRICT);
    const cases: [string, ReturnType<typeof aider>][] = [
      ['ollama_chat/gpt-4o', aider(repo, ['--model', 'ollama_chat/gpt-4o'])],
      ['OPENAI_API_BASE', aider(repo, ['--model', 'gpt-4o'], { OPENAI_API_BASE: 'http://localhost:4000' })],
      ['openai-api-base', aider(repo, [], {}, { '.aider.conf.yml': 'model: openai/gpt-4o\nopenai-api-base: http://127.0.0.1:4000/v1\n' })],
    ];
    for (const [label, result] of cases) {
      expect.soft(result.status, `${label}\n${result.stderr}`).not.toBe(0);
      expect.soft(result.stderr, label).toContain('a gateway on this machine');
      expect.soft(result.stderr, label).not.toMatch(/model: openai\//);
    }
  });

  it('an honest user: OpenAI, a remote Ollama keep the name; qwen3-coder at the local Ollama is recorded as served', () => {
    const repo = hooked('policy:\n  deny: ["qwen/*"]\n');
    const kept = aider(repo, ['--model', 'gpt-4o'], { OPENAI_API_BASE: 'https://api.openai.com/v1' });
    expect(kept.status, kept.stderr).toBe(0);
    expect(kept.message).toContain('Assisted-by: aider:openai/gpt-4o');
    const remote = aider(repo, ['--model', 'ollama_chat/gpt-oss:20b'], { OLLAMA_API_BASE: 'https://ollama.example.com' });
    expect(remote.status, remote.stderr).toBe(0);
    expect(remote.message).toContain('Assisted-by: aider:openai/gpt-oss');
    const served = aider(repo, ['--model', 'ollama_chat/qwen3-coder']);
    expect(served.status, served.stderr).not.toBe(0);
    expect(served.stderr).toMatch(/qwen\/qwen3-coder/);
  });
});

describe("Crush's base_url variable and goose's anthropic host (row 880)", () => {
  it('base_url "$LOCAL_URL" / "${LOCAL_URL}" naming loopback, goose anthropic at ANTHROPIC_HOST on loopback: <agent>:unknown, refused', () => {
    const repo = hooked(STRICT);
    const crush = (url: string): NodeJS.ProcessEnv => ({
      HOME: homeWith({ '.config/crush/crush.json': JSON.stringify({ models: { large: { model: 'gpt-5', provider: 'local' } }, providers: { local: { type: 'openai', base_url: url, models: [{ id: 'gpt-5' }] } } }) }),
      CRUSH: '1',
      XDG_CONFIG_HOME: undefined,
      LOCAL_URL: 'http://localhost:4000/v1',
    });
    const cases: [string, NodeJS.ProcessEnv][] = [
      ['crush $LOCAL_URL', crush('$LOCAL_URL')],
      ['crush ${LOCAL_URL}', crush('${LOCAL_URL}')],
      ['goose anthropic', { HOME: homeWith(), GOOSE_TERMINAL: '1', GOOSE_PROVIDER: 'anthropic', GOOSE_MODEL: 'claude-sonnet-4-5', ANTHROPIC_HOST: 'http://localhost:4000' }],
    ];
    for (const [label, env] of cases) expectGatewayRefused(agentCommit(repo, env), label);
    const honest = hooked('policy:\n  deny: ["qwen/*"]\n');
    const kept = agentCommit(honest, { HOME: homeWith(), GOOSE_TERMINAL: '1', GOOSE_PROVIDER: 'anthropic', GOOSE_MODEL: 'claude-sonnet-4-5', ANTHROPIC_HOST: undefined });
    expect(kept.status, kept.stderr).toBe(0);
    expect(kept.message).toContain('Assisted-by: goose:anthropic/claude-sonnet-4.5');
  });
});

describe('Claude Code on Bedrock powered by Mantle with a crafted region (row 881)', () => {
  /** Claude Code's environment with `"model": "opus"` in `~/.claude/settings.json`, on Mantle in `region`. */
  const mantle = (region: string): NodeJS.ProcessEnv => ({ HOME: homeWith({ '.claude/settings.json': '{"model": "opus"}' }), CLAUDECODE: '1', CLAUDE_CODE_ENTRYPOINT: 'cli', ANTHROPIC_BASE_URL: undefined, ANTHROPIC_MODEL: undefined, CLAUDE_CODE_USE_MANTLE: '1', AWS_REGION: region });

  it('AWS_REGION that is no region: claude-code:unknown, refused; a real region keeps the name', () => {
    const refused = agentCommit(hooked(STRICT), mantle('localhost:4000/x'));
    expect(refused.status, refused.stderr).toBe(1);
    expect(refused.stderr).toContain('not a region');
    expect(refused.stderr).not.toMatch(/model: anthropic\//);
    const kept = agentCommit(hooked('policy:\n  deny: ["qwen/*"]\n'), mantle('us-east-1'));
    expect(kept.status, kept.stderr).toBe(0);
    expect(kept.message).toContain('Assisted-by: claude-code:anthropic/claude-opus');
  });
});
