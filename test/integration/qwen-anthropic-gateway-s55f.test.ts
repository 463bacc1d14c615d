// Session 55 helper f (row 1160): Qwen Code on its `anthropic` auth type (settings
// `security.auth.selectedType: anthropic`, or `--auth-type anthropic`) sends its requests to
// `ANTHROPIC_BASE_URL` (QwenLM/qwen-code `AUTH_ENV_MAPPINGS.anthropic.baseUrl`, read by
// `resolveModelConfig` before the settings' `security.auth.baseUrl`), never to `OPENAI_BASE_URL`. The
// hooks looked only at `OPENAI_BASE_URL`: a gateway on this machine named by `ANTHROPIC_BASE_URL`
// (a LiteLLM or claude-code-proxy answering `claude-sonnet-4-5` with any model it runs) was read as
// Anthropic's model, and an honest Claude commit was refused for an `OPENAI_BASE_URL` left in the
// shell that run never reads. Found by the session 54 hand-off, checked against Qwen Code's resolver;
// replayed with init's hooks and a process named qwen.
import { describe, expect, it } from 'vitest';
import { agentCommit, hooked } from '../helpers/agent-home.js';
import { qwenEnv } from '../helpers/local-gateway.js';

const STRICT = 'policy:\n  deny: ["qwen/*"]\n  unknownModel: deny\n';
const ANTHROPIC = { model: { name: 'claude-sonnet-4-5' }, security: { auth: { selectedType: 'anthropic' } } };


describe("Qwen Code on its anthropic auth type: the gateway it talks to is ANTHROPIC_BASE_URL's", () => {
  it('ANTHROPIC_BASE_URL on loopback with a Claude name: not known, refused under unknownModel: deny', () => {
    const repo = hooked(STRICT);
    const result = agentCommit(repo, qwenEnv(ANTHROPIC, { ANTHROPIC_BASE_URL: 'http://127.0.0.1:4000' }));
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toContain('a gateway on this machine');
    expect(result.stderr).not.toMatch(/anthropic\/claude-sonnet-4\.5 \(via qwen-code\)/);
  });

  it("an OPENAI_BASE_URL on loopback that run does not read leaves Anthropic's model as named", () => {
    const repo = hooked(STRICT);
    const result = agentCommit(repo, qwenEnv(ANTHROPIC, { OPENAI_BASE_URL: 'http://localhost:4000/v1', ANTHROPIC_BASE_URL: 'https://api.anthropic.com' }));
    expect(result.status, result.stderr).toBe(0);
    expect(result.message).toContain('Assisted-by: qwen-code:anthropic/claude-sonnet-4.5');
  });

  // Session 55's last re-read: with no --model and no settings model, the auth type's own variable (ANTHROPIC_MODEL, row
  // 1091) was returned before the gateway was asked: recorded as Anthropic's model at a loopback ANTHROPIC_BASE_URL.
  it('ANTHROPIC_MODEL (no settings model) at a loopback ANTHROPIC_BASE_URL: refused too', () => {
    const repo = hooked(STRICT);
    const result = agentCommit(repo, qwenEnv({ security: { auth: { selectedType: 'anthropic' } } }, { ANTHROPIC_MODEL: 'claude-sonnet-4-5', ANTHROPIC_BASE_URL: 'http://127.0.0.1:4000' }));
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toContain('a gateway on this machine');
    const hosted = agentCommit(hooked(STRICT), qwenEnv({ security: { auth: { selectedType: 'anthropic' } } }, { ANTHROPIC_MODEL: 'claude-sonnet-4-5', ANTHROPIC_BASE_URL: 'https://api.anthropic.com' }));
    expect(hosted.status, hosted.stderr).toBe(0);
    expect(hosted.message).toContain('Assisted-by: qwen-code:anthropic/claude-sonnet-4.5');
  });
});
