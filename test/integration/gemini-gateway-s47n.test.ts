// row 848: Gemini CLI pointed at a gateway on this machine (GOOGLE_GEMINI_BASE_URL=http://localhost:4000, LiteLLM's
// proxy answering `gemini-2.5-pro` with whatever its model_list says; GOOGLE_VERTEX_BASE_URL the same) was recorded as
// the Gemini model it names and passed `allow: ["google/*"]` with `unknownModel: deny` while Qwen ran. No Gemini model
// runs on this machine (Google's open weights are Gemma), so a Gemini name there is only what was asked for.
// Committed for real through the installed hooks.
import { describe, expect, it } from 'vitest';
import { agentCommit, geminiHome, hooked } from '../helpers/agent-home.js';

const STRICT = 'policy:\n  allow: ["google/*"]\n  unknownModel: deny\n';

describe('Gemini CLI at a gateway on this machine (row 848)', () => {
  it('settings, GEMINI_MODEL or auto with GOOGLE_GEMINI_BASE_URL / GOOGLE_VERTEX_BASE_URL on loopback: gemini-cli:unknown, refused under unknownModel: deny', () => {
    const repo = hooked(STRICT);
    const cases: [string, NodeJS.ProcessEnv][] = [
      ['settings at :4000', { ...geminiHome('gemini-2.5-pro'), GOOGLE_GEMINI_BASE_URL: 'http://localhost:4000' }],
      ['GEMINI_MODEL at [::1]', { ...geminiHome('gemini-2.5-pro', 'gemini-2.5-flash'), GOOGLE_GEMINI_BASE_URL: 'http://[::1]:4000/' }],
      ['auto at vertex', { ...geminiHome('auto'), GOOGLE_VERTEX_BASE_URL: 'http://127.0.0.1:4000/vertex' }],
    ];
    for (const [label, env] of cases) {
      const result = agentCommit(repo, env);
      expect.soft(result.status, `${label}\n${result.stderr}`).toBe(1);
      expect.soft(result.stderr, label).toContain('a gateway on this machine');
      expect.soft(result.stderr, label).not.toMatch(/model: google\//);
    }
    const recorded = agentCommit(repo, { ...geminiHome('gemini-2.5-pro'), GOOGLE_GEMINI_BASE_URL: 'http://localhost:4000' }, 'feat: parser\n', ['--no-verify']);
    expect(recorded.message).toBe('feat: parser\n\nAssisted-by: gemini-cli:unknown\n');
  });

  it("an honest user: Google's own endpoint and a company gateway keep the name; a non-Gemini name at a local server (Ollama) is recorded as served", () => {
    const repo = hooked('policy:\n  deny: ["qwen/*"]\n');
    for (const url of ['https://generativelanguage.googleapis.com', 'https://llm-gateway.example.com']) {
      const kept = agentCommit(repo, { ...geminiHome('gemini-2.5-pro'), GOOGLE_GEMINI_BASE_URL: url });
      expect(kept.status, kept.stderr).toBe(0);
      expect(kept.message).toContain('Assisted-by: gemini-cli:google/gemini-2.5-pro');
    }
    const served = agentCommit(repo, { ...geminiHome('qwen3-coder'), GOOGLE_GEMINI_BASE_URL: 'http://localhost:11434' });
    expect(served.status, served.stderr).toBe(1);
    expect(served.stderr).toMatch(/qwen\/qwen3-coder/);
  });
});
