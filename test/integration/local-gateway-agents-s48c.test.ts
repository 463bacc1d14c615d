// row 866: Codex and Qwen Code pointed at a gateway on this machine (LiteLLM's proxy on :4000 answering
// `gpt-5-codex` or `gpt-4o` with whatever its model_list says) were recorded as the OpenAI model they name and
// passed `deny: ["qwen/*"]` with `unknownModel: deny` while Qwen ran: Codex through `OPENAI_BASE_URL` (its built-in
// openai provider's), a `model_providers.<id>.base_url` on loopback, or `--oss` asked for `gpt-5-codex` (Ollama
// serves any model under that name: `ollama cp qwen3-coder gpt-5-codex`); Qwen Code through `OPENAI_BASE_URL` or its
// settings' `security.auth.baseUrl`. No GPT (but gpt-oss), Claude or Gemini model runs on a person's machine, so such
// a name there is only the label asked for. Committed for real through the installed hooks (a process named after
// the agent for `--oss`).
// row 867: Claude Code on Bedrock or Vertex with a region that is no region (`CLOUD_ML_REGION=127.0.0.1:4000/x`:
// the Vertex SDK builds `https://127.0.0.1:4000/x-aiplatform.googleapis.com/v1`; `AWS_REGION=localhost:4000/x`:
// the Bedrock SDK builds `https://bedrock-runtime.localhost:4000/x.amazonaws.com`) was read as Google's or
// Amazon's endpoint and recorded as the Claude model named.
import { describe, expect, it } from 'vitest';
import { agentCommit, homeWith, hooked, hookedCommittedAt } from '../helpers/agent-home.js';
import { agentBin, runAgent } from '../helpers/fake-agent.js';
import { hookEnv } from '../helpers/hooks.js';
import { codexRollout } from '../helpers/codex-rollout.js';
import { qwenEnv } from '../helpers/local-gateway.js';

const STRICT = 'policy:\n  deny: ["qwen/*"]\n  unknownModel: deny\n';

/** Codex's environment (its sandbox marker) with `config` as `$CODEX_HOME/config.toml`. */
function codexEnv(config: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { HOME: homeWith(), CODEX_HOME: homeWith({ 'config.toml': config }), CODEX_SANDBOX: 'seatbelt', OPENAI_BASE_URL: undefined, ...extra };
}


/** Claude Code's environment with `"model": "opus"` in `~/.claude/settings.json`. */
function claudeEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { HOME: homeWith({ '.claude/settings.json': '{"model": "opus"}' }), CLAUDECODE: '1', CLAUDE_CODE_ENTRYPOINT: 'cli', ANTHROPIC_BASE_URL: undefined, ANTHROPIC_MODEL: undefined, ...extra };
}

describe('Codex and Qwen Code at a gateway on this machine (row 866)', () => {
  it('Codex: OPENAI_BASE_URL, a provider base_url on loopback, or --oss asked for gpt-5-codex: codex:unknown, refused under unknownModel: deny', () => {
    const repo = hooked(STRICT);
    const cases: [string, NodeJS.ProcessEnv][] = [
      ['OPENAI_BASE_URL', codexEnv('model = "gpt-5-codex"\n', { OPENAI_BASE_URL: 'http://127.0.0.1:4000/v1' })],
      ['provider base_url', codexEnv('model = "gpt-5-codex"\nmodel_provider = "litellm"\n[model_providers.litellm]\nname = "LiteLLM"\nbase_url = "http://[::1]:4000/v1"\n')],
      ['no model named (Codex default)', codexEnv('', { OPENAI_BASE_URL: 'http://localhost:4000/v1' })],
    ];
    for (const [label, env] of cases) {
      const result = agentCommit(repo, env);
      expect.soft(result.status, `${label}\n${result.stderr}`).toBe(1);
      expect.soft(result.stderr, label).toContain('a gateway on this machine');
      expect.soft(result.stderr, label).not.toMatch(/model: openai\//);
    }
    const oss = runAgent(repo, agentBin('codex'), ['--oss', '-m', 'gpt-5-codex'], hookEnv(codexEnv('')));
    expect(oss.status, oss.stderr).not.toBe(0);
    expect(oss.stderr).toContain('a gateway on this machine');
    const recorded = agentCommit(repo, codexEnv('model = "gpt-5-codex"\n', { OPENAI_BASE_URL: 'http://127.0.0.1:4000/v1' }), 'feat: parser\n', ['--no-verify']);
    expect(recorded.message).toBe('feat: parser\n\nAssisted-by: codex:unknown\n');
  });

  it("Codex's rollout turns on gpt-5-codex at the gateway are what was asked for: not recorded beside codex:unknown (which they would fold)", () => {
    const thread = '019a3f2e-7b41-7c2d-9e8f-0a1b2c3d4e5f';
    const rollout = codexRollout({ id: thread, parent: null, start: '2026-01-01T11:00:00.000Z' }, ['2026-01-01T12:30:00.000Z', 'gpt-5-codex']);
    const env = hookEnv({ HOME: homeWith(), CODEX_HOME: homeWith({ 'config.toml': 'model = "gpt-5-codex"\n', [`sessions/2026/01/01/rollout-2026-01-01T11-00-00-${thread}.jsonl`]: rollout }), CODEX_SANDBOX: 'seatbelt', CODEX_THREAD_ID: thread, OPENAI_BASE_URL: 'http://127.0.0.1:4000/v1' });
    const result = runAgent(hookedCommittedAt(STRICT, '2026-01-01T12:00:00Z'), agentBin('codex'), [], env);
    expect(result.status, result.stderr).not.toBe(0);
    expect(result.stderr).toContain('a gateway on this machine');
    expect(result.stderr).not.toMatch(/model: openai\//);
  });

  it('Qwen Code: OPENAI_BASE_URL or security.auth.baseUrl on loopback with an OpenAI name: qwen-code:unknown, refused', () => {
    const repo = hooked(STRICT);
    const cases: [string, NodeJS.ProcessEnv][] = [
      ['settings model + OPENAI_BASE_URL', qwenEnv({ model: { name: 'gpt-4o' } }, { OPENAI_BASE_URL: 'http://localhost:4000/v1' })],
      ['OPENAI_MODEL + OPENAI_BASE_URL', qwenEnv({}, { OPENAI_MODEL: 'gpt-5', OPENAI_BASE_URL: 'http://127.0.0.1:4000/v1' })],
      ['security.auth.baseUrl', qwenEnv({ model: { name: 'gpt-4o' }, security: { auth: { selectedType: 'openai', baseUrl: 'http://0.0.0.0:4000/v1' } } })],
    ];
    for (const [label, env] of cases) {
      const result = agentCommit(repo, env);
      expect.soft(result.status, `${label}\n${result.stderr}`).toBe(1);
      expect.soft(result.stderr, label).toContain('a gateway on this machine');
      expect.soft(result.stderr, label).not.toMatch(/model: openai\//);
    }
  });

  it('an honest user: OpenAI, OpenRouter, Azure and DashScope keep the name; local-model names (gpt-oss, qwen3-coder) are recorded as served', () => {
    const repo = hooked('policy:\n  deny: ["qwen/*"]\n');
    for (const url of ['https://api.openai.com/v1', 'https://openrouter.ai/api/v1', 'https://example-resource.openai.azure.com/openai/v1']) {
      const kept = agentCommit(repo, codexEnv('model = "gpt-5-codex"\n', { OPENAI_BASE_URL: url }));
      expect(kept.status, `${url}\n${kept.stderr}`).toBe(0);
      expect(kept.message, url).toContain('Assisted-by: codex:openai/gpt-5-codex');
    }
    const dashscope = agentCommit(repo, qwenEnv({ model: { name: 'gpt-4o' } }, { OPENAI_BASE_URL: 'https://dashscope.aliyuncs.com/compatible-mode/v1' }));
    expect(dashscope.status, dashscope.stderr).toBe(0);
    expect(dashscope.message).toContain('Assisted-by: qwen-code:openai/gpt-4o');
    const oss = agentCommit(repo, codexEnv('model = "gpt-oss:20b"\n', { OPENAI_BASE_URL: 'http://localhost:11434/v1' }));
    expect(oss.status, oss.stderr).toBe(0);
    expect(oss.message).toContain('Assisted-by: codex:openai/gpt-oss');
    const served = agentCommit(repo, codexEnv('model = "qwen3-coder"\nmodel_provider = "ollama"\n'));
    expect(served.status, served.stderr).toBe(1);
    expect(served.stderr).toMatch(/qwen\/qwen3-coder/);
    const qwen = agentCommit(repo, qwenEnv({}, { OPENAI_MODEL: 'qwen3-coder', OPENAI_BASE_URL: 'http://localhost:11434/v1' }));
    expect(qwen.status, qwen.stderr).toBe(1);
    expect(qwen.stderr).toMatch(/qwen\/qwen3-coder/);
  });
});

describe('Claude Code on Bedrock or Vertex with a crafted region (row 867)', () => {
  it('a region that is no region makes the endpoint another host: claude-code:unknown, refused; a real region keeps the name', () => {
    const repo = hooked(STRICT);
    const cases: [string, NodeJS.ProcessEnv][] = [
      ['Vertex', claudeEnv({ CLAUDE_CODE_USE_VERTEX: '1', CLOUD_ML_REGION: '127.0.0.1:4000/x', ANTHROPIC_VERTEX_PROJECT_ID: 'p' })],
      ['Bedrock', claudeEnv({ CLAUDE_CODE_USE_BEDROCK: '1', AWS_REGION: 'localhost:4000/x' })],
    ];
    for (const [label, env] of cases) {
      const result = agentCommit(repo, env);
      expect.soft(result.status, `${label}\n${result.stderr}`).toBe(1);
      expect.soft(result.stderr, label).toContain('not a region');
      expect.soft(result.stderr, label).not.toMatch(/model: anthropic\//);
    }
    const honest = hooked('policy:\n  deny: ["qwen/*"]\n');
    for (const env of [claudeEnv({ CLAUDE_CODE_USE_VERTEX: '1', CLOUD_ML_REGION: 'us-east5', ANTHROPIC_VERTEX_PROJECT_ID: 'p' }), claudeEnv({ CLAUDE_CODE_USE_BEDROCK: '1', AWS_REGION: 'eu-west-1' })]) {
      const kept = agentCommit(honest, env);
      expect(kept.status, kept.stderr).toBe(0);
      expect(kept.message).toContain('Assisted-by: claude-code:anthropic/claude-opus');
    }
  });
});

describe('goose and Copilot CLI at a provider on this machine (row 868)', () => {
  it('goose at Ollama or LiteLLM, Copilot CLI at its own provider on loopback, asked for a hosted model: <agent>:unknown, refused', () => {
    const repo = hooked(STRICT);
    const cases: [string, NodeJS.ProcessEnv][] = [
      ['goose ollama', { HOME: homeWith({ '.config/goose/config.yaml': 'GOOSE_PROVIDER: ollama\nGOOSE_MODEL: gpt-4o\n' }), GOOSE_TERMINAL: '1', XDG_CONFIG_HOME: undefined }],
      ['goose litellm', { HOME: homeWith(), GOOSE_TERMINAL: '1', GOOSE_PROVIDER: 'litellm', GOOSE_MODEL: 'claude-sonnet-4-5' }],
      ['copilot', { HOME: homeWith(), COPILOT_CLI: '1', COPILOT_PROVIDER_BASE_URL: 'http://127.0.0.1:4000/v1', COPILOT_PROVIDER_MODEL_ID: 'gpt-5', COPILOT_MODEL: 'gpt-5' }],
    ];
    for (const [label, env] of cases) {
      const result = agentCommit(repo, env);
      expect.soft(result.status, `${label}\n${result.stderr}`).toBe(1);
      expect.soft(result.stderr, label).toContain('a gateway on this machine');
      expect.soft(result.stderr, label).not.toMatch(/model: (?:openai|anthropic)\//);
    }
  });

  it("an honest user: goose at OpenAI and Copilot CLI's provider at OpenAI keep the name; goose's qwen3-coder at Ollama and a remote lead model are recorded", () => {
    const repo = hooked('policy:\n  deny: ["qwen/*"]\n');
    const openai = agentCommit(repo, { HOME: homeWith(), GOOSE_TERMINAL: '1', GOOSE_PROVIDER: 'openai', GOOSE_MODEL: 'gpt-4o' });
    expect(openai.status, openai.stderr).toBe(0);
    expect(openai.message).toContain('Assisted-by: goose:openai/gpt-4o');
    const copilot = agentCommit(repo, { HOME: homeWith(), COPILOT_CLI: '1', COPILOT_PROVIDER_BASE_URL: 'https://api.openai.com/v1', COPILOT_PROVIDER_MODEL_ID: 'gpt-5', COPILOT_MODEL: 'gpt-5' });
    expect(copilot.status, copilot.stderr).toBe(0);
    expect(copilot.message).toContain('Assisted-by: copilot:openai/gpt-5');
    const served = agentCommit(repo, { HOME: homeWith(), GOOSE_TERMINAL: '1', GOOSE_PROVIDER: 'ollama', GOOSE_MODEL: 'qwen3-coder' });
    expect(served.status, served.stderr).toBe(1);
    expect(served.stderr).toMatch(/qwen\/qwen3-coder/);
    const lead = agentCommit(repo, { HOME: homeWith(), GOOSE_TERMINAL: '1', GOOSE_PROVIDER: 'ollama', GOOSE_MODEL: 'gpt-4o', GOOSE_LEAD_PROVIDER: 'openrouter', GOOSE_LEAD_MODEL: 'qwen/qwen3-coder' });
    expect(lead.status, lead.stderr).toBe(1);
    expect(lead.stderr).toMatch(/qwen\/qwen3-coder/);
  });
});

describe("Crush at a provider of its own on this machine (row 869)", () => {
  /** Crush's environment with `models.large` sent to provider `local` at `url`. */
  const crushEnv = (model: string, url: string): NodeJS.ProcessEnv => ({
    HOME: homeWith({ '.config/crush/crush.json': JSON.stringify({ models: { large: { model, provider: 'local' } }, providers: { local: { type: 'openai', base_url: url, models: [{ id: model }] } } }) }),
    CRUSH: '1',
    XDG_CONFIG_HOME: undefined,
  });

  it('a provider base_url on loopback asked for gpt-5: crush:unknown, refused; a remote one keeps the name, qwen3-coder at Ollama is recorded', () => {
    const refused = agentCommit(hooked(STRICT), crushEnv('gpt-5', 'http://localhost:4000/v1'));
    expect(refused.status, refused.stderr).toBe(1);
    expect(refused.stderr).toContain('a gateway on this machine');
    expect(refused.stderr).not.toMatch(/model: openai\//);
    const repo = hooked('policy:\n  deny: ["qwen/*"]\n');
    const kept = agentCommit(repo, crushEnv('gpt-5', 'https://api.openai.com/v1'));
    expect(kept.status, kept.stderr).toBe(0);
    expect(kept.message).toContain('Assisted-by: crush:openai/gpt-5');
    const served = agentCommit(repo, crushEnv('qwen3-coder', 'http://localhost:11434/v1'));
    expect(served.status, served.stderr).toBe(1);
    expect(served.stderr).toMatch(/qwen\/qwen3-coder/);
  });
});
