// row 894: a gateway's `unknown` beside a named model of the same agent was folded into it (mergeAttributions
// folds `agent:unknown` into the agent's named models): goose asking `gpt-4o` of a local Ollama with its lead model at
// Anthropic recorded only `goose:anthropic/claude-sonnet-4.5` and passed `unknownModel: deny`; the same with the lead
// at the local provider and the main model remote, and OpenCode's agent model at a local provider beside a remote model
// in force. The unknown is now kept beside at commit-msg and in every layer that reads the trailers (`check` here).
// row 895: the gateway readings rows 877..880 left open: Qwen Code's `--openai-base-url`, OpenCode's built-in
// `lmstudio` provider with no baseURL, goose's `openrouter`/`google`/`lmstudio` hosts and `custom_providers/<id>.json`,
// aider's `lm_studio/`, `hosted_vllm/` and `openrouter/` bases. Committed for real through the installed hooks.
import { describe, expect, it } from 'vitest';
import { agentCommit, homeWith, hooked } from '../helpers/agent-home.js';
import { aitrail } from '../helpers/hooks.js';
import { agentRun, expectGatewayRefused, opencodeEnv, STRICT } from '../helpers/local-gateway.js';

const goose = (extra: NodeJS.ProcessEnv, home: Record<string, string> = {}): NodeJS.ProcessEnv => ({ HOME: homeWith(home), GOOSE_TERMINAL: '1', XDG_CONFIG_HOME: undefined, ...extra });
const LEAD_REMOTE = goose({ GOOSE_PROVIDER: 'ollama', GOOSE_MODEL: 'gpt-4o', GOOSE_LEAD_PROVIDER: 'anthropic', GOOSE_LEAD_MODEL: 'claude-sonnet-4-5' });
const LEAD_LOCAL = goose({ GOOSE_PROVIDER: 'anthropic', GOOSE_MODEL: 'claude-sonnet-4-5', GOOSE_LEAD_PROVIDER: 'ollama', GOOSE_LEAD_MODEL: 'gpt-4o' });

describe("a gateway's unknown beside a named model of the same agent (row 894)", () => {
  it('goose main or lead at a local Ollama asking gpt-4o, the other at Anthropic: goose:unknown kept beside, refused at commit and by check', () => {
    const repo = hooked(STRICT);
    for (const [label, env] of [['lead remote', LEAD_REMOTE], ['lead local', LEAD_LOCAL]] as const) {
      expectGatewayRefused(agentCommit(repo, env), label);
      const written = agentCommit(repo, env, 'feat: parser\n', ['--no-verify']);
      expect(written.message, label).toBe('feat: parser\n\nAssisted-by: goose:anthropic/claude-sonnet-4.5\nAssisted-by: goose:unknown\n'.replace(/(Assisted-by: goose:anthropic\/claude-sonnet-4.5\n)(Assisted-by: goose:unknown\n)/, label === 'lead remote' ? '$2$1' : '$1$2'));
      const check = aitrail(repo.dir, ['check', 'HEAD~1..HEAD']);
      expect(check.status, `${label}\n${check.stderr}`).toBe(1);
      expect(check.stdout + check.stderr, label).toContain('model: unknown (agent goose)');
    }
  });

  it("OpenCode's agent model at a local provider beside a remote model in force: opencode:unknown kept beside, refused", () => {
    const repo = hooked(STRICT);
    const env = opencodeEnv({ model: 'company/gpt-5', agent: { build: { model: 'litellm/gpt-5' } }, provider: { company: { options: { baseURL: 'https://llm.example.com/v1' } }, litellm: { options: { baseURL: 'http://localhost:4000/v1' } } } });
    const refused = agentCommit(repo, env);
    expect(refused.status, refused.stderr).toBe(1);
    expect(refused.stderr).toContain('model: unknown (agent opencode)');
    expect(refused.stderr).toContain('provider."litellm".options.baseURL');
  });

  it('an honest user: `Assisted-by: Claude Code` beside the detected model still folds; a remote lead with a remote main keeps both names', () => {
    const repo = hooked(STRICT);
    const claude = agentCommit(repo, { HOME: homeWith(), CLAUDECODE: '1', CLAUDE_CODE_ENTRYPOINT: 'cli', ANTHROPIC_BASE_URL: undefined, ANTHROPIC_MODEL: 'claude-opus-4-6' }, 'feat: parser\n\nAssisted-by: Claude Code\n');
    expect(claude.status, claude.stderr).toBe(0);
    expect(aitrail(repo.dir, ['check', 'HEAD~1..HEAD']).status).toBe(0);
    const remote = agentCommit(repo, goose({ GOOSE_PROVIDER: 'openai', GOOSE_MODEL: 'gpt-4o', GOOSE_LEAD_PROVIDER: 'anthropic', GOOSE_LEAD_MODEL: 'claude-sonnet-4-5', OPENAI_HOST: undefined }));
    expect(remote.status, remote.stderr).toBe(0);
    expect(remote.message).toContain('Assisted-by: goose:openai/gpt-4o');
    expect(remote.message).not.toContain('goose:unknown');
  });
});

describe('gateway readings left open by rows 877..880 (row 895)', () => {
  it("Qwen Code's --openai-base-url on loopback: qwen-code:unknown, refused; at OpenAI the name is kept", () => {
    const repo = hooked(STRICT);
    const qwen = { QWEN_CODE: '1', OPENAI_MODEL: undefined, QWEN_MODEL: undefined };
    expectGatewayRefused(agentRun(repo, 'qwen', ['-m', 'gpt-4o', '--openai-base-url', 'http://localhost:4000/v1'], qwen), '--openai-base-url');
    expectGatewayRefused(agentRun(repo, 'qwen', ['-m', 'gpt-4o', '--openaiBaseUrl=http://127.0.0.1:4000/v1'], qwen), '--openaiBaseUrl');
    const honest = hooked('policy:\n  deny: ["qwen/*"]\n');
    const kept = agentRun(honest, 'qwen', ['-m', 'gpt-4o', '--openai-base-url', 'https://api.openai.com/v1'], qwen);
    expect(kept.status, kept.stderr).toBe(0);
    expect(kept.message).toContain('Assisted-by: qwen-code:openai/gpt-4o');
  });

  it("OpenCode's lmstudio provider with no baseURL; goose's openrouter, google, lmstudio and custom providers here; aider's lm_studio/, hosted_vllm/, openrouter/: refused", () => {
    const repo = hooked(STRICT);
    const custom = (url: string) => ({ '.config/goose/custom_providers/custom_local.json': JSON.stringify({ name: 'custom_local', engine: 'openai', base_url: url }) });
    const commits: [string, NodeJS.ProcessEnv][] = [
      ['opencode lmstudio', opencodeEnv({ model: 'lmstudio/gpt-5' })],
      ['goose openrouter', goose({ GOOSE_PROVIDER: 'openrouter', GOOSE_MODEL: 'anthropic/claude-sonnet-4.5', OPENROUTER_HOST: 'http://localhost:4000' })],
      ['goose google', goose({ GOOSE_PROVIDER: 'google', GOOSE_MODEL: 'gemini-2.5-pro', GOOGLE_HOST: 'http://127.0.0.1:4000' })],
      ['goose lmstudio', goose({ GOOSE_PROVIDER: 'lmstudio', GOOSE_MODEL: 'gpt-4o', LMSTUDIO_HOST: undefined })],
      ['goose custom', goose({ GOOSE_PROVIDER: 'custom_local', GOOSE_MODEL: 'gpt-5', LOCAL_HOST: 'http://localhost:4000' }, custom('${LOCAL_HOST}/v1/chat/completions'))],
    ];
    for (const [label, env] of commits) expectGatewayRefused(agentCommit(repo, env), label);
    const runs: [string, readonly string[], NodeJS.ProcessEnv][] = [
      ['aider lm_studio/', ['--model', 'lm_studio/gpt-4o'], { LM_STUDIO_API_BASE: undefined }],
      ['aider hosted_vllm/', ['--model', 'hosted_vllm/gpt-4o'], { HOSTED_VLLM_API_BASE: 'http://localhost:8000/v1' }],
      ['aider openrouter/', ['--model', 'openrouter/openai/gpt-4o'], { OPENROUTER_API_BASE: 'http://127.0.0.1:4000/v1' }],
    ];
    for (const [label, args, extra] of runs) expectGatewayRefused(agentRun(repo, 'aider', args, extra), label);
  });

  it('an honest user: OpenRouter and a remote custom provider keep the name', () => {
    const repo = hooked('policy:\n  deny: ["qwen/*"]\n');
    const openrouter = agentCommit(repo, goose({ GOOSE_PROVIDER: 'openrouter', GOOSE_MODEL: 'anthropic/claude-sonnet-4.5', OPENROUTER_HOST: undefined }));
    expect(openrouter.status, openrouter.stderr).toBe(0);
    expect(openrouter.message).toContain('Assisted-by: goose:anthropic/claude-sonnet-4.5');
    const remote = agentCommit(repo, goose({ GOOSE_PROVIDER: 'custom_local', GOOSE_MODEL: 'gpt-5' }, { '.config/goose/custom_providers/custom_local.json': JSON.stringify({ name: 'custom_local', engine: 'openai', base_url: 'https://llm.example.com/v1/chat/completions' }) }));
    expect(remote.status, remote.stderr).toBe(0);
    expect(remote.message).toContain('Assisted-by: goose:openai/gpt-5');
    const aider = agentRun(repo, 'aider', ['--model', 'openrouter/anthropic/claude-sonnet-4.5'], { OPENROUTER_API_BASE: undefined });
    expect(aider.status, aider.stderr).toBe(0);
    expect(aider.message).toContain('Assisted-by: aider:anthropic/claude-sonnet-4.5');
  });
});
